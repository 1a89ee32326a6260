"""Numbers as bars one column wide, the newest on the right, as many as fit; ASCII in plain mode."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

BLOCKS = " ▁▂▃▄▅▆▇█"
ASCII = " #"

Describe = Callable[[int, float], tuple[str, str]]  # (values shown, peak) -> (title, subtitle)


def bar_rows(values: Sequence[float], height: int, glyphs: str) -> list[str]:
    """Rows top to bottom. Bars scale to the largest value; any value above zero shows."""
    steps = len(glyphs) - 1
    peak = max(values, default=0.0)
    tops = [max(1, round(v / peak * height * steps)) if v > 0 else 0 for v in values]
    return [
        "".join(glyphs[min(steps, max(0, top - row * steps))] for top in tops)
        for row in reversed(range(height))
    ]


class BarChart(Widget):
    COMPONENT_CLASSES = {"bar-chart--bar"}

    values: reactive[tuple[float, ...]] = reactive(())

    def __init__(self, describe: Describe, plain: bool = False, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.describe = describe
        self.glyphs = ASCII if plain else BLOCKS

    @property
    def shown(self) -> tuple[float, ...]:
        width = self.content_size.width
        return self.values[-width:] if width else ()

    def watch_values(self) -> None:
        self.show_caption()

    def on_resize(self) -> None:
        self.show_caption()

    def show_caption(self) -> None:
        shown = self.shown
        self.border_title, self.border_subtitle = self.describe(len(shown), max(shown, default=0.0))

    def render(self) -> Text:
        width, height = self.content_size
        rows = bar_rows(self.shown, height, self.glyphs)
        return Text(
            "\n".join(row.rjust(width) for row in rows),
            style=self.get_component_rich_style("bar-chart--bar"),
            no_wrap=True,
        )
