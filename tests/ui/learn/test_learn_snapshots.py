"""Learn as pictures at 80x24: review the SVGs in tests/__snapshots__/ before accepting them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from soleus_tui.app import SoleusApp

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def _colour_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)


def keys(*presses: str) -> Callable[[Pilot], Awaitable[None]]:
    """Open Learn, then press each key in turn, letting screens and Markdown settle."""

    async def run_before(pilot: Pilot) -> None:
        for key in ("1", *presses):
            await pilot.press(key)
            await pilot.pause()
        await pilot.wait_for_scheduled_animations()

    return run_before


def test_lesson_with_the_leg_straight(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(SoleusApp(data_dir=tmp_path), run_before=keys(), terminal_size=SIZE)


def test_lesson_with_the_knee_bent(snap_compare, tmp_path: Path) -> None:
    app = SoleusApp(data_dir=tmp_path)
    assert snap_compare(app, run_before=keys(*["right"] * 5, "b"), terminal_size=SIZE)


def test_plain_mode_drawing(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(SoleusApp(data_dir=tmp_path, plain=True), run_before=keys("b"), terminal_size=SIZE)


def test_lesson_list(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(SoleusApp(data_dir=tmp_path), run_before=keys("l", "down"), terminal_size=SIZE)


def test_quiz_after_a_wrong_answer(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(SoleusApp(data_dir=tmp_path), run_before=keys("t", "a"), terminal_size=SIZE)


def test_sources_page(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(SoleusApp(data_dir=tmp_path), run_before=keys("s"), terminal_size=SIZE)
