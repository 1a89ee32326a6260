"""A whole programme session in a real terminal (tmux, 80x24, a fresh data folder), by keys alone:
hsr-12 started from home, today's session run set by set, the file it leaves, History counting it.

Every wait is for text on the screen (or the file on disk); the rests are skipped with their key.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from soleus_tui.core.store import Profile
from tests.support.tmux import Tmux

SETS, REPS, LOAD_STEPS = 3, 15, 4  # week 1 of hsr-12: 3 x 15RM; four 5 kg steps up on the machine


def test_a_whole_hsr_12_session_from_home_to_history(launch, tmux: Tmux, data_dir: Path) -> None:
    launch()
    tmux.press("p")
    tmux.wait_for("Heavy slow resistance (bent-knee part)")
    tmux.press("Down")
    tmux.wait_for("Beyer et al. (2015)")  # the highlighted programme's source
    tmux.press("Enter")
    tmux.wait_for("Start Heavy slow resistance (bent-knee part)?")
    tmux.press("y")
    tmux.wait_for("week 1 of 12 · 0 of 3 done this week")
    assert "t starts today's session" in tmux.screen()

    tmux.press("t")
    tmux.wait_for(f"Set 1 of {SETS} · both legs")
    assert "Seated calf raise machine" in tmux.screen() and f"REPS · target {REPS}" in tmux.screen()
    tmux.press(*["."] * LOAD_STEPS)  # no history yet: the user picks the load
    tmux.wait_for("Load  20 kg")
    for done in range(1, SETS + 1):
        tmux.press(*["Space"] * REPS, "Enter")
        tmux.wait_for("So far  " + ", ".join([str(REPS)] * done) + " · 20 kg")
        if done < SETS:
            tmux.wait_for("skip the rest")
            tmux.press("s")
            tmux.wait_for(f"Set {done + 1} of {SETS} · both legs")
    tmux.wait_for("Pain during Seated calf raise machine?")  # hsr-12 turned the pain question on
    tmux.press("2")
    tmux.wait_for("end today's session")  # n, after the last planned exercise
    tmux.press("n")
    tmux.wait_for("Today's session is done")
    tmux.press("f")
    tmux.wait_for("Workout finished")
    assert f"1 exercise, {SETS} sets, {SETS * REPS} reps" in tmux.screen()

    (path,) = Profile.open(data_dir, "default").iter_session_paths()
    table = tomllib.loads(path.read_text())
    assert (table["programme"], table["programme_week"]) == ("hsr-12", 1)
    (exercise,) = table["exercises"]
    assert (exercise["id"], exercise["knee_angle"], exercise["pain"]) == ("seated-calf-raise-machine", 90, 2)
    assert [(s["reps"], s["load_kg"]) for s in exercise["sets"]] == [(REPS, 20.0)] * SETS

    tmux.press("Enter")  # closes the summary
    tmux.wait_until(lambda: "Workout finished" not in tmux.screen(), "the summary to close")
    tmux.press("3")
    tmux.wait_for("week 1 of 12 · 1 of 3 this week")
    assert "bent knee 45 reps, 900 kg" in tmux.screen()
