"""The sessions a profile already holds, looked up by start time and content: what makes a
second import of the same file add nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from soleus_tui.core.session import Session, session_to_dict
from soleus_tui.core.store import UNREADABLE, Profile

STAMP = "%Y-%m-%dT%H-%M-%S"  # how a session file's name begins (DESIGN section 2)


class ExistingSessions:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self._paths: dict[str, list[Path]] = {}
        for path in profile.iter_session_paths():  # names only: nothing is parsed until a start time matches
            self._paths.setdefault(path.name[: len("YYYY-MM-DDTHH-MM-SS")], []).append(path)
        self._tables: dict[str, list[dict[str, Any]]] = {}

    def holds(self, session: Session) -> bool:
        return session_to_dict(session) in self._read(session.started.strftime(STAMP))

    def add(self, session: Session) -> None:
        self._read(session.started.strftime(STAMP)).append(session_to_dict(session))

    def _read(self, stamp: str) -> list[dict[str, Any]]:
        if stamp not in self._tables:
            tables = []
            for path in self._paths.get(stamp, []):
                try:
                    tables.append(session_to_dict(self.profile.read_session(path)))
                except UNREADABLE:
                    continue  # left for History to set aside, as every unreadable file
            self._tables[stamp] = tables
        return self._tables[stamp]
