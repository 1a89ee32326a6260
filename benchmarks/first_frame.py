"""Start an app headless and end the process the moment its first frame is drawn. Timed from
outside: what an app does after its first frame, and the interpreter's clean-up, are not part of
the time to it.

    python -m benchmarks.first_frame bare
    python -m benchmarks.first_frame soleus DATA_DIR
"""

from __future__ import annotations

import os
import sys

from textual.app import App


def leave_at_first_frame(app: App[object]) -> None:
    app.call_after_refresh(os._exit, 0)


def bare() -> None:
    from benchmarks.bare import Bare

    class FirstFrame(Bare):
        def on_mount(self) -> None:
            leave_at_first_frame(self)

    FirstFrame().run(headless=True)


def soleus(data_dir: str) -> None:
    from pathlib import Path

    from soleus_tui.app import SoleusApp

    class FirstFrame(SoleusApp):
        def on_mount(self) -> None:
            leave_at_first_frame(self)  # queued ahead of the work the app defers past frame one
            super().on_mount()

    FirstFrame(data_dir=Path(data_dir)).run(headless=True)


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        soleus(sys.argv[2])
