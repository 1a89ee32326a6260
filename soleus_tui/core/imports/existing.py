"""The sessions a profile already holds, looked up by start time and content: what makes a
second import of the same file add nothing."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import tomli_w

from soleus_tui.core.session import Session, session_from_dict, session_to_dict
from soleus_tui.core.store import UNREADABLE, Profile

STAMP = "%Y-%m-%dT%H-%M-%S"  # how a session file's name begins (DESIGN section 2)


class ExistingSessions:
    def __init__(self, profile: Profile) -> None:
        self._profile = profile
        self._paths = _by_stamp(profile.iter_session_paths())  # names only: nothing is read until a start time matches
        self._files: dict[str, list[bytes]] = {}
        self._added: dict[str, list[dict[str, Any]]] = {}

    def new(self, sessions: Iterable[Session]) -> list[Session]:
        """The sessions the profile does not hold yet, each once."""
        new = []
        for session in sessions:
            stamp, table = session.started.strftime(STAMP), session_to_dict(session)
            added = self._added.setdefault(stamp, [])
            if table not in added and not self._on_disk(stamp, table):
                added.append(table)
                new.append(session)
        return new

    def still_new(self, sessions: list[Session]) -> list[Session]:
        """Of the sessions `new` gave, those the profile still does not hold: only the seconds they
        begin in are looked at again, and only where the files in one have changed since (another
        import wrote there) are they read."""
        now = _by_stamp(self._profile.iter_session_paths())
        stamps = {session.started.strftime(STAMP) for session in sessions}
        changed = {stamp for stamp in stamps if now.get(stamp) != self._paths.get(stamp)}
        for stamp in changed:
            self._paths[stamp] = now.get(stamp, [])
            self._files.pop(stamp, None)
        return [
            session for session in sessions
            if (stamp := session.started.strftime(STAMP)) not in changed or not self._on_disk(stamp, session_to_dict(session))
        ]

    def _on_disk(self, stamp: str, table: dict[str, Any]) -> bool:
        """A file starting in this second holds the same session: byte for byte (the file this
        import would write), or else once read."""
        files = self._read(stamp)
        return bool(files) and (_bytes(table) in files or any(table == _table(data) for data in files))

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


def _by_stamp(paths: Iterable[Path]) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for path in paths:
        found.setdefault(path.name[: len("YYYY-MM-DDTHH-MM-SS")], []).append(path)
    return found


def _bytes(table: dict[str, Any]) -> bytes:
    return tomli_w.dumps(table).encode("utf-8")  # as Profile.write_session writes it


def _table(data: bytes) -> dict[str, Any] | None:
    try:
        return session_to_dict(session_from_dict(tomllib.loads(data.decode("utf-8"))))
    except (*UNREADABLE, RecursionError):
        return None
