"""Hand-made and generated histories written as real session files."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import tomli_w

from soleus_tui.core.session import ExerciseLog, Session, SetLog, session_to_dict
from soleus_tui.core.store import Profile


def make_session(
    started: datetime,
    sets: list[tuple[str, int, float, float]],
    notes: str = "",
) -> Session:
    """sets: (exercise id, reps, hold_s, load_kg), one minute apart, 90 s rest."""
    exercises: dict[str, ExerciseLog] = {}
    for index, (exercise_id, reps, hold_s, load_kg) in enumerate(sets):
        begin = started + timedelta(minutes=index)
        log = exercises.setdefault(exercise_id, ExerciseLog(exercise_id, exercise_id.replace("-", " ").capitalize()))
        log.sets.append(SetLog(reps, hold_s, load_kg, "both", begin, begin + timedelta(seconds=40), 90.0))
    return Session(started, started + timedelta(minutes=len(sets) + 1), list(exercises.values()), notes)


def write_daily_history(profile: Profile, last_day: datetime, days: int) -> list[Session]:
    """One session a day for `days` days up to `last_day`, loads creeping up."""
    sessions = []
    for back in range(days):
        started = last_day - timedelta(days=back)
        load = 10.0 + 2.5 * ((days - back) // 30)
        session = make_session(
            started,
            [("seated-dumbbell-calf-raise", 12, 0.0, load)] * 3 + [("seated-isometric-hold", 0, 30.0, 0.0)] * 2,
        )
        profile.write_session(session)
        sessions.append(session)
    return sessions


REALISTIC_PLAN = (  # (id, name, reps, hold_s, first load kg, sides)
    ("seated-dumbbell-calf-raise", "Seated dumbbell calf raise", 12, 0.0, 12.5, ("both",)),
    ("wall-sit-calf-raise", "Wall-sit calf raise", 15, 0.0, 0.0, ("both",)),
    ("bent-knee-single-leg-calf-raise", "Bent-knee single-leg calf raise", 12, 0.0, 0.0, ("left", "right")),
    ("seated-isometric-soleus-hold", "Seated isometric soleus hold", 0, 30.0, 10.0, ("both",)),
)


def realistic_session(started: datetime, week: int, rng: random.Random) -> Session:
    """Two or three exercises of three sets, loads and holds creeping up by the week."""
    exercises = []
    moment = started
    for exercise_id, name, reps, hold_s, load, sides in rng.sample(REALISTIC_PLAN, rng.choice((2, 3))):
        log = ExerciseLog(exercise_id, name)
        load_now = load + 2.5 * (week // 3) if load else 0.0
        for _ in range(3):
            for side in sides:
                done = max(reps - rng.choice((0, 0, 1, 2, 3)), 1) if reps else 0
                held = hold_s + week + rng.choice((0.0, 2.5, 5.0)) if hold_s else 0.0
                log.sets.append(SetLog(done, held, load_now, side, moment, moment + timedelta(seconds=50), 90.0))
                moment += timedelta(minutes=2, seconds=20)
        exercises.append(log)
    note = rng.choice(("", "", "", "Calves tight after the long run", "Felt strong, kept the tempo"))
    return Session(started, moment, exercises, note)


def write_realistic_history(profile: Profile, today: datetime, weeks: int, seed: int = 5) -> list[Session]:
    """Three to five mornings or evenings a week for `weeks` weeks up to `today`, with a week off
    now and then; newest first. The same seed writes the same history."""
    rng = random.Random(seed)
    monday = (today - timedelta(days=today.weekday())).replace(hour=0, minute=0, second=0)
    sessions = []
    for back in range(weeks):
        week_monday = monday - timedelta(weeks=back)
        if back and rng.random() < 0.1:
            continue
        for day in sorted(rng.sample(range(7), rng.choice((3, 4, 5))), reverse=True):
            started = week_monday + timedelta(days=day, hours=rng.choice((7, 7, 18)), minutes=rng.choice((0, 15, 30)))
            if started <= today:
                session = realistic_session(started, weeks - back, rng)
                profile.write_session(session)
                sessions.append(session)
    return sessions


def write_years(data_dir: Path, years: int = 10, profile: str = "default", seed: int = 7) -> int:
    """A session every morning for `years` years up to yesterday, the realistic kind, for the
    benchmarks and the tests of long histories. Written straight to disk (no fsync per file):
    thousands of files in seconds. Returns how many were written."""
    target = Profile.open(data_dir, profile)
    rng = random.Random(seed)
    days = 365 * years
    first = datetime.now().astimezone().replace(hour=7, minute=0, second=0, microsecond=0) - timedelta(days=days)
    for day in range(days):
        session = realistic_session(first + timedelta(days=day), day // 7, rng)
        folder = target.sessions_dir / f"{session.started:%Y}"
        folder.mkdir(mode=0o700, exist_ok=True)
        name = f"{session.started:%Y-%m-%dT%H-%M-%S}-{rng.getrandbits(16):04x}.toml"
        (folder / name).write_text(tomli_w.dumps(session_to_dict(session)))
    return days


HAND_MADE_TODAY = datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))  # a Tuesday


def hand_made_history() -> list[Session]:
    """Five workouts, newest first, small enough to work out every number by hand."""
    def on(month: int, day: int, hour: int) -> datetime:
        return HAND_MADE_TODAY.replace(month=month, day=day, hour=hour, minute=0)

    raise_ = "seated-dumbbell-calf-raise"
    hold = "seated-isometric-soleus-hold"
    return [
        make_session(on(11, 24, 7), [(raise_, 12, 0.0, 20.0), (raise_, 12, 0.0, 20.0), (raise_, 10, 0.0, 20.0)]),
        make_session(on(11, 23, 18), [(hold, 0, 30.0, 0.0), (hold, 0, 45.0, 5.0)], notes="Calves tight"),
        make_session(on(11, 22, 7), [(raise_, 12, 0.0, 22.5), (raise_, 14, 0.0, 17.5)]),
        make_session(on(11, 15, 7), [(raise_, 15, 0.0, 15.0)]),
        make_session(on(10, 20, 7), [(raise_, 12, 0.0, 25.0)]),
    ]
