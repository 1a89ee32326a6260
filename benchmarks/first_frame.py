"""Start an app headless, leave as soon as its first frame is drawn. Timed from outside.

    python -m benchmarks.first_frame bare
    python -m benchmarks.first_frame soleus DATA_DIR
"""

from __future__ import annotations

import sys


def bare() -> None:
    from benchmarks.bare import Bare

    class FirstFrame(Bare):
        def on_mount(self) -> None:
            self.call_after_refresh(self.exit)

    FirstFrame().run(headless=True)


def soleus(data_dir: str) -> None:
    from pathlib import Path

    from soleus_tui.app import SoleusApp

    class FirstFrame(SoleusApp):
        def on_mount(self) -> None:
            self.call_after_refresh(self.exit)  # queued ahead of the work the app defers past frame one
            super().on_mount()

    FirstFrame(data_dir=Path(data_dir)).run(headless=True)


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        soleus(sys.argv[2])
