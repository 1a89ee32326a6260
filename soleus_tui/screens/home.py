"""The home screen: the three areas and their keys. Static: it sends nothing while idle."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

AREAS = (
    ("1", "Learn", "why the soleus matters, a leg whose knee bends, a quiz"),
    ("2", "Train", "bent-knee exercises, a rep counter, rest timers"),
    ("3", "History", "every workout, streaks, bests and the weekly trend"),
)


class HomeScreen(Screen[None]):
    def on_mount(self) -> None:
        self.sub_title = f"profile {self.app.profile.root.name}"

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static("The deep calf muscle runners forget to train.", id="home-tagline")
            for key, name, what in AREAS:
                with Horizontal(classes="home-area"):
                    yield Static(key, classes="home-key")
                    yield Static(f"[b]{name}[/b]\n{what}", classes="home-what")
            yield Static(
                "Training guidance, not medical advice. Stop for a sudden pop in the calf, "
                "swelling or pain that stays.",
                id="home-safety",
            )
        yield Footer()
