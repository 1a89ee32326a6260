"""HistoryReader.read: one file; a broken one goes to quarantine, a vanished one is skipped."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from soleus_tui.core.history.reader import HistoryReader
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
