"""The heel-raise test in a real terminal at 80x24, on the wall clock: 5 raises left, 4 right."""

from __future__ import annotations

import tomllib
from pathlib import Path

from soleus_tui.core.store import Profile
from tests.support.tmux import Tmux


def test_a_bent_knee_test_in_tmux(tmux: Tmux, console_script: Path, data_dir: Path, tmp_path: Path) -> None:
    tmux.start([str(console_script), "--data-dir", str(data_dir)],
               env={"TERM": "xterm-256color", "PYTHONPATH": "", "NO_COLOR": ""}, cwd=tmp_path)  # fmt: skip
    tmux.wait_for("History")
    tmux.press("2")
    tmux.wait_for("Exercise")
    tmux.press("t")
    tmux.wait_for("For the norms")
    for _ in range(3):  # a lone escape reaches the app only after its wait for a longer sequence
        tmux.press("Escape")
        try:
            tmux.wait_until(lambda: "For the norms" not in tmux.screen(), "the question to close", timeout=3)
            break
        except AssertionError:
            continue
    assert "For the norms" not in tmux.screen()
    tmux.press("b")
    tmux.wait_for("bent-knee")
    for side, raises in (("left", 5), ("right", 4)):
        tmux.press("Enter")
        tmux.wait_for(f"{side.upper()} LEG · {raises} RAISES", timeout=3 + 2 * raises + 5)
        tmux.press("Enter")  # stopped two seconds before the next raise would count
        if side == "left":
            tmux.wait_for("REST BEFORE THE RIGHT LEG")
            tmux.press("s")
            tmux.wait_for("RIGHT LEG NEXT")
    tmux.wait_for("Symmetry 80 %")
    screen = tmux.screen()
    assert "UNDER 90 %: the right side is weaker" in screen and "Left  5 raises" in screen
    (path,) = Profile.open(data_dir, "default").iter_session_paths()
    table = tomllib.loads(path.read_text())
    assert table["kind"] == "test"
    assert [(s["side"], s["reps"]) for s in table["exercises"][0]["sets"]] == [("left", 5), ("right", 4)]
