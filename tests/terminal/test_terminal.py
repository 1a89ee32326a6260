"""The installed app in a real terminal (tmux, 80x24): terminals, hang-ups, kills, small windows."""

from __future__ import annotations

import os
import signal
import time
import tomllib
from pathlib import Path

import pytest

from soleus_tui.core.lock import ProfileLock
from soleus_tui.core.store import Profile
from tests.support.tmux import Tmux


@pytest.mark.parametrize("term", ["xterm", "xterm-256color", "screen-256color", "tmux-256color", "linux"])
def test_every_supported_terminal_shows_the_areas_and_quits_cleanly(launch, term: str) -> None:
    tmux = launch(term)
    tmux.wait_for("History")
    assert all(area in tmux.screen() for area in ("Learn", "Train", "History"))
    tmux.press("1")
    tmux.wait_for("Knee straight")  # the leg drawing's caption
    tmux.press("3")
    tmux.wait_until(lambda: "Knee straight" not in tmux.screen(), "the history screen")
    tmux.press("q")
    tmux.wait_until(tmux.exited, "the app to quit", timeout=5)
    assert "Traceback" not in tmux.screen() and "Error" not in tmux.screen()


@pytest.mark.parametrize("signal_number", [signal.SIGHUP, signal.SIGTERM])
def test_a_hang_up_or_terminate_exits_within_seconds_and_frees_the_profile(
    launch, data_dir: Path, signal_number: signal.Signals
) -> None:
    tmux = launch()
    tmux.press("2")
    tmux.wait_for("Last time")  # the Train list's own column: the app has moved on from the home screen
    lock_path = data_dir / "profiles" / "default" / "lock"
    # The app writes its pid into the lock once it holds it: read that, never take the lock to find out.
    tmux.wait_until(lambda: _read(lock_path) == str(tmux.pid), "the app to hold the profile lock")
    os.kill(tmux.pid, signal_number)
    tmux.wait_until(tmux.exited, "the app to leave", timeout=3)
    lock = ProfileLock(lock_path)
    assert lock.acquire()
    lock.release()


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except FileNotFoundError:
        return ""


def saved_reps(data_dir: Path) -> tuple[list[int], int] | None:
    """(reps of each logged set, reps of the set in progress) from current.toml, if it is there."""
    path = Profile.open(data_dir, "default").current_path
    try:
        table = tomllib.loads(path.read_text())
    except (FileNotFoundError, tomllib.TOMLDecodeError):
        return None
    logged = [s["reps"] for exercise in table["exercises"] for s in exercise["sets"]]
    return logged, table["runner"]["reps"]


def count_reps(tmux: Tmux, data_dir: Path, logged: list[int], reps: int, already: int = 0) -> None:
    """Press space until the set in progress has `reps`, checking each one reaches the disk."""
    for count in range(already + 1, reps + 1):
        tmux.press("Space")
        tmux.wait_until(lambda: saved_reps(data_dir) == (logged, count), f"rep {count} on disk")


def test_kill_9_mid_set_then_resume_keeps_every_counted_rep(launch, tmux: Tmux, data_dir: Path) -> None:
    launch()
    tmux.press("2")
    tmux.wait_for("Last time")
    tmux.press("Enter")  # the first exercise
    tmux.wait_for("REPS")
    count_reps(tmux, data_dir, [], 3)
    tmux.press("Enter")  # log the set; rest starts
    tmux.wait_until(lambda: saved_reps(data_dir) == ([3], 0), "the set on disk")
    count_reps(tmux, data_dir, [3], 2)  # space in rest starts the next set
    os.kill(tmux.pid, signal.SIGKILL)
    tmux.wait_until(tmux.exited, "the process to die")
    tmux.kill_server()

    launch()
    tmux.wait_for("left unfinished")
    tmux.press("r")
    tmux.wait_for("Set 2 of 3")
    assert saved_reps(data_dir) == ([3], 2)
    count_reps(tmux, data_dir, [3], 3, already=2)  # carries on from the two counted before the kill
    tmux.press("f")
    profile = Profile.open(data_dir, "default")
    tmux.wait_until(lambda: not profile.current_path.exists(), "the workout to be finished")
    (path,) = profile.iter_session_paths()
    assert [s.reps for s in profile.read_session(path).exercises[0].sets] == [3, 3]


def test_a_hang_up_mid_set_leaves_the_counted_reps_on_disk(launch, tmux: Tmux, data_dir: Path) -> None:
    launch()
    tmux.press("2")
    tmux.wait_for("Last time")
    tmux.press("Enter")
    tmux.wait_for("REPS")
    count_reps(tmux, data_dir, [], 4)
    os.kill(tmux.pid, signal.SIGHUP)
    tmux.wait_until(tmux.exited, "the app to leave", timeout=3)
    assert saved_reps(data_dir) == ([], 4)


def test_a_dropped_terminal_during_rest_leaves_no_process(launch, tmux: Tmux, data_dir: Path) -> None:
    """The terminal vanishing (tmux killed, as an SSH drop does) while the rest timer writes."""
    launch()
    tmux.press("2")
    tmux.wait_for("Last time")
    tmux.press("Enter")
    tmux.wait_for("REPS")
    count_reps(tmux, data_dir, [], 2)
    tmux.press("Enter")
    tmux.wait_until(lambda: saved_reps(data_dir) == ([2], 0), "the set on disk")
    pid = tmux.pid
    tmux.kill_server()
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
        time.sleep(0.1)
    assert not Path(f"/proc/{pid}").exists(), "soleus-tui outlived its terminal"
    assert saved_reps(data_dir) == ([2], 0)
