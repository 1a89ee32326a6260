"""Following today's programme session: which planned exercise is on, which one comes next, the
pause between exercises, and when the session is done."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from soleus_tui.core.catalog import Exercise, exercise_table
from soleus_tui.core.programmes.plan import PlannedExercise, TodayPlan
from soleus_tui.core.train.saved import saved_plan
from soleus_tui.core.train.suggestions import Suggestion


@dataclass
class PlanQueue:
    today: TodayPlan
    position: int = 0  # in today's exercises
    done: bool = False  # moved on after the last planned exercise
    planned_moves: list[bool] = field(default_factory=list)  # each move on so far: to the planned one after?

    @property
    def upcoming(self) -> PlannedExercise | None:
        """The planned exercise after the one on now."""
        if self.position + 1 >= len(self.today.exercises):
            return None
        return self.today.exercises[self.position + 1]

    def moved_on(self, exercise: Exercise) -> None:
        """The workout moved on to `exercise`: when it is the planned one after this, it is on now."""
        planned = self.upcoming is not None and self.upcoming.exercise.id == exercise.id
        self.planned_moves.append(planned)
        if planned:
            self.position += 1

    def taken_back(self, back: int) -> None:
        """A set was taken back, `back` exercises before this one: the session is open again, and
        the planned exercise that was on then is on again (a move off the plan never left it).
        A move from before the moves were remembered (a file saved without them) was a planned one."""
        self.done = False
        for _ in range(back):
            if not self.planned_moves or self.planned_moves.pop():
                self.position = max(self.position - 1, 0)

    def rest_after_last_set(self, rest_s: int) -> int:
        """The rest after the last planned set of an exercise: with rest on and another exercise
        to come, at least the programme's pause between exercises."""
        if rest_s and self.upcoming:
            return max(rest_s, self.today.between_exercises_s)
        return rest_s

    def to_dict(self) -> dict[str, Any]:
        return today_table(self.today) | {"position": self.position, "done": self.done, "planned_moves": self.planned_moves}

    @classmethod
    def from_dict(cls, table: dict[str, Any]) -> PlanQueue:
        """`table` is one `check_saved_workout` has passed (or `to_dict` wrote)."""
        return cls(today_from_dict(table), table["position"], table["done"], list(table.get("planned_moves", [])))


def today_table(today: TodayPlan) -> dict[str, Any]:
    table = {f.name: getattr(today, f.name) for f in dataclasses.fields(TodayPlan) if f.name != "exercises"}
    planned = []
    for p in today.exercises:
        values = {f.name: getattr(p, f.name) for f in dataclasses.fields(PlannedExercise)}
        values["exercise"] = exercise_table(p.exercise)
        if p.suggestion is not None:
            values["suggestion"] = dataclasses.asdict(p.suggestion)
        planned.append({k: v for k, v in values.items() if v is not None})
    return {k: v for k, v in table.items() if v is not None} | {"exercises": planned}


def today_from_dict(table: dict[str, Any]) -> TodayPlan:
    names = {f.name for f in dataclasses.fields(TodayPlan)} - {"exercises"}
    planned_names = {f.name for f in dataclasses.fields(PlannedExercise)} - {"exercise", "suggestion"}
    planned = tuple(
        PlannedExercise(
            saved_plan(p["exercise"], "runner.today"),
            suggestion=Suggestion(**p["suggestion"]) if "suggestion" in p else None,
            **{k: v for k, v in p.items() if k in planned_names},
        )
        for p in table["exercises"]
    )
    if not planned:
        raise ValueError("today's plan has no exercises")
    return TodayPlan(**{k: v for k, v in table.items() if k in names}, exercises=planned)
