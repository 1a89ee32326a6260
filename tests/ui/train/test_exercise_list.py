"""The exercise list: the catalog with last time's numbers, starting, read-only, resuming."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual import events
from textual.widgets import DataTable, Static

from soleus_tui.app import SoleusApp
from soleus_tui.core.lock import ProfileLock
from soleus_tui.core.session import ExerciseLog, Session, SetLog
from soleus_tui.core.store import Profile
from soleus_tui.ui.train.runner import RunnerScreen
from soleus_tui.ui.train.exercise_list import TrainScreen
from tests.support.clock import ManualClock
from tests.support.pilot import notified
from tests.support.restart import restarted


def log_a_session(data_dir: Path, clock: ManualClock, exercise_id: str, reps: list[int], load_kg: float) -> None:
    started = clock.now() - timedelta(days=2)
    sets = [SetLog(r, 0.0, load_kg, "both", started, started + timedelta(minutes=1)) for r in reps]
    exercises = [ExerciseLog(exercise_id, "name kept in the file", sets)]
    session = Session(started, started + timedelta(minutes=20), exercises)
    Profile.open(data_dir, "default").write_session(session)


async def open_list(app: SoleusApp, pilot) -> TrainScreen:  # type: ignore[no-untyped-def]
    await pilot.press("2")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, TrainScreen)
    return app.screen


async def test_the_list_shows_every_exercise_with_its_plan(data_dir: Path, clock: ManualClock) -> None:
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_list(app, pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == len(app.catalog)
        first = [str(cell) for cell in table.get_row_at(0)]
        assert first == ["Seated dumbbell calf raise", "90°", "3 x 12", "2:00", "none yet"]
        hold = next(e for e in app.catalog if e.is_hold)
        assert table.get_row(hold.id)[2] == f"{hold.sets} x {hold.hold_s:g} s hold"


async def test_below_80_columns_the_list_wraps_long_names_and_keeps_three_columns(data_dir: Path, clock: ManualClock) -> None:
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_list(app, pilot)
        table = screen.query_one(DataTable)
        assert [str(column.label) for column in table.columns.values()] == ["Exercise", "Knee", "Target"]
        longest = max(app.catalog, key=lambda exercise: len(exercise.name))
        assert " ".join(str(table.get_row(longest.id)[0]).split()) == longest.name
        assert table.virtual_size.width <= table.size.width


async def test_last_times_numbers_come_from_history(data_dir: Path, clock: ManualClock) -> None:
    log_a_session(data_dir, clock, "seated-dumbbell-calf-raise", [10, 9, 8], 20.0)
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_list(app, pilot)
        assert screen.query_one(DataTable).get_row_at(0)[4] == "10 9 8"
        about = str(screen.query_one("#exercise-about", Static).render())
        assert about.startswith("Last time  10, 9, 8 · 20 kg\nTry today  11 reps at 20 kg: same load, one more rep")
        runner = await start_highlighted(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        history = str(runner.query_one("#runner-history", Static).render())
        assert history == "Last time  10, 9, 8 · 20 kg\nTry today  11 reps at 20 kg: same load, one more rep"
        assert str(runner.query_one("#runner-load", Static).render()) == "Load  20 kg"


async def start_highlighted(app: SoleusApp, pilot) -> RunnerScreen:  # type: ignore[no-untyped-def]
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, RunnerScreen)
    return app.screen


async def test_moving_down_the_list_and_starting(data_dir: Path, clock: ManualClock) -> None:
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_list(app, pilot)
        await pilot.press("down", "down")
        assert app.catalog.exercises[2].why in str(screen.query_one("#exercise-about", Static).render())
        await start_highlighted(app, pilot)
        assert app.trainer.workout is not None and app.trainer.workout.plan == app.catalog.exercises[2]


async def test_starting_another_exercise_adds_it_to_the_workout(data_dir: Path, clock: ManualClock) -> None:
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(app, pilot)
        await start_highlighted(app, pilot)
        await pilot.press("space", "enter", "escape")
        await pilot.pause()
        await pilot.press("down", "down")
        await start_highlighted(app, pilot)
        workout = app.trainer.workout
        assert workout is not None
        assert [e.id for e in workout.exercises] == ["seated-dumbbell-calf-raise", "wall-sit-calf-raise"]


async def test_a_read_only_instance_explains_instead_of_starting(data_dir: Path, clock: ManualClock) -> None:
    holder = ProfileLock(Profile.open(data_dir, "default").lock_path)
    assert holder.acquire()
    app = SoleusApp(data_dir=data_dir, clock=clock)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await open_list(app, pilot)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, TrainScreen)
            assert app.trainer.workout is None
            assert notified(app, "can only look")
    finally:
        holder.release()


async def test_a_resumed_workout_opens_in_the_runner(data_dir: Path, clock: ManualClock) -> None:
    first = SoleusApp(data_dir=data_dir, clock=clock)
    async with first.run_test(size=(80, 24)) as pilot:
        await open_list(first, pilot)
        await start_highlighted(first, pilot)
        await pilot.press("space", "space", "space", "space")
    async with restarted(data_dir, clock) as (again, pilot):
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(again.screen, RunnerScreen)
        assert again.screen.query_one("#readout-number").value == "4"  # type: ignore[attr-defined]


async def test_enter_after_a_burst_of_arrows_starts_the_row_they_reached(data_dir: Path, clock: ManualClock) -> None:
    """Keys that arrive together (a slow SSH link) are handled in the order they were typed."""
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(app, pilot)
        for key in ("down", "down", "down", "down", "up", "up", "up", "enter"):
            app.post_message(events.Key(key, None))
        await pilot.pause()
        assert isinstance(app.screen, RunnerScreen)
        assert app.trainer.workout is not None and app.trainer.workout.plan == app.catalog.exercises[1]
