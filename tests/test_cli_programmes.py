"""programme list|start|stop and today, as a shell's login script would run them."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from soleus_tui.cli import main
from soleus_tui.core.programmes.running import read_running
from soleus_tui.core.session import ExerciseLog, Session, SetLog
from soleus_tui.core.settings import load_settings, save_settings
from soleus_tui.core.store import Profile

ROOT = Path(__file__).parents[1]


def cli(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_id_name_weeks_and_schedule(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = cli(capsys, data_dir, "programme", "list")
    assert code == 0
    assert out.splitlines() == [
        "soleus-strength  Soleus strength for runners  8 weeks  2 a week",
        "hsr-12  Heavy slow resistance (bent-knee part)  12 weeks  3 a week",
        "alfredson-12  Alfredson eccentric heel drops  12 weeks  2 a day, every day",
    ]


def test_an_unknown_id_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, err = cli(capsys, data_dir, "programme", "start", "hsr-13")
    assert (code, out, err.count("\n")) == (2, "", 1) and "hsr-13" in err
    assert read_running(Profile.open(data_dir, "default"))[0] is None


def test_start_today_and_stop(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = cli(capsys, data_dir, "today")
    assert code == 0 and out.startswith("No programme is running.") and out.count("\n") == 1
    code, out, _ = cli(capsys, data_dir, "programme", "start", "hsr-12")
    assert code == 0 and "Started Heavy slow resistance" in out and "Pain questions are now on" in out
    profile = Profile.open(data_dir, "default")
    assert load_settings(profile.settings_path)[0].pain is True
    running = read_running(profile)[0]
    assert running is not None and (running.id, running.started) == ("hsr-12", date.today())
    code, out, _ = cli(capsys, data_dir, "today")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "Heavy slow resistance (bent-knee part)"
    assert lines[1].startswith("week 1 of 12 · 0 of 3 done this week")
    assert lines[2] == "  Seated calf raise machine: 3 x 15 (15RM) · find your 15RM"
    # a session done in it counts, and the next suggestion builds on it
    started = datetime.now().astimezone().replace(microsecond=0)
    sets = [SetLog(15, 0.0, 40.0, "both", started, started) for _ in range(3)]
    profile.write_session(Session(started, started, [ExerciseLog("seated-calf-raise-machine", "m", sets, 90)], programme="hsr-12", programme_week=1))
    _, out, _ = cli(capsys, data_dir, "today")
    assert "1 of 3 done this week" in out and "3 x 15 (15RM) · 45 kg" in out  # one machine step, as the runner steps
    assert "every set hit 15 last time: one step heavier" in out
    code, out, _ = cli(capsys, data_dir, "programme", "stop")
    assert code == 0 and out == "Stopped hsr-12; its sessions stay in history.\n"
    assert cli(capsys, data_dir, "programme", "stop")[1] == "No programme was running.\n"
    assert len(list(profile.iter_session_paths())) == 1


def test_starting_again_replaces_the_running_one(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    cli(capsys, data_dir, "programme", "start", "hsr-12")
    cli(capsys, data_dir, "programme", "start", "alfredson-12")
    assert read_running(Profile.open(data_dir, "default"))[0].id == "alfredson-12"  # type: ignore[union-attr]
    _, out, _ = cli(capsys, data_dir, "today")
    assert "0 of 14 done this week · today: session 1 of 2" in out
    assert "Straight-knee heel drop (gastrocnemius): 3 x 15 per side · bodyweight" in out


def today_without_textual(data_dir: Path) -> str:
    """`soleus-tui today` in a process of its own, which must not have imported Textual or Rich."""
    probe = (
        "import sys; from soleus_tui.cli import main; code = main(['--data-dir', sys.argv[1], 'today']);"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')], 'textual imported';"
        "sys.exit(code)"
    )
    result = subprocess.run([sys.executable, "-c", probe, str(data_dir)], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_today_never_imports_textual(tmp_path: Path) -> None:
    assert today_without_textual(tmp_path).startswith("No programme is running.")


def test_today_follows_the_pain_setting_as_the_runner_does(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    cli(capsys, data_dir, "programme", "start", "hsr-12")  # turns the pain setting on
    profile = Profile.open(data_dir, "default")
    started = datetime.now().astimezone().replace(microsecond=0) - timedelta(days=1)
    sets = [SetLog(15, 0.0, 40.0, "both", started, started) for _ in range(3)]
    done = ExerciseLog("seated-calf-raise-machine", "m", sets, 90, pain=6)
    profile.write_session(Session(started, started, [done], programme="hsr-12", programme_week=1))
    lines = today_without_textual(data_dir).splitlines()
    assert lines[2:] == [
        "  Seated calf raise machine: 3 x 15 (15RM) · 35 kg",  # not 45 kg: one step lighter, not heavier
        "    pain 6/10 during last time is above 5: one step lighter",
    ]
    save_settings(profile.settings_path, replace(load_settings(profile.settings_path)[0], pain=False))
    _, out, _ = cli(capsys, data_dir, "today")
    assert out.splitlines()[2:] == [
        "  Seated calf raise machine: 3 x 15 (15RM) · 45 kg",
        "    every set hit 15 last time: one step heavier",
    ]


def test_programme_without_an_action_exits_2(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "soleus_tui", "--data-dir", str(tmp_path), "programme"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


