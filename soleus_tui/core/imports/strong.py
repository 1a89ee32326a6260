"""Strong's CSV export: the classic comma-quoted header, the semicolon variant with a
`Weight Unit` column, and the newer `Weight (kg)` / `Duration (sec)` headers.

Each row is a set; the rows of one workout share its `Date` and `Workout Name`. `Set Order`
"W" is a warm-up set; a "Rest Timer" row holds the rest after the set before it.
"""

from __future__ import annotations

import re
from datetime import timedelta

from soleus_tui.core.imports.csv_table import Table
from soleus_tui.core.imports.rows import (
    MAX_NOTES_CHARS,
    MOST,
    BadFile,
    Localize,
    SetRow,
    kilograms,
    moment,
    number,
    text,
    whole,
)

DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")
WEIGHT_COLUMNS = {"weight": "", "weight (kg)": "kg", "weight (lbs)": "lbs", "weight (lb)": "lbs"}
DURATION_COLUMNS = ("duration (sec)", "duration", "workout duration")
DURATION_PART = re.compile(r"(\d+)\s*(h|min|m|s)", re.IGNORECASE)


def is_strong(table: Table) -> bool:
    return table.has("date", "exercise name", "set order")


def set_rows(table: Table, default_unit: str, localize: Localize) -> list[SetRow]:
    weight_column = table.first_of(*WEIGHT_COLUMNS)
    header_unit = WEIGHT_COLUMNS[weight_column] if weight_column else ""
    duration_column = table.first_of(*DURATION_COLUMNS)
    found: list[SetRow] = []
    for row, cells in table.rows:
        started = moment(cells["date"], DATE_FORMATS, row, "Date", localize)
        workout = (cells["date"].strip(), cells.get("workout name", "").strip())
        order = cells["set order"].strip().lower()
        seconds = number(cells.get("seconds", ""), row, "Seconds")
        if order == "rest timer":
            if found and found[-1].workout == workout:
                found[-1].rest_s = seconds
            continue
        unit = cells.get("weight unit", "").strip() or header_unit or default_unit
        weight = number(cells[weight_column], row, "Weight") if weight_column else 0.0
        duration = _duration(cells[duration_column], row) if duration_column else None
        found.append(
            SetRow(
                row=row,
                workout=workout,
                started=started,
                ended=started + timedelta(seconds=duration) if duration else None,
                notes=text(cells.get("workout notes", ""), MAX_NOTES_CHARS),
                exercise=text(cells["exercise name"]),
                exercise_notes=text(cells.get("notes", ""), MAX_NOTES_CHARS),
                warmup=order == "w",
                reps=whole(cells.get("reps", ""), row, "Reps"),
                load_kg=kilograms(weight, unit, row),
                seconds=seconds,
            )
        )
    return found


def _duration(value: str, row: int) -> int | None:
    """Seconds from "3600", "1h 5m" or "45m"; None when blank."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return int(number(value, row, "Duration"))
    parts = DURATION_PART.findall(value)
    if not parts or DURATION_PART.sub("", value).strip():
        raise BadFile(f"row {row}: Duration {value!r} is not a length of time")
    scale = {"h": 3600, "min": 60, "m": 60, "s": 1}
    seconds = sum(int(amount) * scale[unit.lower()] for amount, unit in parts)
    if seconds > MOST:
        raise BadFile(f"row {row}: Duration {value!r} is longer than a workout can be")
    return seconds
