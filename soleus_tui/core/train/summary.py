"""What a finished workout adds up to: its length, sets, reps, volume and the bests it beat."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from soleus_tui.core.history.stats import ExerciseBests, bests
from soleus_tui.core.session import Session


@dataclass(frozen=True)
class NewBest:
    exercise: str  # its name
    what: str  # "heaviest at target", "most reps" or "longest hold"
    value: float  # reps, or seconds for a hold
    load_kg: float


@dataclass(frozen=True)
class WorkoutSummary:
    length_s: float
    exercises: int
    sets: int  # a per-side set (left and right) counts once
    reps: int
    hold_s: float
    volume_kg: float


def summarize_workout(session: Session) -> WorkoutSummary:
    sets = session.all_sets
    return WorkoutSummary(
        length_s=(session.ended - session.started).total_seconds(),
        exercises=len(session.exercises),
        sets=sum(1 for s in sets if s.side != "left"),
        reps=sum(s.reps for s in sets),
        hold_s=round(sum(s.hold_s for s in sets), 1),
        volume_kg=round(sum(s.volume_kg for s in sets), 2),
    )


def new_bests(session: Session, earlier: Iterable[Session], targets: dict[str, int]) -> list[NewBest]:
    """The bests this workout set, against every earlier one that did the same exercise (a first
    time sets no best: there is nothing to beat). `targets` is each exercise's target reps."""
    earlier = [s for s in earlier if s.started != session.started]
    found: list[NewBest] = []
    for exercise in session.exercises:
        target = targets.get(exercise.id, 0)
        before = bests(earlier, exercise.id, target)
        now = bests([session], exercise.id, target)
        found += _beaten(exercise.name, before, now)
    return found


def _beaten(name: str, before: ExerciseBests, now: ExerciseBests) -> list[NewBest]:
    beaten = []
    if before.heaviest_at_target and now.heaviest_at_target and now.heaviest_at_target.load_kg > before.heaviest_at_target.load_kg:
        beaten.append(NewBest(name, "heaviest at target", now.heaviest_at_target.value, now.heaviest_at_target.load_kg))
    if before.most_reps and now.most_reps and (now.most_reps.value, now.most_reps.load_kg) > (before.most_reps.value, before.most_reps.load_kg):
        beaten.append(NewBest(name, "most reps", now.most_reps.value, now.most_reps.load_kg))
    if before.longest_hold and now.longest_hold and now.longest_hold.value > before.longest_hold.value:
        beaten.append(NewBest(name, "longest hold", now.longest_hold.value, now.longest_hold.load_kg))
    return beaten
