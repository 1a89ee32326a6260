"""The bare Textual apps soleus-tui is measured against, with nothing of soleus-tui in them.
Run on its own, each stays in the terminal until it is closed.

    python -m benchmarks.bare          a header, a line of text and a footer: for start-up
    python -m benchmarks.bare table    the same, where 3 opens a table of workouts: for History
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

NEWEST_DAY = "2026-11-30"  # the first row's date, which a measurement waits for


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hello")
        yield Footer()


class Workouts(Screen[None]):
    """A screenful of rows in a table, as History's first frame has."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Date", "Exercise", "Sets", "Reps", "Load")
        for day in range(self.app.size.height):
            table.add_row(f"2026-11-{30 - day % 30:02d}", "Seated calf raise", "3", "15 15 15", "40 kg")
        table.focus()


class BareWithTable(Bare):
    MODES = {"workouts": Workouts}
    BINDINGS = [Binding("3", "switch_mode('workouts')", "Workouts")]


if __name__ == "__main__":
    (BareWithTable if sys.argv[1:] == ["table"] else Bare)().run()
