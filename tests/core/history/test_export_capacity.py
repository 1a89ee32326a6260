"""Export carries capacity tests with their kind, and pain on every set of its exercise."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from soleus_tui.core.history.export import write_csv
from tests.support.capacity import capacity_session
from tests.support.histories import make_session

CET = timezone(timedelta(hours=1))


def test_kind_and_pain_columns() -> None:
    training = make_session(datetime(2026, 11, 23, 7, tzinfo=CET), [("seated-dumbbell-calf-raise", 12, 0.0, 20.0)] * 2)
    training.exercises[0] = replace(training.exercises[0], pain=4)
    test = capacity_session(datetime(2026, 11, 24, 7, tzinfo=CET), 12, 10)
    out = io.StringIO()
    write_csv([test, training], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(r["kind"], r["side"], r["reps"], r["pain"]) for r in rows] == [
        ("test", "left", "12", ""), ("test", "right", "10", ""), ("training", "both", "12", "4"), ("training", "both", "12", "4"),
    ]  # fmt: skip
