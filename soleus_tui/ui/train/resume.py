"""Asked at start when a workout was left unfinished: resume it, finish and save it, discard it
(to quarantine/, never deleted), or decide later (it stays saved, and is asked again before
another workout starts)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from soleus_tui.core.train.trainer import SaveError

from soleus_tui.ui.train.summary import plural
from soleus_tui.ui.widgets.keys import key_label

if TYPE_CHECKING:
    from soleus_tui.app import SoleusApp


def saved_words(saved: dict[str, Any]) -> str:
    """'Started 2026-11-24 07:30 · 1 exercise, 1 set', and the reps of a set that was running."""
    exercises = [e for e in saved.get("exercises", []) if e.get("sets")]
    sides = [s.get("side", "both") for e in exercises for s in e["sets"]]
    sets = sum(1 for side in sides if side != "left")  # a per-side set is one set
    reps = saved["runner"].get("reps", 0)
    started = f"Started {saved['started']:%Y-%m-%d %H:%M}"
    if not sets:
        return f"{started} · {plural(reps, 'rep')} in its first set" if reps else f"{started} · a hold under way"
    words = f"{started} · {plural(len(exercises), 'exercise')}, {plural(sets, 'set')}"
    return words + (f", and {plural(reps, 'rep')} in the set that was running" if reps else "")


class ResumeScreen(ModalScreen[bool]):
    """Dismissed with True when the workout was resumed."""
    app: SoleusApp

    CSS_PATH = "../widgets/dialogs.tcss"
    BINDINGS = [
        Binding("r", "resume", "Resume", id="resume.resume"),
        Binding("f", "finish", "Finish and save", id="resume.finish"),
        Binding("d", "discard", "Discard", id="resume.discard"),
        Binding("escape", "later", "Decide later", id="resume.later"),
        Binding("q", "app.quit", "Quit (the workout stays saved)", id="app.quit"),
        Binding("question_mark", "app.help", "Keys", key_display="?", id="app.help"),
    ]

    def __init__(self, saved: dict[str, Any]) -> None:
        super().__init__()
        self.saved = saved

    def compose(self) -> ComposeResult:
        def key(action: str) -> str:
            return key_label(self, f"resume.{action}")

        with Vertical(id="resume-box"):
            yield Static("A workout was left unfinished", id="resume-title")
            yield Static(saved_words(self.saved), id="resume-summary", markup=False)
            yield Static(
                f"{key('resume'):<6} resume exactly where it stopped\n"
                f"{key('finish'):<6} finish it and save it to history\n"
                f"{key('discard'):<6} discard it (kept aside in quarantine/)\n"
                f"{key('later'):<6} decide later: it stays saved",
                markup=False,
            )

    def action_resume(self) -> None:
        self.app.trainer.resume(self.saved)
        self.app.trainer.deferred = None
        self.dismiss(True)
        if self.app.current_mode != "train":
            self.app.switch_mode("train")  # the list opens the runner as it mounts

    def action_finish(self) -> None:
        try:
            path = self.app.trainer.finish_saved(self.saved)
        except SaveError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=15)
            return
        self.app.trainer.deferred = None
        self.dismiss(False)
        self.notify("Saved to history." if path else "Nothing was logged, so nothing was saved.", title="Workout finished")

    def action_discard(self) -> None:
        try:
            moved = self.app.trainer.discard_saved()
        except OSError as error:
            self.notify(f"Could not move the workout aside: {error}", severity="error", markup=False)
            return
        self.app.trainer.deferred = None
        self.dismiss(False)
        self.notify(f"Discarded: kept aside as quarantine/{moved.name}", markup=False)

    def action_later(self) -> None:
        self.app.trainer.deferred = self.saved
        self.dismiss(False)
