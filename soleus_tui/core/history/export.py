"""Every logged set of a profile as CSV rows (one per set) or JSON (one object per session),
and the file an export goes to: private, and never inside the profile it comes from."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from soleus_tui.core.catalog import Catalog, builtin_catalog
from soleus_tui.core.session import ExerciseLog, Session, SetLog, session_to_dict

CSV_COLUMNS = (  # contract: columns are added at the end, never renamed
    "date",
    "session_started",
    "exercise_id",
    "exercise_name",
    "set",
    "side",
    "reps",
    "hold_s",
    "load_kg",
    "rest_s",
    "set_started",
    "set_ended",
    "notes",
    "load_kind",
    "programme",
    "programme_week",
    "kind",
    "knee_angle",
    "pain",
    "warmup",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportRefused(Exception):
    """An output file the export will not write; the message says why in one line."""


def set_numbers(sets: Iterable[SetLog]) -> Iterator[int]:
    """One number per set: a left and a right part of the same set share theirs."""
    number, sides = 0, set[str]()
    for s in sets:
        if not number or s.side == "both" or s.side in sides or "both" in sides:
            number, sides = number + 1, set()
        sides.add(s.side)
        yield number


def load_kind(exercise: ExerciseLog, catalog: Catalog) -> str:
    """The catalog's load kind (bodyweight, dumbbell, machine, band): with it a bodyweight set's
    0 kg reads as the body's own weight. Blank for an exercise the catalog does not hold."""
    known = catalog.get(exercise.id)
    return known.load if known else ""


def csv_rows(sessions: Iterable[Session], catalog: Catalog) -> Iterable[dict[str, Any]]:
    for session in sessions:
        for exercise in session.exercises:
            kind_of_load = load_kind(exercise, catalog)
            for number, s in zip(set_numbers(exercise.sets), exercise.sets):
                yield {
                    "date": session.started.date().isoformat(),
                    "session_started": session.started.isoformat(),
                    "exercise_id": exercise.id,
                    "exercise_name": exercise.name,
                    "set": number,
                    "side": s.side,
                    "reps": s.reps,
                    "hold_s": s.hold_s,
                    "load_kg": s.load_kg,
                    "rest_s": s.rest_s,
                    "set_started": s.started.isoformat(),
                    "set_ended": s.ended.isoformat(),
                    "notes": session.notes,
                    "load_kind": kind_of_load,
                    "programme": session.programme,
                    "programme_week": session.programme_week,
                    "kind": session.kind,
                    "knee_angle": exercise.knee_angle,
                    "pain": exercise.pain,
                    "warmup": "true" if s.warmup else "false",
                }


def inert(value: Any) -> Any:
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading quote.
    A carriage return becomes a newline, which the writer quotes (it ends lines with "\n" alone)."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n")


def write_csv(sessions: Iterable[Session], out: TextIO, catalog: Catalog | None = None) -> None:
    """`catalog` gives each exercise's load kind; without it, the built-in catalog does."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    rows = csv_rows(sessions, builtin_catalog() if catalog is None else catalog)
    writer.writerows({key: inert(value) for key, value in row.items()} for row in rows)


def session_object(session: Session, catalog: Catalog) -> dict[str, Any]:
    """A session file's table with everything the CSV adds: its kind always, each exercise's
    load kind. The import reads it back into the same session."""
    table = session_to_dict(session)
    table = {"schema": table.pop("schema"), "kind": session.kind} | table
    table["exercises"] = [
        {"id": entry.pop("id"), "name": entry.pop("name"), "load_kind": load_kind(exercise, catalog)} | entry
        for exercise, entry in zip(session.exercises, table["exercises"])
    ]
    return table


def write_json(sessions: Iterable[Session], out: TextIO, catalog: Catalog | None = None) -> None:
    known = builtin_catalog() if catalog is None else catalog
    json.dump([session_object(s, known) for s in sessions], out, indent=2, default=lambda d: d.isoformat())
    out.write("\n")


def open_output(path: Path, profile_root: Path) -> TextIO:
    """The export's file, created 0600 (an export holds everything the profile does); refused
    anywhere inside the profile's folder, where it could overwrite a session."""
    where = path.expanduser().resolve()
    if where.is_relative_to(profile_root.resolve()):
        raise ExportRefused(f"will not write an export inside the profile folder {profile_root}: choose a file elsewhere")
    fd = os.open(where, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        return os.fdopen(fd, "w", encoding="utf-8", newline="")
    except BaseException:
        os.close(fd)
        raise
