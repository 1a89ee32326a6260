"""Train (being built): says what this area will hold."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class TrainScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Train will hold the exercise list and the set runner with its rep counter and rest timer.", classes="coming")
        yield Footer()
