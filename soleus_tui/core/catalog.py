"""The exercise catalog: the built-in exercises.toml, an optional replacement and a user file.

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

from soleus_tui.core.text import MAX_TEXT_CHARS, plain_text

KINDS = ("reps", "hold")
LOADS = ("bodyweight", "dumbbell", "machine", "band")
MAX_HOLD_S = 3600
COMMON_FIELDS = ("id", "name", "kind", "knee_angle", "sets", "rest_s", "tempo", "load", "per_side", "cues", "why")
ID_PATTERN = re.compile(r"[a-z0-9-]+")
EXERCISE_HEADER = re.compile(r"^\s*\[\[\s*exercise\s*\]\]")
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

    def get(self, exercise_id: str) -> Exercise | None:
        return next((exercise for exercise in self.exercises if exercise.id == exercise_id), None)

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
        starts = [number for number, line in enumerate(self.lines, 1) if EXERCISE_HEADER.match(line)]
        headers = [number for number, line in enumerate(self.lines, 1) if ANY_TABLE_HEADER.match(line)]
        self.top_level = (1, starts[0] - 1 if starts else len(self.lines))
        self.blocks = [(start, next((n - 1 for n in headers if n > start), len(self.lines))) for start in starts]

    def of_key(self, key: str, exercise_index: int | None = None) -> int:
        """The line of `key =` at the top level or in the n-th [[exercise]], else the block's first line."""
        if exercise_index is None:
            start, end = self.top_level
        elif exercise_index < len(self.blocks):
            start, end = self.blocks[exercise_index]
        else:  # exercises written as an inline array: point at that array
            return self.of_key("exercise")
        return self.first(rf"\s*{re.escape(key)}\s*=", start, end)

    def first(self, pattern: str, start: int = 1, end: int | None = None) -> int:
        """The first line from start to end matching pattern, else start."""
        lines = range(start, (len(self.lines) if end is None else end) + 1)
        return next((n for n in lines if re.match(pattern, self.lines[n - 1])), start)


def parse_catalog(text: str, source: str) -> tuple[Exercise, ...]:
    """Every exercise in a catalog file, in file order; raises CatalogError on any problem."""
    return _parse(text, source, {})


def _parse(text: str, source: str, defaults: dict[str, dict[str, Any]]) -> tuple[Exercise, ...]:
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
    if tables is None:
        raise CatalogError(source, lines.top_level[1] or 1, "no [[exercise]] tables")
    if not isinstance(tables, list) or not tables or not all(isinstance(table, dict) for table in tables):
        line = lines.first(r"\s*(exercise\s*=|\[\s*exercise\s*\])")
        raise CatalogError(source, line, "exercise must be a list of [[exercise]] tables, with double brackets")

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
    return tuple(exercises)


def _exercise(table: dict[str, Any], index: int, line_of: Callable[[str], int], source: str) -> Exercise:
    def fail(key: str, message: str) -> CatalogError:
        return CatalogError(source, line_of(key), message)

    def whole_number(key: str, low: int, high: float = math.inf) -> int:
        value = table[key]
        if type(value) is not int:
            raise fail(key, f"{key} must be a whole number, not {value!r}")
        if not low <= value <= high:
            bounds = f"between {low} and {high}" if high != math.inf else f"at least {low}"
            raise fail(key, f"{key} must be {bounds}, not {value}")
        return value

    def text(key: str) -> str:
        value = table[key]
        if not isinstance(value, str):
            raise fail(key, f"{key} must be text in quotes, not {value!r}")
        if not value.strip():
            raise fail(key, f"{key} must not be empty")
        if len(value) > MAX_TEXT_CHARS:
            raise fail(key, f"{key} is longer than {MAX_TEXT_CHARS} characters")
        return plain_text(value)

    exercise_id = table.get("id")
    label = f'exercise "{exercise_id}"' if isinstance(exercise_id, str) else f"exercise {index + 1}"
    kind = table.get("kind")
    required = COMMON_FIELDS + (("hold_s",) if kind == "hold" else ("reps",) if kind == "reps" else ())
    for key in required:
        if key not in table:
            raise fail(key, f'{label} is missing "{key}"')

    exercise_id = text("id")
    if not ID_PATTERN.fullmatch(exercise_id):
        raise fail("id", f'id "{exercise_id}" may only use a-z, 0-9 and "-"')
    if kind not in KINDS:
        raise fail("kind", f'kind must be "reps" or "hold", not {kind!r}')
    load = text("load")
    if load not in LOADS:
        raise fail("load", f"load must be one of {', '.join(LOADS)}, not {load!r}")
    if type(table["per_side"]) is not bool:
        raise fail("per_side", f"per_side must be true or false, not {table['per_side']!r}")

    tempo = table["tempo"]
    if not isinstance(tempo, list) or len(tempo) != 3 or any(type(part) is not int or part < 0 for part in tempo):
        raise fail("tempo", f"tempo must be three whole numbers of seconds [up, pause, down], not {tempo!r}")
    if sum(tempo) == 0:
        raise fail("tempo", "tempo must not be all zeros")

    cues = table["cues"]
    if not isinstance(cues, list) or not all(isinstance(cue, str) and cue.strip() for cue in cues):
        raise fail("cues", "cues must be a list of non-empty texts")
    if not cues:
        raise fail("cues", "cues must hold at least one cue")

    reps, hold_s = 0, 0.0
    if kind == "reps":
        reps = whole_number("reps", 1)
    else:
        hold_s = table["hold_s"]
        if type(hold_s) not in (int, float):
            raise fail("hold_s", f"hold_s must be a number of seconds, not {hold_s!r}")
        if not 0 < hold_s <= MAX_HOLD_S:  # also refuses nan and inf, which TOML allows
            raise fail("hold_s", f"hold_s must be more than 0 and at most {MAX_HOLD_S}, not {hold_s}")

    return Exercise(
        id=exercise_id, name=text("name"), kind=kind, knee_angle=whole_number("knee_angle", 0, 180),
        sets=whole_number("sets", 1), reps=reps, hold_s=float(hold_s), rest_s=whole_number("rest_s", 0),
        tempo=(tempo[0], tempo[1], tempo[2]), load=load, per_side=table["per_side"], cues=tuple(map(plain_text, cues)),
        why=text("why"),
    )


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
        return Catalog(parse_catalog(resource.read_text(encoding="utf-8"), str(resource)))
    # Source checkouts and editable installs: the file sits at the repository root.
    source_file = Path(__file__).resolve().parents[2] / "exercises.toml"
    return Catalog(parse_catalog(_read(source_file), str(source_file)))


def load_catalog(path: Path | None = None, user_file: Path | None = None) -> Catalog:
    """The catalog to train with; a bad file becomes a warning and the built-in catalog is used."""
    warnings: list[str] = []
    catalog = None
    if path is not None:
        try:
            catalog = Catalog(parse_catalog(_read(path), str(path)))
        except CatalogError as error:
            warnings.append(f"{error} (using the built-in catalog instead)")
    if catalog is None:
        catalog = builtin_catalog()
    if user_file is not None and user_file.is_file():
        try:
            catalog = _with_user_file(catalog, user_file)
        except CatalogError as error:
            warnings.append(f"{error} (your exercises file was ignored)")
    return Catalog(catalog.exercises, tuple(warnings))


def _with_user_file(catalog: Catalog, user_file: Path) -> Catalog:
    # An override may give only the keys it changes; the rest come from the exercise it replaces.
    defaults = {exercise.id: _as_table(exercise) for exercise in catalog}
    user_exercises = {exercise.id: exercise for exercise in _parse(_read(user_file), str(user_file), defaults)}
    merged = [user_exercises.pop(exercise.id, exercise) for exercise in catalog]
    return Catalog(tuple(merged) + tuple(user_exercises.values()))


def exercise_table(exercise: Exercise) -> dict[str, Any]:
    """Every field as plain TOML values."""
    return asdict(exercise) | {"tempo": list(exercise.tempo), "cues": list(exercise.cues)}


def _as_table(exercise: Exercise) -> dict[str, Any]:
    table = exercise_table(exercise)
    del table["reps" if exercise.is_hold else "hold_s"]  # so a change of kind must name its target
    return table


def exercise_from_table(table: dict[str, Any], source: str) -> Exercise:
    """One exercise table checked as a catalog's are (a saved workout keeps its plan this way)."""
    return _exercise(table, 0, lambda key: 1, source)
