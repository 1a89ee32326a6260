"""Taking back a set, extra sets, the real-set rule, pacing to failure, the stage bell, pain."""

from __future__ import annotations

from dataclasses import replace

from soleus_tui.core.catalog import Exercise
from soleus_tui.core.clock import ManualClock
from soleus_tui.core.train.workout import GET_READY_S, Event, Phase, Workout


def roundtrip(workout: Workout, clock: ManualClock) -> Workout:
    table = workout.to_dict()
    again = Workout.from_dict(table, clock)
    assert again.to_dict() == table
    return again


def reps(workout: Workout, count: int) -> None:
    for _ in range(count):
        workout.count()


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
    w = Workout.start(clock, reps_exercise, 20.0, 45)
    reps(w, 10)
    w.finish_set()
    w.next_exercise(hold_exercise, 0.0, 60)
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


def test_space_after_the_planned_sets_starts_an_extra_set(clock: ManualClock, reps_exercise: Exercise) -> None:
    w = Workout.start(clock, replace(reps_exercise, sets=1), 20.0, 30)
    reps(w, 12)
    w.finish_set()
    assert w.exercise_complete and w.phase is Phase.REST
    assert w.allows("count") is True
    w.count()  # ends the rest and counts rep 1 of set 2
    assert (w.phase, w.reps, w.set_number, w.done) == (Phase.SET, 1, 2, False)
    reps(w, 5)
    w.finish_set()
    assert [s.reps for s in w.log.sets] == [12, 6]


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


def test_turning_pacing_on_keeps_the_reps_counted(clock: ManualClock, reps_exercise: Exercise) -> None:
    w = Workout.start(clock, reps_exercise, 20.0, 60)
    reps(w, 4)
    w.toggle_paced()
    clock.advance(GET_READY_S + 6 * 2)  # two reps of 1 + 2 + 3 s
    w.advance()
    assert w.reps == 6 and w.paced


def test_paced_to_failure_rings_at_the_target_and_goes_on(clock: ManualClock, reps_exercise: Exercise) -> None:
    w = Workout.start(clock, replace(reps_exercise, reps=2), 20.0, 60)
    w.toggle_paced()
    w.toggle_paced()
    assert (w.paced, w.to_failure) == (True, True)
    clock.advance(GET_READY_S)
    w.advance()
    clock.advance(12)
    assert w.advance() == [Event.REP, Event.REP, Event.TARGET]
    w = roundtrip(w, clock)
    clock.advance(12)
    assert w.advance() == [Event.REP, Event.REP] and w.phase is Phase.SET
    assert w.finish_set() == [Event.SET_LOGGED] and w.log.sets[0].reps == 4
    w.toggle_paced()
    assert not w.paced and not w.to_failure


def test_the_stage_bell_rings_as_each_stage_begins(clock: ManualClock, reps_exercise: Exercise) -> None:
    w = Workout.start(clock, replace(reps_exercise, tempo=(2, 0, 2)), 20.0, 60)
    assert w.allows("stage_bell") is False
    w.toggle_paced()
    w.toggle_stage_bell()
    clock.advance(GET_READY_S)
    rings = []
    for _ in range(8):  # 8 s: two reps of up 2 s, down 2 s (the pause of 0 s is skipped)
        rings.append(Event.STAGE in w.advance())
        clock.advance(1)
    assert rings == [True, False, True, False, True, False, True, False]
    quiet = Workout.start(clock, reps_exercise, 20.0, 60)
    quiet.toggle_paced()
    clock.advance(GET_READY_S + 7)
    assert Event.STAGE not in quiet.advance()


def test_pain_is_asked_after_the_last_planned_set_and_nothing_else_acts(
    clock: ManualClock, reps_exercise: Exercise
) -> None:
    w = Workout.start(clock, replace(reps_exercise, sets=2), 20.0, 30)
    w.ask_pain = True
    reps(w, 3)
    w.finish_set()
    assert not w.pain_pending
    w.skip_rest()
    reps(w, 3)
    w.finish_set()
    assert w.pain_pending
    assert [a for a in ("count", "next", "finish", "undo_set", "pain") if w.allows(a)] == ["pain"]
    w = roundtrip(w, clock)
    w.answer_pain(4)
    assert (w.log.pain, w.pain_pending, w.allows("count")) == (4, False, True)
    skipped = Workout.start(clock, replace(reps_exercise, sets=1), 20.0, 30)
    skipped.ask_pain = True
    reps(skipped, 1)
    skipped.finish_set()
    skipped.answer_pain(None)
    assert skipped.log.pain is None and not skipped.pain_pending
