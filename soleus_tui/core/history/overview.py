"""What History shows besides its list: the overview, bests per exercise, one exercise's trend."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from soleus_tui.core.catalog import Catalog
from soleus_tui.core.session import Session
from soleus_tui.core.history.stats import (
    ExerciseBests,
    SessionSummary,
    bests,
    sessions_per_week,
    streak_days,
    streak_weeks,
    week_start,
    weekly_volume,
)

CHART_WEEKS = 52
HEAT_LEVELS = 4


@dataclass(frozen=True)
class Overview:
    workouts: int
    streak_days: int
    streak_weeks: int
    this_week: int
    per_week: float
    reps: int
    hold_s: float
    volume_kg: float
    weekly_volume_kg: list[float]  # oldest first, the last being this week
    day_volume_kg: dict[date, float]  # every day with training, holds-only days at 0.0


def overview(summaries: Sequence[SessionSummary], today: date, weeks: int = CHART_WEEKS) -> Overview:
    """Training only: capacity tests count in none of these numbers."""
    summaries = [summary for summary in summaries if summary.kind != "test"]
    days = [summary.started.date() for summary in summaries]
    day_volume: dict[date, float] = {}
    for day, summary in zip(days, summaries):
        day_volume[day] = day_volume.get(day, 0.0) + summary.volume_kg
    monday = week_start(today)
    return Overview(
        workouts=len(summaries),
        streak_days=streak_days(days, today),
        streak_weeks=streak_weeks(days, today),
        this_week=sum(1 for day in days if monday <= day <= today),
        per_week=sessions_per_week(days, today),
        reps=sum(summary.reps for summary in summaries),
        hold_s=round(sum(summary.hold_s for summary in summaries), 1),
        volume_kg=round(sum(summary.volume_kg for summary in summaries), 2),
        weekly_volume_kg=weekly_volume(summaries, today, weeks),
        day_volume_kg=day_volume,
    )


def heat_level(volume_kg: float | None, peak_kg: float) -> int:
    """0 for a day without training; 1 to HEAT_LEVELS by its volume against the peak day shown.
    A day that was trained is at least 1, even with holds only."""
    if volume_kg is None:
        return 0
    if peak_kg <= 0:
        return 1
    return min(HEAT_LEVELS, max(1, math.ceil(HEAT_LEVELS * volume_kg / peak_kg)))


@dataclass(frozen=True)
class ExerciseRecord:
    exercise_id: str
    name: str
    target_reps: int  # the catalog's reps; 0 for holds and for exercises the catalog lacks
    workouts: int
    last_done: date
    bests: ExerciseBests


def exercise_records(highlights_newest_first: Sequence[Session], catalog: Catalog) -> list[ExerciseRecord]:
    """Bests of every exercise in the history, the most recently done first."""
    workouts: dict[str, list[Session]] = {}
    logged_names: dict[str, str] = {}
    for session in highlights_newest_first:
        if session.kind == "test":
            continue
        for exercise in session.exercises:
            done = workouts.setdefault(exercise.id, [])
            if not done or done[-1] is not session:
                done.append(session)
            logged_names.setdefault(exercise.id, exercise.name)
    records = []
    for exercise_id, sessions in workouts.items():
        known = catalog.get(exercise_id)
        target = known.reps if known else 0
        records.append(
            ExerciseRecord(
                exercise_id=exercise_id,
                name=known.name if known else logged_names[exercise_id],
                target_reps=target,
                workouts=len(sessions),
                last_done=sessions[0].started.date(),
                bests=bests(sessions, exercise_id, target),
            )
        )
    return records


TrendPoint = tuple[datetime, ExerciseBests]


def exercise_trend(highlights_newest_first: Iterable[Session], exercise_id: str) -> list[TrendPoint]:
    """Each workout with this exercise, newest first, with its best sets; "heaviest" there means
    the heaviest set of at least one rep."""
    return [
        (session.started, bests([session], exercise_id, target_reps=1))
        for session in highlights_newest_first
        if any(exercise.id == exercise_id for exercise in session.exercises)
    ]


def exercise_pains(highlights_newest_first: Iterable[Session], exercise_id: str) -> list[int | None]:
    """Pain during this exercise in each workout of its trend, in the same order; None: not asked."""
    return [
        next(e.pain for e in session.exercises if e.id == exercise_id)
        for session in highlights_newest_first
        if any(exercise.id == exercise_id for exercise in session.exercises)
    ]


def trend_measure(trend: Sequence[TrendPoint]) -> tuple[str, list[float]]:
    """What shows this exercise's progress, and its values oldest first: "load" (heaviest set)
    once any load was added, else "reps" (most in a set), else "hold" (longest)."""
    points = [point for _, point in reversed(trend)]
    if any(p.heaviest_at_target and p.heaviest_at_target.load_kg for p in points):
        return "load", [p.heaviest_at_target.load_kg if p.heaviest_at_target else 0.0 for p in points]
    if any(p.most_reps for p in points):
        return "reps", [p.most_reps.value if p.most_reps else 0.0 for p in points]
    return "hold", [p.longest_hold.value if p.longest_hold else 0.0 for p in points]
