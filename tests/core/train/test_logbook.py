"""The logbook: which set and which leg are next, taking sets back, the real-set rule; on its own
and through the workout's keys."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from soleus_tui.core.catalog import Exercise
from tests.support.clock import ManualClock
from soleus_tui.core.session import ExerciseLog, SetLog
from soleus_tui.core.train.logbook import REAL_HOLD_S, Logbook, false_start
from soleus_tui.core.train.workout import GET_READY_S, Phase, Workout
from tests.support.workouts import reps, roundtrip


def add(book: Logbook, clock: ManualClock, count: int, load_kg: float = 20.0) -> None:
    start = clock.now()
    book.add(count, 0.0, load_kg, start, start + timedelta(seconds=30))


def test_a_per_side_set_counts_once_its_right_leg_is_done(clock: ManualClock, per_side_exercise: Exercise) -> None:
    book = Logbook.start(per_side_exercise, 60)
    seen = []
    for count in (10, 9, 10, 8):
        seen.append((book.set_number, book.side, book.exercise_complete))
        add(book, clock, count)
    assert seen == [(1, "left", False), (1, "right", False), (2, "left", False), (2, "right", False)]
    assert (book.sets_done, book.exercise_complete) == (2, True)
    assert [(s.side, s.reps) for s in book.log.sets] == [("left", 10), ("right", 9), ("left", 10), ("right", 8)]


def test_both_legs_at_once_count_every_set(clock: ManualClock, reps_exercise: Exercise) -> None:
    book = Logbook.start(replace(reps_exercise, sets=2), 90)
    add(book, clock, 12)
    assert (book.side, book.sets_done, book.exercise_complete) == ("both", 1, False)
    add(book, clock, 12)
    add(book, clock, 6)  # an extra set
    assert (book.sets_done, book.set_number, book.exercise_complete) == (3, 4, True)


def test_the_rest_taken_goes_on_the_last_set(clock: ManualClock, reps_exercise: Exercise) -> None:
    book = Logbook.start(reps_exercise, 90)
    book.rested(12.0)  # nothing logged yet: nothing to put it on
    assert book.log.sets == []
    add(book, clock, 12)
    book.rested(95.5)
    assert book.log.sets[0].rest_s == 95.5


def test_taking_back_goes_to_the_exercise_before_when_this_one_has_none(
    clock: ManualClock, reps_exercise: Exercise, hold_exercise: Exercise
) -> None:
    book = Logbook.start(reps_exercise, 45)
    assert not book.has_logged_set
    add(book, clock, 10, load_kg=22.5)
    book.move_on(hold_exercise, 60)
    assert (book.plan, book.rest_s, book.log.sets, book.has_logged_set) == (hold_exercise, 60, [], True)
    book.add(0, 30.0, 0.0, clock.now(), clock.now())
    taken, back = book.take_back()
    assert (taken.hold_s, back, book.plan) == (30.0, 0, hold_exercise)
    taken, back = book.take_back()
    assert (taken.reps, taken.load_kg, back) == (10, 22.5, 1)
    assert (book.plan, book.rest_s, len(book.exercises), book.earlier) == (reps_exercise, 45, 1, [])
    assert not book.can_take_back


def test_taking_back_passes_over_exercises_with_no_set(
    clock: ManualClock, reps_exercise: Exercise, hold_exercise: Exercise, per_side_exercise: Exercise
) -> None:
    book = Logbook.start(reps_exercise, 45)
    add(book, clock, 10)
    book.move_on(hold_exercise, 60)
    book.move_on(per_side_exercise, 30)
    assert book.can_take_back
    taken, back = book.take_back()
    assert (taken.reps, back, book.plan, book.rest_s, len(book.exercises)) == (10, 2, reps_exercise, 45, 1)


def test_a_left_leg_alone_is_dropped_and_said_so(clock: ManualClock, per_side_exercise: Exercise, reps_exercise: Exercise) -> None:
    book = Logbook.start(per_side_exercise, 60)
    assert book.drop_lone_left() is None
    add(book, clock, 10)
    assert book.drop_lone_left() == "the left leg of set 1, which had no right leg"
    assert book.log.sets == [] and book.side == "left"
    both = Logbook.start(reps_exercise, 90)
    add(both, clock, 10)
    assert both.drop_lone_left() is None and len(both.log.sets) == 1


def test_a_hold_shorter_than_a_real_one_is_a_false_start() -> None:
    assert false_start(REAL_HOLD_S) is None
    assert false_start(4.6) == "a 5 s hold (a hold counts from 5 s)"  # said rounded, judged unrounded
    assert false_start(0.4) == "a 0 s hold (a hold counts from 5 s)"


def test_the_finished_workout_keeps_the_exercises_with_a_set(clock: ManualClock, reps_exercise: Exercise, hold_exercise: Exercise) -> None:
    book = Logbook.start(reps_exercise, 90)
    book.move_on(hold_exercise, 60)
    add(book, clock, 1)
    book.move_on(reps_exercise, 90)
    assert [e.id for e in book.logged()] == [hold_exercise.id]


def test_resumed_needs_an_exercise_and_drops_an_earlier_that_does_not_match(reps_exercise: Exercise) -> None:
    with pytest.raises(ValueError, match="at least one exercise"):
        Logbook.resumed(reps_exercise, 90, [], [])
    logs = [ExerciseLog("a", "A"), ExerciseLog("b", "B")]
    assert Logbook.resumed(reps_exercise, 90, logs, [(reps_exercise, 45)]).earlier == [(reps_exercise, 45)]
    assert Logbook.resumed(reps_exercise, 90, logs, []).earlier == []
    assert Logbook.resumed(reps_exercise, 90, logs[:1], [(reps_exercise, 45)]).earlier == []


def test_without_the_plans_before_it_taking_back_stops_at_this_exercise(clock: ManualClock, reps_exercise: Exercise) -> None:
    before = ExerciseLog("a", "A", [SetLog(12, 0.0, 20.0, "both", clock.now(), clock.now())])
    book = Logbook.resumed(reps_exercise, 90, [before, ExerciseLog(reps_exercise.id, reps_exercise.name)], [])
    assert book.has_logged_set and not book.can_take_back
    add(book, clock, 12)
    assert book.can_take_back and book.take_back()[1] == 0


# -- through the workout's keys ---------------------------------------------------------------------


def ten_reps_then_next(clock: ManualClock, first: Exercise, then: Exercise) -> Workout:
    """A set of ten logged on `first` (45 s rest), then `n` on to `then`."""
    w = Workout.start(clock, first, 20.0, 45)
    reps(w, 10)
    w.finish_set()
    w.next_exercise(then, 0.0, 60)
    return w


def test_undo_puts_the_last_set_back_on_the_counter(clock: ManualClock, reps_exercise: Exercise) -> None:
    w = Workout.start(clock, reps_exercise, 20.0, 90)
    assert w.allows("undo_set") is False and w.undo_set() is None
    reps(w, 12)
    w.finish_set()
    w.step_load(1, "kg")
    assert w.allows("undo_set") is True
    taken = w.undo_set()
    assert taken is not None and taken.reps == 12
    assert (w.phase, w.reps, w.log.sets, w.load_kg) == (Phase.SET, 12, [], 20.0)
    reps(w, 1)
    assert w.allows("undo_set") is False  # nothing logged to take back
    w.finish_set()
    w.skip_rest()
    reps(w, 2)
    assert w.allows("undo_set") is None  # a set in progress: log or take back its reps first
    assert w.undo_set() is None and w.reps == 2


def test_undo_just_after_next_goes_back_to_the_exercise_before(
    clock: ManualClock, reps_exercise: Exercise, hold_exercise: Exercise
) -> None:
    w = ten_reps_then_next(clock, reps_exercise, hold_exercise)
    w = roundtrip(w, clock)
    assert w.undo_set() is not None
    assert (w.plan, w.rest_s, w.reps, len(w.exercises)) == (reps_exercise, 45, 10, 1)
    assert w.log.sets == [] and w.allows("undo_set") is False


def test_a_per_side_set_is_taken_back_one_leg_at_a_time(clock: ManualClock, per_side_exercise: Exercise) -> None:
    w = Workout.start(clock, per_side_exercise, 0.0, 60)
    reps(w, 10)
    w.finish_set()
    reps(w, 9)
    w.finish_set()
    assert (w.set_number, w.side) == (2, "left")
    w.undo_set()
    assert (w.set_number, w.side, w.reps) == (1, "right", 9)
    w.take_back_rep()
    w.finish_set()
    assert [(s.side, s.reps) for s in w.log.sets] == [("left", 10), ("right", 8)]


def test_next_keeps_a_real_set_and_drops_a_false_start(
    clock: ManualClock, reps_exercise: Exercise, hold_exercise: Exercise
) -> None:
    h = Workout.start(clock, hold_exercise, 0.0, 60)
    h.count()
    clock.advance(GET_READY_S + 2)
    dropped = h.next_exercise(reps_exercise, 20.0, 90)
    assert dropped == ["a 2 s hold (a hold counts from 5 s)"]
    assert h.exercises[0].sets == []
    h.count()
    assert h.close() == [] and h.log.sets[0].reps == 1  # one rep counted is a real set
    held = Workout.start(clock, hold_exercise, 0.0, 60)
    held.count()
    clock.advance(GET_READY_S + 5)
    assert held.close() == [] and held.log.sets[0].hold_s == 5.0


def test_a_left_leg_without_its_right_is_dropped(clock: ManualClock, per_side_exercise: Exercise) -> None:
    w = Workout.start(clock, per_side_exercise, 0.0, 60)
    reps(w, 10)
    w.finish_set()
    assert w.phase is Phase.SWITCH
    session = Workout.from_dict(w.to_dict(), clock).finish()
    assert session.exercises == []
    assert w.close() == ["the left leg of set 1, which had no right leg"]
    reps(w, 10)
    w.finish_set()
    reps(w, 3)  # the right leg, counted: a whole set
    assert w.close() == [] and [s.side for s in w.log.sets] == ["left", "right"]


def test_undo_after_n_past_an_empty_exercise_goes_back_to_the_last_set(
    clock: ManualClock, reps_exercise: Exercise, hold_exercise: Exercise, per_side_exercise: Exercise
) -> None:
    w = ten_reps_then_next(clock, reps_exercise, hold_exercise)
    w.next_exercise(per_side_exercise, 0.0, 60)  # nothing done on the hold
    assert w.allows("undo_set") is True
    assert w.undo_set() is not None
    assert (w.plan, w.reps, len(w.exercises)) == (reps_exercise, 10, 1)


def test_a_workout_saved_without_its_earlier_plans_takes_back_only_this_exercise(
    clock: ManualClock, reps_exercise: Exercise, hold_exercise: Exercise
) -> None:
    w = ten_reps_then_next(clock, reps_exercise, hold_exercise)
    table = w.to_dict()
    del table["runner"]["earlier"]  # as an older version saved it
    again = Workout.from_dict(table, clock)
    assert again.allows("undo_set") is False and again.undo_set() is None
    assert again.finish().exercises[0].sets[0].reps == 10

