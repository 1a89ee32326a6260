"""One exercise through the history: its bests, a chart of its progress, and every workout with it."""

from __future__ import annotations

from typing import TYPE_CHECKING
from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from soleus_tui.ui.history.history_text import best_text, count_text, day_word, hold_text, pain_text
from soleus_tui.core.history.overview import ExerciseRecord, TrendPoint, exercise_pains, exercise_trend, trend_measure
from soleus_tui.core.session import Session
from soleus_tui.core.units import format_load
from soleus_tui.ui.history.bar_chart import BarChart
from soleus_tui.ui.history.paged_table import PagedTable, Row

if TYPE_CHECKING:
    from soleus_tui.app import SoleusApp

MEASURES = {"load": "Heaviest set", "reps": "Most reps in a set", "hold": "Longest hold"}


class ExerciseHistoryScreen(Screen[None]):
    app: SoleusApp
    CSS_PATH = "history.tcss"

    def __init__(self, record: ExerciseRecord, highlights_newest_first: Sequence[Session]) -> None:
        super().__init__()
        self.record = record
        self.trend = exercise_trend(highlights_newest_first, record.exercise_id)
        self.pains = exercise_pains(highlights_newest_first, record.exercise_id)
        self.has_pain = any(pain is not None for pain in self.pains)
        self.measure, self.values = trend_measure(self.trend)
        self.has_reps = record.bests.most_reps is not None
        self.has_holds = record.bests.longest_hold is not None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.bests_text(), id="exercise-bests")
        yield BarChart(self.describe_chart, plain=self.app.plain, id="exercise-trend")
        yield PagedTable(id="exercise-workouts")
        yield Footer()

    def on_mount(self) -> None:
        self.today = self.app.clock.now().date()
        self.sub_title = self.record.name if self.app.size.width < 80 else f"History · {self.record.name}"
        self.query_one(BarChart).values = tuple(self.values)
        table = self.query_one(PagedTable)
        table.add_columns("Date", "Day", *(["Heaviest set", "Most reps"] if self.has_reps else []))
        if self.has_holds:
            table.add_column("Longest hold")
        if self.has_pain:
            table.add_column("Pain")
        table.show(list(enumerate(self.trend)), self.workout_row)
        table.focus()

    def bests_text(self) -> Text:
        record, unit = self.record, self.app.settings.units
        bests = record.bests
        heaviest = f"Heaviest for {record.target_reps} reps" if record.target_reps else "Heaviest (no target)"
        lines = []
        if self.has_reps:
            lines.append((heaviest, best_text(bests.heaviest_at_target, unit), bests.heaviest_at_target))
            lines.append(("Most reps in a set", best_text(bests.most_reps, unit), bests.most_reps))
        if self.has_holds:
            lines.append(("Longest hold", best_text(bests.longest_hold, unit, hold=True), bests.longest_hold))
        text = Text(
            f"{record.name} · {count_text(record.workouts, 'workout')}, last on {record.last_done.isoformat()}\n",
            style="bold",
        )
        if not lines:
            text.append("No set of it with reps or a hold yet.")
        for label, value, best in lines:
            text.append(f"{label:<22}")
            text.append(f"{value:<20}")
            text.append(f"on {best.when.date().isoformat()}\n" if best else "\n")
        text.rstrip()
        return text

    def describe_chart(self, count: int, peak: float) -> tuple[str, str]:
        return f"{MEASURES[self.measure]}, last {count_text(count, 'workout')}", f"peak {self.peak_text(peak)}"

    def peak_text(self, peak: float) -> str:
        if self.measure == "load":
            return format_load(peak, self.app.settings.units)
        if self.measure == "reps":
            return count_text(round(peak), "rep")
        return hold_text(peak)

    def workout_row(self, numbered: tuple[int, TrendPoint]) -> Row:
        number, (started, bests) = numbered
        unit = self.app.settings.units
        cells = [started.date().isoformat(), day_word(started.date(), self.today)]
        if self.has_reps:
            cells += [best_text(bests.heaviest_at_target, unit), best_text(bests.most_reps, unit)]
        if self.has_holds:
            cells.append(best_text(bests.longest_hold, unit, hold=True))
        if self.has_pain:
            cells.append(pain_text(self.pains[number]))
        return str(number), cells

