"""The workout as a state machine: the phases of a set (counting, get-ready, holding, the switch
between legs, rest), paced reps and the pain question, driven by a clock.

Every method reads time from the injected clock; nothing here sleeps or counts ticks. The shell
calls `advance()` on a repaint tick to turn elapsed time into events (a paced rep, the end of a
rest) and saves `to_dict()` after anything that changed. `allows()` says which actions mean
something now, so the shell only shows the keys that do.

The sets done are the logbook's to keep (`logbook.py`), what comes next in a programme session is
the plan queue's (`plan_queue.py`), and where a paced rep is in its tempo is `tempo.py`'s sum.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from soleus_tui.core.catalog import Exercise, exercise_table
from soleus_tui.core.clock import Clock
from soleus_tui.core.programmes.plan import PlannedExercise, TodayPlan
from soleus_tui.core.session import SCHEMA, ExerciseLog, Session, SetLog, exercises_from_list, exercises_to_list
from soleus_tui.core.train import tempo
from soleus_tui.core.train.loads import stepped
from soleus_tui.core.train.logbook import Logbook, false_start
from soleus_tui.core.train.plan_queue import PlanQueue
from soleus_tui.core.train.saved import saved_plan

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
    STAGE = "stage"  # paced, with the stage bell on: up, pause or down begins


@dataclass
class Workout:
    clock: Clock
    started: datetime
    logbook: Logbook  # the sets done, and the exercise on now with its planned rest
    load_kg: float
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
    queue: PlanQueue | None = None  # the programme session being followed

    @classmethod
    def start(cls, clock: Clock, exercise: Exercise, load_kg: float, rest_s: int, notes: str = "") -> Workout:
        now = clock.monotonic()
        logbook = Logbook.start(exercise, rest_s)
        return cls(clock, clock.now(), logbook, load_kg, notes=notes, phase_started=now, cue_started=now)

    @classmethod
    def follow(cls, clock: Clock, today: TodayPlan, load_kg: float, rest_s: int) -> Workout:
        """Today's programme session, from its first planned exercise."""
        workout = cls.start(clock, today.exercises[0].exercise, load_kg, rest_s)
        workout.queue = PlanQueue(today)
        return workout

    # -- where we are: the logbook's and the plan queue's answers, read off the workout by the runner

    @property
    def plan(self) -> Exercise:
        return self.logbook.plan

    @property
    def rest_s(self) -> int:
        """Planned rest after each set of this exercise; 0 is off."""
        return self.logbook.rest_s

    @property
    def exercises(self) -> list[ExerciseLog]:
        return self.logbook.exercises

    @property
    def log(self) -> ExerciseLog:
        return self.logbook.log

    @property
    def sets_done(self) -> int:
        return self.logbook.sets_done

    @property
    def set_number(self) -> int:
        return self.logbook.set_number

    @property
    def side(self) -> str:
        return self.logbook.side

    @property
    def exercise_complete(self) -> bool:
        return self.logbook.exercise_complete

    @property
    def upcoming(self) -> PlannedExercise | None:
        """In a programme session, the planned exercise after this one."""
        return self.queue.upcoming if self.queue else None

    @property
    def today_done(self) -> bool:
        return self.queue is not None and self.queue.done

    @property
    def in_progress(self) -> bool:
        """A set has begun that is not logged yet."""
        return self.phase is Phase.HOLDING or (self.phase in (Phase.SET, Phase.GET_READY) and self.reps > 0)

    @property
    def done(self) -> bool:
        """Every planned set of this exercise is logged and no other has begun."""
        return self.exercise_complete and not self.in_progress

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
        return tempo.rep_length(self.plan.tempo)

    def tempo_cue(self) -> tuple[str, float] | None:
        """Where in the up / pause / down cycle the current rep is, and seconds left in it."""
        if self.phase is not Phase.SET or self.plan.is_hold:
            return None
        return tempo.stage_at(self.plan.tempo, self._elapsed(self.cue_started))

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
            return (None if self.in_progress else True) if self.logbook.can_take_back else False
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
        exercise it was logged in when this one has none yet. Its reps go back on the counter."""
        self.advance()
        if self.in_progress or not self.logbook.can_take_back:
            return None
        taken, back = self.logbook.take_back()
        if self.queue:
            self.queue.taken_back(back)
        self.load_kg = taken.load_kg
        self.paced = self.to_failure = False
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
            self.logbook.rest_s = max(self.rest_s + delta_s, 0)

    def step_load(self, steps: int, unit: str) -> None:
        self.load_kg = stepped(self.load_kg, self.plan, unit, steps)

    def set_load(self, load_kg: float) -> None:
        self.load_kg = max(round(load_kg, 4), 0.0)

    def set_notes(self, notes: str) -> None:
        self.notes = notes

    def next_exercise(self, exercise: Exercise, load_kg: float, rest_s: int) -> list[str]:
        """Move on to `exercise`; what was dropped on the way (a set that was not a real one)."""
        dropped = self.close()
        if self.queue:
            self.queue.moved_on(exercise)
        self.logbook.move_on(exercise, rest_s)
        self.load_kg = load_kg
        self.paced = self.to_failure = False
        self._enter(Phase.SET)
        return dropped

    def end_today(self) -> list[str]:
        """`n` after the last planned exercise: today's session is done."""
        assert self.queue is not None
        dropped = self.close()
        self.queue.done = True
        return dropped

    def close(self) -> list[str]:
        """Settle the set in progress before moving on: a real set (reps counted, or a hold that is
        not a false start) is logged, anything less is dropped, and so is a left leg without its
        right. Says what was dropped."""
        self.advance()
        dropped: list[str] = []
        if self.phase is Phase.HOLDING:
            held = self.held_s()
            if (why := false_start(held)) is None:
                self._log_set(reps=0, hold_s=round(held, 1))
            else:
                dropped.append(why)
                self._enter(Phase.SET)
        elif self.in_progress:
            self.finish_set()
        if self.phase is Phase.GET_READY:
            self._enter(Phase.SET)
        if self.phase in (Phase.REST, Phase.SWITCH):
            self._begin_next_set(wait_for_go=False)
        if lone_left := self.logbook.drop_lone_left():
            dropped.append(lone_left)
        self.pain_pending = False
        return dropped

    def finish(self) -> Session:
        """End the workout: the set in progress is settled (see `close`), empty exercises are dropped."""
        self.close()
        today = self.queue.today if self.queue else None
        return Session(
            self.started,
            self.clock.now(),
            self.logbook.logged(),
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
        due = self.paced_base + tempo.whole_reps(self.plan.tempo, self._elapsed(self.cue_started))
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
        return tempo.stages_begun(self.plan.tempo, self._elapsed(self.cue_started))

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
        self.logbook.add(reps, hold_s, self.load_kg, self.set_started or now, now)
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
        if self.queue and self.exercise_complete:
            return self.queue.rest_after_last_set(self.rest_s)
        return self.rest_s

    def _begin_next_set(self, wait_for_go: bool, at: float | None = None) -> None:
        """Leave rest or the switch pause, keeping the time it took on the set before it."""
        if self.phase in (Phase.REST, Phase.SWITCH):
            end = self.clock.monotonic() if at is None else at
            self.logbook.rested(round(max(end - self.phase_started, 0.0), 1))
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
            "plan": exercise_table(self.plan),
            "earlier": [{"plan": exercise_table(plan), "rest_s": rest} for plan, rest in self.logbook.earlier],
        }
        if self.set_started is not None:
            runner["set_started"] = self.set_started
        if self.queue is not None:
            runner["today"] = self.queue.to_dict()
        return {
            "schema": SCHEMA,
            "started": self.started,
            "notes": self.notes,
            "exercises": exercises_to_list(self.logbook.exercises),
            "runner": runner,
        }

    @classmethod
    def from_dict(cls, table: dict[str, Any], clock: Clock) -> Workout:
        """Exactly where it was saved; timers have run on for the wall time since. `table` is one
        `check_saved_workout` has passed (or this class wrote)."""
        runner = table["runner"]
        gap = max((clock.now() - runner["saved_at"]).total_seconds(), 0.0)
        now = clock.monotonic()
        logbook = Logbook.resumed(
            saved_plan(runner["plan"]),
            int(runner["rest_s"]),
            exercises_from_list(table.get("exercises", [])),
            [(saved_plan(e["plan"], "runner.earlier"), int(e["rest_s"])) for e in runner.get("earlier", [])],
        )
        today = runner.get("today")
        return cls(
            clock=clock,
            started=table["started"],
            logbook=logbook,
            load_kg=float(runner["load_kg"]),
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
            queue=PlanQueue.from_dict(today) if today else None,
        )

    def interrupt(self) -> None:
        """After a restart: an unfinished hold or a running pace must be started again."""
        if self.phase in (Phase.HOLDING, Phase.GET_READY):
            self._enter(Phase.SET)
        self.paced = self.to_failure = False

