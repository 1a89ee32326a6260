"""The alert sequences as a real terminal receives them: the app in a pseudo-terminal, its output
read byte for byte; plain under a bare terminal, wrapped for passthrough when TMUX is set."""

from __future__ import annotations

import os
import select
import sys
import time
from pathlib import Path

import pytest

from benchmarks.terminal import Terminal, app_env
from soleus_tui.core.settings import Settings, save_settings
from soleus_tui.core.store import Profile

NOTIFIED = b"\x1b]9;soleus-tui: Rest is over: Seated dumbbell calf raise\x07"
PROGRESS = b"\x1b]9;4;1;100\x07"


def rest_output(data_dir: Path, **env: str) -> bytes:
    """Start the first exercise, log a rep, and collect what is written while a 2 s rest runs out."""
    profile = Profile.open(data_dir, "default")
    save_settings(profile.settings_path, Settings(notify="osc9", progress=True, rest_s={"seated-dumbbell-calf-raise": 2}))
    terminal = Terminal.spawn([sys.executable, "-m", "soleus_tui", "--data-dir", str(data_dir)], app_env() | env)
    try:
        terminal.read_for(3.0)
        terminal.press("2", settle=1.5)
        terminal.press("\r", settle=1.0)
        terminal.press(" ", settle=0.3)
        os.write(terminal.fd, b"\r")
        seen, deadline = b"", time.monotonic() + 10
        while time.monotonic() < deadline:
            ready, _, _ = select.select([terminal.fd], [], [], 0.5)
            if ready:
                seen += os.read(terminal.fd, 65536)
            if NOTIFIED in seen.replace(b"\x1b\x1b", b"\x1b"):
                deadline = min(deadline, time.monotonic() + 1.0)  # and what the same repaint sends
        return seen
    finally:
        terminal.close()


def test_a_bare_terminal_gets_the_notification_and_the_progress(data_dir: Path) -> None:
    seen = rest_output(data_dir)
    assert PROGRESS in seen and NOTIFIED in seen
    assert b"\x1b]9;4;0\x07" in seen  # the progress is taken away when rest is over
    assert b"\x1bPtmux;" not in seen


@pytest.mark.parametrize("sequence", [NOTIFIED, PROGRESS])
def test_inside_tmux_every_sequence_is_wrapped_for_passthrough(data_dir: Path, sequence: bytes) -> None:
    seen = rest_output(data_dir, TMUX="/tmp/tmux-0/default,1,0")
    wrapped = b"\x1bPtmux;" + sequence.replace(b"\x1b", b"\x1b\x1b") + b"\x1b\\"
    assert wrapped in seen
