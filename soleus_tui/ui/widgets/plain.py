"""Plain mode draws ASCII only, for terminals whose font has nothing else (TERM=linux, --plain).

The app's own widgets draw ASCII digits, bars and legs by themselves in plain mode. What is left
comes from text (dashes, the multiplication sign, accents in authors' names) and from Textual's
own drawing (borders, scrollbars, check boxes, the header's icon), so in plain mode every line
passes through AsciiOnly on its way to the terminal: each character becomes ASCII that fills the
same cells. Keys are written as words by the app itself (ui/widgets/keys.py).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

# Characters that a letter-by-letter decomposition cannot turn into ASCII, by what they look like.
LOOK_ALIKES = {
    **dict.fromkeys("—–‒―−‐‑", "-"),
    **dict.fromkeys("·•∙⋅", "|"),
    **dict.fromkeys("‘’‚′", "'"),
    **dict.fromkeys("“”„″", '"'),
    **dict.fromkeys("×✕", "x"),
    **dict.fromkeys("°º⭘○●◯", "o"),
    **dict.fromkeys("…⋯", "~"),
    "←": "<",
    "→": ">",
    "↑": "^",
    "↓": "v",
    "▁": "_",
    **dict.fromkeys("▂▃▄▅▆▇█▀▔", "#"),
    **dict.fromkeys("▏▎▍▌▋▊▉▐▕", "|"),
    "░": ".",
    "▒": ":",
    "▓": "#",
    "▼": "v",
    "▲": "^",
    "▶": ">",
    "◀": "<",
    "✓": "v",
    "✔": "v",
}

@lru_cache(maxsize=4096)
def ascii_cells(char: str) -> str:
    """ASCII for one character, as many cells wide as the character itself."""
    if char.isascii():
        return char
    width = cell_len(char)
    if width == 0:
        return ""
    if char in LOOK_ALIKES:
        return LOOK_ALIKES[char].ljust(width)
    if char.isspace():
        return " " * width
    if unicodedata.name(char, "").startswith("BOX DRAWINGS"):
        return box_drawing(char)
    letters = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()  # é: e and an accent
    if letters and letters[0].isprintable():
        return letters[0].ljust(width)
    return "?" * width


def box_drawing(char: str) -> str:
    """A line across is "-", a line down "|", and a corner or a crossing "+"."""
    words = set(unicodedata.name(char).split())
    across, down = bool(words & {"HORIZONTAL", "LEFT", "RIGHT"}), bool(words & {"VERTICAL", "UP", "DOWN"})
    if across != down:
        return "-" if across else "|"
    return "+"


def ascii_text(text: str) -> str:
    if text.isascii():
        return text
    return "".join(ascii_cells(char) for char in text)


class AsciiOnly(LineFilter):
    """Turns every character of a line into ASCII of the same width; styles are kept."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            segment if segment.control or segment.text.isascii() else Segment(ascii_text(segment.text), segment.style)
            for segment in segments
        ]


ASCII_ONLY = AsciiOnly()
