"""Waiting for what the app does, never for a guessed time, and reading what it told the user."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from textual.app import App
from textual.pilot import Pilot

from tests.support.clock import ManualClock

PATIENCE_S = 20.0  # generous: a loaded 2-core machine is slow, and a condition ends the wait at once


async def wait_until(pilot: Pilot[Any], condition: Callable[[], object], what: str = "the condition") -> None:
    """Let the app run until `condition()` holds; fail, naming it, if it never does."""
    deadline = time.monotonic() + PATIENCE_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {PATIENCE_S:g} s for {what}")
        await pilot.pause(0.01)


async def press(pilot: Pilot[Any], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


class Ticking(Protocol):
    def tick(self) -> None: ...


T = TypeVar("T", bound=Ticking)


async def let_time_pass(pilot: Pilot[Any], clock: ManualClock, seconds: float, screen_type: type[T]) -> None:
    """Let time pass, then give the screen shown, which must be a `screen_type`, the tick its timer
    would have given it."""
    clock.advance(seconds)
    screen = pilot.app.screen
    assert isinstance(screen, screen_type)
    screen.tick()
    await pilot.pause()


def notifications(app: App[Any], severity: str | None = None) -> list[str]:
    """The messages of the notifications the app has shown, of one severity or all (Textual
    keeps them privately: this is the one place that looks)."""
    return [n.message for n in app._notifications if severity is None or n.severity == severity]


def notified(app: App[Any], text: str) -> bool:
    return any(text in message for message in notifications(app))
