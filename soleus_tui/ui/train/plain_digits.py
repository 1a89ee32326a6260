"""Big digits in plain ASCII, three rows tall, for terminals whose fonts lack box glyphs.

It takes the same `update(value)` as Textual's Digits, so a screen can use either.
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.widget import Widget

# Seven-segment shapes: each character is three rows of the same width.
GLYPHS = {
    "0": (" _ ", "| |", "|_|"),
    "1": ("   ", "  |", "  |"),
    "2": (" _ ", " _|", "|_ "),
    "3": (" _ ", " _|", " _|"),
    "4": ("   ", "|_|", "  |"),
    "5": (" _ ", "|_ ", " _|"),
    "6": (" _ ", "|_ ", "|_|"),
    "7": (" _ ", "  |", "  |"),
    "8": (" _ ", "|_|", "|_|"),
    "9": (" _ ", "|_|", " _|"),
    ":": (" ", ".", "."),
    "+": ("   ", "_|_", " | "),
    "-": ("   ", "___", "   "),
    " ": ("   ", "   ", "   "),
}


def plain_rows(value: str) -> tuple[str, str, str]:
    """The three rows that draw `value`; characters without a shape are written as they are."""
    shapes = [GLYPHS.get(character, ("", "", character)) for character in value]
    top, middle, bottom = (" ".join(shape[row].ljust(len(shape[2])) for shape in shapes) for row in range(3))
    return top, middle, bottom


class PlainDigits(Widget):
    DEFAULT_CSS = """
    PlainDigits {
        width: auto;
        height: 3;
    }
    """

    value: reactive[str] = reactive("", layout=True)

    def __init__(self, value: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(PlainDigits.value, value)

    def update(self, value: str) -> None:
        self.value = value

    def render(self) -> str:
        return "\n".join(plain_rows(self.value))
