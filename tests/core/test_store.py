"""The store: atomic writes, the layout on disk, quarantine, the lock, settings."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from soleus_tui.core.history.reader import HistoryReader
from soleus_tui.core.lock import ProfileLock
from soleus_tui.core.settings import Settings, load_settings, parse_load, parse_note, parse_rest, save_settings
from soleus_tui.core.store import Profile, StoreError, atomic_write_text, resolve_data_dir, valid_profile_name
from tests.support.histories import make_session

TZ = timezone(timedelta(hours=1))
MORNING = datetime(2026, 11, 24, 7, 30, 12, tzinfo=TZ)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_profile_layout_and_permissions(data_dir: Path) -> None:
    profile = Profile.open(data_dir, "runner-1")
    assert profile.root == data_dir / "profiles" / "runner-1"
    assert mode(profile.root) == 0o700 and mode(profile.sessions_dir) == 0o700
    path = profile.write_session(make_session(MORNING, [("wall-sit-calf-raise", 15, 0.0, 0.0)]))
    assert path.parent == profile.sessions_dir / "2026"
    assert path.name.startswith("2026-11-24T07-30-12-") and len(path.name) == len("2026-11-24T07-30-12-abcd.toml")
    assert mode(path) == 0o600
    table = tomllib.loads(path.read_text())
    assert table["schema"] == 1 and table["started"] == MORNING
    assert table["exercises"][0]["sets"][0]["reps"] == 15
    assert profile.read_session(path).exercises[0].sets[0].started == MORNING


def test_a_data_dir_under_a_regular_file_is_refused_with_its_path(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match=str(blocker)):
        Profile.open(blocker / "data", "default")


def test_data_dir_resolution_order(tmp_path: Path) -> None:
    env = {"SOLEUS_TUI_DATA_DIR": str(tmp_path / "env")}
    assert resolve_data_dir(str(tmp_path / "flag"), env) == tmp_path / "flag"
    assert resolve_data_dir(None, env) == tmp_path / "env"
    assert resolve_data_dir(None, {}).name == "soleus-tui"


@pytest.mark.parametrize("name", ["default", "a", "runner_2", "x-y", "a" * 32])
def test_good_profile_names(name: str) -> None:
    assert valid_profile_name(name)


@pytest.mark.parametrize("name", ["", "-a", "_a", "A", "a b", "../x", "a" * 33, "é", "a/b"])
def test_bad_profile_names(name: str) -> None:
    assert not valid_profile_name(name)


def test_listing_is_newest_first_by_name_without_parsing(profile: Profile) -> None:
    for days in (400, 0, 3):
        profile.write_session(make_session(MORNING - timedelta(days=days), [("x", 1, 0.0, 0.0)]))
    (profile.sessions_dir / "2026" / "notes.txt").write_text("ignored")
    names = [p.name[:10] for p in profile.iter_session_paths()]
    assert names == ["2026-11-24", "2026-11-21", "2025-10-20"]


def test_corrupt_sessions_are_quarantined_and_the_rest_still_read(profile: Profile) -> None:
    good = [profile.write_session(make_session(MORNING - timedelta(days=d), [("x", 5, 0.0, 0.0)])) for d in (0, 2)]
    broken = profile.sessions_dir / "2026" / "2026-11-23T07-00-00-dead.toml"
    broken.write_text("schema = 1\nstarted = 2026-11-23T07:00:00+01:00\n[[exercises]\n")
    wrong = profile.sessions_dir / "2026" / "2026-11-22T07-00-00-beef.toml"
    wrong.write_text("schema = '7'\n")
    newer = profile.sessions_dir / "2026" / "2026-11-21T07-00-00-f00d.toml"
    newer.write_text("schema = 7\n")  # a newer version's: left where it is, for that version
    reader = HistoryReader(profile)
    paths = [path for path, _ in reader.sessions()]
    assert paths == good
    assert not broken.exists() and not wrong.exists() and newer.read_text() == "schema = 7\n"
    assert (profile.quarantine_dir / broken.name).read_text().endswith("[[exercises]\n")
    assert any(broken.name in w for w in reader.warnings())
    # the same name again never overwrites what is already in quarantine
    broken.write_text("again")
    list(HistoryReader(profile).sessions())
    assert sorted(p.name for p in profile.quarantine_dir.iterdir()) == sorted(
        [broken.name, wrong.name, "2026-11-23T07-00-00-dead.1.toml"]
    )


def test_atomic_write_replaces_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "f.toml"
    atomic_write_text(target, "old")
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert os.listdir(tmp_path) == ["f.toml"]


WRITER = """
import sys
from pathlib import Path
from soleus_tui.core.store import atomic_write_text
target, old, new = Path(sys.argv[1]), Path(sys.argv[2]).read_text(), Path(sys.argv[3]).read_text()
print("ready", flush=True)
while True:
    atomic_write_text(target, new)
    atomic_write_text(target, old)
"""


def test_a_writer_killed_mid_save_leaves_the_old_or_the_new_file(tmp_path: Path) -> None:
    """SIGKILL a process rewriting a file in a loop; the file is always whole."""
    target, old_file, new_file = tmp_path / "current.toml", tmp_path / "old", tmp_path / "new"
    old, new = "a = '" + "o" * 200_000 + "'\n", "a = '" + "n" * 200_000 + "'\n"
    old_file.write_text(old)
    new_file.write_text(new)
    atomic_write_text(target, old)
    for _ in range(8):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(target), str(old_file), str(new_file)],
            stdout=subprocess.PIPE, cwd=Path(__file__).parents[2],
        )
        assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
        proc.kill()
        proc.wait()
        assert target.read_text() in (old, new)


def test_the_lock_lets_one_instance_train(profile: Profile) -> None:
    first, second = ProfileLock(profile.lock_path), ProfileLock(profile.lock_path)
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_the_lock_is_dropped_when_its_process_is_killed(profile: Profile) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import sys,time; from soleus_tui.core.lock import ProfileLock; "
         f"assert ProfileLock(__import__('pathlib').Path({str(profile.lock_path)!r})).acquire(); "
         f"print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, cwd=Path(__file__).parents[2],
    )
    assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
    assert not ProfileLock(profile.lock_path).acquire()
    holder.kill()
    holder.wait()
    assert ProfileLock(profile.lock_path).acquire()


def test_settings_round_trip_and_bad_values_fall_back(profile: Profile) -> None:
    settings = Settings(units="lb", bell=False, rest_enabled=True).with_rest("wall-sit-calf-raise", 45)
    save_settings(profile.settings_path, settings)
    assert load_settings(profile.settings_path) == (settings, [])
    assert mode(profile.settings_path) == 0o600
    profile.settings_path.write_text('units = "stone"\nbell = "loud"\n[rest]\nx = -4\ny = 60\n')
    loaded, problems = load_settings(profile.settings_path)
    assert (loaded.units, loaded.bell, loaded.rest_s) == ("kg", True, {"y": 60})
    assert len(problems) == 3
    assert loaded.rest_for("y", 90) == 60 and loaded.rest_for("z", 90) == 90
    assert Settings(rest_enabled=False).rest_for("y", 90) == 0


@pytest.mark.parametrize(
    ("text", "value", "reason"),
    [("90", 90, ""), ("45s", 45, ""), ("off", 0, ""), ("-5", None, "whole seconds"), ("abc", None, "whole seconds"),
     ("901", None, "at most 900")],
)
def test_parse_rest(text: str, value: int | None, reason: str) -> None:
    got, why = parse_rest(text)
    assert got == value and reason in why


def test_parse_load_and_note() -> None:
    assert parse_load("22.5", "kg") == (22.5, "")
    assert parse_load("10 lb", "lb")[0] == pytest.approx(4.5359237)
    assert "negative" in parse_load("-1", "kg")[1]
    assert "number" in parse_load("heavy", "kg")[1]
    assert "at most" in parse_load("9000", "kg")[1]
    assert parse_note("  felt strong ") == ("felt strong", "")
    assert "at most" in parse_note("x" * 501)[1]
    assert "control" in parse_note("a\x1bb")[1]


def test_a_corrupt_settings_file_is_quarantined_and_defaults_used(profile: Profile) -> None:
    profile.settings_path.write_text("units = [\n")
    settings, problems = load_settings(profile.settings_path)
    assert settings == Settings() and "quarantine" in problems[0]
    assert not profile.settings_path.exists() and (profile.quarantine_dir / "settings.toml").exists()


def test_the_profiles_folder_is_private_too(data_dir: Path) -> None:
    Profile.open(data_dir, "default")
    assert mode(data_dir / "profiles") == 0o700


def test_two_readers_of_one_broken_file_both_carry_on(profile: Profile) -> None:
    broken = profile.sessions_dir / "2026" / "2026-11-23T07-00-00-dead.toml"
    broken.parent.mkdir()
    broken.write_text("[[")
    original = profile.read_session
    taken = profile.root / "taken-by-the-other-reader.toml"

    def read_then_lose_the_race(path: Path):
        try:
            return original(path)
        finally:
            path.rename(taken)  # the other reader moves it to quarantine first

    object.__setattr__(profile, "read_session", read_then_lose_the_race)
    assert HistoryReader(profile).read(broken) is None
    assert taken.exists()
