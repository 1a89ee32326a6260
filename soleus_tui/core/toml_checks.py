"""Reading a catalog file's TOML and checking its values by hand, so that every problem is told as
``file:line: what is wrong`` (DESIGN.md section 3). The exercises and the programmes of a catalog
file are both checked with these.
"""

from __future__ import annotations

import math
import re
import tomllib
from typing import Any, Callable

from soleus_tui.core.text import MAX_TEXT_CHARS, plain_text

ID_PATTERN = re.compile(r"[a-z0-9-]+")
MAX_HOLD_S = 3600
ANY_TABLE_HEADER = re.compile(r"^\s*\[\[?\s*[A-Za-z0-9_.\"' -]+\]\]?\s*(#.*)?$")
TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)$")

Span = tuple[int, int]  # a table's first and last line, 1-based, both included


class CatalogError(Exception):
    """A catalog file that cannot be used. ``str(error)`` is ``file:line: what is wrong``."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        self.source, self.line, self.message = source, line, message  # line is None for unreadable files
        super().__init__(f"{source}: {message}" if line is None else f"{source}:{line}: {message}")


def load_toml(text: str, source: str) -> dict[str, Any]:
    """The TOML document; a syntax error is told with tomllib's own line."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise CatalogError(source, None, "cannot be read (nested too deeply)") from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = TOML_POSITION.search(message)
        line = int(position.group(1)) if position and position.group(1) else max(1, len(text.splitlines()))
        raise CatalogError(source, line, f"TOML syntax error: {TOML_POSITION.sub('', message)}") from None


class Lines:
    """Finds the line a semantic error belongs to, since tomllib keeps no positions."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers = self.matching(ANY_TABLE_HEADER)
        self.top_level = (1, min(self.headers) - 1 if self.headers else len(self.lines))

    def matching(self, header: re.Pattern[str]) -> list[int]:
        return [number for number, line in enumerate(self.lines, 1) if header.match(line)]

    def tables(self, header: re.Pattern[str]) -> list[Span]:
        """Every table under this header, each from its header to the line before the next one."""
        starts = self.matching(header)
        return [(start, next((n - 1 for n in self.headers if n > start), len(self.lines))) for start in starts]

    def of_key(self, key: str, span: Span | None = None) -> int:
        """The line of `key =` in these lines (the top level by default), else their first line."""
        return self.first(rf"\s*{re.escape(key)}\s*=", *(self.top_level if span is None else span))

    def in_table(self, tables: list[Span], index: int, key: str, fallback: int) -> int:
        """The line of `key =` in the index-th of these tables, else its header, else fallback."""
        return self.of_key(key, tables[index]) if index < len(tables) else fallback

    def first(self, pattern: str, start: int = 1, end: int | None = None) -> int:
        """The first line from start to end matching pattern, else start."""
        lines = range(start, (len(self.lines) if end is None else end) + 1)
        return next((n for n in lines if re.match(pattern, self.lines[n - 1])), start)

    def nth(self, pattern: str, n: int, start: int, end: int) -> int:
        """The n-th (0-based) line from start to end matching pattern, else start."""
        found = [k for k in range(start, end + 1) if re.match(pattern, self.lines[k - 1])]
        return found[n] if n < len(found) else start


def on_line(line: int) -> Callable[[str], int]:
    """Every key of a table on one line: an inline table, or one that comes from no file."""
    return lambda key: line


class Checks:
    """The value checks every table shares, each failing with the line of its key."""

    def __init__(self, table: dict[str, Any], line_of: Callable[[str], int], source: str) -> None:
        self.table, self.line_of, self.source = table, line_of, source

    def fail(self, key: str, message: str) -> CatalogError:
        return CatalogError(self.source, self.line_of(key), message)

    def whole_number(self, key: str, low: int, high: float = math.inf) -> int:
        value = self.table[key]
        if type(value) is not int:
            raise self.fail(key, f"{key} must be a whole number, not {value!r}")
        if not low <= value <= high:
            bounds = f"between {low} and {high}" if high != math.inf else f"at least {low}"
            raise self.fail(key, f"{key} must be {bounds}, not {value}")
        return value

    def text(self, key: str) -> str:
        value = self.table[key]
        if not isinstance(value, str):
            raise self.fail(key, f"{key} must be text in quotes, not {value!r}")
        if not value.strip():
            raise self.fail(key, f"{key} must not be empty")
        if len(value) > MAX_TEXT_CHARS:
            raise self.fail(key, f"{key} is longer than {MAX_TEXT_CHARS} characters")
        return plain_text(value)

    def seconds(self, key: str, high: float) -> float:
        value = self.table[key]
        if type(value) not in (int, float):
            raise self.fail(key, f"{key} must be a number of seconds, not {value!r}")
        if not 0 < value <= high:  # also refuses nan and inf, which TOML allows
            raise self.fail(key, f"{key} must be more than 0 and at most {high}, not {value}")
        return float(value)

    def hold(self, key: str = "hold_s") -> float:
        return self.seconds(key, MAX_HOLD_S)

    def flag(self, key: str) -> bool:
        value = self.table[key]
        if type(value) is not bool:
            raise self.fail(key, f"{key} must be true or false, not {value!r}")
        return value

    def tempo(self, key: str = "tempo") -> tuple[int, int, int]:
        tempo = self.table[key]
        if not isinstance(tempo, list) or len(tempo) != 3 or any(type(part) is not int or part < 0 for part in tempo):
            raise self.fail(key, f"tempo must be three whole numbers of seconds [up, pause, down], not {tempo!r}")
        if sum(tempo) == 0:
            raise self.fail(key, "tempo must not be all zeros")
        return tempo[0], tempo[1], tempo[2]

    def identifier(self, key: str = "id") -> str:
        value = self.text(key)
        if not ID_PATTERN.fullmatch(value):
            raise self.fail(key, f'id "{value}" may only use a-z, 0-9 and "-"')
        return value
