"""Faults the core survives: full disks, refused writes, unreadable folders, planted links, dead
writers' temp files, a second instance, clocks that jump. Nothing is lost and nothing escapes."""

from __future__ import annotations

import os
import stat
import subprocess
import threading
import time
import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from soleus_tui.core.catalog import Catalog, Exercise
from tests.support.clock import ManualClock
from soleus_tui.core.history.reader import HistoryReader
from soleus_tui.core.history.summary_cache import cache_file, scan
from soleus_tui.core.lock import ProfileLock
from soleus_tui.core.settings import load_settings
from soleus_tui.core.history.stats import summarize
from soleus_tui.core.store import STALE_TEMP_S, Profile, ReadOnlyProfile, StoreError, quarantine
from soleus_tui.core.train.trainer import SaveError, Trainer
from soleus_tui.core.settings import Settings
from tests.support.faults import DISK_FULL, NO_ACCESS, FailingWriter, fill_disk, unreadable
from tests.support.histories import make_session

TZ = timezone(timedelta(hours=1))
MORNING = datetime(2026, 11, 24, 7, 30, tzinfo=TZ)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture
def writer(profile: Profile) -> FailingWriter:
    profile.writer = FailingWriter()
    return profile.writer


@pytest.fixture
def trainer(profile: Profile, clock: ManualClock, reps_exercise: Exercise) -> Trainer:
    return Trainer(profile, Catalog((reps_exercise,)), Settings(), clock)


def saved_reps(profile: Profile) -> tuple[list[int], int]:
    table = tomllib.loads(profile.current_path.read_text())
    return [s["reps"] for e in table["exercises"] for s in e["sets"]], table["runner"]["reps"]


# -- failed writes ------------------------------------------------------------------------------


@pytest.mark.parametrize("failure", [DISK_FULL, NO_ACCESS])
def test_a_save_that_fails_keeps_the_workout_says_so_once_and_retries(
    trainer: Trainer, profile: Profile, writer: FailingWriter, reps_exercise: Exercise, failure: int
) -> None:
    trainer.start(reps_exercise)
    trainer.act(lambda w: w.count())
    writer.fail_with = failure
    for _ in range(3):
        trainer.act(lambda w: w.count())  # no exception: the reps stay in memory
    assert trainer.workout is not None and trainer.workout.reps == 4
    assert saved_reps(profile) == ([], 1)  # the last good save is untouched
    (message,) = trainer.warnings
    assert str(profile.current_path) in message and os.strerror(failure) in message and "\n" not in message
    assert writer.attempts == 5  # every change tried again
    writer.fail_with = None
    trainer.act(lambda w: w.count())
    assert saved_reps(profile) == ([], 5) and trainer.unsaved is None
    assert "saved again" in trainer.warnings[-1]


@pytest.mark.parametrize("failure", [DISK_FULL, NO_ACCESS])
def test_finish_that_cannot_write_the_session_keeps_current_toml_and_the_workout(
    trainer: Trainer, profile: Profile, writer: FailingWriter, reps_exercise: Exercise, failure: int
) -> None:
    trainer.start(reps_exercise)
    for _ in range(3):
        trainer.act(lambda w: w.count())
    writer.fail_with = failure
    with pytest.raises(SaveError, match=str(profile.sessions_dir / "2026")) as caught:
        trainer.finish()
    assert os.strerror(failure) in str(caught.value)
    assert trainer.workout is not None and profile.current_path.exists()
    assert saved_reps(profile) == ([], 3)
    writer.fail_with = None
    path = trainer.finish().path
    assert path is not None and not profile.current_path.exists()
    assert [s.reps for s in profile.read_session(path).all_sets] == [3]  # no rep lost


def test_a_real_full_disk_keeps_the_workout(small_disk: Path, clock: ManualClock, reps_exercise: Exercise) -> None:
    """A 200 KB tmpfs as the data folder (root only: mounting needs it; the injected writer above
    covers the same path for everyone)."""
    profile = Profile.open(small_disk, "default")
    trainer = Trainer(profile, Catalog((reps_exercise,)), Settings(), clock)
    trainer.start(reps_exercise)
    trainer.act(lambda w: w.count())
    filler = fill_disk(small_disk)
    trainer.act(lambda w: w.count())
    assert trainer.workout is not None and trainer.workout.reps == 2 and trainer.unsaved
    with pytest.raises(SaveError):
        trainer.finish()
    assert profile.current_path.exists()
    filler.unlink()
    path = trainer.finish().path
    assert path is not None and [s.reps for s in profile.read_session(path).all_sets] == [2]


def test_an_unreadable_sessions_folder_is_a_warning_for_every_reader(
    trainer: Trainer, profile: Profile, monkeypatch: pytest.MonkeyPatch, reps_exercise: Exercise
) -> None:
    profile.write_session(make_session(MORNING, [(reps_exercise.id, 5, 0.0, 10.0)]))
    with unreadable(profile.sessions_dir, monkeypatch):
        assert trainer.last_times([reps_exercise.id]) == {reps_exercise.id: []}
        reader = HistoryReader(profile)
        assert scan(reader, cache_file(profile)) == []
        assert any(str(profile.sessions_dir) in w and "ermission denied" in w for w in trainer.warnings)
        assert any(str(profile.sessions_dir) in w for w in reader.warnings())
    assert len(list(HistoryReader(profile).sessions())) == 1  # nothing was moved or lost


# -- temp files of dead writers -----------------------------------------------------------------


def test_temp_files_of_dead_writers_are_removed_at_start_and_live_ones_kept(data_dir: Path) -> None:
    root = Profile.open(data_dir, "default").root
    year = root / "sessions" / "2026"
    year.mkdir()
    dead = _dead_pid()
    stale = [root / f".current.toml.{dead}.k2j3.tmp", year / f".2026-11-24T07-30-00-abcd.toml.{dead}.x1.tmp"]
    old_style = root / ".current.toml.a8f3k2pq.tmp"  # written before temp names carried the pid
    live = root / f".settings.toml.{os.getpid()}.q9.tmp"
    fresh_old_style = root / ".quiz.toml.zz81qq.tmp"
    for path in (*stale, old_style, live, fresh_old_style):
        path.write_text("half a file")
    an_hour_ago = time.time() - STALE_TEMP_S - 60
    os.utime(old_style, (an_hour_ago, an_hour_ago))
    Profile.open(data_dir, "default")
    assert [p.exists() for p in (*stale, old_style)] == [False, False, False]
    assert live.exists() and fresh_old_style.exists()


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_temp_file_names_carry_the_writer_pid(profile: Profile, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: seen.append(Path(a).name) or real_replace(a, b))
    profile.save_current({"schema": 1})
    assert seen and seen[0].startswith(f".current.toml.{os.getpid()}.") and seen[0].endswith(".tmp")


# -- the data folder is ours alone --------------------------------------------------------------


def test_the_lock_never_follows_a_planted_link(profile: Profile, tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious")
    profile.lock_path.symlink_to(victim)
    lock = ProfileLock(profile.lock_path)
    assert lock.acquire()
    lock.release()
    assert victim.read_text() == "precious"
    assert not profile.lock_path.is_symlink()


def test_a_linked_year_folder_is_refused_and_nothing_is_written_outside(
    trainer: Trainer, profile: Profile, tmp_path: Path, reps_exercise: Exercise
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (profile.sessions_dir / "2026").symlink_to(outside)
    trainer.start(reps_exercise)
    trainer.act(lambda w: w.count())
    with pytest.raises(SaveError, match="symbolic link"):
        trainer.finish()
    assert list(outside.iterdir()) == [] and profile.current_path.exists()


def test_a_linked_quarantine_is_refused_and_the_broken_file_stays(profile: Profile, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    profile.quarantine_dir.symlink_to(outside)
    broken = profile.sessions_dir / "2026" / "2026-11-24T07-30-00-abcd.toml"
    broken.parent.mkdir()
    broken.write_text("not = [toml")
    reader = HistoryReader(profile)
    assert list(reader.sessions()) == []
    assert broken.exists() and list(outside.iterdir()) == []
    assert "symbolic link" in reader.warnings()[0]


def test_linked_year_folders_are_not_read(profile: Profile, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    Profile(outside).writer(outside / "2026-11-24T07-30-00-abcd.toml", b"not = [toml")
    (profile.sessions_dir / "2026").symlink_to(outside)
    assert list(profile.iter_session_paths()) == []


def test_existing_folders_are_tightened_and_quarantined_files_are_private(data_dir: Path) -> None:
    profile = Profile.open(data_dir, "default")
    for folder in (profile.root, profile.sessions_dir):
        os.chmod(folder, 0o755)
    profile = Profile.open(data_dir, "default")
    assert mode(profile.root) == 0o700 and mode(profile.sessions_dir) == 0o700
    broken = profile.root / "broken.toml"
    broken.write_text("x")
    os.chmod(broken, 0o644)
    moved = profile.quarantine(broken)
    assert mode(moved) == 0o600 and mode(profile.quarantine_dir) == 0o700


# -- two instances ------------------------------------------------------------------------------


def test_a_read_only_profile_writes_moves_and_deletes_nothing(data_dir: Path) -> None:
    writer = Profile.open(data_dir, "default")
    path = writer.write_session(make_session(MORNING, [("a", 5, 0.0, 10.0)]))
    looker = Profile.open(data_dir, "default")
    looker.read_only = True
    for attempt in (
        lambda: looker.write_session(make_session(MORNING, [("a", 1, 0.0, 1.0)])),
        lambda: looker.save_current({"schema": 1}),
        lambda: looker.clear_current(),
        lambda: looker.quarantine(path),
    ):
        with pytest.raises(ReadOnlyProfile, match="read-only"):
            attempt()
    assert list(writer.iter_session_paths()) == [path] and not writer.current_path.exists()


def test_many_instances_starting_at_once_all_start(data_dir: Path) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(40)

    def open_profile() -> None:
        start.wait()
        try:
            Profile.open(data_dir, "default")
        except StoreError as error:
            errors.append(error)

    threads = [threading.Thread(target=open_profile) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert not any(p.name.startswith(".write-test") for p in (data_dir / "profiles" / "default").iterdir())


def test_settings_moved_aside_by_another_instance_first_are_no_crash(
    profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile.settings_path.write_text("units = [broken")
    import soleus_tui.core.settings as settings_module

    real_read = settings_module.read_toml

    def read_then_lose_the_race(path: Path) -> dict:
        try:
            return real_read(path)
        finally:
            quarantine(path, profile.quarantine_dir)  # the other instance, a moment earlier

    monkeypatch.setattr(settings_module, "read_toml", read_then_lose_the_race)
    settings, problems = load_settings(profile.settings_path)
    assert settings == Settings() and "could not be read" in problems[0]
    assert [p.name for p in profile.quarantine_dir.iterdir()] == ["settings.toml"]


def test_two_quarantines_of_one_name_at_once_keep_both_files(profile: Profile) -> None:
    """The target name is claimed before the move, so neither overwrites the other."""
    first, second = profile.root / "a" / "current.toml", profile.root / "b" / "current.toml"
    for path, text in ((first, "one"), (second, "two")):
        path.parent.mkdir()
        path.write_text(text)
    moved = [profile.quarantine(first), profile.quarantine(second)]
    assert sorted(p.read_text() for p in moved) == ["one", "two"]


# -- time ---------------------------------------------------------------------------------------


def test_sessions_are_ordered_by_the_instant_they_began_across_a_clock_change(profile: Profile) -> None:
    """New York, 2026-11-01: 01:30 EDT (05:30 UTC), then 01:10 EST (06:10 UTC) comes later."""
    edt, est = timezone(timedelta(hours=-4)), timezone(timedelta(hours=-5))
    earlier = make_session(datetime(2026, 11, 1, 1, 30, tzinfo=edt), [("a", 5, 0.0, 10.0)])
    later = make_session(datetime(2026, 11, 1, 1, 10, tzinfo=est), [("a", 8, 0.0, 10.0)])
    day_before = make_session(datetime(2026, 10, 31, 9, 0, tzinfo=edt), [("a", 3, 0.0, 10.0)])
    names = {profile.write_session(s).name: s for s in (earlier, later, day_before)}
    assert sorted(names, reverse=True)[0].startswith("2026-11-01T01-30")  # by name, the wrong one
    read = [session for _, session in HistoryReader(profile).sessions()]
    assert [s.started for s in read] == [later.started, earlier.started, day_before.started]
    digests = scan(HistoryReader(profile), cache_file(profile))
    assert [d.summary.started for d in digests] == [later.started, earlier.started, day_before.started]
    trainer = Trainer(profile, Catalog(()), Settings(), ManualClock())
    assert [s.reps for s in trainer.last_time("a")] == [8]


def test_a_wall_clock_set_back_mid_workout_gives_no_negative_length(
    profile: Profile, reps_exercise: Exercise
) -> None:
    clock = ManualClock()
    trainer = Trainer(profile, Catalog((reps_exercise,)), Settings(), clock)
    trainer.start(reps_exercise)
    trainer.act(lambda w: w.count())
    trainer.act(lambda w: w.finish_set())
    clock.wall -= timedelta(minutes=120)  # the wall clock corrected backwards
    path = trainer.finish().path
    assert path is not None
    session = profile.read_session(path)
    assert summarize(session).duration_s >= 0 and session.ended >= session.started


def test_existing_file_names_stay_as_they_are(profile: Profile) -> None:
    path = profile.write_session(make_session(MORNING, [("a", 5, 0.0, 10.0)]))
    assert path.name.startswith("2026-11-24T07-30-00-")
    list(HistoryReader(profile).sessions())
    scan(HistoryReader(profile), cache_file(profile))
    assert list(profile.iter_session_paths()) == [path]

