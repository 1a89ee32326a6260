"""What the app does once its first frame is out: it gives way to a key pressed at once."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from soleus_tui import startup
from soleus_tui.app import SoleusApp
from soleus_tui.startup import AREA_MODULES, warm_up
from tests.support.clock import ManualClock
from tests.support.pilot import wait_until


async def test_the_warm_up_imports_every_area_while_home_is_read(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)):
        assert warm_up(app) == list(AREA_MODULES)


async def test_the_warm_up_stops_once_a_key_has_opened_an_area(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await wait_until(pilot, lambda: app.current_mode == "history", "History")
        assert warm_up(app) == []
        await pilot.press("escape", "question_mark")
        await wait_until(pilot, lambda: len(app.screen_stack) > 1, "the help over home")
        assert warm_up(app) == list(AREA_MODULES)  # a question over home is still home


async def test_the_warm_up_runs_in_a_thread_once_home_has_been_shown(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[bool] = []
    monkeypatch.setattr(startup, "WARM_UP_AFTER_S", 0.01)
    in_a_thread = lambda app: ran.append(threading.current_thread() is not threading.main_thread())  # noqa: E731
    monkeypatch.setattr(startup, "warm_up", in_a_thread)
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: ran, "the warm-up")
    assert ran == [True]


async def test_an_areas_first_switch_parses_the_styles_once(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only History's own style sheet is new: one parse of the rules, not three."""
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        parses = []
        reparse = app.stylesheet.reparse
        monkeypatch.setattr(app.stylesheet, "reparse", lambda: parses.append(1) or reparse())
        await pilot.press("3")
        await wait_until(pilot, lambda: app.current_mode == "history" and app.screen.is_mounted, "History")
        assert len(parses) == 1
