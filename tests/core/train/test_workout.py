"""The workout engine through whole workouts, time moved by hand."""

from __future__ import annotations

from datetime import timedelta

import pytest

from soleus_tui.core.catalog import Exercise
from tests.support.clock import ManualClock
from soleus_tui.core.train.workout import GET_READY_S, SWITCH_S, Event, Phase, Workout
from tests.support.workouts import roundtrip


def do_reps(workout: Workout, clock: ManualClock, count: int) -> None:
    for _ in range(count):
        clock.advance(2)
        workout.count()


def test_a_whole_reps_workout(clock: ManualClock, reps_exercise: Exercise) -> None:
    w = Workout.start(clock, reps_exercise, load_kg=20.0, rest_s=90)
    for set_number in (1, 2, 3):
        assert (w.set_number, w.phase) == (set_number, Phase.SET)
        do_reps(w, clock, 12)
        assert w.reps == 12
        assert w.finish_set() == [Event.SET_LOGGED]
        assert w.phase is Phase.REST and w.rest_remaining() == 90
        clock.advance(60)
        assert w.rest_remaining() == 30
        w = roundtrip(w, clock)
        clock.advance(30)
        assert w.advance() == [Event.REST_OVER]
        assert w.advance() == []  # the bell rings once
        clock.advance(5)
        assert w.rest_remaining() == -5  # overtime keeps counting
        if set_number < 3:
            w.count()  # first rep of the next set ends the rest
            assert w.reps == 1 and w.log.sets[-1].rest_s == 95
            w.take_back_rep()
    assert w.exercise_complete
    clock.advance(10)
    session = w.finish()
    sets = session.exercises[0].sets
    assert [s.reps for s in sets] == [12, 12, 12]
    assert [s.rest_s for s in sets] == [95, 95, 105]
    assert all(s.side == "both" and s.load_kg == 20.0 for s in sets)
    assert session.ended > session.started


def test_undo_and_an_empty_set_is_not_logged(clock: ManualClock, reps_exercise: Exercise) -> None:
    w = Workout.start(clock, reps_exercise, 10.0, 90)
    assert not w.take_back_rep()
    assert w.finish_set() == []
    do_reps(w, clock, 3)
    assert w.take_back_rep() and w.reps == 2
    w.finish_set()
    assert w.log.sets[0].reps == 2


def test_paced_mode_counts_on_the_tempo_and_logs_at_the_target(clock: ManualClock, reps_exercise: Exercise) -> None:
    w = Workout.start(clock, reps_exercise.__class__(**{**reps_exercise.__dict__, "reps": 3}), 20.0, 60)
    w.toggle_paced()
    assert w.phase is Phase.GET_READY
    clock.advance(GET_READY_S)
    assert w.advance() == [Event.GO]
    assert w.tempo_cue() == ("up", 1)
    clock.advance(1.5)
    assert w.tempo_cue() == ("pause", 1.5)
    clock.advance(2)
    assert w.tempo_cue() == ("down", 2.5)
    clock.advance(2.5)  # one whole rep: 1 + 2 + 3 s
    assert w.advance() == [Event.REP]
    w = roundtrip(w, clock)
    clock.advance(12)
    assert w.advance() == [Event.REP, Event.REP, Event.TARGET, Event.SET_LOGGED]
    assert w.log.sets[0].reps == 3 and w.phase is Phase.REST
    clock.advance(60)
    # pacing stays on: when rest runs out, a get-ready leads into the next paced set
    assert w.advance() == [Event.REST_OVER]
    assert w.phase is Phase.GET_READY and w.log.sets[0].rest_s == 60


def test_paced_set_ends_early_on_space(clock: ManualClock, reps_exercise: Exercise) -> None:
    w = Workout.start(clock, reps_exercise, 20.0, 60)
    w.toggle_paced()
    clock.advance(GET_READY_S + 13)
    assert w.advance() == [Event.GO, Event.REP, Event.REP]  # the repaint tick
    assert w.count() == [Event.SET_LOGGED]
    assert w.log.sets[0].reps == 2


def test_backspace_in_paced_mode_stops_pacing(clock: ManualClock, reps_exercise: Exercise) -> None:
    w = Workout.start(clock, reps_exercise, 20.0, 60)
    w.toggle_paced()
    clock.advance(GET_READY_S + 12)
    w.advance()
    assert w.take_back_rep() and (w.reps, w.paced) == (1, False)
    clock.advance(30)
    assert w.advance() == [] and w.reps == 1


def test_a_hold_with_get_ready_and_bell_at_target(clock: ManualClock, hold_exercise: Exercise) -> None:
    w = Workout.start(clock, hold_exercise, 0.0, 60)
    w.count()
    assert w.phase is Phase.GET_READY and w.get_ready_remaining() == 3
    clock.advance(1)
    w = roundtrip(w, clock)
    assert w.get_ready_remaining() == 2
    clock.advance(2)
    assert w.advance() == [Event.GO] and w.phase is Phase.HOLDING
    clock.advance(29)
    assert w.advance() == [] and w.held_s() == 29
    clock.advance(1)
    assert w.advance() == [Event.TARGET]
    clock.advance(4.5)
    assert w.count() == [Event.SET_LOGGED]
    assert w.log.sets[0].hold_s == 34.5 and w.log.sets[0].reps == 0
    assert w.phase is Phase.REST


def test_per_side_runs_left_switch_right_then_rest(clock: ManualClock, per_side_exercise: Exercise) -> None:
    w = Workout.start(clock, per_side_exercise, 0.0, 60)
    assert (w.side, w.set_number) == ("left", 1)
    do_reps(w, clock, 10)
    w.finish_set()
    assert w.phase is Phase.SWITCH and w.side == "right" and w.set_number == 1
    clock.advance(SWITCH_S)
    assert w.advance() == [Event.SWITCHED] and w.phase is Phase.SET
    do_reps(w, clock, 9)
    w.finish_set()
    assert w.phase is Phase.REST and (w.side, w.set_number) == ("left", 2)
    assert [(s.side, s.reps, s.rest_s) for s in w.log.sets] == [("left", 10, SWITCH_S), ("right", 9, 0.0)]
    w.skip_rest()
    do_reps(w, clock, 10)
    w.finish_set()
    w.skip_rest()
    assert not w.exercise_complete
    do_reps(w, clock, 10)
    w.finish_set()
    assert w.exercise_complete


def test_rest_adjust_skip_and_off(clock: ManualClock, reps_exercise: Exercise) -> None:
    w = Workout.start(clock, reps_exercise, 20.0, 90)
    w.adjust_rest(-15)  # outside rest: the planned rest
    assert w.rest_s == 75
    do_reps(w, clock, 1)
    w.finish_set()
    w.adjust_rest(15)
    w.adjust_rest(15)
    assert w.rest_remaining() == 105
    for _ in range(10):
        w.adjust_rest(-15)
    assert w.rest_remaining() == 0
    clock.advance(7)
    assert w.skip_rest() and w.phase is Phase.SET and w.log.sets[0].rest_s == 7
    assert not w.skip_rest()
    w.logbook.rest_s = 0  # rest off: straight on to the next set
    do_reps(w, clock, 1)
    w.finish_set()
    assert w.phase is Phase.SET and w.set_number == 3


def test_load_steps_in_kg_and_lb(clock: ManualClock, reps_exercise: Exercise) -> None:
    w = Workout.start(clock, reps_exercise, 20.0, 90)
    w.step_load(+1, "kg")
    assert w.load_kg == 22.5
    for _ in range(20):
        w.step_load(-1, "kg")
    assert w.load_kg == 0.0
    w.step_load(+3, "lb")
    assert w.load_kg == pytest.approx(15 * 0.45359237, abs=1e-3)


def test_next_exercise_logs_the_running_set_and_keeps_rest(clock: ManualClock, reps_exercise: Exercise, hold_exercise: Exercise) -> None:
    w = Workout.start(clock, reps_exercise, 20.0, 90)
    do_reps(w, clock, 4)
    w.next_exercise(hold_exercise, 0.0, 60)
    assert [e.id for e in w.exercises] == [reps_exercise.id, hold_exercise.id]
    assert w.exercises[0].sets[0].reps == 4
    assert (w.plan, w.phase, w.set_number) == (hold_exercise, Phase.SET, 1)


def test_finish_keeps_an_unfinished_set_and_drops_empty_exercises(clock: ManualClock, reps_exercise: Exercise, hold_exercise: Exercise) -> None:
    w = Workout.start(clock, reps_exercise, 20.0, 90)
    w.next_exercise(hold_exercise, 0.0, 60)
    w.count()
    clock.advance(GET_READY_S + 12)
    session = w.finish()
    assert [e.id for e in session.exercises] == [hold_exercise.id]
    assert session.exercises[0].sets[0].hold_s == 12


def test_restore_runs_timers_on_for_the_wall_time_since(clock: ManualClock, reps_exercise: Exercise) -> None:
    w = Workout.start(clock, reps_exercise, 20.0, 90)
    do_reps(w, clock, 1)
    w.finish_set()
    clock.advance(30)
    table = w.to_dict()
    # a new process 40 s of wall time later, whose monotonic clock has nothing to do with the old one
    later = ManualClock(wall=clock.now() + timedelta(seconds=40), mono=1000.0)
    again = Workout.from_dict(table, later)
    assert again.rest_remaining() == pytest.approx(20)


def test_interrupt_undoes_a_hold_and_pacing_but_keeps_reps(clock: ManualClock, reps_exercise: Exercise, hold_exercise: Exercise) -> None:
    w = Workout.start(clock, reps_exercise, 20.0, 90)
    w.toggle_paced()
    clock.advance(GET_READY_S + 13)
    w.advance()
    w.interrupt()
    assert (w.reps, w.paced, w.phase) == (2, False, Phase.SET)
    h = Workout.start(clock, hold_exercise, 0.0, 60)
    h.count()
    clock.advance(10)
    h.advance()
    h.interrupt()
    assert h.phase is Phase.SET


@pytest.mark.parametrize("exercise_fixture", ["reps_exercise", "hold_exercise", "per_side_exercise"])
def test_every_step_survives_a_save_and_restore(request: pytest.FixtureRequest, clock: ManualClock, exercise_fixture: str) -> None:
    exercise = request.getfixturevalue(exercise_fixture)
    w = Workout.start(clock, exercise, 20.0, 30)
    script = ["space", "space", "undo", "paced", "wait", "wait", "paced", "space", "enter", "plus", "wait",
              "skip", "space", "wait", "enter", "wait", "wait", "load", "space", "wait", "enter", "wait"] * 2
    for step in script:
        {
            "space": w.count,
            "undo": w.take_back_rep,
            "paced": w.toggle_paced,
            "enter": w.finish_set,
            "plus": lambda: w.adjust_rest(15),
            "skip": w.skip_rest,
            "load": lambda: w.step_load(1, "kg"),
            "wait": lambda: clock.advance(7.3),
        }[step]()
        w.advance()
        w = roundtrip(w, clock)
    assert w.log.sets  # the script did log something


def test_pacing_stops_when_the_planned_sets_are_done(clock: ManualClock, reps_exercise: Exercise) -> None:
    w = Workout.start(clock, reps_exercise.__class__(**{**reps_exercise.__dict__, "reps": 2, "sets": 2}), 20.0, 30)
    w.toggle_paced()
    for _ in range(200):
        clock.advance(5)
        w.advance()
    assert len(w.log.sets) == 2 and w.phase is Phase.REST


def test_hand_counted_reps_survive_finishing_during_the_paced_get_ready(clock: ManualClock, reps_exercise: Exercise) -> None:
    w = Workout.start(clock, reps_exercise, 20.0, 90)
    do_reps(w, clock, 8)
    w.toggle_paced()
    assert w.phase is Phase.GET_READY
    assert w.finish().exercises[0].sets[0].reps == 8


def test_a_key_landing_just_after_a_phase_change_does_not_act_twice(clock: ManualClock, reps_exercise: Exercise, hold_exercise: Exercise) -> None:
    w = Workout.start(clock, reps_exercise.__class__(**{**reps_exercise.__dict__, "reps": 2}), 20.0, 60)
    w.toggle_paced()
    clock.advance(GET_READY_S + 12.1)  # the target was reached between two ticks
    assert not w.take_back_rep()
    assert (w.reps, w.log.sets[0].reps, w.phase) == (0, 2, Phase.REST)
    h = Workout.start(clock, hold_exercise, 0.0, 60)
    h.count()
    clock.advance(GET_READY_S + 0.1)
    assert h.count() == [Event.GO] and h.phase is Phase.HOLDING and not h.log.sets
