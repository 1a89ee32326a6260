"""Numbers drawn from history: per-session totals, streaks, weekly volume, bests."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from soleus_tui.core.session import Session


@dataclass(frozen=True)
class SessionSummary:
    started: datetime
    ended: datetime
    exercises: int
    sets: int
    reps: int
    hold_s: float
    volume_kg: float
    kind: str = "training"  # "test": a capacity test, kept out of volume, streaks and bests

    @property
    def duration_s(self) -> float:
        return (self.ended - self.started).total_seconds()


def summarize(session: Session) -> SessionSummary:
    sets = session.all_sets
    return SessionSummary(
        started=session.started,
        ended=session.ended,
        exercises=len(session.exercises),
        sets=len(sets),
        reps=sum(s.reps for s in sets),
        hold_s=round(sum(s.hold_s for s in sets), 1),
        volume_kg=round(sum(s.volume_kg for s in sets), 2),
        kind=session.kind,
    )


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _run_back(members: set[date], latest: date, step: timedelta) -> int:
    """How many steps in a row, back from `latest` (or the step before it, still to come), are members."""
    current = latest if latest in members else latest - step
    count = 0
    while current in members:
        count += 1
        current -= step
    return count


def streak_days(days: Iterable[date], today: date) -> int:
    """Consecutive training days ending today, or yesterday if today is still to come."""
    return _run_back(set(days), today, timedelta(days=1))


def streak_weeks(days: Iterable[date], today: date) -> int:
    """Consecutive weeks (Monday to Sunday) with training, ending this week or the last."""
    return _run_back({week_start(d) for d in days}, week_start(today), timedelta(weeks=1))


def sessions_per_week(days: Sequence[date], today: date) -> float:
    """Average over the weeks from the first session to this one."""
    if not days:
        return 0.0
    weeks = (week_start(today) - week_start(min(days))).days // 7 + 1
    return round(len(days) / weeks, 2)


def weekly_volume(summaries: Iterable[SessionSummary], today: date, weeks: int) -> list[float]:
    """Volume (reps x kg) per week, oldest first, the last entry being this week."""
    first = week_start(today) - timedelta(weeks=weeks - 1)
    totals = [0.0] * weeks
    for summary in summaries:
        index = (week_start(summary.started.date()) - first).days // 7
        if 0 <= index < weeks:
            totals[index] += summary.volume_kg
    return [round(t, 2) for t in totals]


@dataclass(frozen=True)
class Best:
    value: float
    load_kg: float
    when: datetime


@dataclass(frozen=True)
class ExerciseBests:
    heaviest_at_target: Best | None  # heaviest load with the target reps reached
    most_reps: Best | None  # most reps in one set (ties: the heavier load)
    longest_hold: Best | None


def bests(sessions: Iterable[Session], exercise_id: str, target_reps: int) -> ExerciseBests:
    """The best sets of an exercise; warm-up sets never count."""
    heaviest = most = longest = None
    for session in sessions:
        if session.kind == "test":
            continue
        for exercise in session.exercises:
            if exercise.id != exercise_id:
                continue
            for s in exercise.sets:
                if s.warmup:
                    continue
                if s.reps >= target_reps > 0 and (heaviest is None or s.load_kg > heaviest.load_kg):
                    heaviest = Best(s.reps, s.load_kg, s.started)
                if s.reps and (most is None or (s.reps, s.load_kg) > (most.value, most.load_kg)):
                    most = Best(s.reps, s.load_kg, s.started)
                if s.hold_s and (longest is None or s.hold_s > longest.value):
                    longest = Best(s.hold_s, s.load_kg, s.started)
    return ExerciseBests(heaviest, most, longest)
