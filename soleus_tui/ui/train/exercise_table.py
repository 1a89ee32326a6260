"""The exercise list as a table whose enter means "start this one".

Enter stays the table's own key, so it is handled after the arrow keys typed before it, however
fast they come (a burst over SSH); the screen hears DataTable.RowSelected.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable


class ExerciseTable(DataTable[str]):
    BINDINGS = [Binding("enter", "select_cursor", "Start", id="train.start")]
