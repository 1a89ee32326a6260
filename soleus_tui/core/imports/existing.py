"""The sessions a profile already holds, looked up by start time and content: what makes a
second import of the same file add nothing."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from soleus_tui.core.session import Session, session_from_dict, session_to_dict
from soleus_tui.core.store import UNREADABLE, Profile

STAMP = "%Y-%m-%dT%H-%M-%S"  # how a session file's name begins (DESIGN section 2)


class ExistingSessions:
    def __init__(self, profile: Profile) -> None:
        self._paths: dict[str, list[Path]] = {}
        for path in profile.iter_session_paths():  # names only: nothing is read until a start time matches
            self._paths.setdefault(path.name[: len("YYYY-MM-DDTHH-MM-SS")], []).append(path)
        self._files: dict[str, list[bytes]] = {}
        self._added: dict[str, list[dict[str, Any]]] = {}

    def holds(self, session: Session) -> bool:
        """True when this import already has it, or a file starting in the same second holds the
        same session: byte for byte (the file this import would write), or else once read."""
        stamp, table = session.started.strftime(STAMP), session_to_dict(session)
        if table in self._added.get(stamp, ()):
            return True
        files = self._read(stamp)
        return bool(files) and (_bytes(table) in files or any(table == _table(data) for data in files))

    def add(self, session: Session) -> None:
        self._added.setdefault(session.started.strftime(STAMP), []).append(session_to_dict(session))

    def _read(self, stamp: str) -> list[bytes]:
        if stamp not in self._files:
            found = []
            for path in self._paths.get(stamp, []):
                try:
                    found.append(path.read_bytes())
                except OSError:
                    continue  # gone, or left for History to report like every unreadable file
            self._files[stamp] = found
        return self._files[stamp]


def _bytes(table: dict[str, Any]) -> bytes:
    return tomli_w.dumps(table).encode("utf-8")  # as Profile.write_session writes it


def _table(data: bytes) -> dict[str, Any] | None:
    try:
        return session_to_dict(session_from_dict(tomllib.loads(data.decode("utf-8"))))
    except (*UNREADABLE, RecursionError):
        return None
