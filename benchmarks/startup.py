"""Time to first frame and per-rep autosave latency, against a bare Textual app in the same run."""

from __future__ import annotations

import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from benchmarks.bytecode import compile_bytecode

ROOT = Path(__file__).parents[1]
PATIENCE_S = 60.0


def time_first_frame(*args: str) -> float:
    begin = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "benchmarks.first_frame", *args], cwd=ROOT)
    watchdog = threading.Timer(PATIENCE_S, process.kill)
    watchdog.start()
    try:
        code = process.wait()  # without a timeout: a wait with one polls, in steps of up to 50 ms
    finally:
        watchdog.cancel()
    seconds = time.perf_counter() - begin
    if code:
        raise subprocess.CalledProcessError(code, process.args)
    return seconds


def first_frame_ratios(empty_dir: Path, history_dir: Path, runs: int = 9) -> dict[str, float]:
    """Median seconds for each app, runs interleaved so machine noise hits all of them alike."""
    times: dict[str, list[float]] = {"bare": [], "empty": [], "history": []}
    compile_bytecode()
    time_first_frame("soleus", str(empty_dir))  # warm the file cache
    for _ in range(runs):
        times["bare"].append(time_first_frame("bare"))
        times["empty"].append(time_first_frame("soleus", str(empty_dir)))
        times["history"].append(time_first_frame("soleus", str(history_dir)))
    return {name: statistics.median(values) for name, values in times.items()}


def autosave_latency(data_dir: Path, reps: int = 300) -> tuple[float, float]:
    """Median and p99 seconds for one rep counted and saved, with whatever history is on disk."""
    from soleus_tui.core.catalog import builtin_catalog
    from soleus_tui.core.clock import SystemClock
    from soleus_tui.core.settings import Settings
    from soleus_tui.core.store import Profile
    from soleus_tui.core.train.trainer import Trainer

    catalog = builtin_catalog()
    trainer = Trainer(Profile.open(data_dir, "default"), catalog, Settings(), SystemClock())
    trainer.start(catalog.exercises[0])
    samples = []
    for count in range(reps):
        begin = time.perf_counter()
        if count % 15 == 14:
            trainer.act(lambda w: w.finish_set())
        else:
            trainer.act(lambda w: w.count())
        samples.append(time.perf_counter() - begin)
    trainer.finish()
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]
