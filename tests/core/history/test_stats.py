"""Stats on a small hand-made history, numbers worked out by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from soleus_tui.core.history.stats import (
    bests,
    sessions_per_week,
    streak_days,
    streak_weeks,
    summarize,
    weekly_volume,
)
from tests.support.histories import make_session

TZ = timezone.utc
TODAY = date(2026, 11, 24)  # a Tuesday


def at(day: date, hour: int = 7) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=TZ)


RAISE = "seated-dumbbell-calf-raise"
HOLD = "seated-isometric-hold"
HISTORY = [  # newest first
    make_session(at(TODAY), [(RAISE, 12, 0.0, 20.0), (RAISE, 12, 0.0, 20.0), (RAISE, 10, 0.0, 20.0)]),
    make_session(at(TODAY - timedelta(days=1)), [(HOLD, 0, 30.0, 0.0), (HOLD, 0, 41.5, 5.0)]),
    make_session(at(TODAY - timedelta(days=2)), [(RAISE, 12, 0.0, 22.5), (RAISE, 14, 0.0, 17.5)]),
    make_session(at(TODAY - timedelta(days=9)), [(RAISE, 15, 0.0, 15.0)]),
]


def test_session_summary() -> None:
    s = summarize(HISTORY[0])
    assert (s.exercises, s.sets, s.reps, s.hold_s, s.volume_kg) == (1, 3, 34, 0.0, 680.0)
    assert s.duration_s == 4 * 60
    assert summarize(HISTORY[1]).hold_s == 71.5


def test_streaks() -> None:
    days = [s.started.date() for s in HISTORY]
    assert streak_days(days, TODAY) == 3
    assert streak_days(days, TODAY + timedelta(days=1)) == 3  # today not trained yet
    assert streak_days(days, TODAY + timedelta(days=2)) == 0
    assert streak_weeks(days, TODAY) == 3  # the weeks of 9, 16 and 23 November
    assert streak_weeks(days, TODAY + timedelta(days=14)) == 0
    assert streak_days([], TODAY) == 0


def test_sessions_per_week_and_weekly_volume() -> None:
    days = [s.started.date() for s in HISTORY]
    # first session on Sun 15 Nov (week of 9 Nov): weeks 9, 16, 23 Nov = 3 weeks, 4 sessions
    assert sessions_per_week(days, TODAY) == 1.33
    volume = weekly_volume([summarize(s) for s in HISTORY], TODAY, weeks=4)
    # holds add no volume (0 reps); Sunday 22 November belongs to the week before: 270 + 245
    assert volume == [0.0, 225.0, 515.0, 680.0]
    assert sessions_per_week([], TODAY) == 0.0


def test_bests() -> None:
    b = bests(HISTORY, RAISE, target_reps=12)
    assert b.heaviest_at_target is not None and (b.heaviest_at_target.load_kg, b.heaviest_at_target.value) == (22.5, 12)
    assert b.most_reps is not None and (b.most_reps.value, b.most_reps.load_kg) == (15, 15.0)
    assert b.longest_hold is None
    h = bests(HISTORY, HOLD, target_reps=0)
    assert h.longest_hold is not None and (h.longest_hold.value, h.longest_hold.load_kg) == (41.5, 5.0)
    assert h.longest_hold.when.date() == TODAY - timedelta(days=1)


def test_a_warm_up_set_is_never_a_best() -> None:
    session = make_session(at(TODAY), [(RAISE, 20, 0.0, 30.0), (RAISE, 12, 0.0, 20.0), (HOLD, 0, 90.0, 0.0), (HOLD, 0, 30.0, 0.0)])
    for exercise in session.exercises:
        exercise.sets[0] = replace(exercise.sets[0], warmup=True)
    raise_bests, hold_bests = bests([session], RAISE, target_reps=12), bests([session], HOLD, target_reps=0)
    assert raise_bests.heaviest_at_target is not None and raise_bests.heaviest_at_target.load_kg == 20.0
    assert raise_bests.most_reps is not None and raise_bests.most_reps.value == 12
    assert hold_bests.longest_hold is not None and hold_bests.longest_hold.value == 30.0

