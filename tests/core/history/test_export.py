"""The export: every column the history knows, per-side set numbers, cells a spreadsheet cannot
run, and an output file that is private and never inside the profile."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from soleus_tui.core.catalog import builtin_catalog
from soleus_tui.core.history.export import (
    CSV_COLUMNS,
    ExportRefused,
    open_output,
    session_object,
    set_numbers,
    write_csv,
    write_json,
)
from soleus_tui.core.session import ExerciseLog, Session, SetLog
from soleus_tui.core.store import Profile

CATALOG = builtin_catalog()
DAY = datetime(2026, 6, 2, 7, 0, tzinfo=timezone(timedelta(hours=2)))


def set_(side: str = "both", reps: int = 12, load_kg: float = 0.0, warmup: bool = False) -> SetLog:
    return SetLog(reps, 0.0, load_kg, side, DAY, DAY + timedelta(seconds=40), 90.0, warmup)


def csv_of(sessions: list[Session]) -> list[dict[str, str]]:
    out = io.StringIO()
    write_csv(sessions, out, CATALOG)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_the_old_columns_stay_first_and_in_their_order() -> None:
    assert CSV_COLUMNS[:12] == ("date", "session_started", "exercise_id", "exercise_name", "set", "side", "reps",
                                "hold_s", "load_kg", "rest_s", "set_started", "set_ended")
    assert {"notes", "load_kind", "programme", "programme_week", "kind", "knee_angle", "pain", "warmup"} <= set(CSV_COLUMNS)


@pytest.mark.parametrize(("sides", "numbers"), [
    (["both", "both", "both"], [1, 2, 3]),
    (["left", "right", "left", "right"], [1, 1, 2, 2]),
    (["right", "left", "right"], [1, 1, 2]),
    (["left", "left", "right"], [1, 2, 2]),
    (["both", "left", "right", "both"], [1, 2, 2, 3]),
])
def test_a_left_and_right_part_share_one_set_number(sides: list[str], numbers: list[int]) -> None:
    assert list(set_numbers(set_(side) for side in sides)) == numbers


def test_a_row_carries_the_session_the_exercise_and_the_set() -> None:
    session = Session(DAY, DAY + timedelta(minutes=20), [
        ExerciseLog("wall-sit-calf-raise", "Wall-sit calf raise", [set_(warmup=True), set_()], knee_angle=90, pain=2),
        ExerciseLog("bent-knee-single-leg-calf-raise", "Bent-knee single-leg calf raise",
                    [set_("left"), set_("right")], knee_angle=45),
        ExerciseLog("my-own-raise", "My own raise", [set_(load_kg=10.0)]),
    ], notes="Calves tight", programme="hsr-12", programme_week=4)
    rows = csv_of([session])
    assert [(r["exercise_id"], r["set"], r["side"], r["load_kind"], r["knee_angle"], r["pain"], r["warmup"]) for r in rows] == [
        ("wall-sit-calf-raise", "1", "both", "bodyweight", "90", "2", "true"),
        ("wall-sit-calf-raise", "2", "both", "bodyweight", "90", "2", "false"),
        ("bent-knee-single-leg-calf-raise", "1", "left", "bodyweight", "45", "", "false"),
        ("bent-knee-single-leg-calf-raise", "1", "right", "bodyweight", "45", "", "false"),
        ("my-own-raise", "1", "both", "", "", "", "false"),
    ]
    assert {(r["notes"], r["programme"], r["programme_week"], r["kind"]) for r in rows} == {
        ("Calves tight", "hsr-12", "4", "training")}


@pytest.mark.parametrize("hostile", ["=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
                                     "\tx", "\rx"])
def test_a_cell_that_a_spreadsheet_would_run_is_text(hostile: str) -> None:
    session = Session(DAY, DAY, [ExerciseLog(hostile, hostile, [set_()])], notes=hostile, programme=hostile,
                      programme_week=1)
    [row] = csv_of([session])
    for column in ("exercise_id", "exercise_name", "notes", "programme"):
        assert row[column] == "'" + hostile.replace("\r", "\n")
    assert row["date"] == "2026-06-02" and row["set_started"] == "2026-06-02T07:00:00+02:00"


def test_a_harmless_text_is_left_as_it_is() -> None:
    [row] = csv_of([Session(DAY, DAY, [ExerciseLog("a-b", "Raise - slow", [set_()])], notes="easy, 3 x 12")])
    assert (row["exercise_id"], row["exercise_name"], row["notes"]) == ("a-b", "Raise - slow", "easy, 3 x 12")


def test_json_is_one_object_a_session_with_what_the_csv_has() -> None:
    session = Session(DAY, DAY, [ExerciseLog("wall-sit-calf-raise", "Wall-sit calf raise", [set_(warmup=True)],
                                             knee_angle=90, pain=1)], notes="n", kind="test", programme="p", programme_week=2)
    out = io.StringIO()
    write_json([session, session], out, CATALOG)
    objects = json.loads(out.getvalue())
    assert len(objects) == 2
    assert objects[0] == json.loads(json.dumps(session_object(session, CATALOG), default=lambda d: d.isoformat()))
    first = objects[0]
    assert (first["kind"], first["programme"], first["programme_week"], first["notes"]) == ("test", "p", 2, "n")
    [exercise] = first["exercises"]
    assert (exercise["load_kind"], exercise["knee_angle"], exercise["pain"]) == ("bodyweight", 90, 1)
    assert exercise["sets"][0]["warmup"] is True and exercise["sets"][0]["started"] == "2026-06-02T07:00:00+02:00"


def test_the_output_file_is_created_private(tmp_path: Path, profile: Profile) -> None:
    with open_output(tmp_path / "out.csv", profile.root) as handle:
        handle.write("x")
    assert os.stat(tmp_path / "out.csv").st_mode & 0o777 == 0o600
    (tmp_path / "old.csv").write_text("old")
    os.chmod(tmp_path / "old.csv", 0o644)
    with open_output(tmp_path / "old.csv", profile.root) as handle:
        handle.write("new")
    assert os.stat(tmp_path / "old.csv").st_mode & 0o777 == 0o600 and (tmp_path / "old.csv").read_text() == "new"


def test_the_output_is_never_inside_the_profile(tmp_path: Path, profile: Profile) -> None:
    session_file = profile.write_session(Session(DAY, DAY, [ExerciseLog("a", "A", [set_()])]))
    before = session_file.read_bytes()
    link = tmp_path / "innocent.csv"
    link.symlink_to(session_file)
    for target in (session_file, profile.root / "export.csv", link, profile.sessions_dir / ".." / "x.csv"):
        with pytest.raises(ExportRefused, match="^will not write an export inside the profile folder "):
            open_output(target, profile.root)
    assert session_file.read_bytes() == before and not (profile.root / "export.csv").exists()


def test_without_a_catalog_the_built_in_one_gives_the_load_kind() -> None:
    out = io.StringIO()
    write_csv([Session(DAY, DAY, [ExerciseLog("seated-calf-raise-machine", "Seated calf raise machine", [set_()])])], out)
    assert next(csv.DictReader(io.StringIO(out.getvalue())))["load_kind"] == "machine"
