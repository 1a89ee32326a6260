"""Programmes as a catalog file defines them: its [[programme]] and [[programme.block]] tables,
read and checked against the catalog's exercises (DESIGN.md section 8)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from soleus_tui.core.programmes.model import Block, BlockExercise, Programme
from soleus_tui.core.toml_checks import CatalogError, Checks, Lines, Span, on_line

if TYPE_CHECKING:  # the catalog reads its programmes with this module
    from soleus_tui.core.catalog import Exercise

PROGRAMME_HEADER = re.compile(r"^\s*\[\[\s*programme\s*\]\]")
BLOCK_HEADER = re.compile(r"^\s*\[\[\s*programme\s*\.\s*block\s*\]\]")
PROGRAMME_FIELDS = ("id", "name", "weeks", "source", "why", "clinician", "block")
PROGRAMME_KEYS = {*PROGRAMME_FIELDS, "per_week", "per_day", "pain", "between_exercises_s"}
BLOCK_EXERCISE_KEYS = {"id", "sets", "reps", "hold_s", "rest_s", "tempo", "rm"}
MAX_WEEKS = 520
MAX_REST_S = 900


@dataclass(frozen=True)
class _File:
    """The file being read: its lines, where each [[programme]] and each [[programme.block]]
    stands, and the exercises the blocks may name."""

    source: str
    lines: Lines
    programmes: list[Span]
    blocks: list[Span]
    known: Mapping[str, Exercise]

    def checks(self, table: dict[str, Any], tables: list[Span], index: int, header: int) -> Checks:
        """Checks that find a key in the index-th of these tables, else on the header line."""
        return Checks(table, lambda key: self.lines.in_table(tables, index, key, header), self.source)


def parse_programmes(raw: Any, lines: Lines, source: str, known: Mapping[str, Exercise]) -> tuple[Programme, ...]:
    """The file's `programme` value as programmes; `known`: the exercises their blocks may name."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw or not all(isinstance(table, dict) for table in raw):
        line = lines.first(r"\s*(programme\s*=|\[\s*programme\s*\])")
        raise CatalogError(source, line, "programme must be a list of [[programme]] tables, with double brackets")
    file = _File(source, lines, lines.tables(PROGRAMME_HEADER), lines.tables(BLOCK_HEADER), known)
    programmes: list[Programme] = []
    id_lines: dict[str, int] = {}
    block_index = 0
    for index, table in enumerate(raw):
        header = file.programmes[index][0] if index < len(file.programmes) else lines.first(r"\s*programme\s*=")
        programme = _programme(table, index, header, block_index, file)
        block_index += len(programme.blocks)
        id_line = lines.in_table(file.programmes, index, "id", header)
        if programme.id in id_lines:
            problem = f'duplicate programme id "{programme.id}" (first used on line {id_lines[programme.id]})'
            raise CatalogError(source, id_line, problem)
        id_lines[programme.id] = id_line
        programmes.append(programme)
    return tuple(programmes)


def fits(programme: Programme, exercises: Mapping[str, Exercise]) -> bool:
    """Whether every exercise is still counted as the programme counts it: a programme that gives
    reps for an exercise turned into a hold (or a hold for one turned into reps) no longer fits."""
    return all(
        (entry.reps is None or not exercises[entry.id].is_hold) and (entry.hold_s is None or exercises[entry.id].is_hold)
        for block in programme.blocks
        for entry in block.exercises
    )


def _programme(table: dict[str, Any], index: int, header: int, first_block: int, file: _File) -> Programme:
    check = file.checks(table, file.programmes, index, header)
    programme_id = table.get("id")
    label = f'programme "{programme_id}"' if isinstance(programme_id, str) else f"programme {index + 1}"
    for key in PROGRAMME_FIELDS:
        if key not in table:
            raise check.fail(key, f'{label} is missing "{key}"')
    unknown = sorted(set(table) - PROGRAMME_KEYS)
    if unknown:
        raise check.fail(unknown[0], f'{label} has an unknown key "{unknown[0]}"')
    programme_id = check.identifier()
    weeks = check.whole_number("weeks", 1, MAX_WEEKS)
    if "per_week" in table and "per_day" in table:
        raise check.fail("per_week", f"{label} has both per_week and per_day: keep one")
    if "per_week" not in table and "per_day" not in table:
        raise check.fail("weeks", f"{label} needs per_week (sessions a week) or per_day (sessions every day)")
    per_week = check.whole_number("per_week", 1, 7) if "per_week" in table else None
    per_day = check.whole_number("per_day", 1, 6) if "per_day" in table else None
    pain = check.flag("pain") if "pain" in table else False
    between = check.whole_number("between_exercises_s", 0, MAX_REST_S) if "between_exercises_s" in table else 0

    blocks_raw = table["block"]
    if not isinstance(blocks_raw, list) or not blocks_raw or not all(isinstance(b, dict) for b in blocks_raw):
        raise check.fail("block", f"{label}: block must be a list of [[programme.block]] tables")
    blocks = []
    for number, block_table in enumerate(blocks_raw):
        position = first_block + number
        block_header = file.blocks[position][0] if position < len(file.blocks) else header
        blocks.append(_block(block_table, position, block_header, weeks, file))
    _check_cover(blocks, weeks, label, lambda i: file.lines.in_table(file.blocks, first_block + i, "weeks", header), file.source)
    return Programme(
        id=programme_id, name=check.text("name"), weeks=weeks, per_week=per_week, per_day=per_day, pain=pain,
        source=check.text("source"), why=check.text("why"), clinician=check.text("clinician"),
        blocks=tuple(sorted(blocks, key=lambda block: block.first)), between_exercises_s=between,
    )


def _block(table: dict[str, Any], position: int, header: int, weeks: int, file: _File) -> Block:
    check = file.checks(table, file.blocks, position, header)
    for key in ("weeks", "exercises"):
        if key not in table:
            raise check.fail(key, f'a block is missing "{key}"')
    span = table["weeks"]
    if (
        not isinstance(span, list) or len(span) not in (1, 2) or any(type(week) is not int for week in span)
        or not 1 <= span[0] <= span[-1] <= weeks
    ):
        raise check.fail("weeks", f"weeks must be [first, last] with 1 <= first <= last <= {weeks}, not {span!r}")
    items = table["exercises"]
    if not isinstance(items, list) or not items or not all(isinstance(item, dict) for item in items):
        raise check.fail("exercises", "exercises must be a list of tables like { id = \"...\", sets = 3 }")
    start, end = file.blocks[position] if position < len(file.blocks) else (header, header)
    entries = []
    for number, item in enumerate(items):
        line = file.lines.nth(r".*\bid\s*=", number, start, end) if end > start else header
        entries.append(_block_exercise(item, Checks(item, on_line(line), file.source), file.known))
    return Block(span[0], span[-1], tuple(entries))


def _block_exercise(item: dict[str, Any], check: Checks, known: Mapping[str, Exercise]) -> BlockExercise:
    if "id" not in item:
        raise check.fail("id", 'an exercise in a block is missing "id"')
    exercise_id = check.identifier()
    exercise = known.get(exercise_id)
    if exercise is None:
        raise check.fail("id", f'unknown exercise id "{exercise_id}": it is not in the catalog')
    unknown = sorted(set(item) - BLOCK_EXERCISE_KEYS)
    if unknown:
        raise check.fail(unknown[0], f'"{exercise_id}" in a block has an unknown key "{unknown[0]}"')
    wrong = "reps" if exercise.is_hold else "hold_s"
    if wrong in item:
        kind = "a hold: give hold_s" if exercise.is_hold else "counted in reps: give reps"
        raise check.fail(wrong, f'"{exercise_id}" is {kind}, not {wrong}')
    return BlockExercise(
        id=exercise_id,
        sets=check.whole_number("sets", 1, 20) if "sets" in item else None,
        reps=check.whole_number("reps", 1, 200) if "reps" in item else None,
        hold_s=check.hold() if "hold_s" in item else None,
        rest_s=check.whole_number("rest_s", 0, MAX_REST_S) if "rest_s" in item else None,
        tempo=check.tempo() if "tempo" in item else None,
        rm=check.flag("rm") if "rm" in item else False,
    )


def _check_cover(blocks: list[Block], weeks: int, label: str, line_of: Callable[[int], int], source: str) -> None:
    """Every week from 1 to `weeks` in exactly one block."""
    order = sorted(range(len(blocks)), key=lambda i: blocks[i].first)
    expected = 1
    for i in order:
        block = blocks[i]
        if block.first > expected:
            raise CatalogError(source, line_of(i), f"{label}: no block covers week {expected}")
        if block.first < expected:
            raise CatalogError(source, line_of(i), f"{label}: weeks {block.first}-{block.last} overlap another block")
        expected = block.last + 1
    if expected <= weeks:
        raise CatalogError(source, line_of(order[-1]), f"{label}: no block covers week {expected}")
