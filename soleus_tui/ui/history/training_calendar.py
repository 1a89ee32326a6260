"""The last weeks as columns and Monday to Sunday as rows, each day marked by how much was done.

Levels differ in glyph as well as in colour, so the calendar reads without colour too.
"""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual.widget import Widget

from soleus_tui.core.history.overview import heat_level
from soleus_tui.core.history.stats import week_start

GLYPHS = "·░▒▓█"
ASCII = ".-+*#"
DAY_NAMES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
GUTTER = 3  # the day names
PITCH = 2  # a day's glyph and a space


def month_labels(first_monday: date, weeks: int) -> str:
    """A line naming each month above the week it starts in, where there is room."""
    line = " " * (GUTTER + PITCH * weeks)
    for week in range(weeks):
        sunday = first_monday + timedelta(weeks=week, days=6)
        if sunday.day <= 7:  # the week holds the 1st of Sunday's month
            name = f"{sunday:%b}"
            column = GUTTER + PITCH * week
            if column + len(name) <= len(line) and line[column - 1 : column + len(name)].isspace():
                line = line[:column] + name + line[column + len(name) :]
    return line


class TrainingCalendar(Widget):
    COMPONENT_CLASSES = {"training-calendar--label"} | {f"training-calendar--level-{n}" for n in range(5)}

    def __init__(self, plain: bool = False, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.glyphs = ASCII if plain else GLYPHS
        self.today: date | None = None  # until the history is read
        self.day_volume_kg: dict[date, float] = {}

    def show(self, day_volume_kg: dict[date, float], today: date) -> None:
        self.day_volume_kg, self.today = day_volume_kg, today
        self.refresh()

    def on_mount(self) -> None:
        self.border_subtitle = f"none {self.glyphs[0]} {' '.join(self.glyphs[1:])} most"

    @property
    def weeks(self) -> int:
        return max(1, (self.content_size.width - GUTTER) // PITCH)

    def render(self) -> Text:
        if self.today is None:
            return Text()
        weeks = self.weeks
        first = week_start(self.today) - timedelta(weeks=weeks - 1)
        shown = (first + timedelta(days=n) for n in range(weeks * 7))
        peak = max((self.day_volume_kg.get(day, 0.0) for day in shown if day <= self.today), default=0.0)
        label = self.get_component_rich_style("training-calendar--label")
        levels = [self.get_component_rich_style(f"training-calendar--level-{n}") for n in range(5)]
        text = Text(month_labels(first, weeks), style=label, no_wrap=True)
        for weekday, name in enumerate(DAY_NAMES):
            text.append("\n" + name.ljust(GUTTER), label)
            for week in range(weeks):
                day = first + timedelta(weeks=week, days=weekday)
                if day > self.today:
                    break
                level = heat_level(self.day_volume_kg.get(day), peak)
                text.append(self.glyphs[level], levels[level])
                text.append(" " * (PITCH - 1))
        return text
