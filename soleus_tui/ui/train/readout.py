"""The number to read from a bench: a word above it, big digits, a bar and the keys that act now.

The digits grow with the terminal; in plain mode they and the bar are ASCII. Each part repaints
only when its own text changes, and so does each line of the screens around it (`repaint`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import astuple
from typing import TYPE_CHECKING, Protocol, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from soleus_tui.ui.train.big_number import BigNumber
from soleus_tui.ui.widgets.fill_bar import FillBar

if TYPE_CHECKING:
    from soleus_tui.ui.train.runner_text import Readout

TONES = ("switch", "overtime")


class View(Protocol):
    @property
    def readout(self) -> Readout: ...


ViewT = TypeVar("ViewT", bound=View)


def repaint(screen: Widget, old: ViewT | None, new: ViewT, lines: Mapping[str, str]) -> None:
    """Show a screen's new view where it differs from the one shown (all of it when none was): each
    of its `lines`, a field of the view shown by the Static of that selector, and its readout."""
    for field, selector in lines.items():
        if old is None or getattr(old, field) != getattr(new, field):
            screen.query_one(selector, Static).update(getattr(new, field))
    if old is None or old.readout != new.readout:
        screen.query_one(BigReadout).show(*astuple(new.readout))


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
