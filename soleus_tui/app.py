"""The Textual app: wiring only. Modes, global keys, and the profile's services the screens share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.filter import LineFilter
from textual.geometry import Size
from textual.screen import Screen

from soleus_tui.core.clock import Clock, SystemClock
from soleus_tui.core.services import ProfileServices
from soleus_tui.core.store import Profile
from soleus_tui.ui.shell.too_small import fit_to
from soleus_tui.ui.widgets.keys import APP_BINDINGS, key_word
from soleus_tui.ui.widgets.plain import ASCII_ONLY

if TYPE_CHECKING:
    from soleus_tui.core.catalog import Catalog
    from soleus_tui.core.settings import Settings
    from soleus_tui.core.train.trainer import Trainer

MINIMUM_SIZE = Size(60, 20)
HOME = "home"


def _lazy(module: str, name: str) -> Callable[[], Screen[None]]:
    """A screen built from its module on first use, so start-up imports none of them."""

    def build() -> Screen[None]:
        screen: Screen[None] = getattr(import_module(f"soleus_tui.ui.{module}"), name)()
        # Textual takes an area's new screen for one styled before the last style change and parses
        # every rule twice more on its first switch (a quarter of the work from a 3 to History's
        # rows); once the app shows a screen, its rules are in force. A test counts the parses.
        if screen.app.screen_stack:
            screen._css_update_count = screen.app._css_update_count
        return screen

    return build


class SoleusApp(App[int]):
    TITLE = "soleus-tui"
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    MODES = {
        HOME: _lazy("shell.home", "HomeScreen"),
        "learn": _lazy("learn.learn", "LearnScreen"),
        "train": _lazy("train.exercise_list", "TrainScreen"),
        "history": _lazy("history.history", "HistoryScreen"),
    }
    DEFAULT_MODE = HOME
    COMMANDS = App.COMMANDS | {lambda: import_module("soleus_tui.ui.palette").SoleusCommands}  # on first use
    BINDINGS = APP_BINDINGS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]  # screens get -narrow below 80 columns, for their .tcss

    def __init__(
        self,
        data_dir: Path,
        profile: str = "default",
        plain: bool = False,
        exercises: Path | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__()
        self.services = ProfileServices.open(Profile.open(Path(data_dir), profile), clock or SystemClock(), plain, exercises)
        self.keymap = dict(self._normalize_keymap(self.settings.keymap))
        self.set_keymap(self.keymap)  # checked after the first frame (startup.py)

    # The screens' view of the services.
    profile = property(lambda self: self.services.profile)
    clock = property(lambda self: self.services.clock)
    plain = property(lambda self: self.services.plain)
    settings: Settings = property(lambda self: self.services.settings)  # type: ignore[assignment]
    catalog: Catalog = property(lambda self: self.services.catalog)  # type: ignore[assignment]
    trainer: Trainer = property(lambda self: self.services.trainer)  # type: ignore[assignment]

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands, less the screenshot: it needs a Downloads folder a gym PC lacks."""
        return (c for c in super().get_system_commands(screen) if c.title != "Screenshot")

    def get_line_filters(self) -> list[LineFilter]:
        filters = list(super().get_line_filters())
        return [*filters, ASCII_ONLY] if self.plain else filters

    def get_key_display(self, binding: Binding) -> str:
        return binding.key_display or key_word(binding.key, self.plain) or super().get_key_display(binding)

    def on_mount(self) -> None:
        from soleus_tui.ui.shell.leaving import leave_on_signals

        if self.settings.theme != self.theme and self.settings.theme in self.available_themes:
            self.theme = self.settings.theme  # only when it differs: a theme change restyles everything
        self.theme_changed_signal.subscribe(self, lambda theme: self.services.with_theme(theme.name))
        self.set_class(self.plain, "plain")
        leave_on_signals(self, self.services.save_workout)
        self.show_warnings()
        self.call_after_refresh(self.check_profile)

    def check_profile(self) -> None:
        from soleus_tui.startup import after_first_frame

        after_first_frame(self, MINIMUM_SIZE)

    def use_keymap(self, keymap: dict[str, str], warnings: list[str]) -> None:
        self.keymap = keymap
        self.set_keymap(keymap)
        self.services.warnings += warnings
        self.show_warnings()

    def on_unmount(self) -> None:
        self.services.close()

    def show_warnings(self) -> None:
        for warning in self.services.take_warnings():
            self.notify(warning, severity="warning", markup=False, timeout=15)

    def ring_bell(self) -> None:
        if self.settings.bell:
            self.bell()

    def update_settings(self, settings: Settings) -> None:
        self.services.update_settings(settings)
        self.set_class(self.plain, "plain")
        self.show_warnings()

    def on_resize(self, event: events.Resize) -> None:
        fit_to(self, event.size, MINIMUM_SIZE)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the terminal is too small, only quitting works."""
        return action == "quit" or type(self.screen).__name__ != "TooSmallScreen"

    def action_go_back(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()
        elif self.current_mode != HOME:
            self.switch_mode(HOME)

    def action_help(self) -> None:
        from soleus_tui.ui.shell.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
