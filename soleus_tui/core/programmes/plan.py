"""Today's plan: what a running programme asks of this session, ready for the runner."""

from __future__ import annotations

from dataclasses import dataclass

from soleus_tui.core.catalog import Exercise
from soleus_tui.core.train.suggestions import Suggestion


@dataclass(frozen=True)
class PlannedExercise:
    exercise: Exercise  # the catalog exercise with the block's sets, reps or hold, rest and tempo applied
    rm: bool = False  # the load is the repetition maximum for these reps
    suggestion: Suggestion | None = None  # what to try today, with its reason


@dataclass(frozen=True)
class TodayPlan:
    programme_id: str
    programme_name: str
    week: int  # 1-based
    weeks: int
    done_this_week: int
    due_this_week: int
    exercises: tuple[PlannedExercise, ...]
    between_exercises_s: int = 0  # a longer pause between exercises where the protocol asks for one
    done_today: int = 0
    due_today: int = 0  # sessions today asks for: per_day, or 1 while the week still needs one
