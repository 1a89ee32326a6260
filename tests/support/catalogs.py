"""Catalog files for tests: written one key a line, in the order the tables give them, so that a
test can name the line a key stands on; and the error a bad one is refused with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from soleus_tui.core.catalog import parse_catalog_file
from soleus_tui.core.toml_checks import CatalogError


def catalog_text(*exercises: dict[str, object]) -> str:
    """`schema = 1`, then an [[exercise]] table for each, after a blank line."""
    tables = (
        "\n[[exercise]]\n" + "".join(f"{key} = {json.dumps(value, ensure_ascii=False)}\n" for key, value in table.items())
        for table in exercises
    )
    return "schema = 1\n" + "".join(tables)


# A reps exercise on lines 3-15 and a hold on lines 17-29.
SMALL = catalog_text(
    dict(id="first", name="First", kind="reps", knee_angle=90, sets=3, reps=12, rest_s=90, tempo=[1, 2, 3],
         load="dumbbell", per_side=False, cues=["Sit tall"], why="Bent knee."),
    dict(id="second", name="Second", kind="hold", knee_angle=90, sets=2, hold_s=30, rest_s=60, tempo=[1, 0, 1],
         load="bodyweight", per_side=True, cues=["Hold still"], why="Still work."),
)  # fmt: skip


def write_catalog(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def edit(text: str, old: str, new: str, occurrence: int = 1) -> str:
    """Replace the n-th occurrence of old, failing loudly if it is not there."""
    parts = text.split(old)
    assert len(parts) > occurrence, f"{old!r} not found {occurrence} time(s)"
    return old.join(parts[:occurrence]) + new + old.join(parts[occurrence:])


def error_of(text: str, source: str = "cat.toml") -> str:
    """What a catalog file that must be refused is refused with."""
    with pytest.raises(CatalogError) as caught:
        parse_catalog_file(text, source)
    return str(caught.value)


def assert_refused(text: str, line: int, words: str, source: str = "cat.toml") -> None:
    """The file is refused at this line, with these words in the message."""
    message = error_of(text, source)
    assert message.startswith(f"{source}:{line}: "), message
    assert words in message, message
