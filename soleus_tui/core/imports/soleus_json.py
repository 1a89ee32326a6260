"""soleus-tui's own JSON export read back: a list of sessions, one object each, in the session
file's shape with times as ISO 8601 text. Every session comes back as it was."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from soleus_tui.core.imports.rows import BadFile
from soleus_tui.core.session import Session, SessionFormatError, session_from_dict


def looks_like_json(content: str) -> bool:
    return content.lstrip().startswith("[")


def read_sessions(content: str) -> list[Session]:
    try:
        items = json.loads(content, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise BadFile(f"line {error.lineno}: not JSON ({error.msg})") from None
    except RecursionError:
        raise BadFile("line 1: nested too deeply to be an export") from None
    if not isinstance(items, list):
        raise BadFile("line 1: not a list of sessions")
    sessions = []
    for number, item in enumerate(items, 1):
        try:
            sessions.append(session_from_dict(_with_times(item)))
        except (SessionFormatError, TypeError, ValueError) as error:
            raise BadFile(f"session {number}: {error}") from None
    return sessions


def _no_constant(name: str) -> Any:
    raise BadFile(f"{name} is not a number a session can hold")


def _with_times(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise SessionFormatError("not an object")
    exercises = item.get("exercises", [])
    if isinstance(exercises, list):
        exercises = [
            {**e, "sets": [_times(s) if isinstance(s, dict) else s for s in e.get("sets", [])]}
            if isinstance(e, dict) and isinstance(e.get("sets", []), list) else e
            for e in exercises
        ]
    return {**_times(item), "exercises": exercises}


def _times(table: dict[str, Any]) -> dict[str, Any]:
    converted = dict(table)
    for key in ("started", "ended"):
        value = table.get(key)
        if isinstance(value, str):
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:
                raise SessionFormatError(f"'{key}' {value!r} has no offset from UTC")
            converted[key] = moment
    return converted
