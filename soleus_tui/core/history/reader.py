"""Reading finished sessions back, newest first, setting aside any file that cannot be read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from itertools import count, islice
from pathlib import Path
from typing import Protocol, TypeVar

from soleus_tui.core.session import NewerSessionError, Session
from soleus_tui.core.store import UNREADABLE, Profile

# File names carry local wall time. Two names further apart than the widest gap between UTC
# offsets (UTC-12 to UTC+14) are in true order; closer ones, as at a clock change, may not be.
WIDEST_OFFSET_GAP = timedelta(hours=26)
NAME_TIME = "%Y-%m-%dT%H-%M-%S"


@dataclass
class HistoryReader:
    profile: Profile
    quarantined: list[tuple[Path, Path]] = field(default_factory=list)  # (was, now)
    left: list[tuple[Path, str]] = field(default_factory=list)  # unreadable, could not be moved: why

    def sessions(self) -> Iterator[tuple[Path, Session]]:
        """Newest first by the instant each began; a broken file is moved to quarantine/ and
        noted, never fatal."""
        return in_true_order(self._read_all(self.profile.iter_session_paths()))

    def _read_all(self, paths: Iterable[Path]) -> Iterator[tuple[Path, Session]]:
        for path in paths:
            session = self.read(path)
            if session is not None:
                yield path, session

    def read(self, path: Path) -> Session | None:
        """One session; None when its file is broken (now in quarantine/) or already gone."""
        try:
            return self.profile.read_session(path)
        except FileNotFoundError:
            return None
        except NewerSessionError as error:
            self.left.append((path, f"{error}; it is left as it is"))
            return None
        except UNREADABLE as error:
            try:
                self.quarantined.append((path, self.profile.quarantine(path)))
            except FileNotFoundError:
                pass  # another reader moved it first
            except OSError as failure:
                self.left.append((path, f"{error}; it stays where it is ({failure.strerror or failure})"))
            return None

    def warnings(self) -> list[str]:
        return [
            *self.profile.problems,
            *(f"Could not read {was.name}; moved it to {now.parent.name}/ (nothing was deleted)"
              for was, now in self.quarantined),
            *(f"Could not read {path.name}: {why}" for path, why in self.left),
        ]


class NewestSessions:
    """The `lookback` newest sessions, newest first. Each file is read once however often they
    are gone through: a second pass replays what the first one read and reads on only past it."""

    def __init__(self, profile: Profile, lookback: int) -> None:
        self._reader = HistoryReader(profile)
        self._lookback = lookback
        self._stream: Iterator[Session] | None = None  # None until something asks for a session
        self._read: list[Session] = []

    def __iter__(self) -> Iterator[Session]:
        for index in count():
            if index == len(self._read):
                if self._stream is None:
                    self._stream = (session for _, session in islice(self._reader.sessions(), self._lookback))
                session = next(self._stream, None)
                if session is None:
                    return
                self._read.append(session)
            yield self._read[index]

    def warnings(self) -> list[str]:
        """What reading found wrong; nothing when nothing was asked for."""
        return self._reader.warnings() if self._stream is not None else []


class HasStart(Protocol):
    @property
    def started(self) -> datetime: ...


StartedT = TypeVar("StartedT", bound=HasStart)


def in_true_order(found: Iterable[tuple[Path, StartedT]]) -> Iterator[tuple[Path, StartedT]]:
    """Sessions in file-name order, put newest first by the UTC instant they began: only names
    within WIDEST_OFFSET_GAP of each other are held back to be sorted, so this streams."""
    held: list[tuple[Path, StartedT]] = []
    for path, session in found:
        wall = _name_time(path)
        while held and wall is not None and (_name_time(held[0][0]) or wall) - wall > WIDEST_OFFSET_GAP:
            yield _newest(held)
        held.append((path, session))
    while held:
        yield _newest(held)


def _newest(held: list[tuple[Path, StartedT]]) -> tuple[Path, StartedT]:
    index = max(range(len(held)), key=lambda i: (held[i][1].started.astimezone(timezone.utc), -i))
    return held.pop(index)


def _name_time(path: Path) -> datetime | None:
    try:
        return datetime.strptime(path.name[: len("2026-11-24T07-30-12")], NAME_TIME)
    except ValueError:
        return None
