"""The summary cache: exact bests from highlights, and rebuilt for every file that changed."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soleus_tui.core.history.reader import HistoryReader
from soleus_tui.core.session import ExerciseLog, Session, SetLog
from soleus_tui.core.history.stats import bests, summarize
from soleus_tui.core.store import Profile
from soleus_tui.core.history.summary_cache import best_candidates, cache_file, digest, newest, read_cache, scan
from tests.support.histories import make_session, write_realistic_history

MORNING = datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))
RAISE = "seated-dumbbell-calf-raise"
HOLD = "seated-isometric-hold"


def sets_strategy() -> st.SearchStrategy[list[tuple[str, int, float, float]]]:
    one_set = st.tuples(
        st.sampled_from([RAISE, HOLD]),
        st.integers(0, 6),
        st.sampled_from([0.0, 10.0, 20.0]),
        st.sampled_from([0.0, 2.5, 5.0]),
    )
    return st.lists(one_set, min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(sets_strategy(), min_size=1, max_size=4), st.integers(-1, 8))
def test_bests_over_highlights_equal_bests_over_every_set(history: list, target: int) -> None:
    sessions = [make_session(MORNING - timedelta(days=n), sets) for n, sets in enumerate(history)]
    highlights = [digest(Path(f"{n}.toml"), s).highlights for n, s in enumerate(sessions)]
    for exercise_id in (RAISE, HOLD):
        assert bests(highlights, exercise_id, target) == bests(sessions, exercise_id, target)


def test_highlights_keep_only_sets_that_can_be_a_best() -> None:
    def a_set(reps: int, hold_s: float, load_kg: float, minute: int) -> SetLog:
        begin = MORNING + timedelta(minutes=minute)
        return SetLog(reps, hold_s, load_kg, "both", begin, begin + timedelta(seconds=40))

    sets = [a_set(10, 0, 20, 0), a_set(12, 0, 20, 1), a_set(12, 0, 20, 2), a_set(8, 0, 22.5, 3), a_set(0, 30, 0, 4)]
    # 8 x 22.5 is the heaviest for up to 8 reps, 10 x 20 for 9 or 10, the first 12 x 20 for 11 or 12
    # and the most reps; the second 12 x 20 can never be picked; the hold is the longest
    assert best_candidates(sets) == [sets[0], sets[1], sets[3], sets[4]]
    warm_ups = [replace(s, warmup=True) for s in sets]
    assert best_candidates(warm_ups) == [] and best_candidates([warm_ups[3], *sets[:3]]) == [sets[0], sets[1]]


def test_scan_reads_every_session_newest_first_and_writes_the_cache(profile: Profile) -> None:
    written = write_realistic_history(profile, MORNING, weeks=6)
    digests = scan(HistoryReader(profile), cache_file(profile))
    assert [d.summary for d in digests] == [summarize(s) for s in written]
    assert [d.path for d in digests] == list(profile.iter_session_paths())
    assert len(read_cache(cache_file(profile))) == len(written)


def test_an_unchanged_file_is_never_parsed_again(profile: Profile, monkeypatch: pytest.MonkeyPatch) -> None:
    write_realistic_history(profile, MORNING, weeks=4)
    first = scan(HistoryReader(profile), cache_file(profile))

    def no_parsing(self: Profile, path: Path) -> Session:
        raise AssertionError(f"parsed {path.name} again")

    monkeypatch.setattr(Profile, "read_session", no_parsing)
    assert scan(HistoryReader(profile), cache_file(profile)) == first


def test_a_session_file_changed_after_the_cache_is_read_again(profile: Profile) -> None:
    path = profile.write_session(make_session(MORNING, [(RAISE, 12, 0.0, 20.0)]))
    profile.write_session(make_session(MORNING - timedelta(days=1), [(RAISE, 10, 0.0, 20.0)]))
    scan(HistoryReader(profile), cache_file(profile))
    cached_at = cache_file(profile).stat().st_mtime_ns
    path.write_text(path.read_text().replace("reps = 12", "reps = 15"))
    os.utime(path, ns=(cached_at + 10**9, cached_at + 10**9))  # newer than the cache
    digests = scan(HistoryReader(profile), cache_file(profile))
    assert [d.summary.reps for d in digests] == [15, 10]
    assert [d.summary.reps for d in scan(HistoryReader(profile), cache_file(profile))] == [15, 10]


def test_a_new_file_is_added_and_a_removed_one_dropped(profile: Profile) -> None:
    old = profile.write_session(make_session(MORNING - timedelta(days=2), [(RAISE, 8, 0.0, 20.0)]))
    kept = profile.write_session(make_session(MORNING - timedelta(days=1), [(RAISE, 9, 0.0, 20.0)]))
    scan(HistoryReader(profile), cache_file(profile))
    old.unlink()
    new = profile.write_session(make_session(MORNING, [(RAISE, 10, 0.0, 20.0)]))
    assert [d.path for d in scan(HistoryReader(profile), cache_file(profile))] == [new, kept]
    assert set(read_cache(cache_file(profile))) == {new.name, kept.name}


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"format": 99}\n',
        b'{"format": 1}\n["x.toml", [1, 2]]\n',
        b'{"format": 1}\n["x.toml", [1, 2], [1, 1, 12, 0.0, 240.0], ["2026-11-24T07:30:00+01:00"',  # cut off
    ],
)
def test_a_broken_or_foreign_cache_is_rebuilt_from_the_files(profile: Profile, content: bytes) -> None:
    profile.write_session(make_session(MORNING, [(RAISE, 12, 0.0, 20.0)]))
    cache_file(profile).write_bytes(content)
    assert [d.summary.reps for d in scan(HistoryReader(profile), cache_file(profile))] == [12]
    header, *sessions = cache_file(profile).read_text().splitlines()
    assert json.loads(header) == {"format": 1} and len(sessions) == 1


def test_a_corrupt_session_is_quarantined_and_the_others_still_count(profile: Profile) -> None:
    good = profile.write_session(make_session(MORNING, [(RAISE, 12, 0.0, 20.0)]))
    broken = profile.sessions_dir / "2026" / "2026-11-23T07-00-00-dead.toml"
    broken.write_text("schema = 1\n[[exercises]\n")
    reader = HistoryReader(profile)
    assert [d.path for d in scan(reader, cache_file(profile))] == [good]
    assert (profile.quarantine_dir / broken.name).exists()
    assert any(broken.name in warning for warning in reader.warnings())
    assert broken.name not in read_cache(cache_file(profile))


def test_an_unwritable_cache_is_skipped(profile: Profile, tmp_path: Path) -> None:
    profile.write_session(make_session(MORNING, [(RAISE, 12, 0.0, 20.0)]))
    nowhere = tmp_path / "missing-folder" / "cache.jsonl"
    assert [d.summary.reps for d in scan(HistoryReader(profile), nowhere)] == [12]


def test_newest_reads_only_the_first_files(profile: Profile) -> None:
    for days in range(5):
        profile.write_session(make_session(MORNING - timedelta(days=days), [(RAISE, 10 + days, 0.0, 20.0)]))
    assert [d.summary.reps for d in newest(HistoryReader(profile), 3)] == [10, 11, 12]


def _reads_counted(monkeypatch: pytest.MonkeyPatch, profile: Profile) -> list[Path]:
    reads: list[Path] = []
    read_session = profile.read_session
    monkeypatch.setattr(profile, "read_session", lambda path: reads.append(path) or read_session(path))
    return reads


def test_the_first_rows_come_from_the_cache_while_their_files_are_unchanged(
    profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    for days in range(1, 6):
        profile.write_session(make_session(MORNING - timedelta(days=days), [(RAISE, 10 + days, 0.0, 20.0)]))
    from_files = newest(HistoryReader(profile), 3)
    scan(HistoryReader(profile), cache_file(profile))
    reads = _reads_counted(monkeypatch, profile)
    assert newest(HistoryReader(profile), 3, cache_file(profile)) == from_files
    assert reads == []
    today = profile.write_session(make_session(MORNING, [(RAISE, 30, 0.0, 20.0)]))  # newer than the cache
    changed = from_files[1].path
    changed.write_text(changed.read_text().replace("reps = 12", "reps = 122"))  # another size, whatever the clock
    shown = newest(HistoryReader(profile), 3, cache_file(profile))
    assert [d.summary.reps for d in shown] == [30, 11, 122]
    assert sorted(reads) == sorted([today, changed])


def test_a_broken_cache_leaves_the_first_rows_to_the_files(profile: Profile, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = [
        profile.write_session(make_session(MORNING - timedelta(days=days), [(RAISE, 10 + days, 0.0, 20.0)]))
        for days in range(3)
    ]
    scan(HistoryReader(profile), cache_file(profile))
    lines = cache_file(profile).read_text().splitlines()
    cache_file(profile).write_text("\n".join([lines[0], lines[1][:-9], *lines[2:]]) + "\n")
    reads = _reads_counted(monkeypatch, profile)
    assert [d.summary.reps for d in newest(HistoryReader(profile), 3, cache_file(profile))] == [10, 11, 12]
    assert sorted(reads) == sorted(paths)


def test_the_cache_keeps_times_offsets_and_names_exactly(profile: Profile) -> None:
    other_zone = timezone(timedelta(hours=-5))
    session = Session(
        MORNING.astimezone(other_zone),
        MORNING.astimezone(other_zone) + timedelta(minutes=3),
        [ExerciseLog(RAISE, "Seated [dumbbell] calf raise", [SetLog(12, 0.0, 22.68, "left", MORNING, MORNING)])],
    )
    profile.write_session(session)
    first = scan(HistoryReader(profile), cache_file(profile))
    again = scan(HistoryReader(profile), cache_file(profile))
    assert again == first
    assert again[0].highlights.started.utcoffset() == timedelta(hours=-5)


def test_a_stopped_scan_keeps_what_it_read_for_the_next(profile: Profile, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = [profile.write_session(make_session(MORNING - timedelta(days=d), [(RAISE, 10, 0.0, 20.0)])) for d in range(6)]
    calls = iter(range(100))
    partial = scan(HistoryReader(profile), cache_file(profile), stopped=lambda: next(calls) >= 4)
    assert [d.path for d in partial] == paths[:4]
    read_again: list[str] = []
    real_read = Profile.read_session

    def counting(self: Profile, path: Path) -> Session:
        read_again.append(path.name)
        return real_read(self, path)

    monkeypatch.setattr(Profile, "read_session", counting)
    assert [d.path for d in scan(HistoryReader(profile), cache_file(profile))] == paths
    assert read_again == [p.name for p in paths[4:]]
