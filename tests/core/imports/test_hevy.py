"""Hevy's CSV, in kilograms and in pounds, read into set rows."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from soleus_tui.core.imports.csv_table import read_table
from soleus_tui.core.imports.hevy import is_hevy, set_rows
from soleus_tui.core.imports.rows import BadFile

TZ = timezone(timedelta(hours=1))
HEADER = ('"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes",'
          '"set_index","set_type","{weight}","reps","{distance}","duration_seconds","rpe"\n')
ROWS = (
    '"Legs","14 Sep 2025, 17:41","14 Sep 2025, 18:30","Knees fine, \nno pain","Seated Calf Raise","","","0","warmup","20","15","","",""\n'
    '"Legs","14 Sep 2025, 17:41","14 Sep 2025, 18:30","Knees fine, \nno pain","Seated Calf Raise","","tempo 3-1-3","1","normal","40","12","","","8"\n'
    '"Legs","14 Sep 2025, 17:41","14 Sep 2025, 18:30","Knees fine, \nno pain","Squat (Barbell)","","","0","normal","60","5","","",""\n'
    '"Legs","14 Sep 2025, 17:41","14 Sep 2025, 18:30","Knees fine, \nno pain","Calf Raise Hold","","","0","normal","","","","45",""\n'
)


def table(weight: str = "weight_kg", distance: str = "distance_km", rows: str = ROWS):
    return read_table(HEADER.format(weight=weight, distance=distance) + rows)


def at_tz(naive: datetime) -> datetime:
    return naive.replace(tzinfo=TZ)


def test_kilograms_warm_ups_and_times_like_hevy_writes_them() -> None:
    assert is_hevy(table())
    rows = set_rows(table(), at_tz)
    assert [(r.row, r.exercise, r.warmup, r.reps, r.load_kg, r.seconds) for r in rows] == [
        (2, "Seated Calf Raise", True, 15, 20.0, 0.0),
        (3, "Seated Calf Raise", False, 12, 40.0, 0.0),
        (4, "Squat (Barbell)", False, 5, 60.0, 0.0),
        (5, "Calf Raise Hold", False, 0, 0.0, 45.0),
    ]
    assert rows[0].started == datetime(2025, 9, 14, 17, 41, tzinfo=TZ)
    assert rows[0].ended == datetime(2025, 9, 14, 18, 30, tzinfo=TZ)
    assert rows[0].notes == "Knees fine, no pain" and rows[1].exercise_notes == "tempo 3-1-3"


def test_pounds_become_kilograms() -> None:
    rows = set_rows(table("weight_lbs", "distance_miles"), at_tz)
    assert rows[1].load_kg == pytest.approx(40 * 0.45359237, abs=1e-4)


def test_a_bad_time_names_its_row() -> None:
    bad = ROWS.replace('"14 Sep 2025, 18:30","Knees fine, \nno pain","Squat', '"yesterday","Knees fine, \nno pain","Squat')
    with pytest.raises(BadFile, match="^row 4: end_time 'yesterday' is not a date and time$"):
        set_rows(table(rows=bad), at_tz)
