"""The sets done so far, exercise by exercise: which set and which leg are next, when an
exercise's planned sets are done, taking a set back, and which sets are real enough to keep.

It keeps no time: the workout says when a set began and ended and how long the rest after it was.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime

from soleus_tui.core.catalog import Exercise
from soleus_tui.core.session import ExerciseLog, SetLog

REAL_HOLD_S = 5.0  # a shorter hold is a false start, not a set


@dataclass
class Logbook:
    plan: Exercise  # the exercise on now
    rest_s: int  # planned rest after each set of it; 0 is off
    exercises: list[ExerciseLog]  # every exercise of the workout so far, the one on now last
    earlier: list[tuple[Exercise, int]] = field(default_factory=list)  # plan and rest of each one before it

    @classmethod
    def start(cls, exercise: Exercise, rest_s: int) -> Logbook:
        return cls(exercise, rest_s, [_log_of(exercise)])

    @classmethod
    def resumed(
        cls, plan: Exercise, rest_s: int, exercises: list[ExerciseLog], earlier: list[tuple[Exercise, int]]
    ) -> Logbook:
        """As saved; `earlier` that does not match the exercises before this one is left out."""
        if not exercises:
            raise ValueError("a workout in progress needs at least one exercise")
        if len(earlier) != len(exercises) - 1:
            earlier = []  # saved before exercises were remembered: taking back stops at this one
        return cls(plan, rest_s, exercises, earlier)

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
    def has_logged_set(self) -> bool:
        return any(e.sets for e in self.exercises)

    @property
    def can_take_back(self) -> bool:
        """A set is logged in this exercise or in one before it that the workout can go back to
        (one whose plan it remembers)."""
        return any(e.sets for e in self.exercises[len(self.exercises) - 1 - len(self.earlier):])

    def add(self, reps: int, hold_s: float, load_kg: float, started: datetime, ended: datetime) -> None:
        """Log a set (or one leg's part of it) of the exercise on now."""
        self.log.sets.append(SetLog(reps, hold_s, load_kg, self.side, started, ended))

    def rested(self, rest_s: float) -> None:
        """The rest taken after the last set, once the next one begins."""
        if self.log.sets:
            self.log.sets[-1] = dataclasses.replace(self.log.sets[-1], rest_s=rest_s)

    def move_on(self, exercise: Exercise, rest_s: int) -> None:
        self.earlier.append((self.plan, self.rest_s))
        self.plan, self.rest_s = exercise, rest_s
        self.exercises.append(_log_of(exercise))

    def take_back(self) -> tuple[SetLog, int]:
        """The last logged set (one leg's part of a per-side set), taken off, and how many
        exercises back it was: the ones after it had no set, and are left. Needs `can_take_back`."""
        back = 0
        while not self.log.sets:
            self.exercises.pop()
            self.plan, self.rest_s = self.earlier.pop()
            back += 1
        return self.log.sets.pop(), back

    def drop_lone_left(self) -> str | None:
        """A left leg without its right is not a set: it is dropped, and this says so."""
        if not (self.plan.per_side and self.side == "right"):
            return None
        self.log.sets.pop()
        return f"the left leg of set {self.set_number}, which had no right leg"

    def logged(self) -> list[ExerciseLog]:
        """The exercises with a set logged: what the finished workout keeps."""
        return [e for e in self.exercises if e.sets]


def false_start(held_s: float) -> str | None:
    """Why a hold this long is not a set; None when it is one."""
    return None if held_s >= REAL_HOLD_S else f"a {held_s:.0f} s hold (a hold counts from {REAL_HOLD_S:g} s)"


def _log_of(exercise: Exercise) -> ExerciseLog:
    return ExerciseLog(exercise.id, exercise.name, knee_angle=exercise.knee_angle)
