"""Settings, opened by key or from the command palette, saved as each value changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Select, Static

from textual.command import CommandPalette

from soleus_tui.app import SoleusApp
from soleus_tui.core.settings import load_settings
from soleus_tui.core.store import Profile
from soleus_tui.ui.shell.settings import SettingsScreen
from tests.support.clock import ManualClock
from tests.support.pilot import wait_until


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
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await pilot.press(*"settings")
        palette = app.screen
        await wait_until(pilot, lambda: palette.query_one("CommandList").option_count > 0, "a hit")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SettingsScreen), "the settings")


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
        screen.query_one("#rest_enabled", Checkbox).focus()
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


async def test_round_two_settings_are_set_here_and_saved(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(app, pilot)
        for key in ("pain", "progress"):
            box = screen.query_one(f"#{key}", Checkbox)
            assert str(box.label).endswith(": off") and not box.value
            box.focus()
            await pilot.press("space")
            await pilot.pause()
            assert getattr(saved(data_dir), key) is True and str(box.label).endswith(": on")
        screen.query_one("#notify", Select).value = "osc777"
        await pilot.pause()
        assert saved(data_dir).notify == "osc777" and app.settings.notify == "osc777"
        sex = screen.query_one("#sex", Select)
        assert sex.value is Select.NULL  # not set until the person sets it
        sex.value = "female"
        await pilot.pause()
        assert saved(data_dir).sex == "female"
        sex.clear()
        await pilot.pause()
        assert saved(data_dir).sex is None


async def test_the_birth_year_is_checked_where_it_is_typed_and_may_be_left_blank(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())  # the clock says 2026
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(app, pilot)
        year = screen.query_one("#birth-year", Input)
        reason = screen.query_one("#settings-reason", Static)
        year.focus()
        await pilot.press(*"84")
        await pilot.pause()
        assert "four digits" in str(reason.render()) and year.has_class("-invalid")
        await pilot.press("enter")
        await pilot.pause()
        assert app.settings.birth_year is None
        await pilot.press("ctrl+a", "ctrl+k", *"2031", "tab")
        await pilot.pause()
        assert "from 1916 to 2026" in str(reason.render())
        assert app.settings.birth_year is None
        year.focus()
        await pilot.press("ctrl+a", "ctrl+k", *"1984")
        await pilot.pause()
        assert str(reason.render()) == "" and not year.has_class("-invalid")
        await pilot.press("enter")
        await pilot.pause()
        assert saved(data_dir).birth_year == 1984
        await pilot.press("ctrl+a", "ctrl+k", "escape")  # emptied: not given any more
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
        assert saved(data_dir).birth_year is None


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "ansi-dark", "ansi-light", "solarized-light"])
async def test_on_and_off_read_without_colour_and_focus_shows_on_inputs(data_dir: Path, theme: str) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        screen = await open_settings(app, pilot)
        on, off = screen.query_one("#bell", Checkbox), screen.query_one("#pain", Checkbox)
        assert on.render().plain[1] == "X"
        assert off.render().plain[1] == " "  # an empty box, not a dark X
        box_style = off.get_component_rich_style("toggle--button")
        panel = screen.query_one("#settings-box").styles.background.rich_color
        assert box_style.bgcolor != panel  # the empty box stands out from the panel
        rest = next(iter(screen.query(".rest-input").results(Input)))
        before = rest.rich_style
        rest.focus()
        await pilot.pause()
        assert rest.rich_style.bgcolor != before.bgcolor and rest.rich_style.bold


async def test_every_setting_is_reachable_with_tab_at_the_smallest_size(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_settings(app, pilot)
        ids = ["units", "theme", "notify", "bell", "plain", "rest_enabled", "pain", "progress", "birth-year", "sex"]
        for expected in ids:
            assert app.focused is not None and app.focused.id == expected
            assert screen.query_one("#settings-list").region.contains_region(app.focused.region)
            await pilot.press("tab")
            await pilot.pause()
        assert app.focused in screen.query(".rest-input")
