"""Capacity tests are in the history, but not in its volume, streaks or bests; the cache keeps them."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from soleus_tui.core.capacity.results import CapacityResult, capacity_results
from soleus_tui.core.catalog import load_catalog
from soleus_tui.core.history.overview import exercise_records, overview
from soleus_tui.core.history.reader import HistoryReader
from soleus_tui.core.history.summary_cache import cache_file, scan
from soleus_tui.core.store import Profile
from tests.support.capacity import capacity_session
from tests.support.histories import make_session

CET = timezone(timedelta(hours=1))
TODAY = date(2026, 11, 24)


def test_tests_stay_out_of_the_numbers_and_survive_the_cache(profile: Profile) -> None:
    profile.write_session(make_session(datetime(2026, 11, 20, 7, tzinfo=CET), [("seated-dumbbell-calf-raise", 12, 0.0, 20.0)]))
    profile.write_session(capacity_session(datetime(2026, 11, 23, 7, tzinfo=CET), 12, 10))
    profile.write_session(capacity_session(datetime(2026, 11, 24, 7, tzinfo=CET), 14, 14))
    catalog = load_catalog(None, profile.root / "none.toml")
    for _ in range(2):  # read from the files, then from the cache
        digests = scan(HistoryReader(profile), cache_file(profile))
        numbers = overview([d.summary for d in digests], TODAY)
        assert numbers.workouts == 1 and numbers.streak_days == 0 and numbers.reps == 12
        assert numbers.day_volume_kg == {date(2026, 11, 20): 240.0}
        records = exercise_records([d.highlights for d in digests], catalog)
        assert [r.exercise_id for r in records] == ["seated-dumbbell-calf-raise"]
        assert capacity_results(d.highlights for d in digests) == [
            CapacityResult("bent", datetime(2026, 11, 24, 7, tzinfo=CET), 14, 14),
            CapacityResult("bent", datetime(2026, 11, 23, 7, tzinfo=CET), 12, 10),
        ]
