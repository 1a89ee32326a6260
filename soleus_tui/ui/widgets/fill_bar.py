"""A one-line bar that fills from the left: heavy box lines, or `[###...]` in plain ASCII.

It repaints only when its fraction changes and owns no timer, so a bar that stands still sends
nothing to the terminal (Textual's ProgressBar refreshes itself every second).
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class FillBar(Widget):
    COMPONENT_CLASSES = {"fill-bar--filled", "fill-bar--empty", "fill-bar--complete"}
    DEFAULT_CSS = """
    FillBar {
        width: 1fr;
        height: 1;
    }
    FillBar > .fill-bar--filled {
        color: $primary;
    }
    FillBar > .fill-bar--empty {
        color: $surface-lighten-2;
    }
    FillBar > .fill-bar--complete {
        color: $success;
    }
    """

    fraction: reactive[float] = reactive(0.0)  # 0 to 1; callers step it as coarsely as they like

    def __init__(self, plain: bool, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plain = plain

    @property
    def cells(self) -> int:
        return max(self.size.width - (2 if self.plain else 0), 0)

    def render(self) -> Text:
        filled = round(min(max(self.fraction, 0.0), 1.0) * self.cells)
        style = "fill-bar--complete" if self.fraction >= 1 else "fill-bar--filled"
        mark, rest = ("#", ".") if self.plain else ("━", "━")
        bar = Text("[" if self.plain else "")
        bar.append(mark * filled, self.get_component_rich_style(style))
        bar.append(rest * (self.cells - filled), self.get_component_rich_style("fill-bar--empty"))
        bar.append("]" if self.plain else "")
        return bar
