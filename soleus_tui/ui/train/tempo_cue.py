"""The tempo of a rep as three stages, up / pause / down, with the one to do now lit up.

The stage to do now is written in capitals with its seconds left, so it reads without colour.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

STAGES = ("up", "pause", "down")
MARKS = {False: ("▲", "■", "▼"), True: ("^", "=", "v")}


class TempoCue(Horizontal):
    def __init__(self, plain: bool, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.marks = MARKS[plain]

    def compose(self) -> ComposeResult:
        for stage in STAGES:
            yield Static(classes="tempo-stage", id=f"tempo-{stage}", markup=False)

    def show(self, now: tuple[str, int] | None, tempo: tuple[int, int, int]) -> None:
        """`now` is the stage to do and its whole seconds left; None while no rep is under way."""
        for stage, mark, seconds, box in zip(STAGES, self.marks, tempo, self.query(".tempo-stage").results(Static)):
            lit = now is not None and now[0] == stage
            box.update(f"{mark} {stage.upper()} {now[1]}" if now and lit else f"{mark} {stage} {seconds}")
            box.set_class(lit, "-now")
            box.set_class(seconds == 0, "-skipped")
