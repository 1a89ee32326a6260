"""History with ten years of daily workouts: time to the first rows on screen, to the full stats,
the slowest key answered meanwhile, and peak memory; the same for an empty history.

    python benchmarks/history.py

It writes the histories itself, in a temporary folder. Each figure comes from a fresh process, so
the History modules are imported on the key press as they are for a user, and peak memory is
that of the app alone. Ten years are timed twice: the first open builds the summary cache, the
second uses it. `history_timings` measures once in the calling process.
"""

from __future__ import annotations

import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POLL_S = 0.001
KEY_GAP_S = 0.03  # keys as fast as from someone holding `down`
GIVE_UP_S = 30.0


def history_timings(data_dir: Path, profile: str = "default") -> dict[str, float]:
    """Seconds from pressing 3 on the home screen to a frame with the first rows ("first_rows")
    and to one with the overview filled in ("full_stats"), the slowest `down` answered in between
    ("slowest_key"), and this process's peak resident memory in MiB ("peak_mib")."""
    return asyncio.run(_time_history(data_dir, profile))


async def _time_history(data_dir: Path, profile: str) -> dict[str, float]:
    from soleus_tui.app import SoleusApp

    app = SoleusApp(data_dir=data_dir, profile=profile)
    newest = next(app.profile.iter_session_paths(), None)
    markers = {  # text a frame holds only once that part is drawn
        "first_rows": newest.name[:10] if newest else "No workouts yet",
        "full_stats": "In all",
    }
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        drawn = _watch_frames(app, markers)
        begin = time.perf_counter()
        _send_key(app, "3")
        await _seconds_until(lambda: "first_rows" in drawn, begin)
        slowest_key = 0.0
        while "full_stats" not in drawn:
            slowest_key = max(slowest_key, await _key_latency(app))
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    times = {name: seen - begin for name, seen in drawn.items()}
    return {**times, "slowest_key": slowest_key, "peak_mib": peak_mib}


def _watch_frames(app: Any, markers: dict[str, str]) -> dict[str, float]:
    """When each marker is first in a frame for the terminal. Headless, Textual skips turning
    frames into terminal output; this does it, as a real terminal would need it."""
    drawn: dict[str, float] = {}
    display = app._display

    def display_and_watch(screen: Any, update: Any) -> None:
        display(screen, update)
        if hasattr(update, "render_segments") and len(drawn) < len(markers):
            frame = update.render_segments(app.console)
            for name, marker in markers.items():
                if name not in drawn and marker in frame:
                    drawn[name] = time.perf_counter()

    app._display = display_and_watch
    return drawn


def _send_key(app: Any, key: str) -> None:
    """As the terminal driver does it; pilot.press would also wait for the worker to rest."""
    from textual import events

    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    app._driver.send_message(event)


async def _key_latency(app: Any) -> float:
    """Seconds from a key arriving to the cursor of the workouts list moving: `down`, or `home`
    from the last row; none while the list is empty."""
    await asyncio.sleep(KEY_GAP_S)
    table = app.screen.query_one("#history-workouts")
    if not table.row_count:  # an empty history: no cursor to move
        return 0.0
    row, pressed = table.cursor_row, time.perf_counter()
    _send_key(app, "down" if row < table.row_count - 1 else "home")
    return await _seconds_until(lambda: table.cursor_row != row, pressed)


async def _seconds_until(condition: Callable[[], bool], begin: float) -> float:
    while not condition():
        if time.perf_counter() - begin > GIVE_UP_S:
            raise TimeoutError(f"History did not get there within {GIVE_UP_S:g} s")
        await asyncio.sleep(POLL_S)
    return time.perf_counter() - begin


def history_timings_in_a_fresh_process(data_dir: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, "--measure", str(data_dir)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    if result.returncode:
        raise RuntimeError(f"measuring {data_dir} failed:\n{result.stderr}")
    return json.loads(result.stdout.splitlines()[-1])


def main() -> None:
    from benchmarks.synthetic import write_history
    from soleus_tui.core.store import Profile

    work = Path(tempfile.mkdtemp(prefix="soleus-history-bench-"))
    empty, ten_years = work / "empty", work / "ten-years"
    Profile.open(empty, "default")
    sessions = write_history(ten_years, years=10)
    print(f"History at 80x24, headless, {sessions} daily session files for ten years; a fresh process each")
    print(f"  {'':<34} {'first rows':>10} {'full stats':>10} {'slowest key':>12} {'peak memory':>12}")
    for label, folder in (
        ("empty history", empty),
        ("ten years, first open (no cache)", ten_years),
        ("ten years, summary cache in place", ten_years),
    ):
        figures = history_timings_in_a_fresh_process(folder)
        print(
            f"  {label:<34} {figures['first_rows'] * 1000:>7.0f} ms {figures['full_stats'] * 1000:>7.0f} ms"
            f" {figures['slowest_key'] * 1000:>9.0f} ms {figures['peak_mib']:>8.0f} MiB"
        )
    print("  targets: first rows <= 150 ms, full stats <= 1500 ms, peak memory < 80 MiB")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(history_timings(Path(sys.argv[2]))))
    else:
        main()
