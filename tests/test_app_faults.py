"""The app under faults, driven by keys: a disk that fills mid-workout, a second instance that
only looks, names written to attack the screen, a sessions folder that cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli_w
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable

from soleus_tui.app import SoleusApp
from soleus_tui.core.catalog import builtin_catalog, exercise_table
from soleus_tui.core.learn.quiz import LETTERS
from soleus_tui.core.lock import ProfileLock
from soleus_tui.core.store import Profile, default_config_dir
from soleus_tui.ui.history.session_detail import SessionDetailScreen
from soleus_tui.ui.learn.quiz_screen import QuizScreen
from soleus_tui.ui.train.exercise_list import TrainScreen
from soleus_tui.ui.train.runner import RunnerScreen
from tests.support.clock import ManualClock
from tests.support.faults import DISK_FULL, NO_ACCESS, FailingWriter, unreadable
from tests.support.histories import hand_made_history
from tests.support.pilot import notifications
from tests.support.settle import settle


def messages(app: SoleusApp) -> list[str]:
    return notifications(app)


async def open_runner(pilot: Pilot) -> RunnerScreen:
    await pilot.press("2")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, RunnerScreen)
    return pilot.app.screen


# -- a disk that fills up mid-workout -----------------------------------------------------------


@pytest.mark.parametrize("failure", [DISK_FULL, NO_ACCESS])
async def test_a_full_disk_mid_workout_is_one_line_and_the_workout_goes_on(data_dir: Path, failure: int) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_runner(pilot)
        await pilot.press("space")
        app.profile.writer = writer = FailingWriter()
        writer.fail_with = failure
        await pilot.press("space", "space", "enter")  # two more reps, then the set is logged
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, RunnerScreen)
        (warning,) = [m for m in messages(app) if "could not be saved" in m]
        assert str(app.profile.current_path) in warning and "\n" not in warning
        assert app.trainer.workout is not None and [s.reps for s in app.trainer.workout.log.sets] == [3]
        await pilot.press("f")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, RunnerScreen)  # not finished: nothing to lose
        assert any("finishing again retries" in m for m in messages(app))
        assert app.profile.current_path.exists() and list(app.profile.iter_session_paths()) == []
        writer.fail_with = None
        await pilot.press("f")
        await settle(pilot)
        assert not isinstance(app.screen, RunnerScreen) and not app.profile.current_path.exists()
        (path,) = app.profile.iter_session_paths()
        assert [s.reps for s in app.profile.read_session(path).all_sets] == [3]


# -- a second instance looks and writes nothing -------------------------------------------------


@pytest.fixture
def first_instance(data_dir: Path):  # type: ignore[no-untyped-def]
    lock = ProfileLock(Profile.open(data_dir, "default").lock_path)
    assert lock.acquire()
    yield lock
    lock.release()


async def test_the_read_only_instance_never_writes_settings(data_dir: Path, first_instance: ProfileLock) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.trainer.can_train
        app.update_settings(app.settings.__class__(units="lb"))
        await pilot.pause()
        assert app.settings.units == "lb"  # used here until quit
        assert not app.profile.settings_path.exists()
        assert any("read-only" in m.lower() and "settings" in m for m in messages(app))


async def test_the_read_only_instance_never_deletes_a_workout(data_dir: Path, first_instance: ProfileLock) -> None:
    profile = Profile.open(data_dir, "default")
    newest = profile.write_session(hand_made_history()[0])
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
        assert isinstance(app.screen, SessionDetailScreen)
        assert newest.exists() and not profile.quarantine_dir.exists()
        assert any("read-only" in m for m in messages(app))


async def test_the_read_only_instance_never_records_a_quiz_score(data_dir: Path, first_instance: ProfileLock) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        for question in quiz.run.questions:
            await pilot.press(LETTERS[question.answer_index], "enter")
        assert quiz.done and app.is_running
        assert not app.profile.quiz_scores_path.exists()
        assert any("could not be saved" in m and "read-only" in m for m in messages(app))


# -- names written to attack the screen ---------------------------------------------------------


HOSTILE_NAMES = ["a[/]b", "[@click=app.quit]CLICKME[/]", "[bold red]x[/]", "calf\x1b]2;PWNED\x07 raise\x1b[7m"]


@pytest.fixture
def hostile_catalog() -> Path:
    """The user's exercises file, in the config folder the app reads it from."""
    template = exercise_table(builtin_catalog().exercises[0])
    del template["hold_s"]
    tables = [template | {"id": f"hostile-{n}", "name": name} for n, name in enumerate(HOSTILE_NAMES)]
    path = default_config_dir() / "exercises.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(tomli_w.dumps({"schema": 1, "exercise": tables}))
    return path


async def test_hostile_names_in_the_train_list_are_plain_text(data_dir: Path, hostile_catalog: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrainScreen)
        table = screen.query_one(DataTable)
        names = [table.get_row(f"hostile-{n}")[0] for n in range(len(HOSTILE_NAMES))]
        assert all(isinstance(name, Text) and not name.spans for name in names)
        assert [name.plain for name in names][:3] == HOSTILE_NAMES[:3]
        assert names[3].plain == "calf\\x1b]2;PWNED\\x07 raise\\x1b[7m"  # the escapes shown, not sent
        row = [n for n in range(table.row_count) if str(table.get_row_at(n)[0]).startswith("[@click")][0]
        await pilot.click(DataTable, offset=(3, row + 1))  # on the would-be link: one line of header above
        await pilot.pause()
        assert app.is_running and table.cursor_row == row


# -- a sessions folder that cannot be read ------------------------------------------------------


async def test_an_unreadable_sessions_folder_leaves_train_and_the_runner_working(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = Profile.open(data_dir, "default")
    profile.write_session(hand_made_history()[0])
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    with unreadable(profile.sessions_dir, monkeypatch):
        async with app.run_test(size=(80, 24)) as pilot:
            await open_runner(pilot)
            await pilot.press("space")
            await settle(pilot)
            assert app.is_running and app.trainer.workout is not None and app.trainer.workout.reps == 1
            assert any(str(profile.sessions_dir) in m for m in messages(app))


def test_export_of_an_unreadable_sessions_folder_is_one_line(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from soleus_tui import cli

    profile = Profile.open(data_dir, "default")
    profile.write_session(hand_made_history()[0])
    with unreadable(profile.sessions_dir, monkeypatch):
        code = cli.main(["--data-dir", str(data_dir), "export"])
    out, err = capsys.readouterr()
    assert code == 0 and out.splitlines() == [out.splitlines()[0]]  # the header, and no rows it could not read
    (line,) = err.splitlines()
    assert str(profile.sessions_dir) in line and "Traceback" not in err


async def test_escape_sequences_in_a_session_reach_history_as_visible_text(data_dir: Path) -> None:
    profile = Profile.open(data_dir, "default")
    session = hand_made_history()[0]
    session.exercises[0].id, session.exercises[0].name = "mine", "raise\x1b]2;PWNED\x07\x1b[7m"
    profile.write_session(session)
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        cells = [str(cell) for cell in app.screen.query_one("#detail-sets", DataTable).get_row_at(0)]
        assert cells[0] == "raise\\x1b]2;PWNED\\x07\\x1b[7m"
        assert not any("\x1b" in cell for cell in cells)
