"""The pain rules acting on the trainer's next suggestion, with the reason, from real files."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from soleus_tui.core.catalog import Catalog, Exercise
from tests.support.clock import ManualClock
from soleus_tui.core.pain.checkins import CheckIns, checkins_path, save_checkins
from soleus_tui.core.settings import Settings
from soleus_tui.core.store import Profile
from soleus_tui.core.train.trainer import Trainer
from tests.support.histories import make_session


def trainer_after(profile: Profile, clock: ManualClock, exercise: Exercise, pain: int | None, reps: int = 12,
                  load: float = 20.0, pain_setting: bool = True) -> Trainer:  # fmt: skip
    session = make_session(clock.now() - timedelta(days=1), [(exercise.id, reps, 0.0, load)] * exercise.sets)
    session.exercises[0] = replace(session.exercises[0], pain=pain)
    profile.write_session(session)
    return Trainer(profile, Catalog((exercise,)), Settings(pain=pain_setting), clock)


def test_a_pain_of_six_makes_the_next_suggestion_one_step_lighter(profile: Profile, clock: ManualClock, reps_exercise: Exercise) -> None:
    hint = trainer_after(profile, clock, reps_exercise, pain=6).suggestion(reps_exercise)
    assert (hint.load_kg, hint.reps) == (17.5, 12)
    assert hint.reason == "pain 6/10 during last time is above 5: one step lighter"


def test_pain_four_repeats_last_time(profile: Profile, clock: ManualClock, reps_exercise: Exercise) -> None:
    hint = trainer_after(profile, clock, reps_exercise, pain=4).suggestion(reps_exercise)
    assert (hint.load_kg, hint.reps) == (20.0, 12) and "(3 to 5): the same again" in hint.reason


def test_pain_one_with_every_rep_progresses(profile: Profile, clock: ManualClock, reps_exercise: Exercise) -> None:
    hint = trainer_after(profile, clock, reps_exercise, pain=1).suggestion(reps_exercise)
    assert hint.load_kg == 22.5 and hint.reason.startswith("pain 1/10 and every rep done: ")


def test_a_worse_morning_than_the_last_check_in(profile: Profile, clock: ManualClock, reps_exercise: Exercise) -> None:
    trainer = trainer_after(profile, clock, reps_exercise, pain=2)
    today = clock.now().date()
    save_checkins(checkins_path(profile), CheckIns().answered(today - timedelta(days=1), 1).answered(today, 3))
    hint = trainer.suggestion(reps_exercise)
    assert hint.load_kg == 17.5 and hint.reason == "morning pain rose from 1 to 3/10: one step lighter"


def test_an_old_check_in_says_nothing_about_this_morning(profile: Profile, clock: ManualClock, reps_exercise: Exercise) -> None:
    trainer = trainer_after(profile, clock, reps_exercise, pain=None)
    today = clock.now().date()
    save_checkins(checkins_path(profile), CheckIns().answered(today - timedelta(days=3), 1).answered(today - timedelta(days=2), 5))
    assert trainer.suggestion(reps_exercise).load_kg == 22.5


def test_at_bodyweight_fewer_reps(profile: Profile, clock: ManualClock, reps_exercise: Exercise) -> None:
    bodyweight = replace(reps_exercise, load="bodyweight")
    hint = trainer_after(profile, clock, bodyweight, pain=7, load=0.0).suggestion(bodyweight)
    assert (hint.load_kg, hint.reps) == (0.0, 10) and hint.reason.endswith(": 2 reps fewer")


def test_with_the_pain_setting_off_nothing_changes(profile: Profile, clock: ManualClock, reps_exercise: Exercise) -> None:
    hint = trainer_after(profile, clock, reps_exercise, pain=6, pain_setting=False).suggestion(reps_exercise)
    assert hint.load_kg == 22.5


def test_the_progression_and_the_pain_rules_read_each_file_once(
    profile: Profile, clock: ManualClock, reps_exercise: Exercise, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile.write_session(make_session(clock.now() - timedelta(days=3), [(reps_exercise.id, 12, 0.0, 20.0)] * 3))
    trainer = trainer_after(profile, clock, reps_exercise, pain=6)
    reads: list[object] = []
    original = profile.read_session
    monkeypatch.setattr(Profile, "read_session", lambda self, path: reads.append(path) or original(path))
    hint = trainer.suggestion(reps_exercise)
    assert hint.reason == "pain 6/10 during last time is above 5: one step lighter"  # both rules read the files
    assert len(reads) == len(set(reads)) == 2


def test_the_check_in_day_is_the_local_date() -> None:
    checkins = CheckIns().answered(date(2026, 11, 23), 1).answered(date(2026, 11, 24), 4)
    assert checkins.morning_pair(date(2026, 11, 24)) == (4, 1)
    assert checkins.morning_pair(date(2026, 11, 25)) == (None, None)
    assert checkins.morning_pair() == (4, 1)
