"""The set runner's test kit: a small catalog, an app on it whose bell is counted, and the steps
every runner test takes (open the runner, leave a workout unfinished, let time pass, read the
screen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from soleus_tui.app import SoleusApp
from tests.support.clock import ManualClock
from soleus_tui.core.train.workout import Workout
from soleus_tui.ui.train.big_number import BigNumber
from soleus_tui.ui.train.runner import RunnerScreen
from tests.support.catalogs import catalog_text
from tests.support.pilot import let_time_pass, press

# Small numbers keep each flow short: two sets of three, a ten-second hold, one set per leg.
CATALOG = catalog_text(
    dict(id="raise", name="Seated raise", kind="reps", knee_angle=90, sets=2, reps=3, rest_s=30, tempo=[1, 1, 2],
         load="dumbbell", per_side=False, cues=["Dumbbell on the knees"], why="Bent knee."),
    dict(id="hold", name="Wall hold", kind="hold", knee_angle=90, sets=2, hold_s=10, rest_s=20, tempo=[1, 0, 1],
         load="bodyweight", per_side=False, cues=["Heels up"], why="Bent knee."),
    dict(id="single", name="Single-leg raise", kind="reps", knee_angle=45, sets=1, reps=2, rest_s=15, tempo=[1, 0, 1],
         load="bodyweight", per_side=True, cues=["One foot"], why="Bent knee."),
)  # fmt: skip


BELLS: dict[int, int] = {}


def rung(app: SoleusApp) -> int:
    """How often the terminal bell rang."""
    return BELLS[id(app)]


async def open_runner(pilot: Pilot[int], position: int = 0) -> RunnerScreen:
    await pilot.press("2")
    await pilot.pause()
    for _ in range(position):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, RunnerScreen)
    return pilot.app.screen


async def wait(pilot: Pilot[int], clock: ManualClock, seconds: float) -> None:
    """Let time pass, then give the runner the repaint tick it would have had."""
    await let_time_pass(pilot, clock, seconds, RunnerScreen)


async def leave_a_workout(data_dir: Path, catalog_file: Path, clock: ManualClock, *keys: str) -> None:
    """Run a first app on the files, open the runner, press the keys, and close it."""
    first = SoleusApp(data_dir=data_dir, exercises=catalog_file, clock=clock)
    async with first.run_test(size=(80, 24)) as pilot:
        await open_runner(pilot)
        await press(pilot, *keys)


def sent_to_terminal(monkeypatch: pytest.MonkeyPatch, writer: object, method: str) -> list[str]:
    """What `writer.method(text)` would have written to the terminal, kept in order instead."""
    sent: list[str] = []
    monkeypatch.setattr(writer, method, lambda *args: sent.append(args[-1]))
    return sent


def text(screen: RunnerScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def big(screen: RunnerScreen) -> tuple[str, str]:
    """The readout's word and its big number."""
    return text(screen, "#readout-label"), screen.query_one(BigNumber).value


def workout(app: SoleusApp) -> Workout:
    assert app.trainer.workout is not None
    return app.trainer.workout
