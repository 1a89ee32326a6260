"""current.toml checked before a workout is rebuilt from it: the one way that file becomes a Workout;
and an exercise's plan read back from it.

Every value the runner keeps is checked for type and range (finite numbers, aware times, a plan the
catalog would accept), so a broken file is set aside once with its reason instead of failing each
launch. A file from a newer version of the app is neither resumed nor rewritten.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from soleus_tui.core.catalog import Exercise, exercise_from_table, exercise_table
from soleus_tui.core.session import MAX_LOAD_KG, MAX_REPS, MAX_SECONDS, SCHEMA, SessionFormatError, exercises_from_list
from soleus_tui.core.text import (
    MAX_NAME_CHARS,
    MAX_TEXT_CHARS,
    FieldError,
    aware_datetime,
    bounded_text,
    finite_number,
    whole_number,
)
from soleus_tui.core.toml_checks import CatalogError

PHASES = ("set", "get_ready", "holding", "switch", "rest")
MAX_ELAPSED_S = 10 * 365 * 86_400.0


class SavedWorkoutError(ValueError):
    """current.toml cannot be resumed: the message says which value and why."""


class NewerSchemaError(SavedWorkoutError):
    """current.toml was written by a newer version: left exactly as it is."""


def check_saved_workout(table: dict[str, Any]) -> dict[str, Any]:
    """The table, its plan's texts made plain, when a Workout can be rebuilt from it; else
    SavedWorkoutError."""
    schema = table.get("schema")
    if type(schema) is int and schema > SCHEMA:
        raise NewerSchemaError(f"current.toml has schema {schema}, newer than this version reads ({SCHEMA})")
    if schema != SCHEMA:
        raise SavedWorkoutError(f"schema must be {SCHEMA}")
    try:
        plan = _check(table)
    except (FieldError, SessionFormatError, CatalogError) as error:
        raise SavedWorkoutError(str(error)) from None
    return table | {"runner": table["runner"] | {"plan": table["runner"]["plan"] | plan}}


def _check(table: dict[str, Any]) -> dict[str, Any]:
    aware_datetime(table.get("started"), "started")
    if "notes" in table:
        bounded_text(table["notes"], "notes", MAX_TEXT_CHARS)
    if not exercises_from_list(table.get("exercises", [])):
        raise FieldError("a workout in progress needs at least one exercise")
    runner = table.get("runner")
    if not isinstance(runner, dict):
        raise FieldError("the [runner] table is missing")
    if runner.get("phase") not in PHASES:
        raise FieldError(f"runner: phase must be one of {', '.join(PHASES)}")
    whole_number(runner.get("reps"), "runner: reps", 0, MAX_REPS)
    whole_number(runner.get("paced_base"), "runner: paced_base", 0, MAX_REPS)
    whole_number(runner.get("rest_s"), "runner: rest_s", 0, int(MAX_SECONDS))
    finite_number(runner.get("load_kg"), "runner: load_kg", 0, MAX_LOAD_KG)
    finite_number(runner.get("rest_target_s"), "runner: rest_target_s", 0, MAX_SECONDS)
    for key in ("phase_elapsed_s", "cue_elapsed_s"):
        finite_number(runner.get(key), f"runner: {key}", -MAX_ELAPSED_S, MAX_ELAPSED_S)
    for key in ("paced", "rang"):
        if type(runner.get(key)) is not bool:
            raise FieldError(f"runner: {key} must be true or false")
    aware_datetime(runner.get("saved_at"), "runner: saved_at")
    if "set_started" in runner:
        aware_datetime(runner["set_started"], "runner: set_started")
    plan = runner.get("plan")
    if not isinstance(plan, dict):
        raise FieldError("runner: the plan is missing")
    bounded_text(plan.get("name"), "runner: plan name", MAX_NAME_CHARS)
    checked = exercise_table(exercise_from_table(plan, "current.toml [runner.plan]"))
    return {key: checked[key] for key in ("name", "cues", "why")}


def exercise_from_dict(table: dict[str, Any]) -> Exercise:
    """An exercise's plan as current.toml keeps it (in `exercise_table`'s shape), read back as it is."""
    names = {f.name for f in dataclasses.fields(Exercise)}
    values = {k: v for k, v in table.items() if k in names}
    values["tempo"] = tuple(values["tempo"])
    values["cues"] = tuple(values["cues"])
    return Exercise(**values)
