"""A programme: weeks of blocks, each block one prescription, and how often it is due."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BlockExercise:
    """A catalog exercise as a block prescribes it; None keeps the catalog's value."""

    id: str
    sets: int | None = None
    reps: int | None = None
    hold_s: float | None = None
    rest_s: int | None = None
    tempo: tuple[int, int, int] | None = None
    rm: bool = False  # the load is the repetition maximum for these reps


@dataclass(frozen=True)
class Block:
    first: int  # weeks first..last, 1-based, both included
    last: int
    exercises: tuple[BlockExercise, ...]


@dataclass(frozen=True)
class Programme:
    id: str
    name: str
    weeks: int
    per_week: int | None  # sessions in each 7-day week, on any days
    per_day: int | None  # sessions every day; exactly one of the two is set
    pain: bool  # ask for pain after each exercise
    source: str
    why: str
    clinician: str  # who should see a clinician before starting
    blocks: tuple[Block, ...]
    between_exercises_s: int = 0

    def block(self, week: int) -> Block:
        """The block for a week; past the last week, the last block."""
        week = min(max(week, 1), self.weeks)
        return next(block for block in self.blocks if block.first <= week <= block.last)

    @property
    def due_per_week(self) -> int:
        return self.per_week if self.per_week is not None else 7 * (self.per_day or 0)

    @property
    def schedule(self) -> str:
        if self.per_day is not None:
            return "every day" if self.per_day == 1 else f"{self.per_day} a day, every day"
        return f"{self.per_week} a week"
