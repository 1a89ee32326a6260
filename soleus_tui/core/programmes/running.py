"""The running programme: profiles/<p>/programme.toml holds its id and the day it started."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from soleus_tui.core.store import UNREADABLE, Profile, read_toml, write_toml
from soleus_tui.core.text import MAX_ID_CHARS, bounded_text

SCHEMA = 1
FILE_NAME = "programme.toml"


@dataclass(frozen=True)
class RunningProgramme:
    id: str
    started: date


def programme_path(profile: Profile) -> Path:
    return profile.root / FILE_NAME


def read_running(profile: Profile) -> tuple[RunningProgramme | None, list[str]]:
    """The running programme, or None; a file that cannot be used goes to quarantine/ with a warning."""
    path = programme_path(profile)
    if not path.exists():
        return None, []
    try:
        table = read_toml(path)
        started = table.get("started")
        if table.get("schema") != SCHEMA or not isinstance(table.get("id"), str) or type(started) is not date:
            raise ValueError("it needs schema = 1, an id and started as a date")
        return RunningProgramme(bounded_text(table["id"], "id", MAX_ID_CHARS), started), []
    except (*UNREADABLE, ValueError) as error:
        try:
            moved = profile.quarantine(path)
        except FileNotFoundError:
            return None, []
        except OSError as failure:  # read-only, or a quarantine/ that is refused
            return None, [f"{FILE_NAME} could not be read ({error}); left as it is ({failure.strerror or failure})"]
        return None, [f"{FILE_NAME} could not be read ({error}); no programme is running, the file is in quarantine/{moved.name}"]


def start_running(profile: Profile, programme_id: str, today: date) -> RunningProgramme:
    """Start a programme today, replacing the one that ran."""
    running = RunningProgramme(programme_id, today)
    write_toml(programme_path(profile), {"schema": SCHEMA, "id": running.id, "started": running.started})
    return running


def stop_running(profile: Profile) -> bool:
    """Stop the running programme; its sessions stay in history. False when none ran."""
    path = programme_path(profile)
    if not path.exists():
        return False
    path.unlink()
    return True
