"""The app shell, driven by keys: modes, help, back, quit, the resume question."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot

from soleus_tui.app import HOME, SoleusApp
from soleus_tui.core.lock import ProfileLock
from soleus_tui.core.store import Profile
from soleus_tui.ui.shell.help import HelpScreen
from soleus_tui.ui.train.resume import ResumeScreen
from tests.support.clock import ManualClock
from tests.support.pilot import notified
from tests.support.restart import restarted


async def test_number_keys_switch_areas_and_escape_comes_home(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.current_mode == HOME
        for key, mode in (("1", "learn"), ("2", "train"), ("3", "history")):
            await pilot.press(key)
            await pilot.pause()
            assert app.current_mode == mode
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == HOME


async def test_question_mark_lists_the_keys_of_this_screen(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        described = {row[1] for row in app.screen.rows}
        assert {"Learn", "Train", "History", "Quit"} <= described
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@asynccontextmanager
async def _after_a_workout_left_open(
    data_dir: Path, clock: ManualClock, size: tuple[int, int] = (80, 24)
) -> AsyncIterator[tuple[SoleusApp, Pilot[int]]]:
    """A workout left open with four reps counted, then the app started again on its files."""
    first = SoleusApp(data_dir=data_dir, clock=clock)
    async with first.run_test(size=(80, 24)):
        trainer = first.trainer
        trainer.start(first.catalog.exercises[0])
        for _ in range(4):
            trainer.act(lambda w: w.count())
    async with restarted(data_dir, clock, size=size) as started:
        yield started


async def test_the_resume_question_r_resumes_exactly(data_dir: Path, clock: ManualClock) -> None:
    async with _after_a_workout_left_open(data_dir, clock) as (app, pilot):
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("r")
        await pilot.pause()
        assert app.current_mode == "train"
        assert app.trainer.workout is not None and app.trainer.workout.reps == 4


async def test_the_resume_question_f_finishes_and_saves(data_dir: Path, clock: ManualClock) -> None:
    async with _after_a_workout_left_open(data_dir, clock) as (app, pilot):
        await pilot.press("f")
        await pilot.pause()
        assert app.trainer.workout is None
    profile = Profile.open(data_dir, "default")
    assert not profile.current_path.exists()
    (path,) = profile.iter_session_paths()
    assert profile.read_session(path).exercises[0].sets[0].reps == 4


async def test_a_second_instance_is_read_only(data_dir: Path) -> None:
    holder = ProfileLock(Profile.open(data_dir, "default").lock_path)
    assert holder.acquire()
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.trainer.can_train
        assert notified(app, "Another soleus-tui")
    holder.release()


async def test_a_bad_catalog_warns_and_falls_back(data_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = 1\n[[exercise]]\nid = 'BAD ID'\n")
    app = SoleusApp(data_dir=data_dir, exercises=bad, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        assert len(app.catalog) >= 8
        await pilot.pause()
        assert notified(app, str(bad))


async def test_a_small_terminal_says_so_and_comes_back_when_it_grows(data_dir: Path) -> None:
    from soleus_tui.ui.shell.too_small import TooSmallScreen

    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.resize_terminal(59, 24)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        message = str(app.screen.query_one("#too-small-message").render())
        assert "needs at least 60x20" in message and "59x24" in message
        await pilot.press("2")  # areas stay put until there is room for them
        await pilot.pause()
        assert app.current_mode == HOME
        await pilot.resize_terminal(70, 19)
        await pilot.pause()
        assert "70x19" in str(app.screen.query_one("#too-small-message").render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not isinstance(app.screen, TooSmallScreen) and app.current_mode == HOME


async def test_no_size_down_to_20x5_crashes(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        for mode_key in ("1", "2", "3"):
            for width, height in ((60, 20), (45, 15), (20, 5), (61, 21), (120, 40)):
                await pilot.resize_terminal(width, height)
                await pilot.pause()
            await pilot.press(mode_key)
            await pilot.pause()
        assert app.is_running


async def test_starting_small_with_a_saved_workout_comes_back_whole(data_dir: Path, clock: ManualClock) -> None:
    from soleus_tui.ui.shell.too_small import TooSmallScreen

    async with _after_a_workout_left_open(data_dir, clock, size=(50, 15)) as (app, pilot):
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("r")
        await pilot.pause()
        for _ in range(3):  # back out of the runner and the list, home
            await pilot.press("escape")
            await pilot.pause()
        assert app.current_mode == HOME and not isinstance(app.screen, TooSmallScreen)
        await pilot.press("1")
        await pilot.pause()
        assert app.current_mode == "learn"  # keys work: nothing left over from the small start


async def test_q_quits_and_question_mark_helps_from_the_resume_question(data_dir: Path, clock: ManualClock) -> None:
    async with _after_a_workout_left_open(data_dir, clock) as (app, pilot):
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert {"Resume", "Finish and save"} <= {row[1] for row in app.screen.rows}
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert Profile.open(data_dir, "default").current_path.exists()  # quitting keeps the workout
