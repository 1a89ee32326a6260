"""A row table fed a page at a time: rows are added as the cursor or the scroll nears the last
one shown, so years of rows cost about what a screenful does."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from rich.console import RenderableType
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist, RowKey

Row = tuple[str, Sequence[RenderableType]]  # key, cells
PAGE = 50
NEAR = 20  # rows from the end at which the next page comes


class PagedTable(DataTable[RenderableType]):
    BINDINGS = [
        Binding("home", "scroll_top", "First row", show=False, id="history.first-row"),
        Binding("end", "scroll_bottom", "Last row shown", show=False, id="history.last-row"),
    ]

    row_of: Callable[[Any], Row]  # set by show, with the items

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", id=id)
        self.items: Sequence[Any] = ()

    def show(self, items: Sequence[Any], row_of: Callable[[Any], Row]) -> None:
        """Show these items. When the rows shown are still right they stay; otherwise they are
        made afresh, with the cursor on the same row key if it is still there, else in place."""
        row = self.cursor_row
        key = self.coordinate_to_cell_key(Coordinate(row, 0)).row_key.value if self.row_count else None
        self.items, self.row_of = items, row_of
        if self.shown_rows_are_right():
            self.add_page_if_near_the_end(row)
            return
        self.clear()
        while self.row_count <= row + NEAR and self.row_count < len(items):
            self.add_page()
        try:
            row = self.get_row_index(key) if key is not None else row
        except RowDoesNotExist:
            pass
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1), animate=False)

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """Textual keeps the lines of a row drawn before its columns were measured, so a first
        row that arrives early in a real terminal stays cut to the headers' widths
        ("2026  yes"): they are drawn again once the widths are known."""
        super()._update_dimensions(new_rows)
        self._clear_caches()

    def shown_rows_are_right(self) -> bool:
        if self.row_count > len(self.items):
            return False
        for shown, item in zip(self.ordered_rows, self.items):
            key, cells = self.row_of(item)
            if shown.key.value != key or self.get_row(shown.key) != list(cells):
                return False
        return True

    def add_page(self) -> None:
        end = min(len(self.items), self.row_count + PAGE)
        while self.row_count < end:  # counted afresh: adding a row can move the cursor, which adds rows
            key, cells = self.row_of(self.items[self.row_count])
            self.add_row(*cells, key=key)

    def add_page_if_near_the_end(self, last_row_in_view: int) -> None:
        if self.row_count - last_row_in_view <= NEAR and self.row_count < len(self.items):
            self.add_page()

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        super().watch_cursor_coordinate(old, new)
        if new.row != old.row:
            self.add_page_if_near_the_end(new.row)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self.add_page_if_near_the_end(round(new) + self.size.height)
