"""Set rows of another app grouped into workouts and turned into sessions: calf work only,
mapped by name, and a tally per source exercise of what was taken and what was left out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from soleus_tui.core.catalog import Catalog
from soleus_tui.core.imports.calf_names import Target, calf_target
from soleus_tui.core.imports.rows import MAX_NOTES_CHARS, MOST, BadFile, SetRow, text
from soleus_tui.core.session import ExerciseLog, Session, SetLog

SET_SLOT_S = 60  # the time a set is given when the file does not say how long the workout took


@dataclass
class Tally:
    """What happened to one exercise name of the source file."""

    became: str  # the exercise's name here; "" when it is not calf work
    sets: int = 0
    warmups: int = 0
    empty: int = 0  # sets with neither reps nor time, left out
    skipped: int = 0  # sets of an exercise that is not calf work
    workouts: int = 0


def build_sessions(rows: Iterable[SetRow], catalog: Catalog) -> tuple[list[Session], dict[str, Tally]]:
    workouts: dict[tuple[str, ...], list[SetRow]] = {}
    for row in rows:
        workouts.setdefault(row.workout, []).append(row)
    targets: dict[str, Target | None] = {}
    tallies: dict[str, Tally] = {}
    sessions = []
    for workout in workouts.values():
        for name in dict.fromkeys(row.exercise for row in workout):
            if name not in targets:
                targets[name] = calf_target(name)
                tallies[name] = Tally(_name_here(targets[name], name, catalog))
            tallies[name].workouts += 1
        session = _session(workout, targets, tallies, catalog)
        if session.exercises:
            sessions.append(session)
    return sessions, tallies


def _session(workout: list[SetRow], targets: dict[str, Target | None], tallies: dict[str, Tally],
             catalog: Catalog) -> Session:
    first = workout[0]
    started = first.started
    length_s = int((first.ended - started).total_seconds()) if first.ended else 0
    if length_s > MOST:
        raise BadFile(f"row {first.row}: the workout ends more than a day after it starts")
    if length_s <= 0:
        length_s = SET_SLOT_S * len(workout)
    exercises: dict[str, ExerciseLog] = {}
    notes = [first.notes] if first.notes else []
    for index, row in enumerate(workout):
        target, tally = targets[row.exercise], tallies[row.exercise]
        if target is None:
            tally.skipped += 1
            continue
        hold_s = row.seconds if target.hold or not row.reps else 0.0
        reps = 0 if target.hold else row.reps
        if not reps and not hold_s:
            tally.empty += 1
            continue
        log = exercises.get(target.id)
        if log is None:
            log = exercises[target.id] = _exercise_log(target, row.exercise, catalog)
        if row.exercise_notes and f"{tally.became}: {row.exercise_notes}" not in notes:
            notes.append(f"{tally.became}: {row.exercise_notes}")
        begin = started + timedelta(seconds=length_s * index // len(workout))
        end = started + timedelta(seconds=length_s * (index + 1) // len(workout))
        log.sets.append(SetLog(reps, hold_s, row.load_kg, "both", begin, end, row.rest_s, row.warmup))
        tally.sets += 1
        tally.warmups += row.warmup
    return Session(started, started + timedelta(seconds=length_s), list(exercises.values()),
                   text(" · ".join(notes), MAX_NOTES_CHARS))


def _exercise_log(target: Target, source_name: str, catalog: Catalog) -> ExerciseLog:
    known = None if target.own else catalog.get(target.id)
    if known is not None:
        return ExerciseLog(target.id, known.name, knee_angle=known.knee_angle)
    return ExerciseLog(target.id, source_name, knee_angle=target.knee_angle)


def _name_here(target: Target | None, source_name: str, catalog: Catalog) -> str:
    if target is None:
        return ""
    known = None if target.own else catalog.get(target.id)
    return known.name if known is not None else source_name
