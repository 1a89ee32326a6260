"""HistoryReader.read: one file; a broken one goes to quarantine, a vanished one is skipped.
NewestSessions: the newest few, each file read once."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.support.clock import ManualClock
from soleus_tui.core.history.reader import HistoryReader, NewestSessions
from soleus_tui.core.store import Profile
from tests.support.histories import make_session

MORNING = datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))


def test_read_gives_the_session(profile: Profile) -> None:
    path = profile.write_session(make_session(MORNING, [("x", 5, 0.0, 0.0)]))
    session = HistoryReader(profile).read(path)
    assert session is not None and session.all_sets[0].reps == 5


def test_read_quarantines_a_broken_file(profile: Profile) -> None:
    path = profile.sessions_dir / "2026" / "2026-11-24T07-00-00-dead.toml"
    path.parent.mkdir()
    path.write_text("schema = 1\n[[exercises]\n")
    reader = HistoryReader(profile)
    assert reader.read(path) is None
    assert (profile.quarantine_dir / path.name).exists()
    assert len(reader.warnings()) == 1


def test_a_file_gone_since_it_was_listed_is_skipped_not_quarantined(profile: Profile) -> None:
    """Another reader (or a delete) may have moved it away in between: nothing to do, no crash."""
    path = profile.write_session(make_session(MORNING, [("x", 5, 0.0, 0.0)]))
    listed = list(profile.iter_session_paths())
    path.unlink()
    reader = HistoryReader(profile)
    assert [reader.read(p) for p in listed] == [None]
    assert reader.warnings() == [] and not profile.quarantine_dir.exists()


def test_newest_sessions_are_read_once_however_often_they_are_gone_through(profile: Profile, clock: ManualClock, monkeypatch: pytest.MonkeyPatch) -> None:
    days = [clock.now() - timedelta(days=back) for back in (1, 3, 5)]
    for day in days:
        profile.write_session(make_session(day, [("a", 5, 0.0, 10.0)]))
    profile.problems.append("a folder could not be listed")
    reads: list[object] = []
    original = profile.read_session
    monkeypatch.setattr(Profile, "read_session", lambda self, path: reads.append(path) or original(path))
    newest = NewestSessions(profile, lookback=10)
    assert (reads, newest.warnings()) == ([], [])  # nothing read until asked for
    assert next(iter(newest)).started == days[0] and len(reads) < 3
    assert [s.started for s in newest] == days == [s.started for s in newest]
    assert len(reads) == 3 and newest.warnings() == ["a folder could not be listed"]
    assert [s.started for s in NewestSessions(profile, lookback=2)] == days[:2]
