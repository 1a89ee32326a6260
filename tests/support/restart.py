"""The app started again on the files an earlier run left behind, as after a closed terminal."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot

from soleus_tui.app import SoleusApp
from tests.support.clock import ManualClock


@asynccontextmanager
async def restarted(
    data_dir: Path, clock: ManualClock, exercises: Path | None = None, size: tuple[int, int] = (80, 24)
) -> AsyncIterator[tuple[SoleusApp, Pilot[int]]]:
    """A new app on the same data folder (and catalog file), running, its first screen drawn."""
    app = SoleusApp(data_dir=data_dir, exercises=exercises, clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield app, pilot
