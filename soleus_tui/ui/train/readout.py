"""The number to read from a bench: a word above it, big digits, a bar and the keys that act now.

The digits grow with the terminal; in plain mode they and the bar are ASCII. Each part repaints
only when its own text changes.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from soleus_tui.ui.train.big_number import BigNumber
from soleus_tui.ui.widgets.fill_bar import FillBar

TONES = ("switch", "overtime")


class BigReadout(Vertical):
    def __init__(self, plain: bool, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plain = plain
        self.shown: tuple[str | None, str | None, float | None, str | None] = (None, None, -1.0, None)

    def compose(self) -> ComposeResult:
        yield Static(id="readout-label", markup=False)
        yield BigNumber(self.plain, id="readout-number")
        yield FillBar(self.plain, id="readout-bar")
        yield Static(id="readout-caption", markup=False)

    def show(self, label: str, number: str, bar: float | None, caption: str, tone: str) -> None:
        """`bar` runs from 0 to 1, None hides it; a `tone` ("switch", "overtime") colours the readout."""
        shown = self.shown
        if label != shown[0]:
            self.query_one("#readout-label", Static).update(label)
        if number != shown[1]:
            self.query_one(BigNumber).update(number)
        if bar != shown[2]:
            fill = self.query_one(FillBar)
            fill.visible = bar is not None
            fill.fraction = bar or 0.0
        if caption != shown[3]:
            self.query_one("#readout-caption", Static).update(caption)
        for known in TONES:
            self.set_class(known == tone, f"-{known}")
        self.shown = (label, number, bar, caption)
