"""The running programme as it stands today: read from disk once, for home, history and `today`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from soleus_tui.core.catalog import Catalog
from soleus_tui.core.history.knee import KneeVolume, knee_volume
from soleus_tui.core.history.reader import HistoryReader
from soleus_tui.core.pain.checkins import this_morning
from soleus_tui.core.programmes.model import Programme
from soleus_tui.core.programmes.plan import TodayPlan
from soleus_tui.core.programmes.running import RunningProgramme, read_running
from soleus_tui.core.programmes.schedule import Progress, progress
from soleus_tui.core.programmes.today import today_plan
from soleus_tui.core.session import Session
from soleus_tui.core.store import Profile
from soleus_tui.core.train.suggestions import RECENT

# Sessions read for the suggestions; the programme's own sessions are read back to its start.
LOOKBACK = 120
ENOUGH = 2 * RECENT  # sessions of each exercise that are plenty for its suggestion


@dataclass(frozen=True)
class ProgrammeState:
    running: RunningProgramme | None = None
    programme: Programme | None = None
    progress: Progress | None = None
    plan: TodayPlan | None = None
    warnings: tuple[str, ...] = ()
    knee: KneeVolume = KneeVolume()  # this run's work, bent knee and straight


def recent_sessions(
    profile: Profile, since: date, exercise_ids: Iterable[str] | None = None, lookback: int = LOOKBACK
) -> tuple[list[Session], list[str]]:
    """Newest first: every session from `since` on, and those among the `lookback` newest files.
    File names carry the date, so older files are never opened; with `exercise_ids`, a file from
    before `since` that names none of them is not parsed either."""
    reader = HistoryReader(profile)
    wanted = {exercise_id: 0 for exercise_id in exercise_ids or ()}
    sessions: list[Session] = []
    looked = 0
    for path in profile.iter_session_paths():
        recent = path.name[:10] >= since.isoformat()
        if not recent and (looked >= lookback or (wanted and min(wanted.values()) >= ENOUGH)):
            break
        looked += 1
        if not recent and wanted and not _names_any(path, wanted):
            continue
        session = reader.read(path)
        if session is not None:
            sessions.append(session)
            for exercise in session.exercises:
                if exercise.id in wanted:
                    wanted[exercise.id] += 1
    return sessions, reader.warnings()


def _names_any(path: Path, exercise_ids: Iterable[str]) -> bool:
    try:
        raw = path.read_bytes()
    except OSError:
        return True  # let the reader meet the problem and set the file aside
    return any(f'"{exercise_id}"'.encode() in raw for exercise_id in exercise_ids)


def load_state(profile: Profile, catalog: Catalog, unit: str, today: date, *, pain: bool) -> ProgrammeState:
    """`pain`: the pain setting; on, the plan's suggestions follow the pain rules, as the runner's
    do. Required, so that no caller shows loads that disagree with the runner by leaving it out;
    one that shows no loads (History) passes False and reads no check-ins."""
    running, warnings = read_running(profile)
    if running is None:
        return ProgrammeState(warnings=tuple(warnings))
    programme = catalog.programme(running.id)
    if programme is None:
        warnings.append(f'The running programme "{running.id}" is not in the catalog any more; choose another one')
        return ProgrammeState(running, warnings=tuple(warnings))
    ids = {entry.id for block in programme.blocks for entry in block.exercises}
    sessions, read_warnings = recent_sessions(profile, running.started, ids)
    now = progress(programme, running.started, sessions, today)
    morning = None
    if pain:
        morning, problems = this_morning(profile, today)
        warnings += problems
    plan = today_plan(programme, now, catalog, sessions, unit, morning)
    in_run = [s for s in sessions if s.programme == programme.id and s.started.date() >= running.started]
    return ProgrammeState(running, programme, now, plan, tuple(warnings + read_warnings), knee_volume(in_run, catalog))
