"""How far one press of lighter or heavier moves the load: the catalog's step, or one that suits
the kind of load in the user's unit (a machine's stack moves in bigger steps than a dumbbell)."""

from __future__ import annotations

from soleus_tui.core import units
from soleus_tui.core.catalog import Exercise
from soleus_tui.core.train.suggestions import LoadStep

# In the user's unit: what the usual plates, dumbbells and stacks go up by.
STEP_BY_KIND = {
    "machine": {"kg": 5.0, "lb": 10.0},
    "dumbbell": {"kg": 2.5, "lb": 5.0},
    "bodyweight": {"kg": 2.5, "lb": 5.0},  # a vest, a belt or a dumbbell held on top
    "band": {"kg": 1.0, "lb": 2.5},
}


def load_step(exercise: Exercise, unit: str) -> LoadStep:
    """The exercise's step: its own `load_step_kg`, else its kind's in the user's unit."""
    if exercise.load_step_kg:
        return LoadStep(unit, exercise.load_step_kg)
    by_kind = STEP_BY_KIND.get(exercise.load)
    return LoadStep(unit, units.from_display(by_kind[unit], unit)) if by_kind else LoadStep(unit)


def stepped(load_kg: float, exercise: Exercise, unit: str, steps: int) -> float:
    """Move by whole steps, landing on a multiple of the step as the user sees it."""
    return round(load_step(exercise, unit).up(load_kg, steps), 4)
