"""Leaving when the terminal goes: SIGHUP (the SSH line dropped) or SIGTERM.

With the terminal gone, Textual's shutdown can block for ever writing to it, so a hang-up leaves
at once; a terminate restores the terminal, but takes no longer than LEAVE_WITHIN_S.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable

from textual.app import App

LEAVE_WITHIN_S = 2.0


def leave_on_signals(app: App[int], save: Callable[[], None]) -> None:
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGHUP, leave, app, save, False)
    loop.add_signal_handler(signal.SIGTERM, leave, app, save, True)


def leave(app: App[int], save: Callable[[], None], terminal_alive: bool) -> None:
    """Save, then be gone within seconds."""
    try:
        save()
    finally:
        if not terminal_alive:
            os._exit(0)
        watchdog = threading.Timer(LEAVE_WITHIN_S, os._exit, (0,))
        watchdog.daemon = True
        watchdog.start()
        app.exit(0)
