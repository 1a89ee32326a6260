"""Shown when a workout is finished: what it added up to, and the bests it set."""

from __future__ import annotations

from typing import TYPE_CHECKING
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.worker import get_current_worker

from soleus_tui.core.history.reader import HistoryReader
from soleus_tui.core.train.summary import NewBest, WorkoutSummary, new_bests, summarize_workout
from soleus_tui.core.train.trainer import Finished
from soleus_tui.core.units import format_load
from soleus_tui.core.clock import clock_text
from soleus_tui.ui.widgets.keys import key_label

if TYPE_CHECKING:
    from soleus_tui.app import SoleusApp


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def summary_text(summary: WorkoutSummary, unit: str) -> str:
    lines = [
        f"Length   {clock_text(summary.length_s)}",
        f"Done     {plural(summary.exercises, 'exercise')}, {plural(summary.sets, 'set')}, {plural(summary.reps, 'rep')}"
        + (f", {summary.hold_s:g} s held" if summary.hold_s else ""),
        f"Volume   {format_load(summary.volume_kg, unit)}",
    ]
    return "\n".join(lines)


def bests_text(found: list[NewBest], unit: str) -> str:
    if not found:
        return "New bests  none this time"
    words = []
    for best in found:
        value = f"{best.value:g} s" if best.what == "longest hold" else plural(int(best.value), "rep")
        words.append(f"  {best.exercise}: {best.what}, {value} at {format_load(best.load_kg, unit)}")
    return "New bests\n" + "\n".join(words)


class SummaryScreen(ModalScreen[None]):
    app: SoleusApp
    CSS_PATH = "train.tcss"
    BINDINGS = [
        Binding("escape,enter", "close", "Close", id="summary.close"),
    ]

    def __init__(self, finished: Finished) -> None:
        super().__init__()
        self.finished = finished

    def compose(self) -> ComposeResult:
        unit = self.app.settings.units
        session = self.finished.session
        with Vertical(id="summary-box"):
            yield Static("Workout finished", id="summary-title")
            if self.finished.path is None:
                yield Static("Nothing was logged, so nothing was saved.", markup=False)
            else:
                yield Static(summary_text(summarize_workout(session), unit), markup=False)
                yield Static("New bests  looking through the history…", id="summary-bests", markup=False)
            yield Static(f"{key_label(self, 'summary.close')}  close", id="summary-hint", markup=False)

    def on_mount(self) -> None:
        if self.finished.path is not None:
            self.find_bests()

    @work(thread=True, exclusive=True)
    def find_bests(self) -> None:
        """Every earlier session may be read: off the UI thread."""
        reader = HistoryReader(self.app.profile)
        targets = {e.id: e.reps for e in self.app.catalog}
        found = new_bests(self.finished.session, (s for _, s in reader.sessions()), targets)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_bests, found)

    def show_bests(self, found: list[NewBest]) -> None:
        self.query_one("#summary-bests", Static).update(bests_text(found, self.app.settings.units))

    def action_close(self) -> None:
        self.dismiss()
