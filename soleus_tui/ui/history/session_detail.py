"""One workout in full: every exercise and set with side, reps or hold, load and rest, and the
note. `d` deletes it after asking, by moving its file to quarantine/: nothing is erased."""

from __future__ import annotations

from typing import TYPE_CHECKING
import textwrap
from datetime import date
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from soleus_tui.core.history.export import set_numbers
from soleus_tui.core.history.reader import HistoryReader
from soleus_tui.ui.history.history_text import (
    count_text,
    duration_text,
    hold_text,
    pain_text,
    relative_day,
    rest_text,
    set_text,
    volume_text,
)
from soleus_tui.core.session import Session
from soleus_tui.core.history.stats import summarize
from soleus_tui.core.units import format_load
from soleus_tui.ui.widgets.confirm import ConfirmScreen

if TYPE_CHECKING:
    from soleus_tui.app import SoleusApp


NARROW_NAME = 20  # characters of an exercise's name a line, below 80 columns
SIDE_MARK = {"left": "L", "right": "R", "both": ""}


class SessionDetailScreen(Screen[None]):
    app: SoleusApp
    CSS_PATH = "history.tcss"
    BINDINGS = [Binding("d", "delete", "Delete", id="history.delete")]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.session: Session | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading the workout...", id="detail-summary")
        yield Static(id="detail-note")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="detail-sets")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "History · workout"
        self.read_session()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "delete" and self.session is None:
            return None
        return True

    @work(thread=True, exclusive=True)
    def read_session(self) -> None:
        reader = HistoryReader(self.app.profile)
        try:
            session = reader.read(self.path)
        except OSError as error:  # it could not even be moved to quarantine/
            session, problem = None, f"Could not read {self.path.name}: {error.strerror or error}"
        else:
            gone = session is None and not reader.quarantined
            problem = f"{self.path.name} is no longer in sessions/" if gone else ""
        for warning in reader.warnings():
            self.app.notify(warning, severity="warning", markup=False, timeout=15)
        if problem:
            self.app.notify(problem, severity="warning", markup=False)
        self.app.call_from_thread(self.show_session, session)

    def show_session(self, session: Session | None) -> None:
        if session is None:
            self.dismiss()
            return
        self.session = session
        self.refresh_bindings()
        today = self.app.clock.now().date()
        self.sub_title = f"History · {session.started:%Y-%m-%d %H:%M}"
        self.query_one("#detail-summary", Static).update(self.summary_text(session, today))
        self.show_sets(session)
        note = Text.assemble(("Note  ", "bold"), session.notes) if session.notes else Text("No note.")
        self.query_one("#detail-note", Static).update(note)

    def summary_text(self, session: Session, today: date) -> Text:
        totals = summarize(session)
        day = session.started.date()
        relative = relative_day(day, today)
        when = f"{day:%A} {day.isoformat()}" + (f", {relative}" if relative else "")
        parts = [
            count_text(totals.exercises, "exercise"),
            count_text(totals.sets, "set"),
            count_text(totals.reps, "rep"),
        ]
        if totals.hold_s:
            parts.append(f"{hold_text(totals.hold_s)} held")
        parts.append(f"{volume_text(totals.volume_kg, self.app.settings.units)} volume")
        return Text(
            f"{when} · {session.started:%H:%M} to {session.ended:%H:%M} · {duration_text(totals.duration_s)}\n"
            + " · ".join(parts)
        )

    def show_sets(self, session: Session) -> None:
        """One row a set; a per-side set's left and right parts share its number. Below 80
        columns the side joins the number ("1 L") and names wrap, so nothing is cut."""
        table = self.query_one("#detail-sets", DataTable)
        narrow = self.app.size.width < 80
        with_pain = any(exercise.pain is not None for exercise in session.exercises)
        sides = [] if narrow else ["Side"]
        table.add_columns("Exercise", "Set", *sides, "Done", "Load", "Rest", *(["Pain"] if with_pain else []))
        unit = self.app.settings.units
        for exercise in session.exercises:
            known = self.app.catalog.get(exercise.id)
            load_kind = known.load if known else "dumbbell"
            name = textwrap.wrap(exercise.name, NARROW_NAME) if narrow else [exercise.name]
            for index, (number, s) in enumerate(zip(set_numbers(exercise.sets), exercise.sets)):
                first = index == 0
                mark = f"{number} {SIDE_MARK[s.side]}".rstrip() if narrow else str(number)
                table.add_row(
                    Text("\n".join(name) if first else ""),
                    Text(mark, justify="right"),
                    *([] if narrow else [s.side]),
                    set_text(s.reps, s.hold_s, 0.0, unit).removesuffix(" hold") if narrow else set_text(s.reps, s.hold_s, 0.0, unit),
                    format_load(s.load_kg, unit, load_kind),
                    Text(rest_text(s.rest_s), justify="right"),
                    *([Text(pain_text(exercise.pain) if first else "", justify="right")] if with_pain else []),
                    height=len(name) if first else 1,
                )
        table.focus()

    # -- deleting ---------------------------------------------------------------------------------

    def action_delete(self) -> None:
        assert self.session is not None
        started = self.session.started
        question = ConfirmScreen(
            f"Delete the workout of {started:%Y-%m-%d %H:%M}?",
            "Its file moves to quarantine/ in the profile folder. Nothing is erased: "
            f"moving it back to sessions/{started:%Y}/ brings it back.",
            yes="Delete",
            no="Keep",
        )
        self.app.push_screen(question, self.delete_if_confirmed)

    def delete_if_confirmed(self, confirmed: bool | None) -> None:
        if confirmed:
            self.move_to_quarantine()

    @work(thread=True, exclusive=True)
    def move_to_quarantine(self) -> None:
        try:
            moved = self.app.profile.quarantine(self.path)
        except OSError as error:
            message = f"Could not move {self.path.name} to quarantine/: {error.strerror or error}"
            self.app.call_from_thread(self.notify, message, severity="error", markup=False)
            return
        self.app.call_from_thread(self.deleted, moved)

    def deleted(self, moved: Path) -> None:
        self.notify(f"Deleted the workout: its file is now quarantine/{moved.name}", markup=False)
        self.dismiss()
