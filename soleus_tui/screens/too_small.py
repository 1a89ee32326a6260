"""Shown over everything while the terminal is below the size the screens are laid out for."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static


class TooSmallScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    def __init__(self, minimum: Size) -> None:
        super().__init__()
        self.minimum = minimum

    def compose(self) -> ComposeResult:
        yield Static(id="too-small-message")

    def show_size(self, size: Size) -> None:
        self.query_one("#too-small-message", Static).update(
            f"Terminal too small: needs at least {self.minimum.width}x{self.minimum.height}, "
            f"now {size.width}x{size.height}. Make the window larger to go on."
        )

    def on_mount(self) -> None:
        self.show_size(self.app.size)
