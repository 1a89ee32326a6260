"""The exercise catalog: the built-in exercises.toml, an optional replacement and a user file.
Besides exercises it holds the file's programmes, read by core/programmes/definitions.py.

A bad file is refused with ``file:line: what is wrong`` (DESIGN.md section 3).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any, Callable, Iterator

from soleus_tui.core.programmes.definitions import fits, parse_programmes
from soleus_tui.core.programmes.model import Programme
from soleus_tui.core.text import plain_text
from soleus_tui.core.toml_checks import CatalogError, Checks, Lines, load_toml, on_line

KINDS = ("reps", "hold")
LOADS = ("bodyweight", "dumbbell", "machine", "band")
MAX_LOAD_STEP_KG = 50
COMMON_FIELDS = ("id", "name", "kind", "knee_angle", "sets", "rest_s", "tempo", "load", "per_side", "cues", "why")
EXERCISE_HEADER = re.compile(r"^\s*\[\[\s*exercise\s*\]\]")


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
    document = load_toml(text, source)
    lines = Lines(text)
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
    spans = lines.tables(EXERCISE_HEADER)
    inline = lines.of_key("exercise")  # exercises written as an inline array: point at that array
    for index, table in enumerate(tables):
        if isinstance(table.get("id"), str):
            table = defaults.get(table["id"], {}) | table
        exercise = _exercise(table, index, lambda key: lines.in_table(spans, index, key, inline), source)
        id_line = lines.in_table(spans, index, "id", inline)
        if exercise.id in id_lines:
            problem = f'duplicate id "{exercise.id}" (first used on line {id_lines[exercise.id]})'
            raise CatalogError(source, id_line, problem)
        id_lines[exercise.id] = id_line
        exercises.append(exercise)
    known = base | {exercise.id: exercise for exercise in exercises}
    return tuple(exercises), parse_programmes(document.get("programme"), lines, source, known)


def _exercise(table: dict[str, Any], index: int, line_of: Callable[[str], int], source: str) -> Exercise:
    check = Checks(table, line_of, source)
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
        hold_s = check.hold()
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
    unfit = [p.id for p in catalog.programmes if p.id not in replaced and not fits(p, merged_by_id)]
    kept = [replaced.get(p.id, p) for p in catalog.programmes if p.id not in unfit]
    added = [programme for programme in programmes if programme.id not in builtin_ids]
    named = ", ".join(f'"{programme_id}"' for programme_id in unfit)
    warnings = (
        f"{user_file}: your exercises change what {named} counts in (reps or a hold); "
        "left out until your file gives that programme too",
    ) if unfit else ()
    return Catalog(tuple(merged) + tuple(user_exercises.values()), warnings, tuple(kept + added))


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
    return _exercise(table, 0, on_line(1), source)
