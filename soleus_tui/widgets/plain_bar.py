"""A progress bar in plain ASCII, `[#####.....]`, with the same `update` as Textual's ProgressBar."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widget import Widget


class PlainBar(Widget):
    DEFAULT_CSS = """
    PlainBar {
        width: 1fr;
        height: 1;
    }
    """

    fraction: reactive[float] = reactive(0.0)
    total: float = 1.0

    def update(self, *, total: float | None = None, progress: float = 0.0) -> None:
        self.total = total or self.total
        self.fraction = progress / self.total

    def validate_fraction(self, fraction: float) -> float:
        """Whole cells only, so the bar repaints when a cell changes and not between."""
        cells = max(self.size.width - 2, 1)
        return round(min(max(fraction, 0.0), 1.0) * cells) / cells

    def render(self) -> str:
        inside = max(self.size.width - 2, 0)
        filled = round(self.fraction * inside)
        return "[" + "#" * filled + "." * (inside - filled) + "]"
