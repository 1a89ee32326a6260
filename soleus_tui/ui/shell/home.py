"""The home screen: the three areas and their keys. Static: it sends nothing while idle."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

AREAS = (
    ("1", "Learn", "why the soleus matters, a leg whose knee bends, a quiz"),
    ("2", "Train", "bent-knee exercises, a rep counter, rest timers"),
    ("3", "History", "every workout, streaks, bests and the weekly trend"),
    ("s", "Settings", "units, bell, plain mode, rest per exercise, theme"),
)

MENU = "\n\n".join(f"[bold $text on $accent] {key} [/]  [bold]{name}[/]\n      {what}" for key, name, what in AREAS)


class HomeScreen(Screen[None]):
    BINDINGS = [Binding("s", "settings", "Settings", id="home.settings")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "The deep calf muscle runners forget to train.\n\n" + MENU,
            id="home",
        )
        yield Static(
            "Training guidance, not medical advice. Stop for a sudden pop in the calf, "
            "swelling or pain that stays.",
            id="home-safety",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"profile {self.app.profile.root.name}"

    def action_settings(self) -> None:
        from soleus_tui.ui.shell.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())
