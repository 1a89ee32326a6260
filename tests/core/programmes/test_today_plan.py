"""The running programme's file, today's plan from it, and the plan in words."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from soleus_tui.core.catalog import builtin_catalog
from tests.support.clock import ManualClock
from soleus_tui.core.pain.checkins import CheckIns, checkins_path, save_checkins
from soleus_tui.core.pain.rules import SAFETY_NOTE
from soleus_tui.core.programmes.commands import today
from soleus_tui.core.programmes.running import programme_path, read_running, start_running, stop_running
from soleus_tui.core.programmes.state import load_state, recent_sessions
from soleus_tui.core.programmes.text import NO_PROGRAMME, plan_lines
from soleus_tui.core.programmes.today import planned_exercises, target_of
from soleus_tui.core.session import ExerciseLog, Session, SetLog
from soleus_tui.core.settings import Settings
from soleus_tui.core.store import Profile
from soleus_tui.core.train.suggestions import Target
from soleus_tui.core.train.trainer import Trainer
from soleus_tui.core.units import format_load, from_display
from tests.support.histories import make_session

CATALOG = builtin_catalog()
TZ = timezone(timedelta(hours=1))
MACHINE = "seated-calf-raise-machine"


def hsr_session(day: date, week: int, reps: list[int], load: float, pain: int | None = None) -> Session:
    start = datetime(day.year, day.month, day.day, 7, tzinfo=TZ)
    sets = [SetLog(r, 0.0, load, "both", start, start + timedelta(minutes=1)) for r in reps]
    return Session(start, start + timedelta(minutes=30), [ExerciseLog(MACHINE, "Machine", sets, knee_angle=90, pain=pain)],
                   programme="hsr-12", programme_week=week)


def test_the_running_file_is_written_read_and_removed(profile: Profile) -> None:
    assert read_running(profile) == (None, [])
    start_running(profile, "hsr-12", date(2026, 11, 24))
    assert programme_path(profile).read_text() == 'schema = 1\nid = "hsr-12"\nstarted = 2026-11-24\n'
    running, warnings = read_running(profile)
    assert running is not None and (running.id, running.started, warnings) == ("hsr-12", date(2026, 11, 24), [])
    assert stop_running(profile) and not programme_path(profile).exists() and not stop_running(profile)


def test_an_unreadable_running_file_goes_to_quarantine(profile: Profile) -> None:
    for text in ("schema = 1\nid = \n", 'schema = 1\nid = "hsr-12"\nstarted = 2026-11-24T07:00:00\n', 'schema = 2\nid = "x"\nstarted = 2026-11-24\n'):
        programme_path(profile).write_text(text)
        running, warnings = read_running(profile)
        assert running is None and "quarantine/" in warnings[0]
        assert not programme_path(profile).exists()
    assert len(list(profile.quarantine_dir.iterdir())) == 3


def test_hsr_blocks_change_sets_reps_tempo_and_rest() -> None:
    hsr = CATALOG.programme("hsr-12")
    assert hsr is not None
    doses = [(p.exercise.sets, p.exercise.reps) for week in (1, 2, 3, 4, 5, 6, 8, 9, 12) for p in planned_exercises(hsr, week, CATALOG)]
    assert doses == [(3, 15), (3, 12), (3, 12), (4, 10), (4, 10), (4, 8), (4, 8), (4, 6), (4, 6)]
    (first,) = planned_exercises(hsr, 1, CATALOG)
    assert first.rm and first.exercise.id == MACHINE and first.exercise.tempo == (3, 0, 3) and first.exercise.rest_s == 150
    assert first.exercise.knee_angle == 90 and hsr.between_exercises_s == 300
    alfredson = CATALOG.programme("alfredson-12")
    assert alfredson is not None
    knees = [(p.exercise.knee_angle, p.exercise.sets, p.exercise.reps) for p in planned_exercises(alfredson, 7, CATALOG)]
    assert knees == [(0, 3, 15), (45, 3, 15)]


def test_a_past_programme_session_is_judged_by_its_own_weeks_target() -> None:
    machine = CATALOG.get(MACHINE)
    assert machine is not None
    of = target_of(CATALOG, machine)
    assert of(hsr_session(date(2026, 11, 2), 3, [12], 40.0)) == Target(3, 12)
    assert of(hsr_session(date(2026, 11, 2), 4, [10], 40.0)) == Target(4, 10)
    assert of(make_session(datetime(2026, 11, 2, tzinfo=TZ), [(MACHINE, 12, 0.0, 40.0)])) == Target(machine.sets, machine.reps)


def test_week_four_takes_its_load_from_week_three_by_epley(profile: Profile) -> None:
    started = date(2026, 11, 1)
    for day in (15, 17, 19):  # week 3: three complete sessions at 3 x 12
        profile.write_session(hsr_session(date(2026, 11, day), 3, [12, 12, 12], 40.0))
    start_running(profile, "hsr-12", started)
    state = load_state(profile, CATALOG, "kg", date(2026, 11, 22), pain=False)  # day 21: week 4
    assert state.plan is not None and state.progress is not None
    assert (state.plan.week, state.plan.done_this_week, state.plan.due_this_week) == (4, 0, 3)
    (planned,) = state.plan.exercises
    assert (planned.exercise.sets, planned.exercise.reps) == (4, 10)
    assert planned.suggestion is not None and planned.suggestion.load_kg == 40.0  # 56 kg 1RM -> 42 -> 40
    assert state.progress.complete_weeks == (3,)
    lines = plan_lines(state.plan, "kg")
    assert lines[:2] == [
        "Heavy slow resistance (bent-knee part)",
        "week 4 of 12 · 0 of 3 done this week · today: one session",
    ]
    assert lines[2] == "  Seated calf raise machine: 4 x 10 (10RM) · 40 kg"
    assert "Epley" in lines[3]


@pytest.mark.parametrize(("unit", "expected_kg"), [("kg", 45.0), ("lb", from_display(100.0, "lb"))])
def test_home_today_and_the_runner_suggest_the_same_machine_load(
    profile: Profile, clock: ManualClock, unit: str, expected_kg: float
) -> None:
    # 3 x 15 done at 40 kg: one machine step up is 45 kg (100 lb), where the 2.5 kg (5 lb) step of a
    # dumbbell would give 42.5 kg (95 lb).
    profile.write_session(hsr_session(date(2026, 11, 2), 1, [15, 15, 15], 40.0))
    start_running(profile, "hsr-12", date(2026, 11, 1))
    day = date(2026, 11, 4)
    state = load_state(profile, CATALOG, unit, day, pain=False)  # what home shows
    assert state.plan is not None
    (planned,) = state.plan.exercises
    assert planned.exercise.load == "machine" and planned.suggestion is not None
    trainer = Trainer(profile, CATALOG, replace(Settings(), units=unit), clock)
    assert trainer.suggestion(planned.exercise, rm=planned.rm).load_kg == planned.suggestion.load_kg
    assert planned.suggestion.load_kg == pytest.approx(expected_kg)
    out, err = io.StringIO(), io.StringIO()
    assert today(profile, CATALOG, unit, day, out, err, pain=False) == 0
    assert f"· {format_load(expected_kg, unit, 'machine')}\n" in out.getvalue(), out.getvalue()


@pytest.mark.parametrize(
    ("pain", "mornings", "setting", "expected_kg", "reason"),
    [
        (6, (), True, 35.0, "pain 6/10 during last time is above 5: one step lighter"),
        (2, (1, 3), True, 35.0, "morning pain rose from 1 to 3/10: one step lighter"),
        (4, (), True, 40.0, "pain 4/10 during last time (3 to 5): the same again"),
        (1, (), True, 45.0, "pain 1/10 and every rep done: every set hit 15 last time: one step heavier"),
        (8, (), True, 35.0, f"pain 8/10 during last time is above 5: one step lighter · {SAFETY_NOTE}"),
        (6, (), False, 45.0, "every set hit 15 last time: one step heavier"),
    ],
)
def test_home_today_and_the_runner_apply_the_pain_rules_alike(
    profile: Profile, clock: ManualClock, pain: int, mornings: tuple[int, ...], setting: bool, expected_kg: float, reason: str
) -> None:
    # 3 x 15 at 40 kg yesterday with this pain during: the progression alone says 45 kg (one
    # machine step up); the pain rules say 35 kg (one step down), 40 kg (the same) or 45 kg.
    day = clock.now().date()
    profile.write_session(hsr_session(day - timedelta(days=1), 1, [15, 15, 15], 40.0, pain))
    checkins = CheckIns()
    for back, morning in enumerate(reversed(mornings)):
        checkins = checkins.answered(day - timedelta(days=back), morning)
    save_checkins(checkins_path(profile), checkins)
    start_running(profile, "hsr-12", day - timedelta(days=3))
    state = load_state(profile, CATALOG, "kg", day, pain=setting)  # what home shows
    assert state.plan is not None and state.warnings == ()
    (planned,) = state.plan.exercises
    assert planned.suggestion is not None
    assert (planned.suggestion.load_kg, planned.suggestion.reps, planned.suggestion.reason) == (expected_kg, 15, reason)
    trainer = Trainer(profile, CATALOG, replace(Settings(), pain=setting), clock)
    assert trainer.suggestion(planned.exercise, rm=planned.rm) == planned.suggestion  # what the runner suggests
    assert trainer.start_plan(state.plan).load_kg == expected_kg  # and starts the session at
    out, err = io.StringIO(), io.StringIO()
    assert today(profile, CATALOG, "kg", day, out, err, pain=setting) == 0
    assert f"  Seated calf raise machine: 3 x 15 (15RM) · {expected_kg:g} kg\n    {reason}\n" in out.getvalue(), out.getvalue()


def test_the_first_hsr_day_says_how_to_find_the_15rm(profile: Profile) -> None:
    start_running(profile, "hsr-12", date(2026, 11, 24))
    state = load_state(profile, CATALOG, "kg", date(2026, 11, 24), pain=False)
    assert state.plan is not None
    assert plan_lines(state.plan, "kg")[2:] == [
        "  Seated calf raise machine: 3 x 15 (15RM) · find your 15RM",
        "    no history yet: start light, one step up per set until 15 reps are hard: that is your 15RM",
    ]


def test_no_programme_and_a_programme_gone_from_the_catalog(profile: Profile) -> None:
    assert load_state(profile, CATALOG, "kg", date(2026, 11, 24), pain=False).plan is None
    start_running(profile, "not-there", date(2026, 11, 24))
    state = load_state(profile, CATALOG, "kg", date(2026, 11, 24), pain=False)
    assert state.plan is None and state.running is not None and "not in the catalog" in state.warnings[0]
    assert NO_PROGRAMME


def test_recent_sessions_stop_at_the_start_date_after_the_lookback(profile: Profile) -> None:
    for back in range(10):
        profile.write_session(make_session(datetime(2026, 11, 24, 7, tzinfo=TZ) - timedelta(days=back), [("a", 1, 0.0, 0.0)]))
    sessions, _ = recent_sessions(profile, date(2026, 11, 20), lookback=2)
    assert [s.started.day for s in sessions] == [24, 23, 22, 21, 20]
    assert len(recent_sessions(profile, date(2026, 11, 24), lookback=7)[0]) == 7


def test_older_files_that_name_no_planned_exercise_are_not_parsed(profile: Profile, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    day = datetime(2026, 11, 24, 7, tzinfo=TZ)
    for back in range(1, 30):
        exercise = MACHINE if back % 3 == 0 else "wall-sit-calf-raise"
        profile.write_session(make_session(day - timedelta(days=back), [(exercise, 12, 0.0, 40.0)] * 3))
    parsed: list[object] = []
    original = Profile.read_session
    monkeypatch.setattr(Profile, "read_session", lambda self, path: parsed.append(path) or original(self, path))
    sessions, _ = recent_sessions(profile, date(2026, 11, 24), [MACHINE])
    # days 3, 6, ... 18: six sessions of the machine are plenty, and nothing else was parsed
    assert [s.started.day for s in sessions] == [21, 18, 15, 12, 9, 6]
    assert len(parsed) == 6
