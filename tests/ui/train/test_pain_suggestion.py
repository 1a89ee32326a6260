"""A pain of 6 last time: the Train list suggests one step lighter today, and says why."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from textual.widgets import Static

from soleus_tui.app import SoleusApp
from soleus_tui.core.settings import Settings, save_settings
from soleus_tui.core.store import Profile
from soleus_tui.ui.shell.morning_checkin import MorningCheckInScreen
from tests.support.clock import ManualClock
from tests.support.histories import make_session


async def test_the_train_list_suggests_lighter_after_pain_six(data_dir: Path, clock: ManualClock) -> None:
    profile = Profile.open(data_dir, "default")
    save_settings(profile.settings_path, Settings(pain=True))
    session = make_session(clock.now() - timedelta(days=1), [("seated-dumbbell-calf-raise", 12, 0.0, 20.0)] * 3)
    session.exercises[0] = replace(session.exercises[0], pain=6)
    profile.write_session(session)
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        assert isinstance(app.screen, MorningCheckInScreen)  # pain yesterday: the morning question first
        await pilot.press("escape", "2")
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        about = str(app.screen.query_one("#exercise-about", Static).render())
        assert "17.5 kg" in about and "pain 6/10 during last time is above 5: one step lighter" in about
