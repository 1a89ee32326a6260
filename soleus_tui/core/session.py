"""Logged workouts as plain data, and their schema-1 TOML shape (DESIGN section 2)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

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

SCHEMA = 1
SIDES = ("both", "left", "right")
KINDS = ("training", "test")  # a capacity test is kept apart from training volume, streaks and bests


class SessionFormatError(ValueError):
    """A session table that is not schema 1 or misses what a session needs."""


class NewerSessionError(SessionFormatError):
    """A session written by a newer version: neither read nor moved, left as it is."""


@dataclass(frozen=True)
class SetLog:
    reps: int
    hold_s: float
    load_kg: float
    side: str
    started: datetime
    ended: datetime
    rest_s: float = 0.0
    warmup: bool = False  # imported warm-up sets: shown, never counted in bests

    @property
    def volume_kg(self) -> float:
        return self.reps * self.load_kg


@dataclass
class ExerciseLog:
    id: str
    name: str
    sets: list[SetLog] = field(default_factory=list)
    knee_angle: int | None = None  # copied from the catalog: bent-knee and straight-knee work told apart
    pain: int | None = None  # 0-10, pain during this exercise, when asked (DESIGN section 10)


@dataclass
class Session:
    started: datetime
    ended: datetime
    exercises: list[ExerciseLog]
    notes: str = ""
    kind: str = "training"  # or "test"
    programme: str | None = None  # the programme id this session was done in
    programme_week: int | None = None

    @property
    def all_sets(self) -> list[SetLog]:
        return [s for exercise in self.exercises for s in exercise.sets]


def set_to_dict(s: SetLog) -> dict[str, Any]:
    table: dict[str, Any] = {
        "reps": s.reps,
        "hold_s": float(s.hold_s),
        "load_kg": float(s.load_kg),
        "side": s.side,
        "started": s.started,
        "ended": s.ended,
        "rest_s": float(s.rest_s),
    }
    if s.warmup:
        table["warmup"] = True
    return table


def exercise_to_dict(e: ExerciseLog) -> dict[str, Any]:
    table: dict[str, Any] = {"id": e.id, "name": e.name}
    if e.knee_angle is not None:
        table["knee_angle"] = e.knee_angle
    if e.pain is not None:
        table["pain"] = e.pain
    table["sets"] = [set_to_dict(s) for s in e.sets]
    return table


def exercises_to_list(exercises: list[ExerciseLog]) -> list[dict[str, Any]]:
    return [exercise_to_dict(e) for e in exercises]


def session_to_dict(session: Session) -> dict[str, Any]:
    table: dict[str, Any] = {"schema": SCHEMA}
    if session.kind != "training":
        table["kind"] = session.kind
    if session.programme is not None:
        table["programme"] = session.programme
        table["programme_week"] = session.programme_week
    table |= {
        "started": session.started,
        "ended": session.ended,
        "notes": session.notes,
        "exercises": exercises_to_list(session.exercises),
    }
    return table


MAX_EXERCISES = 200  # a session this long is a broken file, not a workout
MAX_SETS = 1000
MAX_REPS = 10_000
MAX_SECONDS = 86_400.0
MAX_LOAD_KG = 10_000.0

T = TypeVar("T")


def _checked(check: Callable[..., T], table: dict[str, Any], key: str, where: str, *limits: Any) -> T:
    """One key through a check of core/text.py, its complaint as a SessionFormatError."""
    try:
        return check(table.get(key), f"{where}: '{key}'", *limits)
    except FieldError as error:
        raise SessionFormatError(str(error)) from None


def _when(table: dict[str, Any], key: str, where: str) -> datetime:
    return _checked(aware_datetime, table, key, where)


def set_from_dict(table: dict[str, Any], where: str) -> SetLog:
    side = table.get("side", "both")
    if side not in SIDES:
        raise SessionFormatError(f"{where}: side must be one of {', '.join(SIDES)}")
    rest_s = table.get("rest_s", 0.0)
    return SetLog(
        reps=_checked(whole_number, table, "reps", where, 0, MAX_REPS),
        hold_s=_checked(finite_number, table, "hold_s", where, 0, MAX_SECONDS),
        load_kg=_checked(finite_number, table, "load_kg", where, 0, MAX_LOAD_KG),
        side=side,
        started=_when(table, "started", where),
        ended=_when(table, "ended", where),
        rest_s=max(_checked(finite_number, {"rest_s": rest_s}, "rest_s", where, -MAX_SECONDS, MAX_SECONDS), 0.0),
        warmup=table.get("warmup") is True,
    )


def _optional_int(table: dict[str, Any], key: str, low: int, high: int, where: str) -> int | None:
    if key not in table:
        return None
    return _checked(whole_number, table, key, where, low, high)


def exercises_from_list(items: Any) -> list[ExerciseLog]:
    items = _checked(bounded_list, {"exercises": items}, "exercises", "session", MAX_EXERCISES)
    exercises = []
    for index, table in enumerate(items, 1):
        where = f"exercise {index}"
        if not isinstance(table, dict):
            raise SessionFormatError(f"{where}: not a table")
        sets = _checked(bounded_list, {"sets": table.get("sets", [])}, "sets", where, MAX_SETS)
        if not all(isinstance(s, dict) for s in sets):
            raise SessionFormatError(f"{where}: 'sets' must be an array of tables")
        exercises.append(
            ExerciseLog(
                id=_checked(bounded_text, table, "id", where, MAX_ID_CHARS),
                name=_checked(bounded_text, table, "name", where, MAX_NAME_CHARS),
                sets=[set_from_dict(s, f"{where} set {n}") for n, s in enumerate(sets, 1)],
                knee_angle=_optional_int(table, "knee_angle", 0, 180, where),
                pain=_optional_int(table, "pain", 0, 10, where),
            )
        )
    return exercises


def session_from_dict(table: dict[str, Any]) -> Session:
    """The one way a session table becomes a Session: every value checked, every text plain.
    A wall clock set back during a workout cannot give it a negative length."""
    schema = table.get("schema")
    if type(schema) is int and schema > SCHEMA:
        raise NewerSessionError(f"schema {schema} is newer than this version reads ({SCHEMA})")
    if schema != SCHEMA:
        raise SessionFormatError(f"schema must be {SCHEMA}")
    notes = table.get("notes", "")
    kind = table.get("kind", "training")
    if kind not in KINDS:
        raise SessionFormatError(f"session: kind must be one of {', '.join(KINDS)}")
    programme = table.get("programme")
    started = _when(table, "started", "session")
    return Session(
        started=started,
        ended=max(_when(table, "ended", "session"), started),
        exercises=exercises_from_list(table.get("exercises", [])),
        notes=_checked(bounded_text, {"notes": notes}, "notes", "session", MAX_TEXT_CHARS) if isinstance(notes, str) else "",
        kind=kind,
        programme=_checked(bounded_text, table, "programme", "session", MAX_ID_CHARS) if programme is not None else None,
        programme_week=_optional_int(table, "programme_week", 1, 520, "session") if programme is not None else None,
    )
