"""Every figure of the design's performance table, in one run:  python -m benchmarks

Start-up is compared with a bare Textual app (Header, Static, Footer) timed in the same run,
headless and in a real pseudo-terminal until the text is on screen (needs `pip install '.[bench]'`);
the terminal figures with `termdown` counting down the same rest, when it is installed.
"""

from __future__ import annotations

import platform
import tempfile
from datetime import date
from pathlib import Path

from benchmarks.history import history_timings_in_a_fresh_process
from benchmarks.outside_in import outside_in
from benchmarks.import_20k import import_timings
from benchmarks.startup import autosave_latency, first_frame_ratios
from benchmarks.synthetic import write_history
from benchmarks.terminal import metronome_cost, rest_timer_cost, termdown_cost
from benchmarks.today import home_plan_s, start_hsr, today_command_s
from soleus_tui.core.history.summary_cache import cache_file
from soleus_tui.core.store import Profile


def row(what: str, figure: str, target: str, met: bool) -> None:
    print(f"  {what:<42} {figure:<34} {target:<14} {'ok' if met else 'MISSED'}")


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="soleus-bench-"))
    empty, history = work / "empty", work / "history"
    sessions = write_history(history, years=10)
    print(f"soleus-tui benchmarks, {date.today()}, {platform.machine()}, Python {platform.python_version()}")
    print(f"  ten years of daily workouts: {sessions} session files\n")

    frames = first_frame_ratios(empty, history)
    bare = frames["bare"]
    row("first frame, bare Textual app", f"{bare * 1000:.0f} ms", "", True)
    row("first frame, empty data dir", f"{frames['empty'] * 1000:.0f} ms = {frames['empty'] / bare:.2f} x", "<= 1.25 x", frames["empty"] / bare <= 1.25)
    row("first frame, ten years on disk", f"{frames['history'] * 1000:.0f} ms = {frames['history'] / bare:.2f} x", "<= 1.35 x", frames["history"] / bare <= 1.35)

    seen = outside_in(empty, history)
    row("first paint in a real terminal, bare app", f"{seen['bare'] * 1000:.0f} ms", "", True)
    row("  same, empty data dir", f"{seen['empty'] * 1000:.0f} ms = {seen['empty'] / seen['bare']:.2f} x", "<= 1.25 x", seen["empty"] / seen["bare"] <= 1.25)
    row("  same, ten years on disk", f"{seen['history'] * 1000:.0f} ms = {seen['history'] / seen['bare']:.2f} x", "<= 1.25 x", seen["history"] / seen["bare"] <= 1.25)
    row("  bare app: 3 to a table's first rows", f"{seen['bare_rows'] * 1000:.0f} ms", "", True)
    rows, ratio = seen["history_rows"], seen["history_rows"] / seen["bare_rows"]
    row("  History's first rows, ten years", f"{rows * 1000:.0f} ms = {ratio:.2f} x", "<= 300 ms", rows <= 0.3)

    cache_file(Profile.open(history, "default")).unlink()  # written by the outside-in runs: History opens anew
    for label in ("first open", "cached"):
        timings = history_timings_in_a_fresh_process(history)
        first, full, key = timings["first_rows"], timings["full_stats"], timings["slowest_key"]
        row(f"history, {label}: first rows", f"{first * 1000:.0f} ms", "<= 150 ms", first <= 0.150)
        row(f"history, {label}: full stats", f"{full * 1000:.0f} ms (slowest key {key * 1000:.0f} ms)", "<= 1500 ms", full <= 1.5)
    peak = timings["peak_mib"]

    for label, folder in (("empty", empty), ("ten years", history)):
        median, p99 = autosave_latency(folder)
        row(f"log a rep + autosave, {label}", f"median {median * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms", "median < 5 ms", median < 0.005)

    ours, theirs = rest_timer_cost(empty), termdown_cost()
    budget = min(theirs["rest_bps"], 1024) if theirs else 1024
    row("terminal output while resting", f"{ours['rest_bps']:.0f} B/s", f"<= {budget:.0f} B/s", ours["rest_bps"] <= budget)
    row("CPU while resting", f"{ours['rest_cpu']:.2f} % of a core", "< 1 %", ours["rest_cpu"] < 1)
    row("terminal output, idle home screen", f"{ours['idle_bps']:.0f} B/s", "0 B/s", ours["idle_bps"] == 0)
    if theirs:
        row("termdown, same countdown", f"{theirs['rest_bps']:.0f} B/s, {theirs['rest_cpu']:.2f} % CPU", "(reference)", True)
    else:
        print("  termdown is not installed (pip install termdown) - compared with 1 KB/s only")
    test = metronome_cost(work / "test")
    row("terminal output, test metronome", f"{test['metronome_bps']:.0f} B/s", "<= 1024 B/s", test["metronome_bps"] <= 1024)
    row("CPU while the metronome beats", f"{test['metronome_cpu']:.2f} % of a core", "< 1 %", test["metronome_cpu"] < 1)
    row("terminal output, rest between legs", f"{test['leg_rest_bps']:.0f} B/s", f"<= {budget:.0f} B/s", test["leg_rest_bps"] <= budget)
    row("peak memory, ten years, History open", f"{peak:.0f} MiB", "< 80 MiB", peak < 80)

    imports = import_timings(work / "import")
    row("import, 20,000-row Strong export", f"{imports['first']:.2f} s ({imports['sessions']:.0f} files)", "< 2 s", imports["first"] < 2)
    row("import, the same file again", f"{imports['again']:.2f} s (nothing added)", "< 2 s", imports["again"] < 2)

    start_hsr(history)  # from here on a programme runs on the ten years
    command, plan = today_command_s(history), home_plan_s(history)
    row("`soleus-tui today`, ten years, hsr-12", f"{command * 1000:.0f} ms (whole process)", "<= 300 ms", command <= 0.3)
    row("home screen's plan, ten years (worker)", f"{plan * 1000:.0f} ms", "(off the UI)", True)


if __name__ == "__main__":
    main()
