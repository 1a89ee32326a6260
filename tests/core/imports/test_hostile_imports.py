"""Whatever a file holds, the import ends in a report or one line, never an exception, and every
file it writes reads back."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soleus_tui.core.catalog import builtin_catalog
from soleus_tui.core.history.reader import HistoryReader
from soleus_tui.core.imports.command import import_file
from soleus_tui.core.store import Profile

CATALOG = builtin_catalog()
STRONG_HEADER = ["Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps", "Distance",
                 "Seconds", "Notes", "Workout Notes", "RPE"]
HEVY_HEADER = ["title", "start_time", "end_time", "description", "exercise_title", "superset_id", "exercise_notes",
               "set_index", "set_type", "weight_lbs", "reps", "distance_km", "duration_seconds", "rpe"]
CELLS = st.one_of(
    st.sampled_from(["", "W", "1", "12", "22,5", "-3", "nan", "inf", "1e309", "Rest Timer", "warmup", "45m",
                     "1h 5m", "99999999999h", "2025-09-14 17:41:00", "14 Sep 2025, 17:41", "0001-01-01 00:00:00",
                     "9999-12-31 23:59:59", "2025-09-14T17:41:00+14:00", "Seated Calf Raise", "Standing Calf Raise",
                     "Calf Hold", "Bench Press", "=HYPERLINK(1)", "\x1b]2;x\x07", "a\nb", "x" * 300]),
    st.text(max_size=20),
)
PROFILE_SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def csv_text(header: list[str], rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def check(content: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        profile = Profile.open(Path(folder) / "data", "default")
        source = Path(folder) / "export.csv"
        source.write_text(content, encoding="utf-8", errors="surrogateescape")
        outcome = import_file(profile, source, CATALOG)
        written = list(profile.iter_session_paths())
        assert outcome.code in (0, 1)
        if outcome.code == 1:
            assert len(outcome.lines) == 1 and "\n" not in outcome.lines[0] and not written
        reader = HistoryReader(profile)
        assert len(list(reader.sessions())) == len(written) and not reader.quarantined


def rows_of(width: int) -> st.SearchStrategy[list[list[str]]]:
    return st.lists(st.lists(CELLS, min_size=width, max_size=width), max_size=6)


@PROFILE_SETTINGS
@given(rows=rows_of(len(STRONG_HEADER)), delimiter=st.sampled_from([",", ";"]))
def test_strong_shaped_files(rows: list[list[str]], delimiter: str) -> None:
    check(csv_text(STRONG_HEADER, rows, delimiter))


@PROFILE_SETTINGS
@given(rows=rows_of(len(HEVY_HEADER)))
def test_hevy_shaped_files(rows: list[list[str]]) -> None:
    check(csv_text(HEVY_HEADER, rows, ","))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.sampled_from(
        ["2025-09-14T17:41:00+02:00", "2025-09-14T17:41:00", "both", "left", "x"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["schema", "started", "ended", "notes", "exercises", "id", "name", "sets", "reps", "hold_s",
                         "load_kg", "side", "rest_s", "kind", "knee_angle", "pain", "warmup", "programme",
                         "programme_week"]), inner, max_size=8),
    max_leaves=30,
)


@PROFILE_SETTINGS
@given(items=st.lists(JSON_VALUES, max_size=3))
def test_json_shaped_files(items: list[object]) -> None:
    check(json.dumps(items))


@PROFILE_SETTINGS
@given(content=st.text(max_size=200))
def test_any_text(content: str) -> None:
    check(content)
