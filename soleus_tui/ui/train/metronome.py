"""The metronome drawn big: one arrow in a box, pointing up on the up beat and down on the down beat.

The two arrows share all but two of their rows, so a beat sends those two rows and the word under
them, not the whole box (two boxes lit in turn sent ten rows a beat). Standing still, before a leg
runs or while it is paused, the arrow is drawn in a light shade, which reads without colour too.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.app import ComposeResult
from textual.containers import Center, Horizontal
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

ARROWS = {  # the head where it points, the stem behind it: only rows 1 and 3 differ
    "up": ("  ##  ", " #### ", "######", "  ##  ", "  ##  "),
    "down": ("  ##  ", "  ##  ", "######", " #### ", "  ##  "),
}
WIDTH = 6
SHADES = {False: {True: "█", False: "░"}, True: {True: "#", False: "."}}  # plain -> running -> glyph


def arrow_lines(beat: str | None, plain: bool) -> list[str]:
    """The arrow and its word; standing still it points up, the first beat, in the light shade."""
    glyph = SHADES[plain][beat is not None]
    word = beat.upper() if beat else "up"
    return [row.replace("#", glyph) for row in ARROWS[beat or "up"]] + [word.center(WIDTH)]


class BeatArrow(Widget):
    DEFAULT_CSS = """
    BeatArrow {
        width: 6;
        height: 6;
    }
    """

    def __init__(self, plain: bool) -> None:
        super().__init__()
        self.plain = plain
        self.lines = arrow_lines(None, plain)

    def show(self, beat: str | None) -> None:
        lines = arrow_lines(beat, self.plain)
        changed = [y for y, (old, new) in enumerate(zip(self.lines, lines)) if old != new]
        self.lines = lines
        self.refresh(*(Region(0, y, WIDTH, 1) for y in changed))

    def render_line(self, y: int) -> Strip:
        line = self.lines[y] if y < len(self.lines) else ""
        return Strip([Segment(line.ljust(self.size.width), self.rich_style)], self.size.width)


class Metronome(Horizontal):
    def __init__(self, plain: bool, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plain = plain
        self.beat: str | None = None

    def compose(self) -> ComposeResult:
        with Center(classes="beat"):
            yield BeatArrow(self.plain)

    def show(self, beat: str | None) -> None:
        """`beat` is "up" or "down" while the metronome runs, None while it stands still."""
        if beat == self.beat:
            return
        arrow = self.query_one(BeatArrow)
        if (beat is None) != (self.beat is None):  # started or stopped: the colour changes, all of it repaints
            arrow.set_class(beat is not None, "-now")
        self.beat = beat
        arrow.show(beat)
