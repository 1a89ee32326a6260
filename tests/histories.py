"""Hand-made and generated histories written as real session files."""

from __future__ import annotations

from datetime import datetime, timedelta

from soleus_tui.core.session import ExerciseLog, Session, SetLog
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
