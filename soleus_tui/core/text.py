"""Text that came from a file, made harmless to show: plain characters only, of a bounded length.

A terminal acts on control characters (ESC starts a sequence that can retitle the window or
turn on reverse video) and bidirectional overrides reorder what the eye reads, so every string a
file brings is passed through `plain_text` where the file becomes objects. Markup is the shell's
concern: it shows these strings with markup off.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

MAX_NAME_CHARS = 200  # an exercise or a programme name
MAX_ID_CHARS = 64
MAX_TEXT_CHARS = 2000  # a note, a cue, a reason
# Bidirectional overrides reorder what the eye reads; line and paragraph separators break lines.
INVISIBLE_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029")


def _visible(char: str) -> str:
    code = ord(char)
    if code < 32 or code == 127 or 128 <= code < 160 or char in INVISIBLE_CONTROLS:
        return f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}"
    return char


def plain_text(text: str) -> str:
    """The text with every control character written out as a visible escape, like \\x1b."""
    if text.isprintable() and not INVISIBLE_CONTROLS.intersection(text):
        return text
    return "".join(map(_visible, text))


class FieldError(ValueError):
    """One value in a file that is not what its key needs; the message says which and why."""


def bounded_text(value: Any, what: str, limit: int) -> str:
    """A string of at most `limit` characters, made plain; anything else is refused."""
    if not isinstance(value, str):
        raise FieldError(f"{what} must be text")
    if len(value) > limit:
        raise FieldError(f"{what} is longer than {limit} characters")
    return plain_text(value)


def finite_number(value: Any, what: str, low: float, high: float) -> float:
    """An int or float from low to high: bools, NaN and infinities are refused."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FieldError(f"{what} must be a number")
    if not (math.isfinite(value) and low <= value <= high):
        raise FieldError(f"{what} must be a number from {low:g} to {high:g}")
    return float(value)


def whole_number(value: Any, what: str, low: int, high: int) -> int:
    if type(value) is not int or not low <= value <= high:
        raise FieldError(f"{what} must be a whole number from {low} to {high}")
    return value


def aware_datetime(value: Any, what: str) -> datetime:
    """A date and time with its UTC offset: naive ones cannot be ordered against the others."""
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise FieldError(f"{what} must be a date and time with its UTC offset")
    return value


def bounded_list(value: Any, what: str, limit: int) -> list[Any]:
    if not isinstance(value, list):
        raise FieldError(f"{what} must be an array")
    if len(value) > limit:
        raise FieldError(f"{what} holds more than {limit} entries")
    return value
