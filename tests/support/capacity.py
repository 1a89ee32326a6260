"""Capacity tests and pain written as real session files."""

from __future__ import annotations

from datetime import datetime, timedelta

from soleus_tui.core.capacity.protocol import EXERCISE_IDS, EXERCISE_NAMES, KNEES
from soleus_tui.core.session import ExerciseLog, Session, SetLog


def capacity_session(started: datetime, left: int, right: int, knee: str = "bent") -> Session:
    """A finished heel-raise test: the left leg, two minutes' rest, the right leg."""
    right_at = started + timedelta(minutes=3)
    sets = [
        SetLog(left, 0.0, 0.0, "left", started, started + timedelta(seconds=2 * left + 3)),
        SetLog(right, 0.0, 0.0, "right", right_at, right_at + timedelta(seconds=2 * right + 3)),
    ]
    log = ExerciseLog(EXERCISE_IDS[knee], EXERCISE_NAMES[knee], sets, knee_angle=KNEES[knee])
    return Session(started, sets[-1].ended, [log], kind="test")
