"""Logged workouts as plain data, and their schema-1 TOML shape (DESIGN section 2)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

SCHEMA = 1
SIDES = ("both", "left", "right")
KINDS = ("training", "test")  # a capacity test is kept apart from training volume, streaks and bests


class SessionFormatError(ValueError):
    """A session table that is not schema 1 or misses what a session needs."""


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


def _need(table: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = table.get(key)
    if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
        value = None
    if not isinstance(value, kind):
        raise SessionFormatError(f"{where}: '{key}' is missing or not the right type")
    return value


def set_from_dict(table: dict[str, Any], where: str) -> SetLog:
    side = table.get("side", "both")
    if side not in SIDES:
        raise SessionFormatError(f"{where}: side must be one of {', '.join(SIDES)}")
    reps = _need(table, "reps", int, where)
    hold_s = float(_need(table, "hold_s", (int, float), where))
    load_kg = float(_need(table, "load_kg", (int, float), where))
    if reps < 0 or hold_s < 0 or load_kg < 0:
        raise SessionFormatError(f"{where}: reps, hold_s and load_kg cannot be negative")
    return SetLog(
        reps=reps,
        hold_s=hold_s,
        load_kg=load_kg,
        side=side,
        started=_need(table, "started", datetime, where),
        ended=_need(table, "ended", datetime, where),
        rest_s=max(float(_need(table, "rest_s", (int, float), where)) if "rest_s" in table else 0.0, 0.0),
        warmup=table.get("warmup") is True,
    )


def _optional_int(table: dict[str, Any], key: str, low: int, high: int, where: str) -> int | None:
    if key not in table:
        return None
    value = _need(table, key, int, where)
    if not low <= value <= high:
        raise SessionFormatError(f"{where}: '{key}' must be {low} to {high}")
    return int(value)


def exercises_from_list(items: Any) -> list[ExerciseLog]:
    if not isinstance(items, list):
        raise SessionFormatError("'exercises' must be an array of tables")
    exercises = []
    for index, table in enumerate(items, 1):
        where = f"exercise {index}"
        if not isinstance(table, dict):
            raise SessionFormatError(f"{where}: not a table")
        sets = table.get("sets", [])
        if not isinstance(sets, list) or not all(isinstance(s, dict) for s in sets):
            raise SessionFormatError(f"{where}: 'sets' must be an array of tables")
        exercises.append(
            ExerciseLog(
                id=_need(table, "id", str, where),
                name=_need(table, "name", str, where),
                sets=[set_from_dict(s, f"{where} set {n}") for n, s in enumerate(sets, 1)],
                knee_angle=_optional_int(table, "knee_angle", 0, 180, where),
                pain=_optional_int(table, "pain", 0, 10, where),
            )
        )
    return exercises


def session_from_dict(table: dict[str, Any]) -> Session:
    if table.get("schema") != SCHEMA:
        raise SessionFormatError(f"schema must be {SCHEMA}")
    notes = table.get("notes", "")
    kind = table.get("kind", "training")
    if kind not in KINDS:
        raise SessionFormatError(f"session: kind must be one of {', '.join(KINDS)}")
    programme = table.get("programme")
    return Session(
        started=_need(table, "started", datetime, "session"),
        ended=_need(table, "ended", datetime, "session"),
        exercises=exercises_from_list(table.get("exercises", [])),
        notes=notes if isinstance(notes, str) else "",
        kind=kind,
        programme=_need(table, "programme", str, "session") if programme is not None else None,
        programme_week=_optional_int(table, "programme_week", 1, 520, "session") if programme is not None else None,
    )
