"""The workout as a state machine: sets, sides, paced reps, holds and rest, driven by a clock.

Every method reads time from the injected clock; nothing here sleeps or counts ticks. The shell
calls `advance()` on a repaint tick to turn elapsed time into events (a paced rep, the end of a
rest) and saves `to_dict()` after anything that changed. `allows()` says which actions mean
something now, so the shell only shows the keys that do.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from soleus_tui.core.catalog import Exercise, exercise_table
from soleus_tui.core.clock import Clock
from soleus_tui.core.programmes.plan import PlannedExercise, TodayPlan
from soleus_tui.core.train.loads import stepped
from soleus_tui.core.train.suggestions import Suggestion
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
REAL_HOLD_S = 5.0  # a shorter hold is a false start, not a set


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
    STAGE = "stage"  # paced, with the stage bell on: up, pause or down begins


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
    to_failure: bool = False  # paced past the target until the set is logged by hand
    paced_base: int = 0
    stage_bell: bool = False  # paced: ring as each stage of a rep begins
    stages_rung: int = 0
    rest_target_s: float = 0.0
    rang: bool = False  # the bell for this rest or this hold has rung
    ask_pain: bool = False  # ask for pain after the last planned set of each exercise
    pain_pending: bool = False
    earlier: list[tuple[Exercise, int]] = field(default_factory=list)  # plan and rest of each earlier exercise
    today: TodayPlan | None = None  # the programme session being followed
    position: int = 0  # in today's exercises
    today_done: bool = False

    @classmethod
    def start(cls, clock: Clock, exercise: Exercise, load_kg: float, rest_s: int, notes: str = "") -> Workout:
        now = clock.monotonic()
        workout = cls(clock, clock.now(), exercise, load_kg, rest_s, notes=notes, phase_started=now, cue_started=now)
        workout.exercises.append(ExerciseLog(exercise.id, exercise.name, knee_angle=exercise.knee_angle))
        return workout

    @classmethod
    def follow(cls, clock: Clock, today: TodayPlan, load_kg: float, rest_s: int) -> Workout:
        """Today's programme session, from its first planned exercise."""
        workout = cls.start(clock, today.exercises[0].exercise, load_kg, rest_s)
        workout.today = today
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

    @property
    def done(self) -> bool:
        """Every planned set of this exercise is logged and no other has begun."""
        return self.exercise_complete and not self.in_progress

    @property
    def upcoming(self) -> PlannedExercise | None:
        """In a programme session, the planned exercise after this one."""
        if self.today is None or self.position + 1 >= len(self.today.exercises):
            return None
        return self.today.exercises[self.position + 1]

    @property
    def has_logged_set(self) -> bool:
        return bool(self.log.sets) or any(e.sets for e in self.exercises[:-1])

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

    def allows(self, action: str) -> bool | None:
        """Whether a runner action means something now: True, None (not yet: shown greyed) or
        False (not now). While the pain question is open, only its answer does."""
        if self.pain_pending:
            return action == "pain"
        if action == "pain":
            return False
        counting = self.phase is Phase.SET
        if self.today_done:
            return action in ("undo_set", "finish", "note", "details", "rest")
        if action in ("count", "next"):
            return True
        if action == "take_back":
            return True if counting and self.reps else (None if counting and not self.done else False)
        if action == "log_set":
            return True if self.in_progress else (None if counting and not self.done else False)
        if action == "pace":
            return not self.plan.is_hold
        if action == "stage_bell":
            return self.paced
        if action == "skip_rest":
            return self.phase in (Phase.REST, Phase.SWITCH)
        if action == "undo_set":
            return (None if self.in_progress else True) if self.has_logged_set else False
        return True

    # -- keys -----------------------------------------------------------------------------------

    def count(self) -> list[Event]:
        """Count a rep; start or stop a hold; from rest or a switch, start the next set (after the
        planned sets, an extra one)."""
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
        self.paced = self.to_failure = False
        return True

    def toggle_paced(self) -> list[Event]:
        """Off, paced to the target, paced to failure, off again. Pacing starts after a 3-2-1, so
        the hand is back on the dumbbell before the next rep; reps already counted stay."""
        if self.plan.is_hold:
            return []
        events = self.advance()
        if not self.paced:
            self.paced = True
            if self.phase is Phase.SET:
                self._enter(Phase.GET_READY)
        elif not self.to_failure:
            self.to_failure = True
        else:
            self.paced = self.to_failure = False
            if self.phase is Phase.GET_READY:
                self._enter(Phase.SET)
        return events

    def toggle_stage_bell(self) -> None:
        self.stage_bell = not self.stage_bell
        self.stages_rung = self._stages_passed()

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

    def undo_set(self) -> SetLog | None:
        """Take back the last logged set (one leg's part of a per-side set), going back to the
        exercise before when this one has none yet. Its reps go back on the counter."""
        self.advance()
        if self.in_progress or not self.has_logged_set:
            return None
        if not self.log.sets:
            self.exercises.pop()
            self.plan, self.rest_s = self.earlier.pop()
            self.position = max(self.position - 1, 0) if self.today else 0
        taken = self.log.sets.pop()
        self.load_kg = taken.load_kg
        self.paced = self.to_failure = self.today_done = False
        self._enter(Phase.SET)
        if taken.reps:
            self.reps, self.set_started = taken.reps, taken.started
        return taken

    def answer_pain(self, pain: int | None) -> None:
        """Pain during this exercise, 0-10; None skips the question."""
        if pain is not None:
            self.log.pain = min(max(pain, 0), 10)
        self.pain_pending = False

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
        self.load_kg = stepped(self.load_kg, self.plan, unit, steps)

    def set_load(self, load_kg: float) -> None:
        self.load_kg = max(round(load_kg, 4), 0.0)

    def set_notes(self, notes: str) -> None:
        self.notes = notes

    def next_exercise(self, exercise: Exercise, load_kg: float, rest_s: int) -> list[str]:
        """Move on to `exercise`; what was dropped on the way (a set that was not a real one)."""
        dropped = self.close()
        if self.today is not None and self.upcoming is not None and self.upcoming.exercise.id == exercise.id:
            self.position += 1
        self.earlier.append((self.plan, self.rest_s))
        self.plan, self.load_kg, self.rest_s = exercise, load_kg, rest_s
        self.paced = self.to_failure = False
        self.exercises.append(ExerciseLog(exercise.id, exercise.name, knee_angle=exercise.knee_angle))
        self._enter(Phase.SET)
        return dropped

    def end_today(self) -> list[str]:
        """`n` after the last planned exercise: today's session is done."""
        dropped = self.close()
        self.today_done = True
        return dropped

    def close(self) -> list[str]:
        """Settle the set in progress before moving on: a real set (reps counted, or a hold of at
        least REAL_HOLD_S) is logged, anything less is dropped, and so is a left leg without its
        right. Says what was dropped."""
        self.advance()
        dropped: list[str] = []
        if self.phase is Phase.HOLDING:
            held = self.held_s()
            if held >= REAL_HOLD_S:
                self._log_set(reps=0, hold_s=round(held, 1))
            else:
                dropped.append(f"a {held:.0f} s hold (a hold counts from {REAL_HOLD_S:g} s)")
                self._enter(Phase.SET)
        elif self.in_progress:
            self.finish_set()
        if self.phase is Phase.GET_READY:
            self._enter(Phase.SET)
        if self.phase in (Phase.REST, Phase.SWITCH):
            self._begin_next_set(wait_for_go=False)
        if self.plan.per_side and self.side == "right":
            self.log.sets.pop()
            dropped.append(f"the left leg of set {self.set_number}, which had no right leg")
        self.pain_pending = False
        return dropped

    def finish(self) -> Session:
        """End the workout: the set in progress is settled (see `close`), empty exercises are dropped."""
        self.close()
        done = [e for e in self.exercises if e.sets]
        today = self.today
        return Session(
            self.started,
            self.clock.now(),
            done,
            self.notes,
            programme=today.programme_id if today else None,
            programme_week=today.week if today else None,
        )

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
        if self.stage_bell and (passed := self._stages_passed()) > self.stages_rung:
            self.stages_rung = passed
            events.append(Event.STAGE)
        due = self.paced_base + int(self._elapsed(self.cue_started) // self.rep_length_s)
        while self.reps < (due if self.to_failure else min(due, self.plan.reps)):
            self.reps += 1
            events.append(Event.REP)
        if self.reps >= self.plan.reps and not self.rang:
            events.append(Event.TARGET)
            self.rang = self.to_failure  # to failure: ring once and go on counting
            if not self.to_failure:
                events += self._log_set(reps=self.reps, hold_s=0.0)
        return events

    def _stages_passed(self) -> int:
        """Stages of a rep (up, pause, down; those of 0 s skipped) begun since pacing began."""
        if self.phase is not Phase.SET or not self.paced:
            return 0
        elapsed = self._elapsed(self.cue_started)
        whole, into = divmod(elapsed, self.rep_length_s)
        stages = [length for length in self.plan.tempo if length > 0]
        begun = sum(1 for start in _starts(stages) if start <= into)
        return int(whole) * len(stages) + begun

    # -- transitions ----------------------------------------------------------------------------

    def _enter(self, phase: Phase, at: float | None = None) -> None:
        self.phase = phase
        self.phase_started = self.clock.monotonic() if at is None else at
        self.rang = False
        if phase is Phase.SET:
            self.cue_started = self.phase_started
            self.stages_rung = 0

    def _go(self, at: float | None = None) -> None:
        """The get-ready is over: the hold, or the paced count, starts now."""
        self._enter(Phase.HOLDING if self.plan.is_hold else Phase.SET, at=at)
        self.set_started = self.set_started or self.clock.now()
        self.paced_base = self.reps

    def _log_set(self, reps: int, hold_s: float) -> list[Event]:
        now = self.clock.now()
        self.log.sets.append(SetLog(reps, hold_s, self.load_kg, self.side, self.set_started or now, now))
        self.reps, self.set_started = 0, None
        if self.ask_pain and self.sets_done == self.plan.sets and self.side != "right":
            self.pain_pending = True
        if self.side == "right":  # the set just logged was the left leg's
            self._enter(Phase.SWITCH)
        elif rest := self._rest_after_set():
            self._enter(Phase.REST)
            self.rest_target_s = float(rest)
        else:
            self._begin_next_set(wait_for_go=self.paced and not self.exercise_complete)
        return [Event.SET_LOGGED]

    def _rest_after_set(self) -> int:
        """The planned rest; after the last planned set, the programme's pause between exercises."""
        if self.rest_s and self.today and self.exercise_complete and self.upcoming:
            return max(self.rest_s, self.today.between_exercises_s)
        return self.rest_s

    def _begin_next_set(self, wait_for_go: bool, at: float | None = None) -> None:
        """Leave rest or the switch pause, keeping the time it took on the set before it."""
        if self.phase in (Phase.REST, Phase.SWITCH) and self.log.sets:
            end = self.clock.monotonic() if at is None else at
            taken = round(max(end - self.phase_started, 0.0), 1)
            self.log.sets[-1] = dataclasses.replace(self.log.sets[-1], rest_s=taken)
        self._enter(Phase.GET_READY if wait_for_go else Phase.SET, at=at)

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
            "to_failure": self.to_failure,
            "paced_base": self.paced_base,
            "stage_bell": self.stage_bell,
            "stages_rung": self.stages_rung,
            "rang": self.rang,
            "ask_pain": self.ask_pain,
            "pain_pending": self.pain_pending,
            "saved_at": self.clock.now(),
            "plan": plan_table(self.plan),
            "earlier": [{"plan": plan_table(plan), "rest_s": rest} for plan, rest in self.earlier],
        }
        if self.set_started is not None:
            runner["set_started"] = self.set_started
        if self.today is not None:
            runner["today"] = today_table(self.today) | {"position": self.position, "done": self.today_done}
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
        today = runner.get("today")
        earlier = [(exercise_from_dict(e["plan"]), int(e["rest_s"])) for e in runner.get("earlier", [])]
        if len(earlier) != len(exercises) - 1:
            earlier = []  # saved before exercises were remembered: taking back stops at this one
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
            to_failure=bool(runner.get("to_failure", False)),
            paced_base=int(runner["paced_base"]),
            stage_bell=bool(runner.get("stage_bell", False)),
            stages_rung=int(runner.get("stages_rung", 0)),
            rest_target_s=float(runner["rest_target_s"]),
            rang=bool(runner["rang"]),
            ask_pain=bool(runner.get("ask_pain", False)),
            pain_pending=bool(runner.get("pain_pending", False)),
            earlier=earlier,
            today=today_from_dict(today) if today else None,
            position=int(today["position"]) if today else 0,
            today_done=bool(today["done"]) if today else False,
        )

    def interrupt(self) -> None:
        """After a restart: an unfinished hold or a running pace must be started again."""
        if self.phase in (Phase.HOLDING, Phase.GET_READY):
            self._enter(Phase.SET)
        self.paced = self.to_failure = False


def _starts(lengths: list[int]) -> list[int]:
    """When each stage begins within a rep."""
    starts, at = [], 0
    for length in lengths:
        starts.append(at)
        at += length
    return starts


def plan_table(exercise: Exercise) -> dict[str, Any]:
    """The exercise as TOML values; optional fields left unset are left out (TOML has no null)."""
    return {key: value for key, value in exercise_table(exercise).items() if value is not None}


def exercise_from_dict(table: dict[str, Any]) -> Exercise:
    names = {f.name for f in dataclasses.fields(Exercise)}
    values = {k: v for k, v in table.items() if k in names}
    values["tempo"] = tuple(values["tempo"])
    values["cues"] = tuple(values["cues"])
    return Exercise(**values)


def today_table(today: TodayPlan) -> dict[str, Any]:
    table = {f.name: getattr(today, f.name) for f in dataclasses.fields(TodayPlan) if f.name != "exercises"}
    planned = []
    for p in today.exercises:
        values = {f.name: getattr(p, f.name) for f in dataclasses.fields(PlannedExercise)}
        values["exercise"] = plan_table(p.exercise)
        if p.suggestion is not None:
            values["suggestion"] = dataclasses.asdict(p.suggestion)
        planned.append({k: v for k, v in values.items() if v is not None})
    return {k: v for k, v in table.items() if v is not None} | {"exercises": planned}


def today_from_dict(table: dict[str, Any]) -> TodayPlan:
    names = {f.name for f in dataclasses.fields(TodayPlan)} - {"exercises"}
    planned_names = {f.name for f in dataclasses.fields(PlannedExercise)} - {"exercise", "suggestion"}
    planned = tuple(
        PlannedExercise(
            exercise_from_dict(p["exercise"]),
            suggestion=Suggestion(**p["suggestion"]) if "suggestion" in p else None,
            **{k: v for k, v in p.items() if k in planned_names},
        )
        for p in table["exercises"]
    )
    if not planned:
        raise ValueError("today's plan has no exercises")
    return TodayPlan(**{k: v for k, v in table.items() if k in names}, exercises=planned)
