"""The command palette's own entries: the areas, each lesson, each exercise, settings and export.

Textual's own commands stay beside them (theme, quit, keys); the theme picked there is kept in
settings.toml by the app. Typing part of a name finds it: "units" finds Settings, "wall" the
wall-sit calf raise.
"""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.widgets import DataTable

from soleus_tui.core.catalog import Catalog
from soleus_tui.core.history.export import write_csv
from soleus_tui.core.history.reader import HistoryReader
from soleus_tui.core.learn.lessons import load_lessons
from soleus_tui.core.store import Profile, atomic_write_text


@dataclass(frozen=True)
class Entry:
    name: str
    help: str
    run: Callable[[], Awaitable[None] | None]
    words: str = ""  # more to match on than the name shows

    @property
    def searched(self) -> str:
        return f"{self.name} {self.words}"


class SoleusCommands(Provider):
    def entries(self) -> list[Entry]:
        app = self.app
        areas = [
            Entry("Home", "today and the areas", partial(app.switch_mode, "home")),
            Entry("Learn", "the calf's anatomy, a leg that bends, a quiz", partial(app.switch_mode, "learn")),
            Entry("Train", "the exercises, a rep counter, rest timers", partial(app.switch_mode, "train")),
            Entry("History", "every workout, streaks, bests, trends", partial(app.switch_mode, "history")),
            Entry("Settings", "units, bell, plain mode, rest, pain, alerts", self.open_settings,
                  "units kg lb bell plain rest theme pain notify progress"),
            Entry("Export history to a CSV file", "every logged set, one row each, in your home folder",
                  self.export, "csv spreadsheet"),
        ]  # fmt: skip
        lessons = [
            Entry(f"Lesson: {lesson.title}", "open this page of Learn", partial(self.open_lesson, number))
            for number, lesson in enumerate(load_lessons())
        ]
        exercises = [
            Entry(f"Start: {exercise.name}", f"{exercise.target_text}, knee at {exercise.knee_angle}°",
                  partial(self.start_exercise, row), "train exercise")
            for row, exercise in enumerate(app.catalog)  # type: ignore[attr-defined]
        ]  # fmt: skip
        return [*areas, *lessons, *exercises]

    async def discover(self) -> Hits:
        for entry in self.entries()[:6]:
            yield DiscoveryHit(entry.name, entry.run, help=entry.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self.entries():
            score = max(matcher.match(entry.name), matcher.match(entry.searched) * 0.9)
            if score > 0:
                yield Hit(score, matcher.highlight(entry.name), entry.run, help=entry.help)

    def open_settings(self) -> None:
        from soleus_tui.ui.shell.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())

    async def open_lesson(self, number: int) -> None:
        await self.app.switch_mode("learn")
        self.app.screen.page = number  # type: ignore[attr-defined]

    async def start_exercise(self, row: int) -> None:
        """As if the row were chosen on the Train list: the list's own rules apply."""
        await self.app.switch_mode("train")
        table = self.app.screen.query_one(DataTable)
        table.move_cursor(row=row, animate=False)
        table.action_select_cursor()

    def export(self) -> None:
        app = self.app
        profile = app.profile  # type: ignore[attr-defined]
        target = Path.home() / f"soleus-tui-{profile.root.name}-{date.today():%Y-%m-%d}.csv"
        catalog = app.catalog  # type: ignore[attr-defined]
        app.run_worker(partial(export_csv, app, profile, catalog, target), thread=True, group="export")


def export_csv(app: App[object], profile: Profile, catalog: Catalog, target: Path) -> None:
    """Every logged set, oldest first, written whole or not at all (0600, like every file of ours)."""
    reader = HistoryReader(profile)
    text = io.StringIO()
    write_csv([session for _, session in reader.sessions()][::-1], text, catalog)
    try:
        atomic_write_text(target, text.getvalue())
    except OSError as error:
        app.call_from_thread(app.notify, f"Could not write {target}: {error.strerror or error}", severity="error", markup=False)
        return
    app.call_from_thread(app.notify, f"History exported to {target}", title="Export", markup=False)
