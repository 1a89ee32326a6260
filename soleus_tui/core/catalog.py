"""The exercise catalog: the built-in exercises.toml, an optional replacement and a user file.
Besides exercises it holds programmes (DESIGN.md section 8).

A bad file is refused with ``file:line: what is wrong`` (DESIGN.md section 3).
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import asdict, dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any, Callable, Iterator

from soleus_tui.core.programmes.model import Block, BlockExercise, Programme
from soleus_tui.core.text import MAX_TEXT_CHARS, plain_text

KINDS = ("reps", "hold")
LOADS = ("bodyweight", "dumbbell", "machine", "band")
MAX_HOLD_S = 3600
MAX_LOAD_STEP_KG = 50
COMMON_FIELDS = ("id", "name", "kind", "knee_angle", "sets", "rest_s", "tempo", "load", "per_side", "cues", "why")
ID_PATTERN = re.compile(r"[a-z0-9-]+")
EXERCISE_HEADER = re.compile(r"^\s*\[\[\s*exercise\s*\]\]")
PROGRAMME_HEADER = re.compile(r"^\s*\[\[\s*programme\s*\]\]")
BLOCK_HEADER = re.compile(r"^\s*\[\[\s*programme\s*\.\s*block\s*\]\]")
PROGRAMME_FIELDS = ("id", "name", "weeks", "source", "why", "clinician", "block")
PROGRAMME_KEYS = {*PROGRAMME_FIELDS, "per_week", "per_day", "pain", "between_exercises_s"}
BLOCK_EXERCISE_KEYS = {"id", "sets", "reps", "hold_s", "rest_s", "tempo", "rm"}
MAX_WEEKS = 520
MAX_REST_S = 900
ANY_TABLE_HEADER = re.compile(r"^\s*\[\[?\s*[A-Za-z0-9_.\"' -]+\]\]?\s*(#.*)?$")
TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)$")


class CatalogError(Exception):
    """A catalog file that cannot be used. ``str(error)`` is ``file:line: what is wrong``."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        self.source, self.line, self.message = source, line, message  # line is None for unreadable files
        super().__init__(f"{source}: {message}" if line is None else f"{source}:{line}: {message}")


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    kind: str  # "reps" | "hold"
    knee_angle: int
    sets: int
    reps: int  # 0 for holds
    hold_s: float  # 0.0 for reps
    rest_s: int
    tempo: tuple[int, int, int]  # seconds: up, pause at the top, down
    load: str
    per_side: bool
    cues: tuple[str, ...]
    why: str
    load_step_kg: float | None = None  # the smallest real change of load, when the load kind's default is wrong

    @property
    def is_hold(self) -> bool:
        return self.kind == "hold"

    @property
    def target_text(self) -> str:
        target = f"{self.sets} x {self.hold_s:g} s hold" if self.is_hold else f"{self.sets} x {self.reps}"
        return f"{target} per side" if self.per_side else target


@dataclass(frozen=True)
class Catalog:
    exercises: tuple[Exercise, ...]
    warnings: tuple[str, ...] = ()
    programmes: tuple[Programme, ...] = ()

    def get(self, exercise_id: str) -> Exercise | None:
        return next((exercise for exercise in self.exercises if exercise.id == exercise_id), None)

    def programme(self, programme_id: str) -> Programme | None:
        return next((programme for programme in self.programmes if programme.id == programme_id), None)

    def after(self, exercise_id: str) -> Exercise:
        """The exercise after this one, wrapping round; the first one for an unknown id."""
        ids = [exercise.id for exercise in self.exercises]
        position = ids.index(exercise_id) + 1 if exercise_id in ids else 0
        return self.exercises[position % len(self.exercises)]

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)


class _Lines:
    """Finds the line a semantic error belongs to, since tomllib keeps no positions."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers = [number for number, line in enumerate(self.lines, 1) if ANY_TABLE_HEADER.match(line)]
        starts = self.matching(EXERCISE_HEADER)
        self.top_level = (1, min(self.headers) - 1 if self.headers else len(self.lines))
        self.blocks = [self.table_at(start) for start in starts]
        self.programmes = [self.table_at(start) for start in self.matching(PROGRAMME_HEADER)]
        self.programme_blocks = [self.table_at(start) for start in self.matching(BLOCK_HEADER)]

    def matching(self, header: re.Pattern[str]) -> list[int]:
        return [number for number, line in enumerate(self.lines, 1) if header.match(line)]

    def table_at(self, start: int) -> tuple[int, int]:
        """A table's lines: from its header to the line before the next header."""
        return start, next((n - 1 for n in self.headers if n > start), len(self.lines))

    def of_key(self, key: str, exercise_index: int | None = None) -> int:
        """The line of `key =` at the top level or in the n-th [[exercise]], else the block's first line."""
        if exercise_index is None:
            start, end = self.top_level
        elif exercise_index < len(self.blocks):
            start, end = self.blocks[exercise_index]
        else:  # exercises written as an inline array: point at that array
            return self.of_key("exercise")
        return self.first(rf"\s*{re.escape(key)}\s*=", start, end)

    def in_table(self, tables: list[tuple[int, int]], index: int, key: str, fallback: int) -> int:
        """The line of `key =` in the index-th of these tables, else its header, else fallback."""
        if index >= len(tables):
            return fallback
        start, end = tables[index]
        return self.first(rf"\s*{re.escape(key)}\s*=", start, end)

    def first(self, pattern: str, start: int = 1, end: int | None = None) -> int:
        """The first line from start to end matching pattern, else start."""
        lines = range(start, (len(self.lines) if end is None else end) + 1)
        return next((n for n in lines if re.match(pattern, self.lines[n - 1])), start)

    def nth(self, pattern: str, n: int, start: int, end: int) -> int:
        """The n-th (0-based) line from start to end matching pattern, else start."""
        found = [k for k in range(start, end + 1) if re.match(pattern, self.lines[k - 1])]
        return found[n] if n < len(found) else start


def parse_catalog(text: str, source: str) -> tuple[Exercise, ...]:
    """Every exercise in a catalog file, in file order; raises CatalogError on any problem."""
    return parse_catalog_file(text, source).exercises


def parse_catalog_file(text: str, source: str) -> Catalog:
    """Exercises and programmes of one file that stands alone; raises CatalogError on any problem."""
    exercises, programmes = _parse(text, source, {})
    return Catalog(exercises, programmes=programmes)


def _parse(
    text: str, source: str, base: dict[str, Exercise]
) -> tuple[tuple[Exercise, ...], tuple[Programme, ...]]:
    """`base`: the exercises this file adds to; an override may give only the keys it changes."""
    try:
        document = tomllib.loads(text)
    except RecursionError:
        raise CatalogError(source, None, "cannot be read (nested too deeply)") from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = TOML_POSITION.search(message)
        line = int(position.group(1)) if position and position.group(1) else max(1, len(text.splitlines()))
        raise CatalogError(source, line, f"TOML syntax error: {TOML_POSITION.sub('', message)}") from None
    lines = _Lines(text)
    if "schema" not in document:
        raise CatalogError(source, 1, "schema = 1 is missing at the top of the file")
    if type(document["schema"]) is not int or document["schema"] != 1:
        raise CatalogError(source, lines.of_key("schema"), f"schema must be 1, not {document['schema']!r}")
    tables = document.get("exercise")
    if tables is None and "programme" in document:
        tables = []
    elif tables is None:
        raise CatalogError(source, lines.top_level[1] or 1, "no [[exercise]] tables")
    elif not isinstance(tables, list) or not tables or not all(isinstance(table, dict) for table in tables):
        line = lines.first(r"\s*(exercise\s*=|\[\s*exercise\s*\])")
        raise CatalogError(source, line, "exercise must be a list of [[exercise]] tables, with double brackets")

    defaults = {exercise_id: _as_table(exercise) for exercise_id, exercise in base.items()}
    exercises: list[Exercise] = []
    id_lines: dict[str, int] = {}
    for index, table in enumerate(tables):
        if isinstance(table.get("id"), str):
            table = defaults.get(table["id"], {}) | table
        exercise = _exercise(table, index, lambda key: lines.of_key(key, index), source)
        id_line = lines.of_key("id", index)
        if exercise.id in id_lines:
            problem = f'duplicate id "{exercise.id}" (first used on line {id_lines[exercise.id]})'
            raise CatalogError(source, id_line, problem)
        id_lines[exercise.id] = id_line
        exercises.append(exercise)
    known = base | {exercise.id: exercise for exercise in exercises}
    return tuple(exercises), _programmes(document.get("programme"), lines, source, known)


class _Checks:
    """The value checks every table shares, each failing with the line of its key."""

    def __init__(self, table: dict[str, Any], line_of: Callable[[str], int], source: str) -> None:
        self.table, self.line_of, self.source = table, line_of, source

    def fail(self, key: str, message: str) -> CatalogError:
        return CatalogError(self.source, self.line_of(key), message)

    def whole_number(self, key: str, low: int, high: float = math.inf) -> int:
        value = self.table[key]
        if type(value) is not int:
            raise self.fail(key, f"{key} must be a whole number, not {value!r}")
        if not low <= value <= high:
            bounds = f"between {low} and {high}" if high != math.inf else f"at least {low}"
            raise self.fail(key, f"{key} must be {bounds}, not {value}")
        return value

    def text(self, key: str) -> str:
        value = self.table[key]
        if not isinstance(value, str):
            raise self.fail(key, f"{key} must be text in quotes, not {value!r}")
        if not value.strip():
            raise self.fail(key, f"{key} must not be empty")
        if len(value) > MAX_TEXT_CHARS:
            raise self.fail(key, f"{key} is longer than {MAX_TEXT_CHARS} characters")
        return plain_text(value)

    def seconds(self, key: str, high: float) -> float:
        value = self.table[key]
        if type(value) not in (int, float):
            raise self.fail(key, f"{key} must be a number of seconds, not {value!r}")
        if not 0 < value <= high:  # also refuses nan and inf, which TOML allows
            raise self.fail(key, f"{key} must be more than 0 and at most {high}, not {value}")
        return float(value)

    def flag(self, key: str) -> bool:
        value = self.table[key]
        if type(value) is not bool:
            raise self.fail(key, f"{key} must be true or false, not {value!r}")
        return value

    def tempo(self, key: str = "tempo") -> tuple[int, int, int]:
        tempo = self.table[key]
        if not isinstance(tempo, list) or len(tempo) != 3 or any(type(part) is not int or part < 0 for part in tempo):
            raise self.fail(key, f"tempo must be three whole numbers of seconds [up, pause, down], not {tempo!r}")
        if sum(tempo) == 0:
            raise self.fail(key, "tempo must not be all zeros")
        return tempo[0], tempo[1], tempo[2]

    def identifier(self, key: str = "id") -> str:
        value = self.text(key)
        if not ID_PATTERN.fullmatch(value):
            raise self.fail(key, f'id "{value}" may only use a-z, 0-9 and "-"')
        return value


def _exercise(table: dict[str, Any], index: int, line_of: Callable[[str], int], source: str) -> Exercise:
    check = _Checks(table, line_of, source)
    exercise_id = table.get("id")
    label = f'exercise "{exercise_id}"' if isinstance(exercise_id, str) else f"exercise {index + 1}"
    kind = table.get("kind")
    required = COMMON_FIELDS + (("hold_s",) if kind == "hold" else ("reps",) if kind == "reps" else ())
    for key in required:
        if key not in table:
            raise check.fail(key, f'{label} is missing "{key}"')

    exercise_id = check.identifier()
    if kind not in KINDS:
        raise check.fail("kind", f'kind must be "reps" or "hold", not {kind!r}')
    load = check.text("load")
    if load not in LOADS:
        raise check.fail("load", f"load must be one of {', '.join(LOADS)}, not {load!r}")
    per_side = check.flag("per_side")
    tempo = check.tempo()

    cues = table["cues"]
    if not isinstance(cues, list) or not all(isinstance(cue, str) and cue.strip() for cue in cues):
        raise check.fail("cues", "cues must be a list of non-empty texts")
    if not cues:
        raise check.fail("cues", "cues must hold at least one cue")

    reps, hold_s = 0, 0.0
    if kind == "reps":
        reps = check.whole_number("reps", 1)
    else:
        hold_s = check.seconds("hold_s", MAX_HOLD_S)
    load_step_kg = None
    if table.get("load_step_kg") is not None:
        step = table["load_step_kg"]
        if type(step) not in (int, float) or not 0 < step <= MAX_LOAD_STEP_KG:
            raise check.fail("load_step_kg", f"load_step_kg must be more than 0 and at most {MAX_LOAD_STEP_KG} kg, not {step!r}")
        load_step_kg = float(step)

    return Exercise(
        id=exercise_id, name=check.text("name"), kind=kind, knee_angle=check.whole_number("knee_angle", 0, 180),
        sets=check.whole_number("sets", 1), reps=reps, hold_s=hold_s, rest_s=check.whole_number("rest_s", 0),
        tempo=tempo, load=load, per_side=per_side, cues=tuple(map(plain_text, cues)), why=check.text("why"),
        load_step_kg=load_step_kg,
    )


def _programmes(raw: Any, lines: _Lines, source: str, known: dict[str, Exercise]) -> tuple[Programme, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw or not all(isinstance(table, dict) for table in raw):
        line = lines.first(r"\s*(programme\s*=|\[\s*programme\s*\])")
        raise CatalogError(source, line, "programme must be a list of [[programme]] tables, with double brackets")
    programmes: list[Programme] = []
    id_lines: dict[str, int] = {}
    block_index = 0
    for index, table in enumerate(raw):
        header = lines.programmes[index][0] if index < len(lines.programmes) else lines.first(r"\s*programme\s*=")
        programme = _programme(table, index, header, block_index, lines, source, known)
        block_index += len(programme.blocks)
        id_line = lines.in_table(lines.programmes, index, "id", header)
        if programme.id in id_lines:
            problem = f'duplicate programme id "{programme.id}" (first used on line {id_lines[programme.id]})'
            raise CatalogError(source, id_line, problem)
        id_lines[programme.id] = id_line
        programmes.append(programme)
    return tuple(programmes)


def _programme(
    table: dict[str, Any], index: int, header: int, first_block: int, lines: _Lines, source: str,
    known: dict[str, Exercise],
) -> Programme:
    check = _Checks(table, lambda key: lines.in_table(lines.programmes, index, key, header), source)
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
        block_header = lines.programme_blocks[position][0] if position < len(lines.programme_blocks) else header
        blocks.append(_block(block_table, position, block_header, weeks, lines, source, known))
    _check_cover(blocks, weeks, label, lambda i: lines.in_table(lines.programme_blocks, first_block + i, "weeks", header), source)
    return Programme(
        id=programme_id, name=check.text("name"), weeks=weeks, per_week=per_week, per_day=per_day, pain=pain,
        source=check.text("source"), why=check.text("why"), clinician=check.text("clinician"),
        blocks=tuple(sorted(blocks, key=lambda block: block.first)), between_exercises_s=between,
    )


def _block(
    table: dict[str, Any], position: int, header: int, weeks: int, lines: _Lines, source: str,
    known: dict[str, Exercise],
) -> Block:
    check = _Checks(table, lambda key: lines.in_table(lines.programme_blocks, position, key, header), source)
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
    start, end = lines.programme_blocks[position] if position < len(lines.programme_blocks) else (header, header)
    entries = []
    for number, item in enumerate(items):
        line = lines.nth(r".*\bid\s*=", number, start, end) if end > start else header
        entries.append(_block_exercise(item, _Checks(item, lambda key, line=line: line, source), known))
    return Block(span[0], span[-1], tuple(entries))


def _block_exercise(item: dict[str, Any], check: _Checks, known: dict[str, Exercise]) -> BlockExercise:
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
        hold_s=check.seconds("hold_s", MAX_HOLD_S) if "hold_s" in item else None,
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


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CatalogError(str(path), None, "file not found") from None
    except UnicodeDecodeError:
        raise CatalogError(str(path), None, "not UTF-8 text") from None
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or error
        raise CatalogError(str(path), None, f"cannot be read ({reason})") from None


def builtin_catalog() -> Catalog:
    resource = files("soleus_tui") / "exercises.toml"
    if resource.is_file():
        return parse_catalog_file(resource.read_text(encoding="utf-8"), str(resource))
    # Source checkouts and editable installs: the file sits at the repository root.
    source_file = Path(__file__).resolve().parents[2] / "exercises.toml"
    return parse_catalog_file(_read(source_file), str(source_file))


def load_catalog(path: Path | None = None, user_file: Path | None = None) -> Catalog:
    """The catalog to train with; a bad file becomes a warning and the built-in catalog is used."""
    warnings: list[str] = []
    catalog = None
    if path is not None:
        try:
            catalog = parse_catalog_file(_read(path), str(path))
        except CatalogError as error:
            warnings.append(f"{error} (using the built-in catalog instead)")
    if catalog is None:
        catalog = builtin_catalog()
    if user_file is not None and user_file.is_file():
        try:
            catalog = _with_user_file(catalog, user_file)
        except CatalogError as error:
            warnings.append(f"{error} (your exercises file was ignored)")
    return Catalog(catalog.exercises, tuple(warnings) + catalog.warnings, catalog.programmes)


def _with_user_file(catalog: Catalog, user_file: Path) -> Catalog:
    """The user's exercises and programmes replace those with the same id and add the rest."""
    base = {exercise.id: exercise for exercise in catalog}
    exercises, programmes = _parse(_read(user_file), str(user_file), base)
    user_exercises = {exercise.id: exercise for exercise in exercises}
    merged = [user_exercises.pop(exercise.id, exercise) for exercise in catalog]
    merged_by_id = {exercise.id: exercise for exercise in merged}
    replaced = {programme.id: programme for programme in programmes}
    builtin_ids = {programme.id for programme in catalog.programmes}
    unfit = [p.id for p in catalog.programmes if p.id not in replaced and not _still_fits(p, merged_by_id)]
    kept = [replaced.get(p.id, p) for p in catalog.programmes if p.id not in unfit]
    added = [programme for programme in programmes if programme.id not in builtin_ids]
    named = ", ".join(f'"{programme_id}"' for programme_id in unfit)
    warnings = (
        f"{user_file}: your exercises change what {named} counts in (reps or a hold); "
        "left out until your file gives that programme too",
    ) if unfit else ()
    return Catalog(tuple(merged) + tuple(user_exercises.values()), warnings, tuple(kept + added))


def _still_fits(programme: Programme, exercises: dict[str, Exercise]) -> bool:
    """A built-in programme whose exercise the user turned from reps into a hold (or back) no longer fits."""
    return all(
        (entry.reps is None or not exercises[entry.id].is_hold) and (entry.hold_s is None or exercises[entry.id].is_hold)
        for block in programme.blocks
        for entry in block.exercises
    )


def exercise_table(exercise: Exercise) -> dict[str, Any]:
    """Every field as plain TOML values; an unset optional one is left out."""
    table = asdict(exercise) | {"tempo": list(exercise.tempo), "cues": list(exercise.cues)}
    return {key: value for key, value in table.items() if value is not None}


def _as_table(exercise: Exercise) -> dict[str, Any]:
    table = exercise_table(exercise)
    del table["reps" if exercise.is_hold else "hold_s"]  # so a change of kind must name its target
    return table


def exercise_from_table(table: dict[str, Any], source: str) -> Exercise:
    """One exercise table checked as a catalog's are (a saved workout keeps its plan this way)."""
    return _exercise(table, 0, lambda key: 1, source)
