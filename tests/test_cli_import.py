"""`soleus-tui import` and the export's output file, as the shell sees them."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from soleus_tui.app import SoleusApp
from soleus_tui.cli import main
from soleus_tui.core.store import Profile
from tests.support.histories import HAND_MADE_TODAY, write_realistic_history

ROOT = Path(__file__).parents[1]
STRONG = (
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n"
    "2025-09-16 07:05:00;Morning;Seated Calf Raise (Machine);W;20;kg;15;;;;;;;40m\n"
    "2025-09-16 07:05:00;Morning;Seated Calf Raise (Machine);1;40;kg;12;;;;;;;40m\n"
    "2025-09-16 07:05:00;Morning;Leg Press;1;100;kg;10;;;;;;;40m\n"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "soleus_tui", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "TZ": "Europe/Berlin"}, timeout=60)


def session_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "profiles").rglob("*.toml"))


def test_import_prints_what_it_took_and_a_second_run_adds_nothing(tmp_path: Path) -> None:
    (tmp_path / "strong.csv").write_text(STRONG)
    data = tmp_path / "data"
    first = run("--data-dir", str(data), "--profile", "runner", "import", str(tmp_path / "strong.csv"))
    assert first.returncode == 0 and first.stderr == ""
    assert first.stdout.splitlines() == [
        "Strong export: 1 workout",
        "  imported  Seated Calf Raise (Machine) -> Seated calf raise machine: 2 sets, 1 warm-up in 1 workout",
        "  skipped   Leg Press: 1 set, not calf-raise work",
        "Added 1 session file (0 already here)",
    ]
    [written] = session_files(data)
    assert written.parent.parent.parent.name == "runner"
    assert written.name.startswith("2025-09-16T07-05-00-") and os.stat(written).st_mode & 0o777 == 0o600
    assert "started = 2025-09-16 07:05:00+02:00" in written.read_text()  # the local offset of that day
    second = run("--data-dir", str(data), "--profile", "runner", "import", str(tmp_path / "strong.csv"))
    assert second.stdout.splitlines()[-1] == "Added 0 session files (1 already here)"
    assert session_files(data) == [written]


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "strong.csv").write_text(STRONG)
    result = run("--data-dir", str(tmp_path / "data"), "import", str(tmp_path / "strong.csv"), "--dry-run")
    assert result.returncode == 0 and result.stdout.splitlines()[-1].startswith("Dry run: would add 1 session file")
    assert session_files(tmp_path / "data") == []


def test_a_bad_file_is_one_line_exit_1_and_nothing_written(tmp_path: Path) -> None:
    (tmp_path / "strong.csv").write_text(STRONG.replace("2025-09-16 07:05:00;Morning;Leg", "16.09.2025;Morning;Leg"))
    result = run("--data-dir", str(tmp_path / "data"), "import", str(tmp_path / "strong.csv"))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == ("soleus-tui: cannot import strong.csv: row 4: Date '16.09.2025' is not a date and time; "
                             "nothing was written\n")
    assert session_files(tmp_path / "data") == []


async def test_an_import_while_the_app_trains_on_the_profile_is_refused_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "strong.csv").write_text(STRONG)
    data = tmp_path / "data"
    app = SoleusApp(data_dir=data)
    async with app.run_test(size=(80, 24)):
        assert app.trainer.can_train  # this instance holds the profile lock
        refused = await asyncio.to_thread(run, "--data-dir", str(data), "import", str(tmp_path / "strong.csv"))
        assert (refused.returncode, refused.stdout) == (1, "")
        assert refused.stderr == ("soleus-tui: cannot import strong.csv: another soleus-tui is training on this profile; "
                                  "nothing was written\n")
        assert session_files(data) == []
        dry = await asyncio.to_thread(run, "--data-dir", str(data), "import", str(tmp_path / "strong.csv"), "--dry-run")
        assert dry.returncode == 0 and dry.stdout.splitlines()[-1].startswith("Dry run: would add 1 session file")
    after = run("--data-dir", str(data), "import", str(tmp_path / "strong.csv"))  # the app has quit
    assert after.returncode == 0 and after.stdout.splitlines()[-1] == "Added 1 session file (0 already here)"
    assert len(session_files(data)) == 1


@pytest.mark.parametrize("args", [["import"], ["import", "a.csv", "--wet"]])
def test_bad_import_arguments_exit_2(args: list[str], tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), *args)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_import_and_export_never_load_the_user_interface(tmp_path: Path) -> None:
    (tmp_path / "strong.csv").write_text(STRONG)
    probe = (
        "import sys; from soleus_tui.cli import main; "
        f"codes = [main(['--data-dir', {str(tmp_path)!r}, 'import', {str(tmp_path / 'strong.csv')!r}]), "
        f"main(['--data-dir', {str(tmp_path)!r}, 'export', '--output', {str(tmp_path / 'out.json')!r}, '--format', 'json'])]; "
        "print(codes, 'textual' in sys.modules, 'rich' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stderr.strip() == "[0, 0] False False"
    assert len(json.loads((tmp_path / "out.json").read_text())) == 1


def test_export_to_a_file_is_private_and_never_lands_in_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "strong.csv").write_text(STRONG)
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(tmp_path / "strong.csv")]) == 0
    [session_file] = session_files(tmp_path / "data")
    before = session_file.read_bytes()
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "data"), "export", "--output", str(session_file)]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line == (f"soleus-tui: will not write an export inside the profile folder "
                    f"{Profile.open(tmp_path / 'data', 'default').root}: choose a file elsewhere")
    assert session_file.read_bytes() == before
    assert main(["--data-dir", str(tmp_path / "data"), "export", "--output", str(tmp_path / "out.csv")]) == 0
    assert os.stat(tmp_path / "out.csv").st_mode & 0o777 == 0o600
    assert (tmp_path / "out.csv").read_text().count("\n") == 3


def test_moving_machines_with_the_json_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = Profile.open(tmp_path / "old", "default")
    write_realistic_history(old, HAND_MADE_TODAY, weeks=52)
    assert main(["--data-dir", str(tmp_path / "old"), "export", "--format", "json", "--output", str(tmp_path / "a.json")]) == 0
    assert main(["--data-dir", str(tmp_path / "new"), "import", str(tmp_path / "a.json")]) == 0
    assert main(["--data-dir", str(tmp_path / "new"), "export", "--format", "json", "--output", str(tmp_path / "b.json")]) == 0
    assert (tmp_path / "b.json").read_bytes() == (tmp_path / "a.json").read_bytes()
    assert len(json.loads((tmp_path / "a.json").read_text())) > 150
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "old"), "export"]) == 0
    old_csv = capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path / "new"), "export"]) == 0
    assert capsys.readouterr().out == old_csv
