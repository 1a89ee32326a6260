"""From a running programme and the history to today's plan, with a suggestion per exercise."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from soleus_tui.core.catalog import Catalog, Exercise
from soleus_tui.core.programmes.model import BlockExercise, Programme
from soleus_tui.core.programmes.plan import PlannedExercise, TodayPlan
from soleus_tui.core.programmes.schedule import Progress
from soleus_tui.core.session import Session
from soleus_tui.core.train.loads import load_step
from soleus_tui.core.train.suggestions import Target, performances, suggest


def prescribed(exercise: Exercise, entry: BlockExercise) -> Exercise:
    """The catalog exercise with what the block sets for it."""
    return replace(
        exercise,
        sets=exercise.sets if entry.sets is None else entry.sets,
        reps=exercise.reps if entry.reps is None else entry.reps,
        hold_s=exercise.hold_s if entry.hold_s is None else entry.hold_s,
        rest_s=exercise.rest_s if entry.rest_s is None else entry.rest_s,
        tempo=exercise.tempo if entry.tempo is None else entry.tempo,
    )


def target(exercise: Exercise) -> Target:
    return Target(exercise.sets, exercise.reps, exercise.hold_s)


def planned_exercises(programme: Programme, week: int, catalog: Catalog) -> tuple[PlannedExercise, ...]:
    planned = []
    for entry in programme.block(week).exercises:
        exercise = catalog.get(entry.id)
        if exercise is not None:  # the catalog was checked when read; a stale user file is skipped
            planned.append(PlannedExercise(prescribed(exercise, entry), entry.rm))
    return tuple(planned)


def target_of(catalog: Catalog, exercise: Exercise) -> Callable[[Session], Target]:
    """The target a past session had for this exercise: its programme week's, else the catalog's."""
    default = target(catalog.get(exercise.id) or exercise)

    def of(session: Session) -> Target:
        programme = catalog.programme(session.programme) if session.programme else None
        if programme is None or session.programme_week is None:
            return default
        entry = next((e for e in programme.block(session.programme_week).exercises if e.id == exercise.id), None)
        base = catalog.get(exercise.id)
        return target(prescribed(base, entry)) if entry is not None and base is not None else default

    return of


def with_suggestions(
    planned: Sequence[PlannedExercise], catalog: Catalog, sessions_newest_first: Sequence[Session], unit: str
) -> tuple[PlannedExercise, ...]:
    return tuple(
        replace(
            item,
            suggestion=suggest(
                performances(sessions_newest_first, item.exercise.id, target_of(catalog, item.exercise)),
                target(item.exercise), item.exercise.load, load_step(item.exercise, unit), item.rm,
            ),
        )
        for item in planned
    )


def today_plan(
    programme: Programme, progress: Progress, catalog: Catalog, sessions_newest_first: Iterable[Session], unit: str
) -> TodayPlan:
    week = min(progress.week, programme.weeks)
    planned = with_suggestions(planned_exercises(programme, week, catalog), catalog, list(sessions_newest_first), unit)
    return TodayPlan(
        programme_id=programme.id,
        programme_name=programme.name,
        week=week,
        weeks=programme.weeks,
        done_this_week=progress.done_this_week,
        due_this_week=progress.due_this_week,
        exercises=planned,
        between_exercises_s=programme.between_exercises_s,
        done_today=progress.done_today,
        due_today=progress.due_today,
    )
