"""The morning check-in at start: asked when due, answered by a digit or skipped, once a day."""

from __future__ import annotations

import tomllib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from soleus_tui.app import SoleusApp
from soleus_tui.core.clock import ManualClock
from soleus_tui.core.store import Profile
from soleus_tui.ui.shell.morning_checkin import MorningCheckInScreen
from tests.support.histories import make_session
from tests.support.pilot import notified

CET = timezone(timedelta(hours=1))
MORNING = datetime(2026, 11, 25, 7, 0, tzinfo=CET)


def pain_yesterday(data_dir: Path, pain: int | None = 4) -> Profile:
    profile = Profile.open(data_dir, "default")
    session = make_session(MORNING - timedelta(hours=12), [("seated-dumbbell-calf-raise", 12, 0.0, 20.0)])
    session.exercises[0] = replace(session.exercises[0], pain=pain)
    profile.write_session(session)
    return profile


async def started(pilot: Pilot[int]) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@asynccontextmanager
async def started_at(data_dir: Path, wall: datetime) -> AsyncIterator[tuple[SoleusApp, Pilot[int]]]:
    """The app started at that time, once its start-up work is done."""
    app = SoleusApp(data_dir=data_dir, clock=ManualClock(wall=wall))
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        yield app, pilot


def checkins(profile: Profile) -> dict[str, Any]:
    return tomllib.loads((profile.root / "checkins.toml").read_text())


async def test_a_digit_answers_and_switches_no_area(data_dir: Path) -> None:
    profile = pain_yesterday(data_dir)
    async with started_at(data_dir, MORNING) as (app, pilot):
        assert isinstance(app.screen, MorningCheckInScreen)
        assert "0-9  answer · t  ten · esc  skip for today" in str(app.screen.query_one("#checkin-keys").render())
        await pilot.press("3")
        await started(pilot)
        assert app.current_mode == "home" and not isinstance(app.screen, MorningCheckInScreen)
    assert checkins(profile)["checkin"] == [{"date": date(2026, 11, 25), "morning_pain": 3}]
    async with started_at(data_dir, MORNING + timedelta(hours=5)) as (again, _):
        assert not isinstance(again.screen, MorningCheckInScreen)  # the same day: asked once


async def test_ten_shows_the_safety_line(data_dir: Path) -> None:
    profile = pain_yesterday(data_dir)
    async with started_at(data_dir, MORNING) as (app, pilot):
        await pilot.press("t")
        await started(pilot)
        assert notified(app, "not medical advice")
    assert checkins(profile)["checkin"][0]["morning_pain"] == 10


async def test_escape_skips_for_the_day(data_dir: Path) -> None:
    profile = pain_yesterday(data_dir)
    async with started_at(data_dir, MORNING) as (app, pilot):
        await pilot.press("escape")
        await started(pilot)
        assert not isinstance(app.screen, MorningCheckInScreen)
    table = checkins(profile)
    assert table["last_asked"] == date(2026, 11, 25) and table["checkin"] == []


async def test_not_asked_without_pain_recorded(data_dir: Path) -> None:
    pain_yesterday(data_dir, pain=None)
    async with started_at(data_dir, MORNING) as (app, _):
        assert not isinstance(app.screen, MorningCheckInScreen)
