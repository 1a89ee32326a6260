"""Import of a 20,000-row Strong export into an empty profile, and the same file again:
python -m benchmarks.import_20k"""

from __future__ import annotations

import csv
import io
import random
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from soleus_tui.core.catalog import builtin_catalog
from soleus_tui.core.imports.command import import_file
from soleus_tui.core.store import Profile

HEADER = ("Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps", "Distance", "Seconds",
          "Notes", "Workout Notes", "RPE")
WORKOUT = (  # (exercise, sets, reps, seconds, first weight kg): 20 rows, 11 of them calf work
    ("Squat (Barbell)", 4, 5, 0, 60.0),
    ("Seated Calf Raise (Machine)", 4, 12, 0, 30.0),
    ("Bench Press (Barbell)", 3, 8, 0, 50.0),
    ("Standing Calf Raise (Dumbbell)", 3, 15, 0, 12.0),
    ("Leg Press", 2, 10, 0, 100.0),
    ("Calf Hold", 2, 0, 45, 0.0),
    ("Plank", 2, 0, 60, 0.0),
)


def strong_export(rows: int, seed: int = 3) -> str:
    """A classic comma-quoted Strong export of `rows` set rows, a workout every other day,
    each opening with a warm-up set of its calf raise."""
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(HEADER)
    day, written = datetime(2015, 1, 5, 18, 0), 0
    while written < rows:
        week = written // 400
        for name, sets, reps, seconds, weight in WORKOUT:
            for number in range(sets):
                if written == rows:
                    break
                order = "W" if number == 0 and name.startswith("Seated Calf") else str(number + 1)
                done = max(reps - rng.randint(0, 2), 1) if reps else 0
                load = weight + 2.5 * week if weight else 0
                writer.writerow((day.strftime("%Y-%m-%d %H:%M:%S"), "Evening, legs", "1h 5m", name, order, load, done,
                                 0, seconds, "", "Felt strong,\nno pain" if rng.random() < 0.1 else "", ""))
                written += 1
        day += timedelta(days=2, minutes=rng.choice((0, 15, 30)))
    return out.getvalue()


def import_timings(work: Path, rows: int = 20_000) -> dict[str, float]:
    """Seconds for the first import (everything written) and for the same file again (nothing)."""
    source = work / "strong.csv"
    source.write_text(strong_export(rows), encoding="utf-8")
    profile, catalog = Profile.open(work / "data", "default"), builtin_catalog()
    timings: dict[str, float] = {}
    for label in ("first", "again"):
        begin = time.perf_counter()
        outcome = import_file(profile, source, catalog)
        timings[label] = time.perf_counter() - begin
        assert outcome.code == 0, outcome.lines
    timings["sessions"] = float(sum(1 for _ in profile.iter_session_paths()))
    return timings


def main() -> None:
    timings = import_timings(Path(tempfile.mkdtemp(prefix="soleus-import-")))
    print(f"import of a 20,000-row Strong export: {timings['first']:.2f} s "
          f"({timings['sessions']:.0f} session files), the same file again: {timings['again']:.2f} s (target < 2 s)")


if __name__ == "__main__":
    main()
