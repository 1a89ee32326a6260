"""Asked at start when a workout was left unfinished: resume it, or finish and save it."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from soleus_tui.core.train.trainer import SaveError


class ResumeScreen(ModalScreen[None]):
    CSS_PATH = "../widgets/dialogs.tcss"
    BINDINGS = [
        Binding("r", "resume", "Resume", id="resume.resume"),
        Binding("f", "finish", "Finish and save", id="resume.finish"),
        Binding("q", "app.quit", "Quit (the workout stays saved)", id="app.quit"),
        Binding("question_mark", "app.help", "Keys", key_display="?", id="app.help"),
    ]

    def __init__(self, saved: dict[str, Any]) -> None:
        super().__init__()
        self.saved = saved

    def compose(self) -> ComposeResult:
        exercises = self.saved.get("exercises", [])
        sets = sum(len(e.get("sets", [])) for e in exercises)
        reps = self.saved["runner"].get("reps", 0)
        started = self.saved["started"]
        with Vertical(id="resume-box"):
            yield Static("A workout was left unfinished", id="resume-title")
            yield Static(
                f"Started {started:%Y-%m-%d %H:%M} · {len(exercises)} exercise(s) · {sets} set(s) logged"
                + (f" · {reps} rep(s) in the set that was running" if reps else ""),
                id="resume-summary",
            )
            yield Static("[b]r[/b]  resume exactly where it stopped\n[b]f[/b]  finish it and save it to history")

    def action_resume(self) -> None:
        self.app.trainer.resume(self.saved)
        self.dismiss()
        self.app.switch_mode("train")

    def action_finish(self) -> None:
        try:
            path = self.app.trainer.finish_saved(self.saved)
        except SaveError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=15)
            return
        self.dismiss()
        self.notify(f"Saved to history as {path.name}" if path else "Nothing was logged, so nothing was saved")
