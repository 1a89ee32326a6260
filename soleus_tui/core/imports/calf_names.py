"""Which exercises of another app are calf work, and what they become here.

Seated and bent-knee raises are the soleus work the catalog holds, so they take its ids;
standing and straight-knee raises stay exercises of their own (knee straight, so the
gastrocnemius shares the load); timed calf holds become holds. Anything else is not ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CALF = ("calf", "calves", "soleus", "heel raise", "heel raises", "heel drop", "heel drops")
NOT_A_RAISE = ("stretch", "foam", "roll", "rolling", "massage", "mobility", "tibialis")
HOLD = ("hold", "isometric", "iso", "static")
SEATED = ("seated", "sitting")
WALL_SIT = ("wall sit",)
PUSH_UP = ("push up", "pushup", "push ups", "pushups")
BENT_KNEE = ("bent knee", "knee bent", "knees bent", "soleus")
DROP = ("drop", "drops", "eccentric", "lowering")
FREE_WEIGHT = ("dumbbell", "dumbbells", "db", "barbell", "kettlebell", "plate", "weighted")
STRAIGHT_KNEE_ANGLE = 0
BENT_KNEE_ANGLE = 45


@dataclass(frozen=True)
class Target:
    """What one source exercise becomes: a catalog exercise (`own` False: its name and knee
    angle come from the catalog), or one of its own with this id, name and knee angle."""

    id: str
    hold: bool
    own: bool = False
    name: str = ""
    knee_angle: int | None = None


def calf_target(source_name: str) -> Target | None:
    """The exercise a logged name becomes here, or None when it is not calf-raise work."""
    words = " " + " ".join(re.findall(r"[a-z0-9]+", source_name.lower())) + " "

    def has(phrases: tuple[str, ...]) -> bool:
        return any(f" {phrase} " in words for phrase in phrases)

    if not has(CALF) or has(NOT_A_RAISE):
        return None
    hold = has(HOLD)
    if has(WALL_SIT):
        return Target("wall-sit-isometric-heel-hold" if hold else "wall-sit-calf-raise", hold)
    if has(SEATED):
        if hold:
            return Target("seated-isometric-soleus-hold", hold)
        if has(PUSH_UP):
            return Target("seated-soleus-push-up", hold)
        return Target("seated-dumbbell-calf-raise" if has(FREE_WEIGHT) else "seated-calf-raise-machine", hold)
    if has(BENT_KNEE) and not hold:
        return Target("bent-knee-eccentric-heel-drop" if has(DROP) else "bent-knee-single-leg-calf-raise", hold)
    knee_angle = BENT_KNEE_ANGLE if has(BENT_KNEE) else STRAIGHT_KNEE_ANGLE
    return Target(slug(source_name), hold, own=True, name=source_name, knee_angle=knee_angle)


def slug(name: str) -> str:
    """An id in the catalog's alphabet ([a-z0-9-]+) for an exercise kept under its own name."""
    return "-".join(re.findall(r"[a-z0-9]+", name.lower()))
