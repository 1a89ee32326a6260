"""The clock the tests move by hand: time passes only when a test says so."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone


@dataclass
class ManualClock:
    """A clock that moves only when told to, from a fixed Tuesday morning."""

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
