"""Waiting, in tests, until what the keys asked for is on screen, without waiting on the clock."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from soleus_tui.ui.history.history import HistoryScreen
from soleus_tui.ui.history.session_detail import SessionDetailScreen
from soleus_tui.ui.shell.home import HomeScreen

TRIES = 500


def read_in_full(screen: object) -> bool:
    """False while a screen is still reading what it shows in a thread."""
    if isinstance(screen, HomeScreen):
        return screen.state is not None
    if isinstance(screen, HistoryScreen):
        return screen.digests is not None
    if isinstance(screen, SessionDetailScreen):
        return screen.session is not None
    return True


async def settle(pilot: Pilot[Any]) -> None:
    """Until a mode switch or a pushed screen has landed, its reads are done and no worker runs.

    A worker may not have started yet right after a key, so a screen that reads says itself when
    it is done; the pauses let the messages of a finished read be handled."""
    for _ in range(TRIES):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if read_in_full(pilot.app.screen) and not pilot.app.workers:
            return
    raise AssertionError(f"{pilot.app.screen!r} did not settle")
