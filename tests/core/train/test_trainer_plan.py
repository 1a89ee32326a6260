"""Following today's programme session: planned exercises in order, then done; resumed after a crash."""

from __future__ import annotations

from dataclasses import replace

import pytest

from soleus_tui.core.catalog import Catalog, Exercise
from tests.support.clock import ManualClock
from soleus_tui.core.programmes.plan import PlannedExercise, TodayPlan
from soleus_tui.core.settings import Settings
from soleus_tui.core.store import Profile
from soleus_tui.core.train.trainer import Trainer
from soleus_tui.core.train.workout import Phase, Workout


@pytest.fixture
def today(reps_exercise: Exercise, hold_exercise: Exercise) -> TodayPlan:
    heavy = replace(reps_exercise, sets=1, reps=6, rest_s=150, tempo=(3, 0, 3))
    return TodayPlan(
        "hsr-12", "Heavy slow resistance", 9, 12, 1, 3,
        (PlannedExercise(heavy, rm=True), PlannedExercise(replace(hold_exercise, sets=1))),
        between_exercises_s=300,
    )  # fmt: skip


@pytest.fixture
def trainer(profile: Profile, clock: ManualClock, reps_exercise: Exercise, hold_exercise: Exercise) -> Trainer:
    return Trainer(profile, Catalog((reps_exercise, hold_exercise)), Settings(), clock)


def test_a_programme_session_runs_its_plan_in_order_then_is_done(
    trainer: Trainer, profile: Profile, clock: ManualClock, today: TodayPlan
) -> None:
    workout = trainer.start_plan(today, last=[])
    assert (workout.plan, workout.rest_s) == (today.exercises[0].exercise, 150)
    for _ in range(6):
        trainer.act(Workout.count)
    trainer.act(Workout.finish_set)
    assert workout.phase is Phase.REST and workout.rest_target_s == 300  # the pause between exercises
    assert trainer.upcoming() == today.exercises[1].exercise
    assert trainer.next(load_kg=0.0) == []
    assert workout.plan == today.exercises[1].exercise and workout.queue is not None and workout.queue.position == 1
    assert trainer.upcoming() is None
    workout.count()
    clock.advance(3 + 6)
    trainer.next()
    assert workout.today_done and workout.allows("count") is False and workout.allows("finish")
    finished = trainer.finish()
    assert finished.path is not None
    session = profile.read_session(finished.path)
    assert (session.programme, session.programme_week) == ("hsr-12", 9)
    assert [(e.id, len(e.sets)) for e in session.exercises] == [(today.exercises[0].exercise.id, 1), (today.exercises[1].exercise.id, 1)]


def on_the_second_exercise(trainer: Trainer, today: TodayPlan) -> None:
    """Today's session begun, one set of the first planned exercise done, and on to the second."""
    trainer.start_plan(today, last=[])
    trainer.act(Workout.count)
    trainer.act(Workout.finish_set)
    trainer.next(load_kg=0.0)


def resumed(trainer: Trainer) -> tuple[Trainer, Workout]:
    """The app killed and started again on the same files, the workout resumed."""
    again = Trainer(trainer.profile, trainer.catalog, trainer.settings, trainer.clock)
    table = again.saved_workout()
    assert table is not None
    return again, again.resume(table)


def test_the_plan_survives_a_kill_and_resumes_where_it_was(trainer: Trainer, today: TodayPlan) -> None:
    on_the_second_exercise(trainer, today)
    again, workout = resumed(trainer)
    assert workout.queue is not None and workout.queue.today == today and workout.queue.position == 1
    assert again.upcoming() is None
    assert workout.undo_set() is not None and workout.queue.position == 0  # back to the first planned one
    assert again.upcoming() == today.exercises[1].exercise


def test_taking_back_after_an_exercise_off_the_plan_stays_on_the_plan(
    trainer: Trainer, clock: ManualClock, today: TodayPlan, reps_exercise: Exercise
) -> None:
    on_the_second_exercise(trainer, today)  # the last planned one
    trainer.act(Workout.count)
    clock.advance(3 + 30)
    trainer.act(Workout.count)
    assert trainer.upcoming() is None
    trainer.start(reps_exercise, last=[])  # one more, chosen from the list
    again, workout = resumed(trainer)
    assert again.act(Workout.undo_set) is not None and workout.plan == today.exercises[1].exercise
    assert workout.queue is not None and workout.queue.position == 1 and again.upcoming() is None


def test_outside_a_programme_n_goes_down_the_list(trainer: Trainer, reps_exercise: Exercise, hold_exercise: Exercise) -> None:
    trainer.start(reps_exercise, last=[])
    assert trainer.upcoming() == hold_exercise
    trainer.next(load_kg=0.0)
    assert trainer.workout is not None and trainer.workout.plan == hold_exercise
    assert trainer.finish().session.programme is None


def test_nothing_counted_is_not_offered_and_discard_moves_the_file_aside(
    trainer: Trainer, profile: Profile, reps_exercise: Exercise
) -> None:
    trainer.start(reps_exercise, last=[])
    assert trainer.saved_workout() is None and not profile.current_path.exists()
    trainer.start(reps_exercise, last=[])
    trainer.act(Workout.count)
    assert trainer.saved_workout() is not None
    moved = trainer.discard_saved()
    assert moved.parent == profile.quarantine_dir and moved.exists() and not profile.current_path.exists()


def test_pain_is_asked_when_the_setting_is_on(profile: Profile, clock: ManualClock, reps_exercise: Exercise) -> None:
    trainer = Trainer(profile, Catalog((reps_exercise,)), Settings(pain=True), clock)
    workout = trainer.start(replace(reps_exercise, sets=1), last=[])
    trainer.act(Workout.count)
    trainer.act(Workout.finish_set)
    assert workout.pain_pending
    trainer.act(lambda w: w.answer_pain(3))
    session = profile.read_session(trainer.finish().path)  # type: ignore[arg-type]
    assert session.exercises[0].pain == 3
