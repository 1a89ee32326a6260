"""A CSV export read as a header and numbered rows, its delimiter sniffed from the header line."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass

from soleus_tui.core.imports.rows import BadFile

DELIMITERS = ",;\t"


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]  # lower case, stripped
    rows: list[tuple[int, dict[str, str]]]  # (row number as a spreadsheet counts it, cells by column)

    def has(self, *columns: str) -> bool:
        return set(columns) <= set(self.header)

    def first_of(self, *columns: str) -> str | None:
        return next((column for column in columns if column in self.header), None)


def read_table(content: str) -> Table:
    first_line = content.split("\n", 1)[0]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(first_line, delimiters=DELIMITERS)
    except csv.Error:
        dialect = csv.excel
    records = _records(csv.reader(content.splitlines(keepends=True), delimiter=dialect.delimiter, quotechar='"',
                                  doublequote=True, skipinitialspace=False, strict=True))
    try:
        _, header = next(records)
    except StopIteration:
        raise BadFile("row 1: the file is empty") from None
    names = tuple(cell.strip().lower() for cell in header)
    rows = []
    for number, cells in records:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(names):
            raise BadFile(f"row {number}: {len(cells)} fields where the header has {len(names)}")
        rows.append((number, dict(zip(names, cells))))
    return Table(names, rows)


def _records(reader: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    number = 0
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise BadFile(f"row {number}: {error}") from None
        yield number, cells
