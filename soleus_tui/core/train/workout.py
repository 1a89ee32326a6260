"""The workout as a state machine: sets, sides, paced reps, holds and rest, driven by a clock.

Every method reads time from the injected clock; nothing here sleeps or counts ticks. The shell
calls `advance()` on a repaint tick to turn elapsed time into events (a paced rep, the end of a
rest) and saves `to_dict()` after anything that changed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from soleus_tui.core import units
from soleus_tui.core.catalog import Exercise, exercise_table
from soleus_tui.core.clock import Clock
from soleus_tui.core.session import (
    SCHEMA,
    ExerciseLog,
    Session,
    SetLog,
    exercises_from_list,
    exercises_to_list,
)

GET_READY_S = 3.0
SWITCH_S = 10.0


class Phase(StrEnum):
    SET = "set"  # counting reps, or waiting for a hold to start
    GET_READY = "get_ready"  # 3-2-1 before a hold or a paced set
    HOLDING = "holding"
    SWITCH = "switch"  # the short pause between the left and the right side
    REST = "rest"


class Event(StrEnum):
    REP = "rep"  # a paced rep was counted
    TARGET = "target"  # a paced set or a hold reached its target: ring
    SET_LOGGED = "set_logged"
    REST_OVER = "rest_over"  # rest reached zero: ring, then overtime
    GO = "go"  # a get-ready countdown ended
    SWITCHED = "switched"  # the switch pause ended: the other leg's turn


@dataclass
class Workout:
    clock: Clock
    started: datetime
    plan: Exercise
    load_kg: float
    rest_s: int  # planned rest after each set of this exercise; 0 is off
    exercises: list[ExerciseLog] = field(default_factory=list)
    notes: str = ""
    phase: Phase = Phase.SET
    reps: int = 0  # in the set in progress
    set_started: datetime | None = None
    phase_started: float = 0.0  # monotonic
    cue_started: float = 0.0  # monotonic: last rep pressed, or when pacing began
    paced: bool = False
    paced_base: int = 0
    rest_target_s: float = 0.0
    rang: bool = False  # the bell for this rest or this hold has rung

    @classmethod
    def start(cls, clock: Clock, exercise: Exercise, load_kg: float, rest_s: int, notes: str = "") -> Workout:
        now = clock.monotonic()
        workout = cls(clock, clock.now(), exercise, load_kg, rest_s, notes=notes, phase_started=now, cue_started=now)
        workout.exercises.append(ExerciseLog(exercise.id, exercise.name, knee_angle=exercise.knee_angle))
        return workout

    # -- where we are ---------------------------------------------------------------------------

    @property
    def log(self) -> ExerciseLog:
        return self.exercises[-1]

    @property
    def sets_done(self) -> int:
        """Whole sets of this exercise; a per-side set counts once both legs are done."""
        sides = [s.side for s in self.log.sets]
        return sides.count("right") if self.plan.per_side else len(sides)

    @property
    def set_number(self) -> int:
        return self.sets_done + 1

    @property
    def side(self) -> str:
        if not self.plan.per_side:
            return "both"
        sides = [s.side for s in self.log.sets]
        return "left" if sides.count("left") == sides.count("right") else "right"

    @property
    def exercise_complete(self) -> bool:
        return self.sets_done >= self.plan.sets and self.side != "right"

    @property
    def in_progress(self) -> bool:
        """A set has begun that is not logged yet."""
        return self.phase is Phase.HOLDING or (self.phase in (Phase.SET, Phase.GET_READY) and self.reps > 0)

    def _elapsed(self, since: float) -> float:
        return max(self.clock.monotonic() - since, 0.0)

    def rest_remaining(self) -> float:
        """Seconds of rest left; negative is overtime."""
        return self.rest_target_s - self._elapsed(self.phase_started)

    def switch_remaining(self) -> float:
        return SWITCH_S - self._elapsed(self.phase_started)

    def get_ready_remaining(self) -> float:
        return GET_READY_S - self._elapsed(self.phase_started)

    def held_s(self) -> float:
        return self._elapsed(self.phase_started) if self.phase is Phase.HOLDING else 0.0

    @property
    def rep_length_s(self) -> int:
        return sum(self.plan.tempo)

    def tempo_cue(self) -> tuple[str, float] | None:
        """Where in the up / pause / down cycle the current rep is, and seconds left in it."""
        if self.phase is not Phase.SET or self.plan.is_hold:
            return None
        into_rep = self._elapsed(self.cue_started) % self.rep_length_s
        for stage, length in zip(("up", "pause", "down"), self.plan.tempo):
            if into_rep < length:
                return stage, length - into_rep
            into_rep -= length
        return "down", 0.0

    # -- keys -----------------------------------------------------------------------------------

    def press_space(self) -> list[Event]:
        """Count a rep; start or stop a hold; from rest or a switch, start the next set."""
        seen = self.phase
        events = self.advance()
        if self.phase is not seen:
            return events  # time moved the phase on first: the key was meant for the old one
        if self.phase in (Phase.REST, Phase.SWITCH):
            self._begin_next_set(wait_for_go=False)
            if self.paced:
                self._go()
                return events
        if self.phase is Phase.GET_READY:
            self._go()
        elif self.phase is Phase.HOLDING:
            events += self._log_set(reps=0, hold_s=round(self.held_s(), 1))
        elif self.plan.is_hold:
            self._enter(Phase.GET_READY)
        elif self.paced:
            events += self.finish_set()
        else:
            self.reps += 1
            self.set_started = self.set_started or self.clock.now()
            self.cue_started = self.clock.monotonic()
        return events

    def take_back_rep(self) -> bool:
        self.advance()
        if self.phase is not Phase.SET or self.reps == 0:
            return False
        self.reps -= 1
        self.paced = False
        return True

    def toggle_paced(self) -> list[Event]:
        """Pacing starts after a 3-2-1, so the hand is back on the dumbbell before rep one."""
        if self.plan.is_hold:
            return []
        events = self.advance()
        self.paced = not self.paced
        if self.phase is Phase.SET and self.paced:
            self._enter(Phase.GET_READY)
        elif self.phase is Phase.GET_READY and not self.paced:
            self._enter(Phase.SET)
        return events

    def finish_set(self) -> list[Event]:
        """Log the set in progress; a set with nothing counted is not logged."""
        events = self.advance()
        if self.phase is Phase.HOLDING:
            return events + self._log_set(reps=0, hold_s=round(self.held_s(), 1))
        if self.phase is Phase.GET_READY:
            self._enter(Phase.SET)
        if self.phase is Phase.SET and self.reps > 0:
            events += self._log_set(reps=self.reps, hold_s=0.0)
        return events

    def skip_rest(self) -> bool:
        if self.phase not in (Phase.REST, Phase.SWITCH):
            return False
        self._begin_next_set(wait_for_go=self.paced)
        return True

    def adjust_rest(self, delta_s: int) -> None:
        """During rest, this rest; otherwise the rest planned after each set."""
        if self.phase is Phase.REST:
            self.rest_target_s = max(self.rest_target_s + delta_s, 0.0)
            self.rang = self.rang and self.rest_remaining() <= 0
        else:
            self.rest_s = max(self.rest_s + delta_s, 0)

    def step_load(self, steps: int, unit: str) -> None:
        self.load_kg = units.step_load(self.load_kg, unit, steps)

    def set_notes(self, notes: str) -> None:
        self.notes = notes

    def next_exercise(self, exercise: Exercise, load_kg: float, rest_s: int) -> list[Event]:
        events = self._wrap_up()
        self.plan, self.load_kg, self.rest_s = exercise, load_kg, rest_s
        self.paced = False
        self.exercises.append(ExerciseLog(exercise.id, exercise.name, knee_angle=exercise.knee_angle))
        self._enter(Phase.SET)
        return events

    def finish(self) -> Session:
        """End the workout: the set in progress is logged, empty exercises are dropped."""
        self._wrap_up()
        done = [e for e in self.exercises if e.sets]
        return Session(self.started, self.clock.now(), done, self.notes)

    # -- time -----------------------------------------------------------------------------------

    def advance(self) -> list[Event]:
        """Turn the time that has passed into state changes, and say what happened."""
        events: list[Event] = []
        if self.phase is Phase.GET_READY and self.get_ready_remaining() <= 0:
            self._go(at=self.phase_started + GET_READY_S)
            events.append(Event.GO)
        if self.phase is Phase.SWITCH and self.switch_remaining() <= 0:
            self._begin_next_set(wait_for_go=self.paced, at=self.phase_started + SWITCH_S)
            events.append(Event.SWITCHED)
        if self.phase is Phase.REST and not self.rang and self.rest_remaining() <= 0:
            self.rang = True
            events.append(Event.REST_OVER)
            if self.paced and not self.exercise_complete:
                self._begin_next_set(wait_for_go=True, at=self.phase_started + self.rest_target_s)
        if self.phase is Phase.HOLDING and not self.rang and self.held_s() >= self.plan.hold_s:
            self.rang = True
            events.append(Event.TARGET)
        if self.phase is Phase.SET and self.paced:
            events += self._count_paced_reps()
        return events

    def _count_paced_reps(self) -> list[Event]:
        events: list[Event] = []
        due = self.paced_base + int(self._elapsed(self.cue_started) // self.rep_length_s)
        while self.reps < min(due, self.plan.reps):
            self.reps += 1
            events.append(Event.REP)
        if self.reps >= self.plan.reps:
            events.append(Event.TARGET)
            events += self._log_set(reps=self.reps, hold_s=0.0)
        return events

    # -- transitions ----------------------------------------------------------------------------

    def _enter(self, phase: Phase, at: float | None = None) -> None:
        self.phase = phase
        self.phase_started = self.clock.monotonic() if at is None else at
        self.rang = False
        if phase is Phase.SET:
            self.cue_started = self.phase_started

    def _go(self, at: float | None = None) -> None:
        """The get-ready is over: the hold, or the paced count, starts now."""
        self._enter(Phase.HOLDING if self.plan.is_hold else Phase.SET, at=at)
        self.set_started = self.set_started or self.clock.now()
        self.paced_base = self.reps

    def _log_set(self, reps: int, hold_s: float) -> list[Event]:
        now = self.clock.now()
        self.log.sets.append(SetLog(reps, hold_s, self.load_kg, self.side, self.set_started or now, now))
        self.reps, self.set_started = 0, None
        if self.side == "right":  # the set just logged was the left leg's
            self._enter(Phase.SWITCH)
        elif self.rest_s > 0:
            self._enter(Phase.REST)
            self.rest_target_s = float(self.rest_s)
        else:
            self._begin_next_set(wait_for_go=self.paced and not self.exercise_complete)
        return [Event.SET_LOGGED]

    def _begin_next_set(self, wait_for_go: bool, at: float | None = None) -> None:
        """Leave rest or the switch pause, keeping the time it took on the set before it."""
        if self.phase in (Phase.REST, Phase.SWITCH) and self.log.sets:
            end = self.clock.monotonic() if at is None else at
            taken = round(max(end - self.phase_started, 0.0), 1)
            self.log.sets[-1] = dataclasses.replace(self.log.sets[-1], rest_s=taken)
        self._enter(Phase.GET_READY if wait_for_go else Phase.SET, at=at)

    def _wrap_up(self) -> list[Event]:
        events = self.advance()
        if self.in_progress:
            events += self.finish_set()
        if self.phase in (Phase.REST, Phase.SWITCH):
            self._begin_next_set(wait_for_go=False)
        return events

    # -- current.toml -----------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        now = self.clock.monotonic()
        runner: dict[str, Any] = {
            "phase": self.phase.value,
            "reps": self.reps,
            "load_kg": float(self.load_kg),
            "rest_s": self.rest_s,
            "rest_target_s": float(self.rest_target_s),
            "phase_elapsed_s": round(now - self.phase_started, 3),
            "cue_elapsed_s": round(now - self.cue_started, 3),
            "paced": self.paced,
            "paced_base": self.paced_base,
            "rang": self.rang,
            "saved_at": self.clock.now(),
            "plan": exercise_table(self.plan),
        }
        if self.set_started is not None:
            runner["set_started"] = self.set_started
        return {
            "schema": SCHEMA,
            "started": self.started,
            "notes": self.notes,
            "exercises": exercises_to_list(self.exercises),
            "runner": runner,
        }

    @classmethod
    def from_dict(cls, table: dict[str, Any], clock: Clock) -> Workout:
        """Exactly where it was saved; timers have run on for the wall time since."""
        runner = table["runner"]
        gap = max((clock.now() - runner["saved_at"]).total_seconds(), 0.0)
        now = clock.monotonic()
        exercises = exercises_from_list(table.get("exercises", []))
        if not exercises:
            raise ValueError("a workout in progress needs at least one exercise")
        return cls(
            clock=clock,
            started=table["started"],
            plan=exercise_from_dict(runner["plan"]),
            load_kg=float(runner["load_kg"]),
            rest_s=int(runner["rest_s"]),
            exercises=exercises,
            notes=str(table.get("notes", "")),
            phase=Phase(runner["phase"]),
            reps=int(runner["reps"]),
            set_started=runner.get("set_started"),
            phase_started=now - float(runner["phase_elapsed_s"]) - gap,
            cue_started=now - float(runner["cue_elapsed_s"]) - gap,
            paced=bool(runner["paced"]),
            paced_base=int(runner["paced_base"]),
            rest_target_s=float(runner["rest_target_s"]),
            rang=bool(runner["rang"]),
        )

    def interrupt(self) -> None:
        """After a restart: an unfinished hold or a running pace must be started again."""
        if self.phase in (Phase.HOLDING, Phase.GET_READY):
            self._enter(Phase.SET)
        self.paced = False


def exercise_from_dict(table: dict[str, Any]) -> Exercise:
    names = {f.name for f in dataclasses.fields(Exercise)}
    values = {k: v for k, v in table.items() if k in names}
    values["tempo"] = tuple(values["tempo"])
    values["cues"] = tuple(values["cues"])
    return Exercise(**values)
