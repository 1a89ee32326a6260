"""History's capacity view: the tests with left, right and symmetry, a trend per side, VISA-A."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from soleus_tui.app import SoleusApp
from soleus_tui.core.store import Profile
from soleus_tui.ui.history.bar_chart import BarChart
from soleus_tui.ui.history.capacity import CapacityScreen
from soleus_tui.ui.history.paged_table import PagedTable
from soleus_tui.ui.history.visa_a import VisaAScreen
from tests.support.capacity import capacity_session
from tests.support.clock import ManualClock
from tests.support.histories import make_session
from tests.support.settle import settle

CET = timezone(timedelta(hours=1))
TODAY = datetime(2026, 11, 24, 18, 0, tzinfo=CET)


def rows(screen: CapacityScreen) -> list[list[str]]:
    table = screen.query_one(PagedTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_tests_per_knee_with_their_trend_and_a_visa_a_score(data_dir: Path) -> None:
    profile = Profile.open(data_dir, "default")
    profile.write_session(make_session(TODAY - timedelta(days=3), [("seated-dumbbell-calf-raise", 12, 0.0, 20.0)]))
    for days_ago, left, right, knee in ((14, 20, 24, "straight"), (7, 12, 10, "bent"), (0, 15, 14, "bent")):
        profile.write_session(capacity_session(TODAY - timedelta(days=days_ago, hours=2), left, right, knee))
    app = SoleusApp(data_dir=data_dir, clock=ManualClock(wall=TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CapacityScreen)
        assert rows(screen) == [
            ["2026-11-24", "today", "bent", "15", "14", "93 %"],
            ["2026-11-17", "Tue", "bent", "12", "10", "83 % under 90 %"],
        ]
        assert screen.query_one("#capacity-left", BarChart).values == (12.0, 15.0)
        assert screen.query_one("#capacity-right", BarChart).values == (10.0, 14.0)
        await pilot.press("k")
        assert rows(screen) == [["2026-11-10", "Tue", "straight", "20", "24", "83 % under 90 %"]]
        assert "VISA-A: no score yet" in str(screen.query_one("#capacity-visa-a", Static).render())
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, VisaAScreen)
        await pilot.press(*"101")
        assert "at most 100" in str(app.screen.query_one("#value-reason", Static).render())
        await pilot.press("backspace", "backspace", "2", "enter")
        await settle(pilot)
        assert app.screen is screen
        assert "VISA-A: 2026-11-24 12" in str(screen.query_one("#capacity-visa-a", Static).render())
    table = tomllib.loads((profile.root / "checkins.toml").read_text())
    assert table["visa_a"] == [{"date": date(2026, 11, 24), "score": 12}]


async def test_the_overview_leaves_tests_out(data_dir: Path) -> None:
    profile = Profile.open(data_dir, "default")
    profile.write_session(capacity_session(TODAY - timedelta(hours=1), 12, 10))
    app = SoleusApp(data_dir=data_dir, clock=ManualClock(wall=TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await settle(pilot)
        totals = str(app.screen.query_one("#history-totals", Static).render())
        assert "0 days" in totals and "0 workouts" in totals
        assert not app.screen.query(Input)
