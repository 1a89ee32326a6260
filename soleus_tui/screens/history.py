"""History (being built): says what this area will hold."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class HistoryScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("History will hold your workouts, streaks, bests and the weekly volume trend.", classes="coming")
        yield Footer()
