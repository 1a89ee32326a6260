"""The Textual app: wiring only. Modes, global keys, and the objects the screens share."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable
from functools import cached_property
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.geometry import Size
from textual.screen import Screen

from soleus_tui.core.clock import Clock, SystemClock
from soleus_tui.core.settings import Settings, load_settings, save_settings
from soleus_tui.core.store import Profile, default_config_dir
from soleus_tui.ui.widgets.keys import APP_BINDINGS

if TYPE_CHECKING:
    from textual.command import Provider

    from soleus_tui.core.catalog import Catalog
    from soleus_tui.core.lock import ProfileLock
    from soleus_tui.core.train.trainer import Trainer

MINIMUM_SIZE = Size(60, 20)
HOME = "home"
LEAVE_WITHIN_S = 2.0


def _lazy(module: str, name: str) -> Callable[[], Screen]:
    """A screen built from its module on first use, so start-up imports none of them."""
    return lambda: getattr(import_module(f"soleus_tui.ui.{module}"), name)()


def _commands() -> type[Provider]:
    from soleus_tui.ui.palette import SoleusCommands

    return SoleusCommands


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
    COMMANDS = App.COMMANDS | {_commands}
    BINDINGS = APP_BINDINGS

    def __init__(
        self,
        data_dir: Path,
        profile: str = "default",
        plain: bool = False,
        exercises: Path | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__()
        self.profile = Profile.open(Path(data_dir), profile)
        self.settings, self._startup_warnings = load_settings(self.profile.settings_path)
        self.plain = plain or self.settings.plain
        self.clock = clock or SystemClock()
        self._exercises_path = exercises
        self.bells_rung = 0

    # The catalog, the lock and the trainer are built on first use, after the first frame.

    @cached_property
    def catalog(self) -> Catalog:
        from soleus_tui.core.catalog import load_catalog

        catalog = load_catalog(self._exercises_path, default_config_dir() / "exercises.toml")
        for warning in catalog.warnings:
            self.notify(warning, title="Exercise catalog", severity="warning", markup=False, timeout=10)
        return catalog

    @cached_property
    def _lock(self) -> ProfileLock:
        from soleus_tui.core.lock import ProfileLock

        return ProfileLock(self.profile.lock_path)

    @cached_property
    def trainer(self) -> Trainer:
        from soleus_tui.core.train.trainer import Trainer

        can_train = self._lock.acquire()
        self.profile.read_only = not can_train  # the second instance looks and writes nothing
        return Trainer(self.profile, self.catalog, self.settings, self.clock, can_train=can_train)

    def on_mount(self) -> None:
        if self.settings.theme != self.theme and self.settings.theme in self.available_themes:
            self.theme = self.settings.theme  # only when it differs: a theme change restyles everything
        if self.plain:
            self.add_class("plain")
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGHUP, self.leave, False)
        loop.add_signal_handler(signal.SIGTERM, self.leave, True)
        for warning in self._startup_warnings:
            self.notify(warning, severity="warning", markup=False, timeout=10)
        self.call_after_refresh(self.check_profile)

    def check_profile(self) -> None:
        """Is another instance training here? Was a workout left unfinished?"""
        if not self.trainer.can_train:
            self.notify(
                "Another soleus-tui is training on this profile: you can look around, but not start a workout.",
                title="Read-only",
                severity="warning",
                timeout=10,
            )
        elif (saved := self.trainer.saved_workout()) is not None:
            from soleus_tui.ui.train.resume import ResumeScreen
            from soleus_tui.ui.shell.too_small import fit_to

            fit_to(self, MINIMUM_SIZE, MINIMUM_SIZE)  # the question goes under, not over, a size warning
            self.push_screen(ResumeScreen(saved))
            fit_to(self, self.size, MINIMUM_SIZE)
        self.show_warnings()

    def leave(self, terminal_alive: bool) -> None:
        """SIGTERM, or SIGHUP when the SSH line drops: save and be gone within seconds.

        With the terminal gone, Textual's shutdown can block for ever writing to it, so a hang-up
        leaves at once; a terminate restores the terminal, but no longer than LEAVE_WITHIN_S.
        """
        try:
            if "trainer" in self.__dict__:
                self.trainer.save()
        finally:
            if not terminal_alive:
                os._exit(0)
            watchdog = threading.Timer(LEAVE_WITHIN_S, os._exit, (0,))
            watchdog.daemon = True
            watchdog.start()
            self.exit(0)

    def on_unmount(self) -> None:
        if "_lock" in self.__dict__:
            self._lock.release()

    def show_warnings(self) -> None:
        """Show, once each, what the core set aside (a quarantined file, a bad setting)."""
        while self.trainer.warnings:
            self.notify(self.trainer.warnings.pop(0), severity="warning", markup=False, timeout=15)

    def ring_bell(self) -> None:
        if self.settings.bell:
            self.bells_rung += 1
            self.bell()

    def update_settings(self, settings: Settings) -> None:
        """Used at once; kept in settings.toml unless another instance holds the profile."""
        self.settings = self.trainer.settings = settings
        try:
            self.profile.require_writable()
            save_settings(self.profile.settings_path, settings)
        except OSError as error:
            self.notify(f"Settings apply until you quit, but were not saved: {error}", severity="warning",
                        markup=False)

    def on_resize(self, event: events.Resize) -> None:
        from soleus_tui.ui.shell.too_small import fit_to

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
            self.push_screen(HelpScreen(self.active_bindings.values()))
