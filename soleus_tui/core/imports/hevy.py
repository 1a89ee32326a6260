"""Hevy's CSV export: one row per set, the rows of a workout sharing its title and times
("14 Sep 2025, 17:41"); weights in `weight_kg` or `weight_lbs`; `set_type` "warmup"."""

from __future__ import annotations

from soleus_tui.core.imports.csv_table import Table
from soleus_tui.core.imports.rows import MAX_NOTES_CHARS, Localize, SetRow, kilograms, moment, number, text, whole

TIME_FORMATS = ("%d %b %Y, %H:%M", "%d %b %Y, %H:%M:%S", "%d %B %Y, %H:%M")
WEIGHT_COLUMNS = {"weight_kg": "kg", "weight_lbs": "lbs", "weight_lb": "lbs"}
WARM_UP = ("warmup", "warm-up", "warm up")


def is_hevy(table: Table) -> bool:
    return table.has("exercise_title", "start_time")


def set_rows(table: Table, localize: Localize) -> list[SetRow]:
    weight_column = table.first_of(*WEIGHT_COLUMNS)
    unit = WEIGHT_COLUMNS[weight_column] if weight_column else "kg"
    found = []
    for row, cells in table.rows:
        end = cells.get("end_time", "").strip()
        found.append(
            SetRow(
                row=row,
                workout=(cells["start_time"].strip(), cells.get("title", "").strip()),
                started=moment(cells["start_time"], TIME_FORMATS, row, "start_time", localize),
                ended=moment(end, TIME_FORMATS, row, "end_time", localize) if end else None,
                notes=text(cells.get("description", ""), MAX_NOTES_CHARS),
                exercise=text(cells["exercise_title"]),
                exercise_notes=text(cells.get("exercise_notes", ""), MAX_NOTES_CHARS),
                warmup=cells.get("set_type", "").strip().lower() in WARM_UP,
                reps=whole(cells.get("reps", ""), row, "reps"),
                load_kg=kilograms(number(cells[weight_column], row, weight_column), unit, row) if weight_column else 0.0,
                seconds=number(cells.get("duration_seconds", ""), row, "duration_seconds"),
            )
        )
    return found
