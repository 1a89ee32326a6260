"""The number to read from a bench, as big as the terminal allows (like termdown).

Each character is drawn from a 3x5 pixel font, scaled to the space there is. With block glyphs a
pixel is a half-row tall, so the size moves in small steps; in plain mode it is drawn with '#' in
whole rows. Every character is a widget of its own: when the rest ticks from 0:42 to 0:41 only
the last digit's cells are sent to the terminal.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Resize
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

FONT = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "-": ("...", "...", "###", "...", "..."),
    " ": ("...", "...", "...", "...", "..."),
}
PIXEL_ROWS = 5
MAX_CHARACTERS = 6  # "+10:00" at most
WIDEST_USUAL = "0:00"  # sized for the rest clock, so a count going from 9 to 10 keeps its size
HALF_BLOCKS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def glyph_lines(character: str, scale: int, plain: bool) -> list[str]:
    """The character drawn with pixels `scale` cells wide and `scale` half-rows tall (plain: whole
    rows, so twice as big a step)."""
    pixels = FONT.get(character, FONT[" "])
    height = scale * (2 if plain else 1)  # in half-rows
    width = scale * (2 if plain else 1)
    rows = -(-PIXEL_ROWS * height // 2)

    def lit(half_row: int, column: int) -> bool:
        pixel_row = half_row // height
        return pixel_row < PIXEL_ROWS and pixels[pixel_row][column // width] == "#"

    cells = len(pixels[0]) * width
    if plain:
        return ["".join("#" if lit(2 * r, c) else " " for c in range(cells)) for r in range(rows)]
    return ["".join(HALF_BLOCKS[lit(2 * r, c), lit(2 * r + 1, c)] for c in range(cells)) for r in range(rows)]


def glyph_width(character: str, scale: int, plain: bool) -> int:
    return len(FONT.get(character, FONT[" "])[0]) * scale * (2 if plain else 1)


def fitting_scale(text: str, width: int, height: int, terminal_height: int, plain: bool) -> int:
    """The biggest scale that fits the box, and no bigger than the terminal's height asks for
    (which keeps the bytes sent each second within budget at 80x24)."""
    step = 2 if plain else 1
    wanted = max(2 // step, (terminal_height - 14) // (PIXEL_ROWS * step))  # 80x24: 5 rows; 120x40: 13
    sized = text if len(text) > len(WIDEST_USUAL) else WIDEST_USUAL
    scale = wanted
    while scale > 1:
        rows = -(-PIXEL_ROWS * scale * step // 2)
        cells = sum(glyph_width(c, scale, plain) for c in sized) + gap(scale) * (len(sized) - 1)
        if rows <= height and cells <= width:
            break
        scale -= 1
    return scale


def gap(scale: int) -> int:
    return max(1, scale // 2)


class BigGlyph(Widget):
    DEFAULT_CSS = """
    BigGlyph {
        width: auto;
        height: auto;
    }
    """

    def __init__(self, plain: bool) -> None:
        super().__init__()
        self.plain = plain
        self.character = " "
        self.scale = 1
        self.lines = glyph_lines(" ", 1, plain)

    def show(self, character: str, scale: int, gap_after: int) -> None:
        """Only the rows that differ are sent: 5 to 4 changes two rows of five, not all of them."""
        if (character, scale) == (self.character, self.scale) and self.styles.margin.right == gap_after:
            return
        lines = glyph_lines(character, scale, self.plain)
        same_shape = scale == self.scale and len(lines[0]) == len(self.lines[0])
        changed = [y for y, (old, new) in enumerate(zip(self.lines, lines)) if old != new]
        self.character, self.scale, self.lines = character, scale, lines
        if self.styles.margin.right != gap_after:
            self.styles.margin = (0, gap_after, 0, 0)
        if same_shape:
            self.refresh(*(Region(0, y, len(lines[0]), 1) for y in changed))
        else:
            self.refresh(layout=True)

    def get_content_width(self, container: object, viewport: object) -> int:
        return glyph_width(self.character, self.scale, self.plain)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self.lines)

    def render_line(self, y: int) -> Strip:
        line = self.lines[y] if y < len(self.lines) else ""
        return Strip([Segment(line.ljust(self.size.width), self.rich_style)], self.size.width)


class BigNumber(Horizontal):
    """Takes the same `update(value)` as Textual's Digits, and `value` reads it back."""

    DEFAULT_CSS = """
    BigNumber {
        height: 1fr;
        width: 1fr;
        align-vertical: middle;
    }
    """

    def __init__(self, plain: bool, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plain = plain
        self.value = ""
        self.scale = 1

    def compose(self) -> ComposeResult:
        for _ in range(MAX_CHARACTERS):
            yield BigGlyph(self.plain)

    def update(self, value: str) -> None:
        self.value = value[:MAX_CHARACTERS]
        self._draw()

    def on_resize(self, event: Resize) -> None:
        self._draw()

    def _draw(self) -> None:
        if not self.is_mounted or self.size.area == 0:
            return
        scale = fitting_scale(self.value, self.size.width, self.size.height, self.app.size.height, self.plain)
        glyphs = list(self.query_children(BigGlyph).results(BigGlyph))
        for index, glyph in enumerate(glyphs):
            shown = index < len(self.value)
            if glyph.display != shown:
                glyph.display = shown
            if shown:
                last = index == len(self.value) - 1
                glyph.show(self.value[index], scale, 0 if last else gap(scale))
        self.scale = scale
