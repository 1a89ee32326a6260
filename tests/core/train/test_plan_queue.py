"""The plan queue on its own: what comes next in today's programme session, taking back, the pause
between exercises, and its place in current.toml."""

from __future__ import annotations

from dataclasses import replace

import pytest

from soleus_tui.core.catalog import Exercise
from soleus_tui.core.programmes.plan import PlannedExercise, TodayPlan
from soleus_tui.core.train.plan_queue import PlanQueue, today_from_dict
from soleus_tui.core.train.suggestions import Suggestion


@pytest.fixture
def today(reps_exercise: Exercise, hold_exercise: Exercise, per_side_exercise: Exercise) -> TodayPlan:
    hint = Suggestion(22.5, 6, 0.0, "every set hit 6 last time: one step heavier")
    return TodayPlan(
        "hsr-12", "Heavy slow resistance", 9, 12, 1, 3,
        (PlannedExercise(reps_exercise, rm=True, suggestion=hint), PlannedExercise(hold_exercise), PlannedExercise(per_side_exercise)),
        between_exercises_s=300,
    )  # fmt: skip


def test_only_the_planned_exercise_after_this_one_moves_the_queue_on(
    today: TodayPlan, reps_exercise: Exercise, hold_exercise: Exercise, per_side_exercise: Exercise
) -> None:
    queue = PlanQueue(today)
    assert queue.upcoming is not None and queue.upcoming.exercise == hold_exercise
    queue.moved_on(per_side_exercise)  # one off the list, not the next planned one
    assert queue.position == 0
    queue.moved_on(hold_exercise)
    queue.moved_on(per_side_exercise)
    assert (queue.position, queue.upcoming) == (2, None)
    queue.moved_on(reps_exercise)  # after the last planned one there is nothing to move on to
    assert queue.position == 2


def test_taking_back_opens_the_session_again_and_may_go_back(today: TodayPlan) -> None:
    queue = PlanQueue(today, position=2, done=True)
    queue.taken_back(0)
    assert (queue.position, queue.done) == (2, False)
    queue.taken_back(1)
    assert queue.position == 1
    queue.taken_back(2)
    assert queue.position == 0


def test_taking_back_a_move_off_the_plan_leaves_the_planned_exercise_on(
    today: TodayPlan, hold_exercise: Exercise, per_side_exercise: Exercise
) -> None:
    queue = PlanQueue(today)
    queue.moved_on(hold_exercise)
    queue.moved_on(hold_exercise)  # the same one again, from the list: off the plan
    queue.taken_back(1)
    assert queue.position == 1 and queue.upcoming is not None and queue.upcoming.exercise == per_side_exercise
    queue.taken_back(1)
    assert queue.position == 0


def test_the_pause_between_exercises_comes_only_before_another_one(today: TodayPlan) -> None:
    queue = PlanQueue(today)
    assert queue.rest_after_last_set(150) == 300
    assert queue.rest_after_last_set(400) == 400
    assert queue.rest_after_last_set(0) == 0  # rest off stays off
    assert PlanQueue(today, position=2).rest_after_last_set(150) == 150


def test_the_queue_survives_current_toml(today: TodayPlan) -> None:
    queue = PlanQueue(today, position=1, done=True, planned_moves=[False, True])
    table = queue.to_dict()
    assert PlanQueue.from_dict(table) == queue
    assert table["exercises"][1].keys() == {"exercise", "rm"}  # a missing suggestion is left out
    with pytest.raises(ValueError, match="no exercises"):
        today_from_dict(table | {"exercises": []})


def test_an_exercise_changed_by_the_plan_comes_back_changed(today: TodayPlan, reps_exercise: Exercise) -> None:
    heavy = replace(reps_exercise, sets=1, reps=6, rest_s=150, tempo=(3, 0, 3))
    queue = PlanQueue(replace(today, exercises=(PlannedExercise(heavy),)))
    assert PlanQueue.from_dict(queue.to_dict()).today.exercises[0].exercise == heavy
