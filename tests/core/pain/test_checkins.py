"""Morning check-ins: the file, and the question on the first start of a day only."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from tests.support.clock import ManualClock
from soleus_tui.core.pain.checkins import (
    CheckIns,
    checkin_due,
    checkins_path,
    load_checkins,
    morning_checkin_due,
    pain_days,
    parse_visa_a,
    save_checkins,
)
from soleus_tui.core.session import ExerciseLog, Session, SetLog
from soleus_tui.core.store import Profile

CET, CEST = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))


def session(started: datetime, pain: int | None) -> Session:
    log = ExerciseLog("seated-dumbbell-calf-raise", "Seated raise", [SetLog(12, 0.0, 20.0, "both", started, started)],
                      pain=pain)  # fmt: skip
    return Session(started, started + timedelta(minutes=20), [log])


def test_the_file_round_trips_and_keeps_what_it_does_not_know(tmp_path: Path) -> None:
    path = tmp_path / "checkins.toml"
    checkins = CheckIns(extra={"later": "kept"}).answered(date(2026, 11, 25), 3).answered(date(2026, 11, 24), 1)
    checkins = checkins.with_visa_a(date(2026, 11, 25), 72).answered(date(2026, 11, 25), 4)
    save_checkins(path, checkins)
    table = tomllib.loads(path.read_text())
    assert table["checkin"] == [{"date": date(2026, 11, 24), "morning_pain": 1},
                                {"date": date(2026, 11, 25), "morning_pain": 4}]  # fmt: skip
    assert table["visa_a"] == [{"date": date(2026, 11, 25), "score": 72}]
    assert path.stat().st_mode & 0o777 == 0o600
    again, problems = load_checkins(path)
    assert again == checkins and problems == []
    assert again.morning_pair() == (4, 1)


def test_bad_entries_are_named_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "checkins.toml"
    path.write_text(
        "schema = 1\nlast_asked = 2026-11-25T07:00:00\n"
        "[[checkin]]\ndate = 2026-11-24\nmorning_pain = 11\n"
        "[[checkin]]\ndate = 2026-11-25\nmorning_pain = 2\n"
    )
    checkins, problems = load_checkins(path)
    assert checkins.checkins[0].morning_pain == 2 and checkins.last_asked is None
    assert len(problems) == 2 and "[[checkin]] 1" in problems[0] and "last_asked" in problems[1]


def test_a_broken_file_goes_to_quarantine(tmp_path: Path) -> None:
    path = tmp_path / "checkins.toml"
    path.write_text("[[checkin]\n")
    checkins, problems = load_checkins(path)
    assert checkins == CheckIns() and "quarantine/" in problems[0]
    assert not path.exists() and (tmp_path / "quarantine" / "checkins.toml").exists()


def test_due_after_pain_in_the_last_three_days_only() -> None:
    today = date(2026, 11, 28)
    assert checkin_due(today, None, [date(2026, 11, 25)])
    assert not checkin_due(today, None, [date(2026, 11, 24)])  # four days ago
    assert not checkin_due(today, None, [today])  # a session today is no morning after
    assert not checkin_due(today, None, [])


def test_pain_days_skip_sessions_without_pain_and_today() -> None:
    today = date(2026, 11, 28)
    newest_first = [
        session(datetime(2026, 11, 28, 7, tzinfo=CET), 4),
        session(datetime(2026, 11, 27, 7, tzinfo=CET), None),
        session(datetime(2026, 11, 26, 7, tzinfo=CET), 2),
        session(datetime(2026, 11, 20, 7, tzinfo=CET), 6),
    ]
    assert pain_days(newest_first, today) == [date(2026, 11, 26)]


def start(profile: Profile, clock: ManualClock) -> bool:
    """One start of the app: asked when due, and the answer (or a skip) written down."""
    today = clock.now().date()
    due, checkins, _ = morning_checkin_due(profile, today)
    if due:
        save_checkins(checkins_path(profile), checkins.skipped(today))
    return due


def test_asked_on_the_first_start_of_a_day_only_across_midnight(profile: Profile) -> None:
    profile.write_session(session(datetime(2026, 11, 24, 23, 40, tzinfo=CET), 5))
    late = ManualClock(wall=datetime(2026, 11, 24, 23, 55, tzinfo=CET))
    assert not start(profile, late)  # the same evening
    late.advance(10 * 60)  # 00:05, a new day
    assert start(profile, late)
    late.advance(7 * 3600)
    assert not start(profile, late)  # the second start of that day
    late.advance(24 * 3600)
    assert start(profile, late)  # the next day, still within three days


def test_asked_once_across_the_change_to_winter_time(profile: Profile) -> None:
    # Summer time ends on 2026-10-25 at 03:00 CEST: that day has 25 hours.
    profile.write_session(session(datetime(2026, 10, 24, 22, 30, tzinfo=CEST), 3))
    first = ManualClock(wall=datetime(2026, 10, 25, 0, 30, tzinfo=CEST))
    assert start(profile, first)
    after_change = ManualClock(wall=datetime(2026, 10, 25, 23, 30, tzinfo=CET))  # 24 h later, same date
    assert not start(profile, after_change)
    next_morning = ManualClock(wall=datetime(2026, 10, 26, 6, 0, tzinfo=CET))
    assert start(profile, next_morning)


def test_not_asked_without_pain_recorded(profile: Profile) -> None:
    profile.write_session(session(datetime(2026, 11, 24, 7, tzinfo=CET), None))
    assert not start(profile, ManualClock(wall=datetime(2026, 11, 25, 7, tzinfo=CET)))


def test_visa_a_scores_are_checked_where_typed() -> None:
    assert parse_visa_a(" 72 ") == (72, "")
    assert parse_visa_a("0") == (0, "") and parse_visa_a("100") == (100, "")
    assert parse_visa_a("101")[0] is None and parse_visa_a("-3")[0] is None and parse_visa_a("7.5")[0] is None
