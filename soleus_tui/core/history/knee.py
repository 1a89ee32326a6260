"""Bent-knee and straight-knee work told apart: the soleus's share and the gastrocnemius's."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from soleus_tui.core.catalog import Catalog
from soleus_tui.core.session import Session

STRAIGHT_MAX_DEG = 15  # a knee bent less than this is straight for the calf's two-joint muscle


@dataclass(frozen=True)
class KneeVolume:
    bent_reps: int = 0
    bent_kg: float = 0.0
    straight_reps: int = 0
    straight_kg: float = 0.0


def knee_volume(sessions: Iterable[Session], catalog: Catalog) -> KneeVolume:
    """Reps and volume (reps x kg) by knee angle: the one each session recorded, else the catalog's.
    Capacity tests and exercises of unknown angle stay out."""
    bent_reps = straight_reps = 0
    bent_kg = straight_kg = 0.0
    for session in sessions:
        if session.kind != "training":
            continue
        for exercise in session.exercises:
            known = catalog.get(exercise.id)
            angle = exercise.knee_angle if exercise.knee_angle is not None else (known.knee_angle if known else None)
            if angle is None:
                continue
            reps = sum(s.reps for s in exercise.sets if not s.warmup)
            volume = sum(s.volume_kg for s in exercise.sets if not s.warmup)
            if angle < STRAIGHT_MAX_DEG:
                straight_reps, straight_kg = straight_reps + reps, straight_kg + volume
            else:
                bent_reps, bent_kg = bent_reps + reps, bent_kg + volume
    return KneeVolume(bent_reps, round(bent_kg, 2), straight_reps, round(straight_kg, 2))
