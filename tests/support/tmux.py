"""Drive the installed soleus-tui in a real terminal: tmux on a private socket."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path


class Tmux:
    def __init__(self, socket_dir: Path, name: str = "soleus") -> None:
        if shutil.which("tmux") is None:
            raise RuntimeError("the real-terminal tests need tmux (apt-get install tmux)")
        self.socket = socket_dir / "tmux.sock"
        self.name = name

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-S", str(self.socket), *args], capture_output=True, text=True, timeout=20)
        if result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def start(self, command: Sequence[str], env: dict[str, str], cwd: Path, size: tuple[int, int] = (80, 24)) -> None:
        exports = [f"-e{key}={value}" for key, value in env.items()]
        self._tmux(
            "-f", os.devnull, "new-session", "-d", "-s", self.name, "-c", str(cwd),
            "-x", str(size[0]), "-y", str(size[1]), *exports, *command,
        )
        self._tmux("set-option", "-t", self.name, "remain-on-exit", "on")

    def press(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.name, *keys)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name)

    def pane(self, field: str) -> str:
        return self._tmux("display-message", "-p", "-t", self.name, f"#{{{field}}}").strip()

    @property
    def pid(self) -> int:
        return int(self.pane("pane_pid"))

    def exited(self) -> bool:
        return self.pane("pane_dead") == "1"

    def wait_until(self, condition: Callable[[], bool], what: str, timeout: float = 15.0) -> None:
        """Poll the terminal until the condition holds; fail with the screen if it never does."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; the screen shows:\n{self.screen()}")

    def wait_for(self, text: str, timeout: float = 15.0) -> None:
        self.wait_until(lambda: text in self.screen(), repr(text), timeout)

    def kill_server(self) -> None:
        subprocess.run(["tmux", "-S", str(self.socket), "kill-server"], capture_output=True, timeout=20)
