"""The workout engine's test kit: a save-and-restore that must change nothing, and reps counted."""

from __future__ import annotations

from soleus_tui.core.train.workout import Workout
from tests.support.clock import ManualClock


def roundtrip(workout: Workout, clock: ManualClock) -> Workout:
    """Saved and restored at the same instant, the workout is the same."""
    table = workout.to_dict()
    again = Workout.from_dict(table, clock)
    assert again.to_dict() == table
    return again


def reps(workout: Workout, count: int) -> None:
    """Count reps by hand, as fast as the keys go."""
    for _ in range(count):
        workout.count()
