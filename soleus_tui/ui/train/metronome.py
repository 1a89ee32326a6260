"""The metronome drawn big: an up arrow and a down arrow, the beat to do now solid and in capitals.

The unlit arrow is drawn in a light shade, so the beat reads without colour too. The boxes
around the arrows never change: a beat repaints only the two arrows, a few dozen cells.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Horizontal
from textual.widgets import Static

BEATS = ("up", "down")
ARROW_UP = ("  ##  ", " #### ", "######", "  ##  ")
SHADES = {False: {True: "█", False: "░"}, True: {True: "#", False: "."}}  # plain -> lit -> glyph


def arrow(beat: str, lit: bool, plain: bool) -> str:
    rows = ARROW_UP if beat == "up" else tuple(reversed(ARROW_UP))
    glyph = SHADES[plain][lit]
    drawn = [row.replace("#", glyph) for row in rows]
    word = (beat.upper() if lit else beat).center(len(rows[0]))
    return "\n".join([*drawn, word] if beat == "up" else [word, *drawn])


class Metronome(Horizontal):
    def __init__(self, plain: bool, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plain = plain
        self.beat: str | None = "?"

    def compose(self) -> ComposeResult:
        for beat in BEATS:
            with Center(classes="beat"):
                yield Static(classes="beat-arrow", id=f"beat-{beat}", markup=False)

    def show(self, beat: str | None) -> None:
        """`beat` is "up" or "down" while the metronome runs, None while it stands still."""
        if beat == self.beat:
            return
        self.beat = beat
        for name, box in zip(BEATS, self.query(".beat-arrow").results(Static)):
            lit = name == beat
            box.update(arrow(name, lit, self.plain))
            box.set_class(lit, "-now")
