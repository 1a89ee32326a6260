"""Bytes a real terminal receives, and CPU used, while the rest timer runs, while the capacity
test's metronome beats, and while idle.

The app runs in a pseudo-terminal of 80x24, driven by keys as a person would drive it.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import struct
import sys
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Terminal:
    pid: int
    fd: int

    @classmethod
    def spawn(cls, argv: Sequence[str], env: dict[str, str], size: tuple[int, int] = (80, 24)) -> Terminal:
        pid, fd = pty.fork()
        if pid == 0:
            os.execvpe(argv[0], list(argv), env)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        return cls(pid, fd)

    def read_for(self, seconds: float) -> int:
        """Drain output for this long; how many bytes came."""
        total, deadline = 0, time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    total += len(os.read(self.fd, 65536))
                except OSError:
                    break
        return total

    def press(self, keys: str, settle: float = 0.6) -> None:
        os.write(self.fd, keys.encode())
        self.read_for(settle)

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def close(self) -> None:
        try:
            os.kill(self.pid, 15)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)


def measure(terminal: Terminal, seconds: float) -> tuple[float, float]:
    """Bytes per second and percent of one core over the next `seconds`."""
    cpu = terminal.cpu_seconds()
    begin = time.monotonic()
    sent = terminal.read_for(seconds)
    elapsed = time.monotonic() - begin
    return sent / elapsed, 100 * (terminal.cpu_seconds() - cpu) / elapsed


def app_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TEXTUAL")}
    env.update(TERM="xterm-256color", COLUMNS="80", LINES="24")
    return env


def soleus_argv(data_dir: Path) -> list[str]:
    return [sys.executable, "-m", "soleus_tui", "--data-dir", str(data_dir)]


def rest_timer_cost(data_dir: Path, seconds: float = 20.0) -> dict[str, float]:
    terminal = Terminal.spawn(soleus_argv(data_dir), app_env())
    try:
        terminal.read_for(3.0)  # start-up
        idle_bps, idle_cpu = measure(terminal, 5.0)
        terminal.press("2", settle=1.5)  # Train
        terminal.press("\r", settle=1.0)  # start the first exercise
        for _ in range(3):
            terminal.press(" ", settle=0.2)
        terminal.press("\r", settle=1.0)  # log the set: rest starts
        rest_bps, rest_cpu = measure(terminal, seconds)
        return {"idle_bps": idle_bps, "idle_cpu": idle_cpu, "rest_bps": rest_bps, "rest_cpu": rest_cpu}
    finally:
        terminal.close()


def termdown_cost(seconds: float = 20.0) -> dict[str, float] | None:
    binary = shutil.which("termdown")
    if binary is None:
        return None
    terminal = Terminal.spawn([binary, "90"], app_env())
    try:
        terminal.read_for(1.5)
        bps, cpu = measure(terminal, seconds)
        return {"rest_bps": bps, "rest_cpu": cpu}
    finally:
        terminal.close()


def metronome_cost(data_dir: Path, seconds: float = 20.0) -> dict[str, float]:
    """The heel-raise test: bytes and CPU while the metronome beats, then in the rest between legs."""
    terminal = Terminal.spawn(soleus_argv(data_dir), app_env())
    try:
        terminal.read_for(3.0)  # start-up
        terminal.press("2", settle=1.5)  # Train
        terminal.press("t", settle=1.5)  # the test; the first one asks for birth year and sex
        terminal.press("\x1b", settle=1.0)  # skipped
        terminal.press("\r", settle=3.5)  # the left leg: through the 3-2-1
        beat_bps, beat_cpu = measure(terminal, seconds)
        terminal.press("\r", settle=1.0)  # stop: the rest between the legs
        rest_bps, rest_cpu = measure(terminal, seconds)
        return {"metronome_bps": beat_bps, "metronome_cpu": beat_cpu, "leg_rest_bps": rest_bps, "leg_rest_cpu": rest_cpu}
    finally:
        terminal.close()
