"""From a running programme and the history to today's plan, with a suggestion per exercise."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from soleus_tui.core.catalog import Catalog, Exercise
from soleus_tui.core.pain.rules import MorningPair, pain_adjusted
from soleus_tui.core.programmes.model import BlockExercise, Programme
from soleus_tui.core.programmes.plan import PlannedExercise, TodayPlan
from soleus_tui.core.programmes.schedule import Progress
from soleus_tui.core.session import Session
from soleus_tui.core.train.loads import load_step
from soleus_tui.core.train.suggestions import Suggestion, Target, performances, suggest


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
    planned: Sequence[PlannedExercise],
    catalog: Catalog,
    sessions_newest_first: Sequence[Session],
    unit: str,
    morning: MorningPair | None = None,
) -> tuple[PlannedExercise, ...]:
    """Each exercise with what to try today: the runner's suggestion, under the pain rules when
    `morning` (this morning's check-ins) is given, that is with the pain setting on."""
    return tuple(replace(item, suggestion=_suggestion(item, catalog, sessions_newest_first, unit, morning)) for item in planned)


def _suggestion(
    item: PlannedExercise, catalog: Catalog, sessions_newest_first: Sequence[Session], unit: str, morning: MorningPair | None
) -> Suggestion:
    exercise, step = item.exercise, load_step(item.exercise, unit)
    history = performances(sessions_newest_first, exercise.id, target_of(catalog, exercise))
    hint = suggest(history, target(exercise), exercise.load, step, item.rm)
    if morning is None:
        return hint
    return pain_adjusted(hint, sessions_newest_first, exercise.id, target(exercise).reps, morning, step)


def today_plan(
    programme: Programme,
    progress: Progress,
    catalog: Catalog,
    sessions_newest_first: Iterable[Session],
    unit: str,
    morning: MorningPair | None = None,
) -> TodayPlan:
    """`morning`: this morning's check-ins with the pain setting on, None with it off."""
    week = min(progress.week, programme.weeks)
    exercises = planned_exercises(programme, week, catalog)
    planned = with_suggestions(exercises, catalog, list(sessions_newest_first), unit, morning)
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
