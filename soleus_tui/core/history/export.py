"""Every logged set of a profile as CSV rows (one per set) or JSON (one object per session)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from soleus_tui.core.session import Session, session_to_dict

CSV_COLUMNS = (
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
    "kind",  # "training" or "test" (a capacity test)
    "pain",  # 0-10 during that exercise, empty when not asked
)


def csv_rows(sessions: Iterable[Session]) -> Iterable[dict[str, Any]]:
    for session in sessions:
        for exercise in session.exercises:
            for number, s in enumerate(exercise.sets, 1):
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
                    "kind": session.kind,
                    "pain": "" if exercise.pain is None else exercise.pain,
                }


def write_csv(sessions: Iterable[Session], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_rows(sessions))


def write_json(sessions: Iterable[Session], out: TextIO) -> None:
    json.dump([session_to_dict(s) for s in sessions], out, indent=2, default=lambda d: d.isoformat())
    out.write("\n")
