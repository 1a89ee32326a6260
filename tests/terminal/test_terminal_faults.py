"""The installed app as a process under faults: a data folder on a disk that fills up mid-workout,
and many instances started at the same moment."""

from __future__ import annotations

import os
import subprocess
import tomllib
from pathlib import Path

import pytest

from soleus_tui.core.store import Profile
from tests.support.faults import fill_disk
from tests.support.tmux import Tmux


def saved_reps(profile: Profile) -> int | None:
    try:
        return tomllib.loads(profile.current_path.read_text())["runner"]["reps"]
    except (FileNotFoundError, tomllib.TOMLDecodeError):
        return None


def test_a_disk_that_fills_mid_workout_keeps_the_app_and_the_reps(
    small_disk: Path, tmp_path: Path, console_script: Path
) -> None:
    tmux = Tmux(tmp_path)
    try:
        tmux.start([str(console_script), "--data-dir", str(small_disk)], env={"TERM": "xterm-256color"}, cwd=tmp_path)
        tmux.wait_for("History")
        profile = Profile(small_disk / "profiles" / "default")
        tmux.press("2")
        tmux.wait_for("Last time")
        tmux.press("Enter")
        tmux.wait_for("REPS")
        tmux.press("Space")
        tmux.wait_until(lambda: saved_reps(profile) == 1, "the first rep on disk")
        filler = fill_disk(small_disk)
        tmux.press("Space", "Space", "Enter")
        tmux.wait_for("could not be")
        tmux.press("f")
        tmux.wait_for("Not saved")
        assert not tmux.exited() and "Traceback" not in tmux.screen()
        assert profile.current_path.exists() and list(profile.iter_session_paths()) == []
        filler.unlink()
        tmux.press("f")
        tmux.wait_until(lambda: not profile.current_path.exists(), "the workout to be finished")
        (path,) = profile.iter_session_paths()
        assert [s.reps for s in profile.read_session(path).all_sets] == [3]
        assert not tmux.exited()
    finally:
        tmux.kill_server()


def test_many_instances_started_together_all_start(data_dir: Path, console_script: Path) -> None:
    starts = [
        subprocess.Popen([str(console_script), "--data-dir", str(data_dir), "export"], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(30)
    ]
    results = [(start.wait(timeout=120), start.stderr.read() if start.stderr else "") for start in starts]
    assert [code for code, _ in results] == [0] * len(starts), [err for _, err in results if err]
