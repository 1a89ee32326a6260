"""The command line: version, options, export, and clean failures."""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from soleus_tui import __version__
from soleus_tui.cli import main
from soleus_tui.core.history.export import CSV_COLUMNS
from soleus_tui.core.store import Profile
from tests.support.histories import make_session

ROOT = Path(__file__).parents[1]
MORNING = datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "soleus_tui", *args],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, **(env or {})}, timeout=60,
    )


def test_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout) == (0, f"soleus-tui {__version__}\n")


@pytest.mark.parametrize("name", ["Bad", "../up", "-x", "a" * 33, ""])
def test_a_bad_profile_exits_2_with_one_line(name: str, tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), "--profile", name, "export")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "profile" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "profiles").exists()


@pytest.mark.parametrize("args", [["--nope"], ["export", "--format", "xml"], ["dance"], ["--data-dir"]])
def test_bad_arguments_exit_2_without_a_traceback(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 or result.stderr.startswith("usage")


def test_an_unusable_data_dir_exits_1_naming_the_path(tmp_path: Path) -> None:
    blocker = tmp_path / "plainfile"
    blocker.write_text("")
    result = run("--data-dir", str(blocker / "data"), "export")
    assert result.returncode == 1
    assert str(blocker) in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_export_csv_is_a_header_only_on_empty_data(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), "export", "--format", "csv")
    assert result.returncode == 0 and result.stdout == ",".join(CSV_COLUMNS) + "\n"


def test_the_env_var_picks_the_data_dir_and_the_flag_wins(tmp_path: Path) -> None:
    Profile.open(tmp_path / "env", "default").write_session(make_session(MORNING, [("x", 3, 0.0, 5.0)]))
    by_env = run("export", env={"SOLEUS_TUI_DATA_DIR": str(tmp_path / "env")})
    assert by_env.stdout.count("\n") == 2
    by_flag = run("--data-dir", str(tmp_path / "flag"), "export", env={"SOLEUS_TUI_DATA_DIR": str(tmp_path / "env")})
    assert by_flag.stdout.count("\n") == 1


def test_export_rows_csv_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = Profile.open(tmp_path, "runner")
    profile.write_session(make_session(MORNING - timedelta(days=1), [("a", 12, 0.0, 20.0), ("a", 10, 0.0, 22.5)]))
    profile.write_session(make_session(MORNING, [("b", 0, 30.0, 0.0)], notes="easy"))
    assert main(["--data-dir", str(tmp_path), "--profile", "runner", "export", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["date"], r["exercise_id"], r["set"], r["reps"], r["hold_s"], r["load_kg"]) for r in rows] == [
        ("2026-11-23", "a", "1", "12", "0.0", "20.0"),
        ("2026-11-23", "a", "2", "10", "0.0", "22.5"),
        ("2026-11-24", "b", "1", "0", "30.0", "0.0"),
    ]
    assert rows[0]["session_started"] == "2026-11-23T07:30:00+01:00" and rows[0]["rest_s"] == "90.0"
    out = tmp_path / "all.json"
    assert main(["--data-dir", str(tmp_path), "--profile", "runner", "export", "--format", "json", "--output", str(out)]) == 0
    sessions = json.loads(out.read_text())
    assert [s["notes"] for s in sessions] == ["", "easy"]
    assert sessions[0]["exercises"][0]["sets"][1]["load_kg"] == 22.5


def test_export_to_an_unwritable_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "export", "--output", str(tmp_path / "missing" / "x.csv")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_export_into_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    profile = Profile.open(tmp_path, "default")
    for day in range(60):
        profile.write_session(make_session(MORNING - timedelta(days=day), [("a", 12, 0.0, 20.0)] * 5))
    result = subprocess.run(
        f"{sys.executable} -m soleus_tui --data-dir {tmp_path} export | head -1",
        shell=True, capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert result.stdout.startswith("date,") and result.stderr == ""


def test_what_start_up_built_is_kept_out_of_full_collections(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from soleus_tui.app import SoleusApp

    frozen: list[int] = []
    monkeypatch.setattr(SoleusApp, "run", lambda app: frozen.append(gc.get_freeze_count()))
    try:
        assert main(["--data-dir", str(data_dir)]) == 0
    finally:
        gc.unfreeze()
    assert frozen and frozen[0] > 0
