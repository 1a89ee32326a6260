"""The running programme as it stands today: read from disk once, for home, history and `today`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from soleus_tui.core.catalog import Catalog
from soleus_tui.core.history.reader import HistoryReader
from soleus_tui.core.programmes.model import Programme
from soleus_tui.core.programmes.plan import TodayPlan
from soleus_tui.core.programmes.running import RunningProgramme, read_running
from soleus_tui.core.programmes.schedule import Progress, progress
from soleus_tui.core.programmes.today import today_plan
from soleus_tui.core.session import Session
from soleus_tui.core.store import Profile

# Sessions read for the suggestions; the programme's own sessions are read back to its start.
LOOKBACK = 120


@dataclass(frozen=True)
class ProgrammeState:
    running: RunningProgramme | None = None
    programme: Programme | None = None
    progress: Progress | None = None
    plan: TodayPlan | None = None
    warnings: tuple[str, ...] = ()


def recent_sessions(profile: Profile, since: date, lookback: int = LOOKBACK) -> tuple[list[Session], list[str]]:
    """Newest first: at least `lookback` sessions, and every one from `since` on. File names carry
    the date, so the files older than both are never opened."""
    reader = HistoryReader(profile)
    sessions = []
    for path in profile.iter_session_paths():
        if len(sessions) >= lookback and path.name[:10] < since.isoformat():
            break
        session = reader.read(path)
        if session is not None:
            sessions.append(session)
    return sessions, reader.warnings()


def load_state(profile: Profile, catalog: Catalog, unit: str, today: date) -> ProgrammeState:
    running, warnings = read_running(profile)
    if running is None:
        return ProgrammeState(warnings=tuple(warnings))
    programme = catalog.programme(running.id)
    if programme is None:
        warnings.append(f'The running programme "{running.id}" is not in the catalog any more; choose another one')
        return ProgrammeState(running, warnings=tuple(warnings))
    sessions, read_warnings = recent_sessions(profile, running.started)
    now = progress(programme, running.started, sessions, today)
    plan = today_plan(programme, now, catalog, sessions, unit)
    return ProgrammeState(running, programme, now, plan, tuple(warnings + read_warnings))
