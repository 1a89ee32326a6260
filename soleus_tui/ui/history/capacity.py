"""History's capacity view: every heel-raise test with left, right and symmetry, a trend per side,
and the VISA-A scores the user typed (the questionnaire itself is never shown)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from collections.abc import Sequence

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from soleus_tui.core.capacity.results import SYMMETRY_MARK_PCT, CapacityResult
from soleus_tui.core.pain.checkins import (
    VISA_A_HEALTHY_ABOVE,
    VISA_A_REAL_CHANGE,
    CheckIns,
    checkins_path,
    load_checkins,
    save_checkins,
)
from soleus_tui.ui.history.bar_chart import BarChart, Describe
from soleus_tui.ui.history.history_text import count_text, day_word
from soleus_tui.ui.history.paged_table import PagedTable, Row
from soleus_tui.ui.widgets.keys import key_label

if TYPE_CHECKING:
    from soleus_tui.app import SoleusApp

KNEES = ("straight", "bent")
VISA_A_SOURCE = "Robinson et al. (2001), Br J Sports Med 35:335-41"


class CapacityScreen(Screen[None]):
    app: SoleusApp
    CSS_PATH = "history.tcss"
    BINDINGS = [
        Binding("k", "other_knee", "Other knee", id="history.capacity-knee"),
        Binding("v", "visa_a", "VISA-A", id="history.visa-a"),
    ]

    def __init__(self, results_newest_first: Sequence[CapacityResult]) -> None:
        super().__init__()
        self.results = list(results_newest_first)
        self.knee = self.results[0].knee if self.results else "straight"
        self.checkins: CheckIns | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="capacity-summary", markup=False)
        with Horizontal(id="capacity-trends"):
            for side in ("left", "right"):
                yield BarChart(self.describer(side), plain=self.app.plain, id=f"capacity-{side}")
        yield PagedTable(id="capacity-tests")
        yield Static("Reading the VISA-A scores...", id="capacity-visa-a", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "History · capacity"
        self.today = self.app.clock.now().date()
        self.query_one(PagedTable).add_columns("Date", "Day", "Knee", "Left", "Right", "Symmetry")
        self.show_knee()
        self.read_checkins()

    # -- the tests --------------------------------------------------------------------------------

    def of_knee(self) -> list[CapacityResult]:
        return [r for r in self.results if r.knee == self.knee]

    def show_knee(self) -> None:
        tests = self.of_knee()
        oldest_first = list(reversed(tests))
        self.query_one("#capacity-left", BarChart).values = tuple(float(r.left) for r in oldest_first)
        self.query_one("#capacity-right", BarChart).values = tuple(float(r.right) for r in oldest_first)
        table = self.query_one(PagedTable)
        table.show(tests, self.test_row)
        table.focus()
        other = "bent" if self.knee == "straight" else "straight"
        if tests:
            summary = (f"{self.knee.capitalize()}-knee tests: {count_text(len(tests), 'test')} · "
                       f"{key_label(self, 'history.capacity-knee')}  the {other}-knee ones")  # fmt: skip
        else:
            summary = (f"No {self.knee}-knee test yet: the capacity test on the Train list adds one · "
                       f"{key_label(self, 'history.capacity-knee')}  the {other}-knee ones")  # fmt: skip
        self.query_one("#capacity-summary", Static).update(summary)
        self.refresh_bindings()

    def describer(self, side: str) -> Describe:
        def describe(count: int, peak: float) -> tuple[str, str]:
            return f"{side.capitalize()}, last {count_text(count, 'test')}", f"most {round(peak)} raises"

        return describe

    def test_row(self, result: CapacityResult) -> Row:
        pct = result.symmetry_pct
        symmetry = Text("-" if pct is None else f"{pct} %")
        if result.uneven:
            symmetry.append(f" under {SYMMETRY_MARK_PCT} %", "bold")
        day = result.when.date()
        return result.when.isoformat(), [
            day.isoformat(),
            day_word(day, self.today),
            result.knee,
            Text(str(result.left), justify="right"),
            Text(str(result.right), justify="right"),
            symmetry,
        ]

    def action_other_knee(self) -> None:
        self.knee = "bent" if self.knee == "straight" else "straight"
        self.show_knee()

    # -- VISA-A -----------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="checkins")
    def read_checkins(self) -> None:
        try:
            checkins, problems = load_checkins(checkins_path(self.app.profile))
        except OSError as error:
            self.app.notify(f"Could not read checkins.toml: {error.strerror or error}", severity="error", markup=False)
            return
        for problem in problems:
            self.app.notify(problem, severity="warning", markup=False, timeout=10)
        self.app.call_from_thread(self.show_visa_a, checkins)

    def show_visa_a(self, checkins: CheckIns) -> None:
        self.checkins = checkins
        self.query_one("#capacity-visa-a", Static).update(visa_a_text(checkins, key_label(self, "history.visa-a")))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "visa_a":
            return None if self.checkins is None else True
        return True

    def action_visa_a(self) -> None:
        from soleus_tui.ui.history.visa_a import VisaAScreen

        self.app.push_screen(VisaAScreen(), self.keep_visa_a)

    def keep_visa_a(self, score: int | None) -> None:
        if score is not None and self.checkins is not None:
            self.save_visa_a(self.checkins.with_visa_a(self.app.clock.now().date(), score))

    @work(thread=True, exclusive=True, group="checkins")
    def save_visa_a(self, checkins: CheckIns) -> None:
        try:
            save_checkins(checkins_path(self.app.profile), checkins)
        except OSError as error:
            self.app.notify(f"Could not save the VISA-A score: {error.strerror or error}", severity="error",
                            markup=False)  # fmt: skip
            return
        self.app.call_from_thread(self.show_visa_a, checkins)


def visa_a_text(checkins: CheckIns, key: str) -> str:
    scores = checkins.visa_a
    if not scores:
        return f"VISA-A: no score yet · {key}  add today's score (0-100) from the questionnaire you filled in."
    shown = " · ".join(f"{v.day.isoformat()} {v.score}" for v in scores[-4:])
    line = f"VISA-A: {shown}"
    if len(scores) > 1:
        change = scores[-1].score - scores[-2].score
        line += f" ({change:+d}{', a change that matters' if abs(change) >= VISA_A_REAL_CHANGE else ''})"
    return (f"{line}\nHealthy tendons score above {VISA_A_HEALTHY_ABOVE}; {VISA_A_REAL_CHANGE:g} points is the "
            f"smallest change that matters ({VISA_A_SOURCE}) · {key}  add a score")  # fmt: skip
