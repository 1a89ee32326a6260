"""Ten years of daily workouts, written as real session files, for the benchmarks."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

import tomli_w

from soleus_tui.core.session import ExerciseLog, Session, SetLog, session_to_dict
from soleus_tui.core.store import Profile

PLAN = (
    ("seated-dumbbell-calf-raise", "Seated dumbbell calf raise", 12, 0.0),
    ("wall-sit-calf-raise", "Wall-sit calf raise", 15, 0.0),
    ("bent-knee-single-leg-calf-raise", "Bent-knee single-leg calf raise", 12, 0.0),
    ("seated-isometric-soleus-hold", "Seated isometric soleus hold", 0, 30.0),
)


def synthetic_session(started: datetime, day_index: int, rng: random.Random) -> Session:
    exercises = []
    moment = started
    for exercise_id, name, reps, hold_s in rng.sample(PLAN, 3):
        log = ExerciseLog(exercise_id, name)
        load = 10.0 + 2.5 * (day_index // 45) if reps else 0.0
        for _ in range(3):
            done = max(reps - rng.randint(0, 3), 1) if reps else 0
            held = hold_s + rng.randint(-5, 10) if hold_s else 0.0
            log.sets.append(SetLog(done, held, load, "both", moment, moment + timedelta(seconds=45), 90.0))
            moment += timedelta(minutes=2, seconds=15)
        exercises.append(log)
    return Session(started, moment, exercises, "")


def write_history(data_dir: Path, years: int = 10, profile: str = "default", seed: int = 7) -> int:
    """Daily sessions for `years` years up to yesterday morning; returns how many were written."""
    target = Profile.open(data_dir, profile)
    rng = random.Random(seed)
    days = 365 * years
    first = datetime.now().astimezone().replace(hour=7, minute=0, second=0, microsecond=0) - timedelta(days=days)
    for day_index in range(days):
        session = synthetic_session(first + timedelta(days=day_index), day_index, rng)
        folder = target.sessions_dir / f"{session.started:%Y}"
        folder.mkdir(mode=0o700, exist_ok=True)
        name = f"{session.started:%Y-%m-%dT%H-%M-%S}-{rng.getrandbits(16):04x}.toml"
        (folder / name).write_text(tomli_w.dumps(session_to_dict(session)))
    return days
