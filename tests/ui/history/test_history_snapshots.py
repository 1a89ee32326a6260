"""Pictures of History at 80x24, looked at before kept.

Each test writes the same realistic forty weeks of training, builds the app with a clock fixed on
Tuesday 24 November 2026, drives it with real keys, waits for the history to be read, and
compares the screen with the SVG kept in tests/__snapshots__/.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from soleus_tui.app import SoleusApp
from soleus_tui.core.session import Session
from soleus_tui.core.store import Profile
from tests.support.clock import ManualClock
from tests.support.histories import write_realistic_history
from tests.support.settle import settle

SnapCompare = Callable[..., bool]


@pytest.fixture
def history(data_dir: Path) -> list[Session]:
    return write_realistic_history(Profile.open(data_dir, "default"), ManualClock().now(), weeks=40)


def keys(*pressed: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run(pilot: Pilot[Any]) -> None:
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)  # the screen says when its read is done: the worker may not have started yet

    return run


def snap(snap_compare: SnapCompare, data_dir: Path, pressed: Sequence[str], plain: bool = False) -> bool:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock(), plain=plain)
    return snap_compare(app, run_before=keys("3", *pressed), terminal_size=(80, 24))


def test_the_overview_and_the_newest_workouts(snap_compare: SnapCompare, data_dir: Path, history: list) -> None:
    assert snap(snap_compare, data_dir, [])


def test_the_overview_in_plain_mode(snap_compare: SnapCompare, data_dir: Path, history: list) -> None:
    assert snap(snap_compare, data_dir, [], plain=True)


def test_a_workout_in_full(snap_compare: SnapCompare, data_dir: Path, history: list[Session]) -> None:
    """The newest workout with a note and one leg at a time."""
    row = next(
        index
        for index, session in enumerate(history)
        if session.notes and any(s.side != "both" for s in session.all_sets)
    )
    assert snap(snap_compare, data_dir, ["down"] * row + ["enter"])


def test_deleting_asks_first(snap_compare: SnapCompare, data_dir: Path, history: list) -> None:
    assert snap(snap_compare, data_dir, ["enter", "d"])


def test_bests_per_exercise(snap_compare: SnapCompare, data_dir: Path, history: list) -> None:
    assert snap(snap_compare, data_dir, ["b"])


def test_an_exercise_trend(snap_compare: SnapCompare, data_dir: Path, history: list) -> None:
    assert snap(snap_compare, data_dir, ["b", "enter"])
