"""Keys are data: a [keymap] in settings.toml remaps a binding by id; ? lists the keys in force;
the command palette finds areas, lessons, exercises, settings and export by name."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
import tomli_w
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import DataTable

from soleus_tui.app import SoleusApp
from soleus_tui.core.settings import load_settings
from soleus_tui.core.store import Profile
from soleus_tui.ui.keymap import binding_owners, check_keymap
from soleus_tui.ui.shell.help import HelpScreen
from soleus_tui.ui.widgets.keys import key_label
from tests.support.clock import ManualClock
from tests.support.pilot import notified, wait_until


def with_keymap(data_dir: Path, keymap: dict[str, str]) -> None:
    profile = Profile.open(data_dir, "default")
    profile.settings_path.write_text(tomli_w.dumps({"keymap": keymap}))


async def start_a_workout(pilot: Pilot[int], app: SoleusApp) -> None:
    """Open Train and start the first exercise on the list."""
    await pilot.press("2")
    await wait_until(pilot, lambda: isinstance(app.screen.focused, DataTable), "the Train list")
    await pilot.press("enter")
    await wait_until(pilot, lambda: app.trainer.workout is not None, "a workout")


def help_rows(app: SoleusApp) -> list[tuple[str, str]]:
    assert isinstance(app.screen, HelpScreen)
    return app.screen.rows


# -- the keymap ---------------------------------------------------------------------------------


def test_every_binding_has_an_area_dot_action_id() -> None:
    for owner, bindings in binding_owners().items():
        for binding in bindings:
            assert binding.id and "." in binding.id, f"{owner}: {binding.key} -> {binding.action} has no id"


def test_the_contract_ids_all_exist() -> None:
    ids = {b.id for bindings in binding_owners().values() for b in bindings}
    from soleus_tui.ui.widgets.keys import APP_BINDINGS

    ids |= {b.id for b in APP_BINDINGS}
    contract = {"app.learn", "app.train", "app.history", "app.help", "app.quit", "train.count", "train.take-back",
                "train.log-set", "train.pace", "train.skip-rest", "train.lighter", "train.heavier", "train.next",
                "train.finish"}  # fmt: skip
    missing = contract - ids
    assert not missing - {"train.load"}, missing


def test_an_unknown_id_and_a_clash_are_warned_and_their_defaults_stay() -> None:
    kept, warnings = check_keymap({"train.count": "k", "train.nonsense": "z", "train.finish": "n"}, binding_owners())
    assert kept == {"train.count": "k"}
    assert any("train.nonsense" in w for w in warnings)
    assert any("train.finish" in w and "train.next" in w for w in warnings)


async def test_a_remapped_area_key_works_and_the_old_one_does_not(data_dir: Path) -> None:
    with_keymap(data_dir, {"app.history": "h"})
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        assert app.current_mode == "home"
        await pilot.press("h")
        assert app.current_mode == "history"
        assert key_label(app.screen, "app.history") == "h"


async def test_a_remapped_count_key_counts_and_space_no_longer_does(data_dir: Path) -> None:
    with_keymap(data_dir, {"train.count": "k"})
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await start_a_workout(pilot, app)
        await pilot.press("k", "k", "space")
        assert app.trainer.workout is not None and app.trainer.workout.reps == 2
        assert key_label(app.screen, "train.count") == "k"
        await pilot.press("question_mark")
        assert ("k", "Count") in help_rows(app)


async def test_a_bad_keymap_is_a_warning_at_start_and_the_defaults_work(data_dir: Path) -> None:
    with_keymap(data_dir, {"app.learn": "2", "no.such": "x"})
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: notified(app, "no.such") and notified(app, "app.learn"), "the keymap warnings")
        await pilot.press("1")
        assert app.current_mode == "learn"


# -- ? -------------------------------------------------------------------------------------------


async def test_help_lists_the_screens_own_keys_first_each_once_and_no_textual_internals(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await start_a_workout(pilot, app)
        await pilot.press("question_mark")
        rows = help_rows(app)
        keys = [key for key, _ in rows]
        does = [what for _, what in rows]
        assert {"space", "enter", "backspace", "+"} <= set(keys)
        assert keys.count("+") == 1 and len(does) == len(set(does))
        assert does.index("Count") < does.index("Learn")
        assert not {"tab", "shift+tab", "ctrl+c"} & set(keys)


# -- the command palette -------------------------------------------------------------------------


async def palette_pick(pilot, app: SoleusApp, typed: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
    await pilot.press(*typed)
    palette = app.screen
    await wait_until(pilot, lambda: palette.query_one("CommandList").option_count > 0, f"a hit for {typed!r}")
    await pilot.press("enter")


@pytest.mark.parametrize(
    "typed, check",
    [
        ("units", lambda app: type(app.screen).__name__ == "SettingsScreen"),
        ("history", lambda app: app.current_mode == "history"),
        ("lesson: why a bent", lambda app: app.current_mode == "learn" and app.screen.page == 5),
        ("start: wall", lambda app: app.trainer.workout is not None and "Wall" in app.trainer.workout.plan.name),
    ],
)
async def test_the_palette_finds_it_by_name(data_dir: Path, typed: str, check) -> None:  # type: ignore[no-untyped-def]
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await palette_pick(pilot, app, typed)
        await wait_until(pilot, lambda: check(app), f"what {typed!r} leads to")


async def test_a_theme_picked_in_the_palette_is_kept(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "nord"  # what the palette's theme picker does when a theme is chosen
        path = app.profile.settings_path
        await wait_until(pilot, lambda: path.exists() and load_settings(path)[0].theme == "nord", "the theme saved")


async def test_the_palette_has_no_screenshot_command(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)):
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert "Theme" in titles and "Screenshot" not in titles


async def test_export_from_the_palette_writes_a_private_csv(data_dir: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await palette_pick(pilot, app, "export")
        await wait_until(pilot, lambda: notified(app, "History exported"), "the export")
    [written] = (tmp_path / "home").glob("soleus-tui-default-*.csv")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert written.read_text().startswith("date,")
