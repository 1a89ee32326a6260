"""Loads are stored in kilograms; people see and step them in their own unit."""

from __future__ import annotations

KG_PER_LB = 0.45359237
UNITS = ("kg", "lb")
STEP = {"kg": 2.5, "lb": 5.0}


def to_display(load_kg: float, unit: str) -> float:
    return load_kg / KG_PER_LB if unit == "lb" else load_kg


def from_display(value: float, unit: str) -> float:
    return value * KG_PER_LB if unit == "lb" else value


def step_load(load_kg: float, unit: str, steps: int) -> float:
    """Move by whole steps of the user's unit, landing on a round number in that unit."""
    step = STEP[unit]
    shown = round(to_display(load_kg, unit) / step) * step + steps * step
    return round(from_display(max(shown, 0.0), unit), 4)


def format_load(load_kg: float, unit: str, load_kind: str = "dumbbell") -> str:
    shown = to_display(load_kg, unit)
    number = f"{shown:.1f}".removesuffix(".0")
    if load_kind == "bodyweight":
        return "bodyweight" if load_kg == 0 else f"bodyweight + {number} {unit}"
    return f"{number} {unit}"
