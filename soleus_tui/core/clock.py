"""Time as an argument: monotonic seconds for durations, wall time for stored stamps."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float: ...

    def now(self) -> datetime:
        """Aware local wall time, whole seconds."""
        ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now().astimezone().replace(microsecond=0)


@dataclass
class ManualClock:
    """A clock that moves only when told to: for tests and benchmarks."""

    wall: datetime = field(
        default_factory=lambda: datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))
    )
    mono: float = 1000.0

    def monotonic(self) -> float:
        return self.mono

    def now(self) -> datetime:
        return (self.wall + timedelta(seconds=self.mono - 1000.0)).replace(microsecond=0)

    def advance(self, seconds: float) -> None:
        self.mono += seconds


def clock_text(seconds: float) -> str:
    """Whole seconds as a clock shows them, m:ss: the one format for every rest and countdown."""
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
