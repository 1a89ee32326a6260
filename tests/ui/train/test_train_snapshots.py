"""Pictures of Train at 80x24 (and the runner at 120x40 and in plain mode, the capacity test at 60x20),
looked at before kept.

Each test builds the app on a fresh data folder with a clock that moves only when told, drives it
with real keys, and compares the screen with the SVG kept in tests/__snapshots__/.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from soleus_tui.app import SoleusApp
from soleus_tui.core.catalog import builtin_catalog
from soleus_tui.core.session import ExerciseLog, Session, SetLog
from soleus_tui.core.settings import Settings, save_settings
from soleus_tui.core.store import Profile
from soleus_tui.core.train.workout import Workout
from soleus_tui.ui.train.capacity_test import CapacityTestScreen
from soleus_tui.ui.train.runner import RunnerScreen
from tests.support.clock import ManualClock

Step = str | float  # a key to press, or seconds to let pass
SnapCompare = Callable[..., bool]


def with_last_week(data_dir: Path) -> None:
    """One earlier workout, so "last time" and today's suggestion have something to say."""
    day = datetime(2026, 11, 17, 7, 30, tzinfo=timezone(timedelta(hours=1)))
    sets = [SetLog(reps, 0.0, 20.0, "both", day, day + timedelta(minutes=1)) for reps in (12, 11, 10)]
    exercises = [ExerciseLog("seated-dumbbell-calf-raise", "Seated dumbbell calf raise", sets)]
    Profile.open(data_dir, "default").write_session(Session(day, day + timedelta(minutes=25), exercises))


def steps(*script: Step) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run(pilot: Pilot[Any]) -> None:
        clock = pilot.app.clock
        assert isinstance(clock, ManualClock)
        for step in script:
            if isinstance(step, str):
                await pilot.press(step)
            else:
                clock.advance(step)
                screen = pilot.app.screen
                assert isinstance(screen, (RunnerScreen, CapacityTestScreen))
                screen.tick()
            await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run


def snap(
    snap_compare: SnapCompare,
    data_dir: Path,
    script: Sequence[Step],
    size: tuple[int, int] = (80, 24),
    plain: bool = False,
) -> bool:
    with_last_week(data_dir)
    app = SoleusApp(data_dir=data_dir, clock=ManualClock(), plain=plain)
    return snap_compare(app, terminal_size=size, run_before=steps(*script))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_the_exercise_list(snap_compare: SnapCompare, data_dir: Path) -> None:
    assert snap(snap_compare, data_dir, ["2"])


MID_SET: list[Step] = ["2", "enter", "right_square_bracket", *["space"] * 7, 1.5]


def test_the_runner_mid_set(snap_compare: SnapCompare, data_dir: Path) -> None:
    assert snap(snap_compare, data_dir, MID_SET)


def test_the_runner_mid_set_at_120x40(snap_compare: SnapCompare, data_dir: Path) -> None:
    assert snap(snap_compare, data_dir, MID_SET, size=(120, 40))


def test_the_runner_mid_set_at_60x20(snap_compare: SnapCompare, data_dir: Path) -> None:
    assert snap(snap_compare, data_dir, MID_SET, size=(60, 20))


def test_the_runner_mid_set_in_plain_mode(snap_compare: SnapCompare, data_dir: Path) -> None:
    assert snap(snap_compare, data_dir, MID_SET, plain=True)


def test_a_paced_set(snap_compare: SnapCompare, data_dir: Path) -> None:
    assert snap(snap_compare, data_dir, ["2", "enter", "a", 3.0, 6.0, 6.0, 3.5])


def test_a_hold_past_its_target(snap_compare: SnapCompare, data_dir: Path) -> None:
    to_the_hold = ["down"] * 5
    assert snap(snap_compare, data_dir, ["2", *to_the_hold, "enter", "space", 3.0, 20.0, 12.0])


def test_the_switch_between_legs(snap_compare: SnapCompare, data_dir: Path) -> None:
    to_single_leg = ["down"] * 3
    assert snap(snap_compare, data_dir, ["2", *to_single_leg, "enter", *["space"] * 12, "enter", 3.0])


def test_the_rest_timer(snap_compare: SnapCompare, data_dir: Path) -> None:
    assert snap(snap_compare, data_dir, ["2", "enter", *["space"] * 12, "enter", 35.0])


def test_the_rest_timer_at_120x40(snap_compare: SnapCompare, data_dir: Path) -> None:
    assert snap(snap_compare, data_dir, ["2", "enter", *["space"] * 12, "enter", 35.0], size=(120, 40))


def test_the_rest_timer_at_60x20(snap_compare: SnapCompare, data_dir: Path) -> None:
    assert snap(snap_compare, data_dir, ["2", "enter", *["space"] * 12, "enter", 35.0], size=(60, 20))


def test_the_typed_load(snap_compare: SnapCompare, data_dir: Path) -> None:
    assert snap(snap_compare, data_dir, ["2", "enter", "l", "backspace", "x"])


def test_the_pain_question(snap_compare: SnapCompare, data_dir: Path) -> None:
    save_settings(Profile.open(data_dir, "default").settings_path, Settings(pain=True))
    to_single_leg = ["down"] * 3
    one_set = ["space", "enter", "s", "space", "enter"]  # the left leg, the switch skipped, the right leg
    assert snap(snap_compare, data_dir, ["2", *to_single_leg, "enter", *one_set, "s", *one_set, "s", *one_set])


def test_the_summary_after_finishing(snap_compare: SnapCompare, data_dir: Path) -> None:
    assert snap(snap_compare, data_dir, ["2", "enter", *["space"] * 13, "enter", 60.0, "f"])


def test_the_rest_timer_in_overtime(snap_compare: SnapCompare, data_dir: Path) -> None:
    assert snap(snap_compare, data_dir, ["2", "enter", *["space"] * 12, "enter", 120.0, 14.0])


def test_the_resume_question(snap_compare: SnapCompare, data_dir: Path) -> None:
    with_last_week(data_dir)
    clock = ManualClock()
    profile = Profile.open(data_dir, "default")
    workout = Workout.start(clock, builtin_catalog().exercises[0], 20.0, 120)
    for _ in range(5):
        workout.count()
    profile.save_current(workout.to_dict())
    app = SoleusApp(data_dir=data_dir, clock=clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps())


def with_norms_known(data_dir: Path) -> None:
    """Birth year and sex already set, so the capacity test does not ask for them first."""
    save_settings(Profile.open(data_dir, "default").settings_path, Settings(birth_year=1990, sex="female"))


def test_the_capacity_test_mid_leg(snap_compare: SnapCompare, data_dir: Path) -> None:
    with_norms_known(data_dir)
    assert snap(snap_compare, data_dir, ["2", "t", "enter", 3.0, 24.5])


def test_the_capacity_test_paused_at_60x20(snap_compare: SnapCompare, data_dir: Path) -> None:
    with_norms_known(data_dir)
    assert snap(snap_compare, data_dir, ["2", "t", "enter", 3.0, 150.0], size=(60, 20))
