"""Time as an argument: monotonic seconds for durations, wall time for stored stamps."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
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


@dataclass(frozen=True)
class StoppedClock:
    """A clock stopped at one moment: a workout closed as it stood when it was saved."""

    at: datetime

    def monotonic(self) -> float:
        return 0.0

    def now(self) -> datetime:
        return self.at.replace(microsecond=0)


def clock_text(seconds: float) -> str:
    """Whole seconds as a clock shows them, m:ss: the one format for every rest and countdown."""
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
