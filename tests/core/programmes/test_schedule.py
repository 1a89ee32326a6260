"""Weeks, due sessions and adherence counted by hand, across month ends and clock changes."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from soleus_tui.core.catalog import builtin_catalog
from soleus_tui.core.programmes.model import Programme
from soleus_tui.core.programmes.schedule import progress, week_of, week_start
from soleus_tui.core.session import Session

CATALOG = builtin_catalog()
HSR = CATALOG.programme("hsr-12")
ALFREDSON = CATALOG.programme("alfredson-12")
assert HSR is not None and ALFREDSON is not None
WINTER, SUMMER = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))  # Central Europe


def session(when: datetime, programme: str | None = "hsr-12", week: int | None = 1) -> Session:
    return Session(when, when + timedelta(minutes=30), [], programme=programme, programme_week=week)


def at(day: date, hour: int = 7, minute: int = 0, tz: timezone = WINTER) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def test_week_n_starts_on_day_seven_times_n_minus_one_across_a_month_end() -> None:
    started = date(2026, 1, 29)
    assert week_of(started, date(2026, 1, 29)) == 1
    assert week_of(started, date(2026, 2, 4)) == 1
    assert week_of(started, date(2026, 2, 5)) == 2
    assert week_start(started, 2) == date(2026, 2, 5)
    assert week_start(started, 12) == date(2026, 4, 16)
    leap = date(2028, 2, 26)  # a leap February
    assert week_start(leap, 2) == date(2028, 3, 4) and week_of(leap, date(2028, 2, 29)) == 1


def test_per_week_counts_this_week_and_adherence_to_date() -> None:
    started = date(2026, 1, 29)  # a Thursday; weeks run Thursday to Wednesday
    sessions = [
        session(at(date(2026, 1, 29))), session(at(date(2026, 1, 31))), session(at(date(2026, 2, 2))),  # week 1: 3
        session(at(date(2026, 2, 6))),  # week 2: 1 of 3
        session(at(date(2026, 2, 13))), session(at(date(2026, 2, 14))),  # week 3 so far
        session(at(date(2026, 2, 14)), programme=None, week=None),  # outside the programme: not counted
        session(at(date(2026, 1, 28))),  # the day before the start: a run before this one
    ]
    now = progress(HSR, started, sessions, date(2026, 2, 15))
    assert (now.week, now.weeks) == (3, 12)
    assert (now.done_this_week, now.due_this_week) == (2, 3)
    # weeks 1 and 2 are over (3 + 3 due), week 3 counts as far as it was done
    assert (now.done_to_date, now.due_to_date) == (3 + 1 + 2, 3 + 3 + 2)
    assert now.adherence == pytest.approx(6 / 8)
    assert now.complete_weeks == (1,)
    assert (now.done_today, now.due_today) == (0, 1)


def test_per_week_extra_sessions_do_not_make_up_for_a_missed_week() -> None:
    started = date(2026, 3, 2)
    sessions = [session(at(started + timedelta(days=d))) for d in (0, 1, 2, 3, 4)]  # five in week 1
    now = progress(HSR, started, sessions, date(2026, 3, 16))  # week 3, week 2 empty
    assert (now.done_to_date, now.due_to_date, now.complete_weeks) == (3, 6, (1,))


def test_nothing_due_on_the_first_morning() -> None:
    now = progress(HSR, date(2026, 11, 24), [], date(2026, 11, 24))
    assert (now.week, now.done_this_week, now.due_this_week, now.adherence) == (1, 0, 3, None)


def test_per_day_twice_a_day_across_the_spring_clock_change() -> None:
    started = date(2026, 3, 27)  # Friday; clocks go forward on Sunday 29 March
    sessions = [
        session(at(date(2026, 3, 27), 7), "alfredson-12"), session(at(date(2026, 3, 27), 19), "alfredson-12"),
        session(at(date(2026, 3, 28), 7), "alfredson-12"),
        # 00:30 summer time on the 30th is still the 29th in winter time: the local date counts
        session(at(date(2026, 3, 30), 0, 30, SUMMER), "alfredson-12"),
        session(at(date(2026, 3, 30), 19, tz=SUMMER), "alfredson-12"),
        session(at(date(2026, 3, 30), 21, tz=SUMMER), "alfredson-12"),
        session(at(date(2026, 3, 30), 22, tz=SUMMER), "alfredson-12"),  # a third on one day counts twice at most
    ]
    now = progress(ALFREDSON, started, sessions, date(2026, 3, 31))
    assert (now.week, now.done_this_week, now.due_this_week) == (1, 7, 14)
    # 27, 28, 29 (none), 30 are over: 2 + 1 + 0 + 2 done of 8; today nothing yet
    assert (now.done_to_date, now.due_to_date) == (5, 8)
    assert (now.done_today, now.due_today) == (0, 2)
    assert now.complete_weeks == ()


def test_per_day_today_counts_as_far_as_it_was_done_across_the_autumn_clock_change() -> None:
    started = date(2026, 10, 24)  # Saturday; clocks go back on Sunday 25 October
    sessions = [
        session(at(date(2026, 10, 24), 7, tz=SUMMER), "alfredson-12"),
        session(at(date(2026, 10, 31), 7), "alfredson-12"),
    ]
    now = progress(ALFREDSON, started, sessions, date(2026, 10, 31))  # day 7: week 2 begins on the month's last day
    assert (now.week, now.done_this_week, now.done_today, now.due_today) == (2, 1, 1, 2)
    assert (now.done_to_date, now.due_to_date) == (2, 14 + 1)
    assert progress(ALFREDSON, started, sessions, date(2026, 11, 1)).week == 2


def test_a_complete_per_day_week() -> None:
    started = date(2026, 1, 1)
    sessions = [session(at(started + timedelta(days=d), h), "alfredson-12") for d in range(7) for h in (7, 19)]
    now = progress(ALFREDSON, started, sessions, date(2026, 1, 8))
    assert now.complete_weeks == (1,) and now.adherence == 1.0


def test_after_the_last_week_the_programme_is_over() -> None:
    started = date(2026, 1, 1)
    sessions = [session(at(started + timedelta(weeks=w, days=d))) for w in range(12) for d in (0, 2, 4)]
    now = progress(HSR, started, sessions, date(2026, 6, 1))
    assert now.finished and now.week == 13 and (now.done_this_week, now.due_this_week) == (0, 0)
    assert (now.done_to_date, now.due_to_date) == (36, 36)
    assert now.complete_weeks == tuple(range(1, 13))


def test_a_one_week_programme_from_a_hand_made_model() -> None:
    short = Programme("p", "P", 1, per_week=None, per_day=1, pain=False, source="s", why="w", clinician="c", blocks=HSR.blocks[:1])
    assert short.schedule == "every day" and short.due_per_week == 7
    assert HSR.schedule == "3 a week" and ALFREDSON.schedule == "2 a day, every day"
    assert HSR.block(4).first == 4 and HSR.block(99).first == 9
