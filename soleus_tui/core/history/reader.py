"""Reading finished sessions back, newest first, setting aside any file that cannot be read."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from soleus_tui.core.session import Session
from soleus_tui.core.store import UNREADABLE, Profile


@dataclass
class HistoryReader:
    profile: Profile
    quarantined: list[tuple[Path, Path]] = field(default_factory=list)  # (was, now)

    def sessions(self) -> Iterator[tuple[Path, Session]]:
        """Newest first; a broken file is moved to quarantine/ and noted, never fatal."""
        for path in self.profile.iter_session_paths():
            session = self.read(path)
            if session is not None:
                yield path, session

    def read(self, path: Path) -> Session | None:
        """One session; None when its file is broken (now in quarantine/) or already gone."""
        try:
            return self.profile.read_session(path)
        except FileNotFoundError:
            return None
        except UNREADABLE:
            try:
                self.quarantined.append((path, self.profile.quarantine(path)))
            except FileNotFoundError:
                pass  # another reader moved it first
            return None

    def warnings(self) -> list[str]:
        return [
            f"Could not read {was.name}; moved it to {now.parent.name}/ (nothing was deleted)"
            for was, now in self.quarantined
        ]
