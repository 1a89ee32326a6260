"""Pain recorded on an exercise shows in the workout's detail and on the exercise's trend."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable

from soleus_tui.app import SoleusApp
from soleus_tui.core.history.summary_cache import cache_file
from soleus_tui.core.store import Profile
from soleus_tui.ui.history.exercise_history import ExerciseHistoryScreen
from soleus_tui.ui.history.session_detail import SessionDetailScreen
from tests.support.clock import ManualClock
from tests.support.histories import make_session
from tests.support.settle import settle

CET = timezone(timedelta(hours=1))
TODAY = datetime(2026, 11, 24, 18, 0, tzinfo=CET)
RAISE = "seated-dumbbell-calf-raise"


def cells(table: DataTable, column: str) -> list[str]:
    key = next(k for k, c in table.columns.items() if str(c.label) == column)
    return [str(table.get_cell(row, key)) for row in table.rows]


def write_history(profile: Profile) -> None:
    for days_ago, pain in ((5, 6), (4, None)):  # too old for a morning check-in
        session = make_session(TODAY - timedelta(days=days_ago), [(RAISE, 12, 0.0, 20.0)] * 2)
        session.exercises[0] = replace(session.exercises[0], pain=pain)
        profile.write_session(session)


async def test_pain_in_the_detail_and_the_trend(data_dir: Path) -> None:
    profile = Profile.open(data_dir, "default")
    write_history(profile)
    for _ in range(2):  # from the files, then through the summary cache
        app = SoleusApp(data_dir=data_dir, clock=ManualClock(wall=TODAY))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("3")
            await settle(pilot)
            await pilot.press("down", "enter")  # the older workout, with pain 6
            await settle(pilot)
            assert isinstance(app.screen, SessionDetailScreen)
            assert cells(app.screen.query_one(DataTable), "Pain") == ["6/10", ""]
            await pilot.press("escape", "b")
            await pilot.pause()
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, ExerciseHistoryScreen)
            assert cells(app.screen.query_one(DataTable), "Pain") == ["-", "6/10"]
        assert cache_file(profile).exists()
