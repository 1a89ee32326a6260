"""Extra sets, pacing on top of counted reps and to failure, the stage bell, the pain question."""

from __future__ import annotations

from dataclasses import replace

from soleus_tui.core.catalog import Exercise
from tests.support.clock import ManualClock
from soleus_tui.core.train.workout import GET_READY_S, Event, Phase, Workout
from tests.support.workouts import reps, roundtrip


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
