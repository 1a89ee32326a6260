"""Shown over everything while the terminal is below the size the screens are laid out for."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static


class TooSmallScreen(ModalScreen[None]):
    CSS_PATH = "../widgets/dialogs.tcss"
    BINDINGS = [Binding("q", "app.quit", "Quit", id="app.quit")]
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


def fit_to(app: App[Any], size: Size, minimum: Size) -> None:
    """Cover the app while the terminal is below the minimum; uncover it once it is not."""
    too_small = size.width < minimum.width or size.height < minimum.height
    screen = app.screen
    showing = isinstance(screen, TooSmallScreen)
    if too_small and not showing:
        app.push_screen(TooSmallScreen(minimum))
    elif showing and not too_small:
        app.pop_screen()
    elif isinstance(screen, TooSmallScreen):
        screen.show_size(size)
