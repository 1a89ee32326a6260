"""Settings, opened by key or from the command palette, saved as each value changes."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, Input, Select, Static

from soleus_tui.app import SoleusApp
from soleus_tui.core.clock import ManualClock
from soleus_tui.core.settings import load_settings
from soleus_tui.core.store import Profile
from soleus_tui.ui.shell.settings import SettingsScreen


def saved(data_dir: Path):  # type: ignore[no-untyped-def]
    settings, problems = load_settings(Profile.open(data_dir, "default").settings_path)
    assert problems == []
    return settings


async def open_settings(app: SoleusApp, pilot) -> SettingsScreen:  # type: ignore[no-untyped-def]
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(app.screen, SettingsScreen)
    return app.screen


async def test_s_on_home_opens_settings_and_escape_closes(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
        assert not Profile.open(data_dir, "default").settings_path.exists()  # nothing changed, nothing written


async def test_the_command_palette_opens_settings(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"settings")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)


async def test_units_and_toggles_are_saved_at_once(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(app, pilot)
        screen.query_one("#units", Select).value = "lb"
        await pilot.pause()
        assert saved(data_dir).units == "lb" and app.trainer.settings.units == "lb"
        bell = screen.query_one("#bell", Checkbox)
        assert str(bell.label) == "Bell at the end of rest and at a target: on"
        bell.focus()
        await pilot.press("space")
        await pilot.pause()
        assert saved(data_dir).bell is False
        assert str(bell.label).endswith(": off")  # said in words, not only by the mark's colour
        screen.query_one("#plain", Checkbox).focus()
        await pilot.press("space")
        await pilot.pause()
        assert app.plain and app.has_class("plain") and saved(data_dir).plain
        screen.query_one("#rest-enabled", Checkbox).focus()
        await pilot.press("space")
        await pilot.pause()
        assert saved(data_dir).rest_enabled is False
        assert screen.query_one("#rest-list").disabled


async def test_a_rest_is_checked_where_it_is_typed(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(app, pilot)
        rest = screen.query(".rest-input").results(Input).__next__()
        exercise_id = app.catalog.exercises[0].id
        assert rest.name == exercise_id and rest.value == str(app.catalog.exercises[0].rest_s)
        rest.focus()
        await pilot.press("ctrl+a", "ctrl+k", *"ninety")
        await pilot.pause()
        assert "whole seconds" in str(screen.query_one("#settings-reason", Static).render())
        assert rest.has_class("-invalid")
        assert exercise_id not in app.settings.rest_s
        await pilot.press("tab")  # leaving a rest that cannot be used keeps nothing
        await pilot.pause()
        assert exercise_id not in app.settings.rest_s
        rest.focus()
        await pilot.press("ctrl+a", "ctrl+k", *"45")
        await pilot.pause()
        assert str(screen.query_one("#settings-reason", Static).render()) == ""
        assert exercise_id not in app.settings.rest_s  # still being typed
        await pilot.press("enter")
        await pilot.pause()
        assert saved(data_dir).rest_s[exercise_id] == 45
        await pilot.press("ctrl+a", "ctrl+k", *"1000", "enter")
        await pilot.pause()
        assert "at most 900" in str(screen.query_one("#settings-reason", Static).render())
        assert saved(data_dir).rest_s[exercise_id] == 45
        await pilot.press("ctrl+a", "ctrl+k", *"off", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
        assert saved(data_dir).rest_s[exercise_id] == 0


async def test_a_rest_set_here_is_used_by_the_next_start(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        app.update_settings(app.settings.with_rest(app.catalog.exercises[0].id, 45))
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.trainer.workout is not None and app.trainer.workout.rest_s == 45


async def test_the_runner_follows_settings_changed_over_it(data_dir: Path) -> None:
    from soleus_tui.ui.train.runner import RunnerScreen
    from soleus_tui.ui.train.big_number import BigNumber

    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("enter", "right_square_bracket", "space", "space")
        await pilot.pause()
        runner = app.screen
        assert isinstance(runner, RunnerScreen)
        app.push_screen(SettingsScreen())
        await pilot.pause()
        app.screen.query_one("#units", Select).value = "lb"
        app.screen.query_one("#plain", Checkbox).value = True
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is runner
        number = runner.query_one("#readout-number", BigNumber)
        assert number.plain and number.value == "2"
        assert str(runner.query_one("#runner-load", Static).render()) == "Load  5.5 lb"
