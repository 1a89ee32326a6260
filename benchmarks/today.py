"""`soleus-tui today` and the home screen's plan, with a programme running on ten years of data."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from soleus_tui.core.catalog import builtin_catalog
from soleus_tui.core.programmes.commands import pain_turned_on
from soleus_tui.core.programmes.running import start_running
from soleus_tui.core.programmes.state import load_state
from soleus_tui.core.store import Profile


def start_hsr(data_dir: Path) -> None:
    """As `soleus-tui programme start hsr-12` does: the programme runs, and the pain setting is on."""
    profile, programme = Profile.open(data_dir, "default"), builtin_catalog().programme("hsr-12")
    assert programme is not None
    start_running(profile, programme.id, date.today())
    pain_turned_on(profile, programme)


def today_command_s(data_dir: Path, runs: int = 7) -> float:
    """Median wall time of the whole command, interpreter start included."""
    env = {**os.environ, "SOLEUS_TUI_DATA_DIR": str(data_dir)}
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        subprocess.run([sys.executable, "-m", "soleus_tui", "today"], env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - begin)
    return statistics.median(times)


def home_plan_s(data_dir: Path, runs: int = 7) -> float:
    """Median time the home screen's worker takes to read the plan (catalog already loaded)."""
    profile, catalog = Profile.open(data_dir, "default"), builtin_catalog()
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        load_state(profile, catalog, "kg", date.today(), pain=True)
        times.append(time.perf_counter() - begin)
    return statistics.median(times)


if __name__ == "__main__":
    import tempfile

    from benchmarks.synthetic import write_history

    folder = Path(tempfile.mkdtemp(prefix="soleus-today-"))
    write_history(folder, years=10)
    start_hsr(folder)
    print(f"today, ten years: {today_command_s(folder) * 1000:.0f} ms; home plan: {home_plan_s(folder) * 1000:.0f} ms")
