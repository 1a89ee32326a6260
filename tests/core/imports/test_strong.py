"""Strong's CSV in its three headers, read into set rows."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from soleus_tui.core.imports.csv_table import read_table
from soleus_tui.core.imports.rows import BadFile
from soleus_tui.core.imports.strong import is_strong, set_rows

TZ = timezone(timedelta(hours=2))


def at_tz(naive: datetime) -> datetime:
    return naive.replace(tzinfo=TZ)


CLASSIC = (
    '"Date","Workout Name","Duration","Exercise Name","Set Order","Weight","Reps","Distance","Seconds","Notes","Workout Notes","RPE"\n'
    '"2025-09-14 17:41:00","Calves, evening","1h 5m","Seated Calf Raise (Machine)","W","20","15","0","0","","Fresh legs,\nslept well",""\n'
    '"2025-09-14 17:41:00","Calves, evening","1h 5m","Seated Calf Raise (Machine)","1","40","12","0","0","slow, 3 s down","Fresh legs,\nslept well","8"\n'
    '"2025-09-14 17:41:00","Calves, evening","1h 5m","Seated Calf Raise (Machine)","Rest Timer","0","0","0","120","","Fresh legs,\nslept well",""\n'
    '"2025-09-14 17:41:00","Calves, evening","1h 5m","Bench Press (Barbell)","1","60","8","0","0","","Fresh legs,\nslept well",""\n'
)
SEMICOLON = (
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n"
    "2025-09-16 07:05:00;Morning;Seated Calf Raise (Machine);W;45;lbs;15;;;;;;;40m\n"
    "2025-09-16 07:05:00;Morning;Seated Calf Raise (Machine);1;22,5;kg;12;;;;;;;40m\n"
    "2025-09-16 07:05:00;Morning;Calf Raise Hold;1;0;kg;0;;;;45;;;40m\n"
)
NEWER = (
    "Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (lbs),Reps,RPE,Distance (meters),Seconds,Notes,Workout Notes\n"
    "7,2025-09-18 18:00:00,Legs,2700,Standing Calf Raise (Dumbbell),1,50,15,,,,,\n"
)


def test_the_classic_header_with_a_warm_up_a_rest_and_a_quoted_comma_and_newline() -> None:
    table = read_table(CLASSIC)
    assert is_strong(table)
    rows = set_rows(table, "kg", at_tz)
    assert [(r.row, r.exercise, r.warmup, r.reps, r.load_kg) for r in rows] == [
        (2, "Seated Calf Raise (Machine)", True, 15, 20.0),
        (3, "Seated Calf Raise (Machine)", False, 12, 40.0),
        (5, "Bench Press (Barbell)", False, 8, 60.0),
    ]
    first = rows[0]
    assert first.workout == ("2025-09-14 17:41:00", "Calves, evening")
    assert first.started == datetime(2025, 9, 14, 17, 41, tzinfo=TZ)
    assert first.ended == first.started + timedelta(hours=1, minutes=5)
    assert first.notes == "Fresh legs, slept well"
    assert rows[1].exercise_notes == "slow, 3 s down" and rows[1].rest_s == 120.0


def test_the_classic_header_without_a_unit_uses_the_one_given() -> None:
    rows = set_rows(read_table(CLASSIC), "lb", at_tz)
    assert rows[0].load_kg == pytest.approx(20 * 0.45359237, abs=1e-4)


def test_the_semicolon_variant_with_a_unit_per_row_and_a_decimal_comma() -> None:
    table = read_table(SEMICOLON)
    assert is_strong(table)
    rows = set_rows(table, "kg", at_tz)
    assert [(r.warmup, r.reps, r.load_kg, r.seconds) for r in rows] == [
        (True, 15, pytest.approx(20.4117, abs=1e-4), 0.0),
        (False, 12, 22.5, 0.0),
        (False, 0, 0.0, 45.0),
    ]
    assert rows[0].ended == rows[0].started + timedelta(minutes=40)


def test_the_newer_header_gives_the_unit_and_the_duration_in_seconds() -> None:
    rows = set_rows(read_table(NEWER), "kg", at_tz)
    assert rows[0].load_kg == pytest.approx(22.6796, abs=1e-4)
    assert rows[0].ended == rows[0].started + timedelta(seconds=2700)


def test_an_offset_in_the_file_is_kept() -> None:
    rows = set_rows(read_table(NEWER.replace("2025-09-18 18:00:00", "2025-09-18T18:00:00-05:00")), "kg", at_tz)
    assert rows[0].started.utcoffset() == timedelta(hours=-5)


@pytest.mark.parametrize(("change", "message"), [
    (("2025-09-18 18:00:00", "18/09/2025 6pm"), "row 2: Date '18/09/2025 6pm' is not a date and time"),
    ((",15,", ",lots,"), "row 2: Reps 'lots' is not a number from 0 to 100000"),
    ((",15,", ",12.5,"), "row 2: Reps '12.5' is not a whole number"),
    ((",50,", ",nan,"), "row 2: Weight 'nan' is not a number from 0 to 100000"),
    ((",2700,", ",an hour,"), "row 2: Duration 'an hour' is not a length of time"),
    ((",2700,", ",99h,"), "row 2: Duration '99h' is longer than a workout can be"),
    ((",50,", ",-5,"), "row 2: Weight '-5' is not a number from 0 to 100000"),
    (("2025-09-18 18:00:00", "0001-01-01 00:00:00"), "row 2: Date '0001-01-01 00:00:00' is not a date and time"),
])
def test_a_bad_cell_names_its_row(change: tuple[str, str], message: str) -> None:
    with pytest.raises(BadFile) as refused:
        set_rows(read_table(NEWER.replace(*change)), "kg", at_tz)
    assert str(refused.value) == message


def test_a_row_of_the_wrong_width_names_its_row() -> None:
    with pytest.raises(BadFile, match="^row 3: 2 fields where the header has 13$"):
        read_table(NEWER + "8,2025-09-19\n")
