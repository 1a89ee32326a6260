"""History: the overview of the training above the workouts, newest first, and bests per exercise.

Building it starts a thread worker that reads the newest files for the first rows while the
screen mounts; the screen's first frame is those rows, and the overview's calendar and chart and
the hidden bests are built once the rows are on screen. The worker then reads every session
through the summary cache; the overview and the bests fill in when that is done, and keys work all
the while. Coming back to the screen reads again, so new and deleted workouts show.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ContentSwitcher, DataTable, Footer, Header, Static
from textual.worker import get_current_worker

from soleus_tui.core.history.overview import ExerciseRecord, Overview, exercise_records, overview
from soleus_tui.core.history.reader import HistoryReader
from soleus_tui.core.history.stats import Best
from soleus_tui.core.history.summary_cache import SessionDigest, cache_file, newest, scan
from soleus_tui.ui.history.bar_chart import BarChart
from soleus_tui.ui.history.history_text import (
    NONE,
    best_text,
    count_text,
    day_word,
    duration_text,
    hold_text,
    volume_text,
)
from soleus_tui.ui.history.paged_table import PagedTable, Row
from soleus_tui.ui.history.training_calendar import TrainingCalendar
from soleus_tui.ui.widgets.keys import key_label

if TYPE_CHECKING:
    from rich.console import RenderableType

    from soleus_tui.app import SoleusApp

FIRST_ROWS_WAIT_S = 0.5
WORKOUT_COLUMNS = ("Date", "Day", "Start", "Length", "Exercises", "Sets", "Reps", "Volume")
NARROW_COLUMNS = ("Date", "Day", "Length", "Sets", "Reps", "Volume")  # what fits 60 columns
CAPTIONS = {
    "workouts": "Workouts, newest first · enter opens one",
    "bests": "Bests · heaviest: at the top of the rep range · enter shows the trend",
}


class HistoryScreen(Screen[None]):
    app: SoleusApp
    CSS_PATH = "history.tcss"
    BINDINGS = [
        Binding("b", "show_list('bests')", "Bests", id="history.bests"),
        Binding("w", "show_list('workouts')", "Workouts", id="history.workouts"),
        Binding("c", "capacity", "Capacity", id="history.capacity"),
    ]

    class FirstRows(Message):
        def __init__(self, digests: list[SessionDigest], today: date) -> None:
            super().__init__()
            self.digests, self.today = digests, today
            self.drawn = threading.Event()

    class Loaded(Message):
        def __init__(
            self, digests: list[SessionDigest], today: date, overview: Overview, records: list[ExerciseRecord]
        ) -> None:
            super().__init__()
            self.digests, self.today, self.overview, self.records = digests, today, overview, records

    def __init__(self) -> None:
        super().__init__()
        self.digests: list[SessionDigest] | None = None  # every session, once read
        self.records: list[ExerciseRecord] = []
        self.shown_list = "workouts"
        self.away = False
        self.workout_columns = WORKOUT_COLUMNS if self.app.size.width >= 80 else NARROW_COLUMNS
        # A screenful, read while the app styles and mounts this screen: the rows can then be in
        # its first frame, rather than follow an empty one.
        self.read_history(first_rows=self.app.size.height)

    def compose(self) -> ComposeResult:
        """What the first rows are drawn with; the rest follows once they are on screen."""
        yield Header()
        with Horizontal(id="history-overview"):  # its height is kept: the rest does not move the rows
            yield Vertical(id="history-numbers")
        yield Static(id="history-programme", markup=False)
        yield Static(CAPTIONS["workouts"], id="history-caption")
        with ContentSwitcher(initial="history-workouts", id="history-lists"):
            yield PagedTable(id="history-workouts")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "History"
        workouts = self.query_one("#history-workouts", PagedTable)
        workouts.add_columns(*self.workout_columns)
        workouts.focus()

    def complete(self) -> None:
        """The calendar, the volume chart and the hidden bests table, built once the first rows
        are on screen: in the first frame they would hold the rows up by about as long again."""
        if self.query("#history-bests"):
            return
        # Each mounted into a mounted parent, so that a query finds it at once.
        calendar = TrainingCalendar(plain=self.app.plain, id="history-calendar")
        calendar.border_title = "Training days"
        self.query_one("#history-overview").mount(calendar, before=0)
        self.query_one("#history-numbers").mount(
            Static("Reading the history...", id="history-totals"),
            BarChart(self.describe_volume, plain=self.app.plain, id="history-volume"),
        )
        bests: DataTable[Text] = DataTable(cursor_type="row", id="history-bests")
        for label, width in BEST_COLUMNS if self.workout_columns is WORKOUT_COLUMNS else NARROW_BEST_COLUMNS:
            bests.add_column(label, width=width)
        bests.display = False  # the switcher shows the workouts
        self.query_one(ContentSwitcher).mount(bests)

    def on_screen_suspend(self) -> None:
        self.away = True

    def on_screen_resume(self) -> None:
        if self.away:
            self.away = False
            self.read_history(first_rows=0)

    # -- reading, in a thread ---------------------------------------------------------------------

    def read_history(self, first_rows: int) -> None:
        """The first rows come first: the catalog (made on first use) and the programme's weeks
        are read in the worker once those rows are drawn, never on the key that opened History."""
        self.read_in_thread(self.app.clock.now().date(), first_rows)

    @work(thread=True, exclusive=True, group="history-programme")
    def read_programme(self, today: date) -> None:
        """The running programme's weeks come from its own sessions: a short read beside the scan."""
        from soleus_tui.core.programmes.state import load_state
        from soleus_tui.core.programmes.text import history_lines

        units = self.app.settings.units
        try:
            lines = history_lines(load_state(self.app.profile, self.app.catalog, units, today, pain=False), units)
        except OSError as error:
            self.app.notify(f"Could not read the programme: {error.strerror or error}", severity="error", markup=False)
            return
        self.app.call_from_thread(self.show_programme, lines)

    def show_programme(self, lines: list[str]) -> None:
        panel = self.query_one("#history-programme", Static)
        panel.update("\n".join(lines))
        panel.display = bool(lines)

    @work(thread=True, exclusive=True, group="history")
    def read_in_thread(self, today: date, first_rows: int) -> None:
        worker, profile = get_current_worker(), self.app.profile
        reader = HistoryReader(profile)
        try:
            rows = self.FirstRows(newest(reader, first_rows, cache_file(profile)), today)
            if rows.digests:
                self.post_message(rows)
                rows.drawn.wait(timeout=FIRST_ROWS_WAIT_S)
            self.app.call_from_thread(self.read_programme, today)
            catalog = self.app.catalog
            digests = scan(reader, cache_file(profile), stopped=lambda: worker.is_cancelled)
        except OSError as error:
            message = f"Could not read the history in {profile.sessions_dir}: {error.strerror or error}"
            self.app.notify(message, severity="error", markup=False, timeout=15)
            return
        finally:
            for warning in reader.warnings():
                self.app.notify(warning, severity="warning", markup=False, timeout=15)
        if worker.is_cancelled:
            return
        summary = overview([d.summary for d in digests], today)
        records = exercise_records([d.highlights for d in digests], catalog)
        self.post_message(self.Loaded(digests, today, summary, records))

    def on_history_screen_first_rows(self, message: FirstRows) -> None:
        if self.digests is None:
            self.show_workouts(message.digests, message.today)
        self.after_drawing(self.first_rows_drawn, message)

    def first_rows_drawn(self, message: FirstRows) -> None:
        self.complete()
        self.after_drawing(message.drawn.set)  # the scan would slow the drawing of the rest

    def after_drawing(self, callback: Callable[..., object], *args: object) -> None:
        # two refreshes: a table lays new rows out when it is idle, and they are drawn after that
        self.call_after_refresh(self.call_after_refresh, callback, *args)

    def on_history_screen_loaded(self, message: Loaded) -> None:
        self.complete()
        self.digests, self.records = message.digests, message.records
        self.show_workouts(message.digests, message.today)
        self.show_overview(message.overview, message.today)
        self.show_bests(message.records)
        self.show_caption()
        self.refresh_bindings()

    # -- showing ----------------------------------------------------------------------------------

    def show_workouts(self, digests: list[SessionDigest], today: date) -> None:
        table = self.query_one("#history-workouts", PagedTable)
        row = partial(workout_row, today=today, unit=self.app.settings.units, columns=self.workout_columns)
        table.show(digests, row)

    def show_overview(self, numbers: Overview, today: date) -> None:
        self.query_one("#history-totals", Static).update(overview_text(numbers, self.app.settings.units))
        self.query_one("#history-calendar", TrainingCalendar).show(numbers.day_volume_kg, today)
        self.query_one("#history-volume", BarChart).values = tuple(numbers.weekly_volume_kg)

    def show_bests(self, records: list[ExerciseRecord]) -> None:
        table = self.query_one("#history-bests", DataTable)
        row = table.cursor_row
        table.clear()
        for record in records:
            cells = bests_row(record, self.app.settings.units)
            if self.workout_columns is not WORKOUT_COLUMNS:
                cells = [cells[0], next((cell for cell in (cells[1], cells[3], cells[2]) if cell.plain != NONE), cells[1])]
            table.add_row(*cells, key=record.exercise_id, height=2)
        if records:
            table.move_cursor(row=min(row, len(records) - 1), animate=False)

    def show_caption(self) -> None:
        caption = CAPTIONS[self.shown_list]
        if self.digests == []:
            caption = f"No workouts yet: press {key_label(self, 'app.train')} to train, and each finished workout shows up here."
        self.query_one("#history-caption", Static).update(caption)

    def describe_volume(self, weeks: int, peak_kg: float) -> tuple[str, str]:
        if not weeks:  # still reading
            return "Volume a week", ""
        return f"Volume a week, last {weeks} weeks", f"peak {volume_text(peak_kg, self.app.settings.units)}"

    # -- keys -------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_list":
            return parameters[0] != self.shown_list
        if action == "capacity":
            return None if self.digests is None else True
        return True

    def action_capacity(self) -> None:
        from soleus_tui.core.capacity.results import capacity_results
        from soleus_tui.ui.history.capacity import CapacityScreen

        assert self.digests is not None
        self.app.push_screen(CapacityScreen(capacity_results(d.highlights for d in self.digests)))

    def action_show_list(self, name: str) -> None:
        self.complete()
        self.shown_list = name
        self.query_one(ContentSwitcher).current = f"history-{name}"
        self.query_one(f"#history-{name}").focus()
        self.show_caption()
        self.refresh_bindings()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value
        if event.data_table.id == "history-workouts" and key is not None:
            from soleus_tui.ui.history.session_detail import SessionDetailScreen

            self.app.push_screen(SessionDetailScreen(Path(key)))
        elif event.data_table.id == "history-bests" and self.digests is not None:
            from soleus_tui.ui.history.exercise_history import ExerciseHistoryScreen

            record = next(r for r in self.records if r.exercise_id == key)
            self.app.push_screen(ExerciseHistoryScreen(record, [d.highlights for d in self.digests]))


def workout_row(digest: SessionDigest, today: date, unit: str, columns: tuple[str, ...] = WORKOUT_COLUMNS) -> Row:
    summary = digest.summary
    day = summary.started.date()
    values: list[RenderableType] = [
        day.isoformat(),
        day_word(day, today),
        f"{summary.started:%H:%M}",
        duration_text(summary.duration_s),
        Text(str(summary.exercises), justify="right"),
        Text(str(summary.sets), justify="right"),
        Text(f"{summary.reps:,}", justify="right"),
        Text(volume_text(summary.volume_kg, unit), justify="right"),
    ]
    cells = dict(zip(WORKOUT_COLUMNS, values))
    return str(digest.path), [cells[column] for column in columns]


def overview_text(numbers: Overview, unit: str) -> Text:
    rows = (
        ("Streak", f"{count_text(numbers.streak_days, 'day')} · {count_text(numbers.streak_weeks, 'week')}"),
        ("This week", f"{count_text(numbers.this_week, 'workout')} · {numbers.per_week:.1f} on average"),
        ("In all", f"{count_text(numbers.workouts, 'workout')} · {count_text(numbers.reps, 'rep')}"),
        ("", f"{hold_text(numbers.hold_s)} held · {volume_text(numbers.volume_kg, unit)} volume"),
    )
    text = Text(no_wrap=True)
    for label, value in rows:
        text.append(f"{label:<11}", "bold")
        text.append(f"{value}\n")
    text.rstrip()
    return text


BEST_COLUMNS = (("Exercise", 31), ("Heaviest", 13), ("Most reps", 13), ("Longest hold", 13))
NARROW_BEST_COLUMNS = (("Exercise", 31), ("Best", 14))  # heaviest, else longest hold, else most reps


def bests_row(record: ExerciseRecord, unit: str) -> list[Text]:
    bests = record.bests
    return [
        Text(f"{record.name}\n{count_text(record.workouts, 'workout')}, last {record.last_done.isoformat()}"),
        best_cell(bests.heaviest_at_target, best_text(bests.heaviest_at_target, unit)),
        best_cell(bests.most_reps, best_text(bests.most_reps, unit)),
        best_cell(bests.longest_hold, best_text(bests.longest_hold, unit, hold=True)),
    ]


def best_cell(best: Best | None, value: str) -> Text:
    return Text(f"{value}\n{best.when.date().isoformat()}" if best else value)
