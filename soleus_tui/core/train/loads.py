"""How far one press of lighter or heavier moves the load: the catalog's step, or one that suits
the kind of load in the user's unit (a machine's stack moves in bigger steps than a dumbbell)."""

from __future__ import annotations

from soleus_tui.core import units
from soleus_tui.core.catalog import Exercise

# In the user's unit: what the usual plates, dumbbells and stacks go up by.
STEP_BY_KIND = {
    "machine": {"kg": 5.0, "lb": 10.0},
    "dumbbell": {"kg": 2.5, "lb": 5.0},
    "bodyweight": {"kg": 2.5, "lb": 5.0},  # a vest, a belt or a dumbbell held on top
    "band": {"kg": 1.0, "lb": 2.5},
}


def load_step(exercise: Exercise, unit: str) -> float:
    """One step, in the user's unit."""
    catalog_step_kg = getattr(exercise, "load_step_kg", None)  # optional in the catalog
    if catalog_step_kg:
        return units.to_display(float(catalog_step_kg), unit)
    return STEP_BY_KIND.get(exercise.load, units.STEP)[unit]


def stepped(load_kg: float, exercise: Exercise, unit: str, steps: int) -> float:
    """Move by whole steps, landing on a multiple of the step as the user sees it."""
    step = load_step(exercise, unit)
    shown = round(units.to_display(load_kg, unit) / step) * step + steps * step
    return round(units.from_display(max(shown, 0.0), unit), 4)
