"""The morning check-in at start: asked when due, answered by a digit or skipped, once a day."""

from __future__ import annotations

import threading
import tomllib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from soleus_tui.app import SoleusApp
from soleus_tui.core.pain.checkins import CheckIn, CheckIns, checkins_path, save_checkins
from soleus_tui.core.programmes.running import start_running
from soleus_tui.core.session import ExerciseLog, Session, SetLog
from soleus_tui.core.settings import Settings, save_settings
from soleus_tui.core.store import Profile
from soleus_tui.ui.shell.morning_checkin import MorningCheckInScreen
from tests.support.clock import ManualClock
from tests.support.histories import make_session
from tests.support.pilot import notified, wait_until

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


def held_save(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The check-in's save waits for the event: a slow disk."""
    release = threading.Event()

    def held_back(path: Path, kept: CheckIns) -> None:
        release.wait(timeout=10)
        save_checkins(path, kept)

    monkeypatch.setattr("soleus_tui.ui.shell.morning_checkin.save_checkins", held_back)
    return release


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


async def test_the_box_stays_until_the_answer_is_saved_and_takes_one_answer(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = pain_yesterday(data_dir)
    async with started_at(data_dir, MORNING) as (app, pilot):
        release = held_save(monkeypatch)
        await pilot.press("3", "5", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MorningCheckInScreen)
        release.set()
        await started(pilot)
        assert app.current_mode == "home" and not isinstance(app.screen, MorningCheckInScreen)
    assert checkins(profile)["checkin"] == [{"date": date(2026, 11, 25), "morning_pain": 3}]


async def test_not_asked_without_pain_recorded(data_dir: Path) -> None:
    pain_yesterday(data_dir, pain=None)
    async with started_at(data_dir, MORNING) as (app, _):
        assert not isinstance(app.screen, MorningCheckInScreen)


async def test_a_morning_pain_that_rose_lightens_todays_plan_and_its_session(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The answer is in home's plan and in the load `t` starts at, even when saving it is slower than
    home's reading of the plan."""
    profile = Profile.open(data_dir, "default")
    today = MORNING.date()
    start_running(profile, "hsr-12", today - timedelta(days=2))
    save_settings(profile.settings_path, Settings(pain=True))
    save_checkins(checkins_path(profile), CheckIns((CheckIn(today - timedelta(days=1), 1),), last_asked=today - timedelta(days=1)))
    start = MORNING - timedelta(hours=12)
    sets = [SetLog(15, 0.0, 40.0, "both", start, start + timedelta(minutes=1)) for _ in range(3)]
    exercise = ExerciseLog("seated-calf-raise-machine", "Seated calf raise machine", sets, knee_angle=90, pain=2)
    profile.write_session(Session(start, start + timedelta(minutes=20), [exercise], programme="hsr-12", programme_week=1))
    async with started_at(data_dir, MORNING) as (app, pilot):
        assert isinstance(app.screen, MorningCheckInScreen)
        assert "45 kg" in str(app.screen_stack[0].query_one("#home-plan").render())  # every set hit 15: heavier
        release = held_save(monkeypatch)
        await pilot.press("3")
        await pilot.pause()
        await wait_until(pilot, lambda: not any(w.is_running for w in app.workers if w.group == "home-plan"), "home's read")
        release.set()
        await started(pilot)
        plan = str(app.screen.query_one("#home-plan").render()).splitlines()
        assert plan[2] == "Seated calf raise machine · 3 x 15 (15RM) · 35 kg"
        assert plan[3].strip() == "morning pain rose from 1 to 3/10: one step lighter"
        await pilot.press("t")
        await wait_until(pilot, lambda: app.trainer.workout is not None, "today's session")
        assert app.trainer.workout is not None and app.trainer.workout.load_kg == 35.0
