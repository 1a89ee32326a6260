"""A side view of the lower leg (front to the left) whose knee bends.

The art is data: two pictures drawn with box lines and shade glyphs. `leg_art` turns one into
lines of (text, part) runs, where the part names what a glyph shows, so the widget can colour
each part from its stylesheet and plain mode can swap every glyph for ASCII. The two muscles
differ in fill as well as colour, so the picture reads without colour too.
"""

from __future__ import annotations

from itertools import groupby

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

STRAIGHT = """\
 femur  │   │
        │   │
        │   │▒ ▒   gastrocnemius
       ╭╯   ╰╮▒ ▒  two heads
  knee ╰─────╯▒▒▒
       ╭─────╮▒▒▒▒
 tibia │  │ │▓▒▒▒▒
       │  │ │▓▓▒▒▒▒
fibula │  │ │▓▓▓▒▒▒
       │  │ │▓▓▓▓▒▒
       │  │ │▓▓▓▓▒
       │  │ │▓▓▓▓  soleus
       │  │ │ ▓▓┃
       │  │ │  ┃   Achilles
       │  │ │  ┃   tendon
 ankle ╰╮ ╰─╯  ┃
  ╭─────╯     ╭┸╮
  ╰───────────┴─╯  heel"""

BENT = """\



       ╭─────────────────── femur
  knee ╰───────────────────
       ╭─────╮░ ░  gastrocnemius
 tibia │  │ │▓░░░  (slack)
       │  │ │▓▓░░░
fibula │  │ │▓▓▓░░
       │  │ │▓▓▓▓░
       │  │ │▓▓▓▓
       │  │ │▓▓▓▓  soleus
       │  │ │ ▓▓┃  (working)
       │  │ │  ┃   Achilles
       │  │ │  ┃   tendon
 ankle ╰╮ ╰─╯  ┃
  ╭─────╯     ╭┸╮
  ╰───────────┴─╯  heel"""

CAPTIONS = {
    False: "Knee straight: the gastrocnemius and the soleus both pull the heel up.",
    True: "Knee bent to 90 degrees: the gastrocnemius is slack; the soleus lifts.",
}

# What each glyph shows, and what it becomes in plain (ASCII) mode.
GLYPHS: dict[str, tuple[str, str]] = {
    "▒": ("gastrocnemius", "="),
    "░": ("gastrocnemius-slack", "~"),
    "▓": ("soleus", "#"),
    "┃": ("tendon", "I"),
    "┸": ("tendon", "I"),
    "│": ("bone", "|"),
    "─": ("bone", "-"),
    "┴": ("bone", "-"),
    "╭": ("bone", "."),
    "╮": ("bone", "."),
    "╰": ("bone", "'"),
    "╯": ("bone", "'"),
}
PLAIN = str.maketrans({glyph: ascii for glyph, (_, ascii) in GLYPHS.items()})
PARTS = sorted({part for part, _ in GLYPHS.values()} | {"soleus-working", "label"})

Run = tuple[str, str]  # (text, part); part "" for blank space


def _part(char: str, bent: bool) -> str:
    if char == " ":
        return ""
    part = GLYPHS.get(char, ("label", char))[0]
    return "soleus-working" if bent and part == "soleus" else part


def leg_art(bent: bool, plain: bool) -> list[list[Run]]:
    """The drawing as lines of (text, part) runs; plain mode uses ASCII only."""
    lines = []
    for row in (BENT if bent else STRAIGHT).splitlines():
        runs = [("".join(chars), part) for part, chars in groupby(row, lambda c: _part(c, bent))]
        lines.append([(text.translate(PLAIN) if plain else text, part) for text, part in runs])
    return lines


class LegDrawing(Widget):
    """The leg; set `bent` to bend the knee. Part colours come from component classes."""

    COMPONENT_CLASSES = {f"leg-drawing--{part}" for part in PARTS}

    bent: reactive[bool] = reactive(False, layout=True)

    def __init__(self, plain: bool = False, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plain = plain

    @property
    def caption(self) -> str:
        return CAPTIONS[self.bent]

    def render(self) -> Text:
        text = Text()
        for number, runs in enumerate(leg_art(self.bent, self.plain)):
            if number:
                text.append("\n")
            for chunk, part in runs:
                style = self.get_component_rich_style(f"leg-drawing--{part}", partial=True) if part else ""
                text.append(chunk, style)
        return text
