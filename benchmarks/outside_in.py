"""Start-up and History as a user sees them: the app in a real pseudo-terminal, timed until its
text is on screen (pyte renders what the terminal receives), against the bare Textual apps of
benchmarks/bare.py in the same run.

    python -m benchmarks.outside_in
"""

from __future__ import annotations

import os
import select
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pyte

from benchmarks.bare import NEWEST_DAY
from benchmarks.bytecode import compile_bytecode
from benchmarks.terminal import Terminal, app_env, soleus_argv

SIZE = (80, 24)
PAINTED = "palette"  # the right end of the footer: both apps draw it in their first full frame
PATIENCE_S = 30.0


class Screen:
    """A pseudo-terminal whose output is rendered as a person would see it."""

    def __init__(self, argv: Sequence[str]) -> None:
        self.began = time.monotonic()
        self.terminal = Terminal.spawn(argv, app_env(), SIZE)
        self.screen = pyte.Screen(*SIZE)
        self.stream = pyte.ByteStream(self.screen)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, shown: Callable[[str], bool], patience_s: float = PATIENCE_S) -> float:
        """Seconds from now until the screen shows it."""
        start = time.monotonic()
        while not shown(self.text()):
            left = start + patience_s - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"nothing matched on screen:\n{self.text()}")
            ready, _, _ = select.select([self.terminal.fd], [], [], left)
            if ready:
                self.stream.feed(os.read(self.terminal.fd, 65536))
        return time.monotonic() - start

    def press(self, keys: str) -> None:
        os.write(self.terminal.fd, keys.encode())

    def close(self) -> None:
        self.terminal.close()


def first_paint(argv: Sequence[str]) -> float:
    screen = Screen(argv)
    try:
        return screen.wait_for(lambda text: PAINTED in text)
    finally:
        screen.close()


def first_rows(argv: Sequence[str], newest_day: str, then: str | None = None) -> float:
    """From pressing 3 on the painted first screen to the newest workout's date on screen; with
    `then`, the app is left running until that text is on screen too."""
    screen = Screen(argv)
    try:
        screen.wait_for(lambda text: PAINTED in text)
        for _ in range(3):  # a key sent while the terminal is still being set up can be lost: send it again
            screen.press("3")
            try:
                seconds = screen.wait_for(lambda text: newest_day in text, patience_s=5.0)
            except TimeoutError:
                continue
            if then is not None:
                screen.wait_for(lambda text: then in text)
            return seconds
        raise TimeoutError("3 never showed the first rows")
    finally:
        screen.close()


def newest_day(data_dir: Path) -> str:
    newest = max((data_dir / "profiles" / "default" / "sessions").rglob("*.toml"))
    return newest.name[:10]


def outside_in(empty: Path, history: Path, runs: int = 7) -> dict[str, float]:
    """Medians over interleaved runs, so a busy moment of the machine hits every kind alike."""
    bare_argv = [sys.executable, "-m", "benchmarks.bare"]
    bare_table_argv = [*bare_argv, "table"]
    times: dict[str, list[float]] = {"bare": [], "empty": [], "history": [], "bare_rows": [], "history_rows": []}
    day = newest_day(history)
    compile_bytecode()
    first_paint(soleus_argv(empty))  # warm the file cache
    first_rows(soleus_argv(history), day, then="In all")  # the very first open, which writes the summary cache
    for _ in range(runs):
        times["bare"].append(first_paint(bare_argv))
        times["empty"].append(first_paint(soleus_argv(empty)))
        times["history"].append(first_paint(soleus_argv(history)))
        times["bare_rows"].append(first_rows(bare_table_argv, NEWEST_DAY))
        times["history_rows"].append(first_rows(soleus_argv(history), day))
    return {name: statistics.median(values) for name, values in times.items()}


if __name__ == "__main__":
    import tempfile

    from benchmarks.synthetic import write_history

    work = Path(tempfile.mkdtemp(prefix="soleus-outside-in-"))
    write_history(work / "history", years=10)
    figures = outside_in(work / "empty", work / "history")
    for name, seconds in figures.items():
        reference = {"empty": "bare", "history": "bare", "history_rows": "bare_rows"}.get(name)
        ratio = f" = {seconds / figures[reference]:.2f} x {reference}" if reference else ""
        print(f"{name:<14} {seconds * 1000:6.0f} ms{ratio}")
