"""current.toml checked before a workout is rebuilt from it: the one way that file becomes a Workout.

Every value the runner keeps is checked for type and range (finite numbers, aware times, every
plan one the catalog would accept: the one on now, those before it and today's programme
session), so a broken file is set aside once with its reason instead of failing each launch. A
file from a newer version of the app is neither resumed nor rewritten.

`Workout.from_dict` and `PlanQueue.from_dict` read a table this has checked: they read each plan
through the catalog's checks again (`saved_plan`) and take every other value as it is.
"""

from __future__ import annotations

from typing import Any

from soleus_tui.core.catalog import Exercise, exercise_from_table, exercise_table
from soleus_tui.core.programmes.definitions import MAX_REST_S, MAX_WEEKS
from soleus_tui.core.session import (
    MAX_EXERCISES,
    MAX_LOAD_KG,
    MAX_REPS,
    MAX_SECONDS,
    SCHEMA,
    SessionFormatError,
    exercises_from_list,
)
from soleus_tui.core.text import (
    MAX_ID_CHARS,
    MAX_NAME_CHARS,
    MAX_TEXT_CHARS,
    FieldError,
    aware_datetime,
    bounded_list,
    bounded_text,
    finite_number,
    whole_number,
)
from soleus_tui.core.toml_checks import CatalogError

PHASES = ("set", "get_ready", "holding", "switch", "rest")
MAX_ELAPSED_S = 10 * 365 * 86_400.0
MAX_SESSIONS = 10_000  # sessions done or due in a week or a day of a programme


class SavedWorkoutError(ValueError):
    """current.toml cannot be resumed: the message says which value and why."""


class NewerSchemaError(SavedWorkoutError):
    """current.toml was written by a newer version: left exactly as it is."""


def check_saved_workout(table: dict[str, Any]) -> dict[str, Any]:
    """The table, every text in it made plain, when a Workout can be rebuilt from it; else
    SavedWorkoutError."""
    schema = table.get("schema")
    if type(schema) is int and schema > SCHEMA:
        raise NewerSchemaError(f"current.toml has schema {schema}, newer than this version reads ({SCHEMA})")
    if schema != SCHEMA:
        raise SavedWorkoutError(f"schema must be {SCHEMA}")
    try:
        runner = _check(table)
    except (FieldError, SessionFormatError, CatalogError) as error:
        raise SavedWorkoutError(str(error)) from None
    return table | {"runner": runner}


def saved_plan(table: dict[str, Any], where: str = "runner.plan") -> Exercise:
    """An exercise's plan as current.toml keeps it (in `exercise_table`'s shape), checked as a
    catalog's exercise is."""
    return exercise_from_table(table, f"current.toml [{where}]")


def _check(table: dict[str, Any]) -> dict[str, Any]:
    """The runner table, its plans checked and their texts made plain."""
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
    whole_number(runner.get("stages_rung", 0), "runner: stages_rung", 0, int(MAX_ELAPSED_S))  # at most one a second
    finite_number(runner.get("load_kg"), "runner: load_kg", 0, MAX_LOAD_KG)
    finite_number(runner.get("rest_target_s"), "runner: rest_target_s", 0, MAX_SECONDS)
    for key in ("phase_elapsed_s", "cue_elapsed_s"):
        finite_number(runner.get(key), f"runner: {key}", -MAX_ELAPSED_S, MAX_ELAPSED_S)
    for key in ("paced", "rang"):
        _flag(runner.get(key), f"runner: {key}")
    for key in ("to_failure", "stage_bell", "ask_pain", "pain_pending"):
        _flag(runner.get(key, False), f"runner: {key}")
    aware_datetime(runner.get("saved_at"), "runner: saved_at")
    if "set_started" in runner:
        aware_datetime(runner["set_started"], "runner: set_started")
    checked = runner | {"plan": _plan(runner.get("plan"), "runner.plan")}
    if "earlier" in runner:
        checked["earlier"] = [_earlier(item, n) for n, item in enumerate(_list(runner["earlier"], "runner.earlier"), 1)]
    if "today" in runner:
        checked["today"] = _today(runner["today"])
    return checked


def _plan(table: Any, where: str) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise FieldError(f"{where}: the plan is missing")
    bounded_text(table.get("name"), f"{where}: plan name", MAX_NAME_CHARS)
    return exercise_table(saved_plan(table, where))


def _earlier(item: Any, n: int) -> dict[str, Any]:
    where = f"runner.earlier, exercise {n}"
    if not isinstance(item, dict):
        raise FieldError(f"{where} must be a table")
    return {"plan": _plan(item.get("plan"), where), "rest_s": whole_number(item.get("rest_s"), f"{where}: rest_s", 0, int(MAX_SECONDS))}


def _today(table: Any) -> dict[str, Any]:
    """Today's programme session: what it is, its planned exercises and where the workout is in them."""
    if not isinstance(table, dict):
        raise FieldError("runner.today must be a table")
    planned = [_planned(item, n) for n, item in enumerate(_list(table.get("exercises"), "runner.today: exercises"), 1)]
    if not planned:
        raise FieldError("runner.today: today's plan has no exercises")
    checked = table | {
        "programme_id": bounded_text(table.get("programme_id"), "runner.today: programme_id", MAX_ID_CHARS),
        "programme_name": bounded_text(table.get("programme_name"), "runner.today: programme_name", MAX_NAME_CHARS),
        "exercises": planned,
    }
    whole_number(table.get("week"), "runner.today: week", 1, MAX_WEEKS)
    whole_number(table.get("weeks"), "runner.today: weeks", 1, MAX_WEEKS)
    for key in ("done_this_week", "due_this_week"):
        whole_number(table.get(key), f"runner.today: {key}", 0, MAX_SESSIONS)
    for key in ("done_today", "due_today"):
        whole_number(table.get(key, 0), f"runner.today: {key}", 0, MAX_SESSIONS)
    whole_number(table.get("between_exercises_s", 0), "runner.today: between_exercises_s", 0, MAX_REST_S)
    whole_number(table.get("position"), "runner.today: position", 0, len(planned) - 1)
    _flag(table.get("done"), "runner.today: done")
    for move in _list(table.get("planned_moves", []), "runner.today: planned_moves"):
        _flag(move, "runner.today: each of planned_moves")
    return checked


def _planned(item: Any, n: int) -> dict[str, Any]:
    where = f"runner.today, exercise {n}"
    if not isinstance(item, dict):
        raise FieldError(f"{where} must be a table")
    _flag(item.get("rm", False), f"{where}: rm")
    checked = item | {"exercise": _plan(item.get("exercise"), where)}
    if "suggestion" in item:
        checked["suggestion"] = _suggestion(item["suggestion"], f"{where}: suggestion")
    return checked


def _suggestion(table: Any, where: str) -> dict[str, Any]:
    """In `Suggestion`'s fields exactly, so one can be made of it."""
    if not isinstance(table, dict):
        raise FieldError(f"{where} must be a table")
    return {
        "load_kg": finite_number(table.get("load_kg"), f"{where} load_kg", 0, MAX_LOAD_KG),
        "reps": whole_number(table.get("reps"), f"{where} reps", 0, MAX_REPS),
        "hold_s": finite_number(table.get("hold_s"), f"{where} hold_s", 0, MAX_SECONDS),
        "reason": bounded_text(table.get("reason"), f"{where} reason", MAX_TEXT_CHARS),
        "first_time": _flag(table.get("first_time", False), f"{where} first_time"),
    }


def _flag(value: Any, what: str) -> bool:
    if type(value) is not bool:
        raise FieldError(f"{what} must be true or false")
    return value


def _list(value: Any, what: str) -> list[Any]:
    return bounded_list(value, what, MAX_EXERCISES)
