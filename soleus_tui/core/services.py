"""What the shell asks of a profile, in one place: settings, the catalog, the trainer, the lock,
and the warnings to show. The one owner of the settings in force.

Built cheaply; the catalog, the lock and the trainer are made on first use, after the first
frame. Nothing here knows about screens: warnings are words the shell turns into notifications.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from soleus_tui.core.clock import Clock
from soleus_tui.core.settings import Settings, load_settings, save_settings
from soleus_tui.core.store import Profile, default_config_dir

if TYPE_CHECKING:  # imported on first use, after the first frame: start-up pays for none of it
    from soleus_tui.core.catalog import Catalog
    from soleus_tui.core.lock import ProfileLock
    from soleus_tui.core.train.trainer import Trainer


@dataclass
class ProfileServices:
    profile: Profile
    clock: Clock
    settings: Settings
    plain_asked: bool = False  # --plain, or TERM=linux
    exercises_path: Path | None = None
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, profile: Profile, clock: Clock, plain: bool = False, exercises: Path | None = None) -> ProfileServices:
        settings, warnings = load_settings(profile.settings_path)
        return cls(profile, clock, settings, plain, exercises, list(warnings))

    @property
    def plain(self) -> bool:
        return self.plain_asked or self.settings.plain

    @cached_property
    def catalog(self) -> Catalog:
        from soleus_tui.core.catalog import load_catalog

        catalog = load_catalog(self.exercises_path, default_config_dir() / "exercises.toml")
        self.warnings += catalog.warnings
        return catalog

    @cached_property
    def lock(self) -> ProfileLock:
        from soleus_tui.core.lock import ProfileLock

        return ProfileLock(self.profile.lock_path)

    @cached_property
    def trainer(self) -> Trainer:
        from soleus_tui.core.train.trainer import Trainer

        can_train = self.lock.acquire()
        self.profile.read_only = not can_train  # then the profile itself refuses every write
        return Trainer(self.profile, self.catalog, self.settings, self.clock, can_train=can_train)

    @property
    def read_only(self) -> bool:
        """Another instance trains on this profile: this one looks and writes nothing."""
        return not self.trainer.can_train

    def update_settings(self, settings: Settings) -> None:
        """Use these settings from now on and keep them, unless this instance is read-only."""
        if settings.plain != self.settings.plain:
            self.plain_asked = False  # a choice made in settings wins over --plain from now on
        self.settings = settings
        if "trainer" in self.__dict__:
            self.trainer.settings = settings
        if self.read_only:
            self.warnings.append("Read-only: another soleus-tui trains on this profile, so settings are kept only until you quit.")
            return
        try:
            save_settings(self.profile.settings_path, settings)
        except OSError as error:
            self.warnings.append(f"Settings could not be saved to {self.profile.settings_path}: {error.strerror or error}")

    def with_theme(self, theme: str) -> None:
        if theme != self.settings.theme:
            self.update_settings(replace(self.settings, theme=theme))

    def take_warnings(self) -> list[str]:
        """What the core set aside since last asked (a quarantined file, a bad setting), once each."""
        if "trainer" in self.__dict__:
            self.warnings += self.trainer.warnings
            self.trainer.warnings.clear()
        taken, self.warnings = self.warnings, []
        return taken

    def save_workout(self) -> None:
        """Save the workout in progress, if this run has one (the trainer is made on first use)."""
        if "trainer" in self.__dict__:
            self.trainer.save()

    def close(self) -> None:
        if "lock" in self.__dict__:
            self.lock.release()
