"""What every CSV source is read into: one row per logged set, with its workout, and the checks
a cell must pass. A cell that fails names its row, as a spreadsheet numbers it (header = 1)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime

from soleus_tui.core.units import KG_PER_LB

Localize = Callable[[datetime], datetime]  # a naive wall time -> the same time, timezone-aware
MAX_NAME_CHARS = 120
MAX_NOTES_CHARS = 2000
MOST = 100_000.0  # no rep count, load in kg or lb, or time in seconds of a calf workout comes near it
YEARS = range(1900, 2200)


class BadFile(ValueError):
    """A file that cannot be imported; the message is one line naming where."""


@dataclass
class SetRow:
    row: int
    workout: tuple[str, ...]  # rows with the same key are one workout
    started: datetime  # the workout's start, aware
    ended: datetime | None  # the workout's end, when the file says
    notes: str  # the workout's notes
    exercise: str
    exercise_notes: str
    warmup: bool
    reps: int
    load_kg: float
    seconds: float
    rest_s: float = 0.0


def local_offset(naive: datetime) -> datetime:
    """The machine's offset at that date and time: how naive CSV times are read."""
    return naive.astimezone()


def aware(moment: datetime, localize: Localize) -> datetime:
    return moment if moment.tzinfo is not None else localize(moment)


@lru_cache(maxsize=4096)  # names and notes repeat on every row of their exercise or workout
def text(value: str, limit: int = MAX_NAME_CHARS) -> str:
    """One line of plain text: control characters and runs of white space become one space."""
    cleaned = " ".join(re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", value).split())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def number(value: str, row: int, column: str, most: float = MOST) -> float:
    """A number from 0 to `most`; blank is 0; a decimal comma is read as a point."""
    value = value.strip()
    if not value:
        return 0.0
    try:
        found = float(value.replace(",", ".") if "." not in value else value)
    except ValueError:
        found = math.nan
    if not 0 <= found <= most:  # NaN fails too
        raise BadFile(f"row {row}: {column} {value!r} is not a number from 0 to {most:g}")
    return found


def whole(value: str, row: int, column: str) -> int:
    found = number(value, row, column)
    if found != int(found):
        raise BadFile(f"row {row}: {column} {value!r} is not a whole number")
    return int(found)


def kilograms(weight: float, unit: str, row: int) -> float:
    unit = unit.strip().lower()
    if unit in ("kg", "kgs", "kilograms", ""):
        return weight
    if unit in ("lb", "lbs", "pounds"):
        return round(weight * KG_PER_LB, 4)
    raise BadFile(f"row {row}: weight unit {unit!r} is neither kg nor lbs")


def moment(value: str, formats: tuple[str, ...], row: int, column: str, localize: Localize) -> datetime:
    """A date and time in one of `formats` or ISO 8601; naive times get the local offset."""
    found = _moment(value.strip(), formats, localize)
    if found is None or found.year not in YEARS:
        raise BadFile(f"row {row}: {column} {value.strip()!r} is not a date and time")
    return found


@lru_cache(maxsize=4096)  # a workout's time repeats on each of its rows
def _moment(value: str, formats: tuple[str, ...], localize: Localize) -> datetime | None:
    for pattern in formats:
        try:
            return aware(datetime.strptime(value, pattern), localize)
        except (ValueError, OverflowError):
            continue
    try:
        return aware(datetime.fromisoformat(value), localize)
    except (ValueError, OverflowError):
        return None
