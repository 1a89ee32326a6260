from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import tomllib
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soleus_tui.core.catalog import Catalog, Exercise, builtin_catalog, load_catalog, parse_catalog
from soleus_tui.core.toml_checks import CatalogError
from tests.support.catalogs import SMALL, assert_refused, catalog_text, edit, error_of, write_catalog

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILTIN_TEXT = (REPO_ROOT / "exercises.toml").read_text(encoding="utf-8")
DESIGN_KEYS = {"id", "name", "kind", "knee_angle", "sets", "rest_s", "tempo", "load", "per_side", "cues", "why"}
# SMALL's line numbers matter below: the tests check them exactly.

def assert_sane(exercise: Exercise) -> None:
    assert re.fullmatch(r"[a-z0-9-]+", exercise.id)
    assert exercise.name.strip() and exercise.why.strip()
    assert exercise.kind in ("reps", "hold")
    assert exercise.load in ("bodyweight", "dumbbell", "machine", "band")
    assert 0 <= exercise.knee_angle <= 180
    assert exercise.sets >= 1 and exercise.rest_s >= 0
    if exercise.is_hold:
        assert exercise.reps == 0 and exercise.hold_s > 0
    else:
        assert exercise.reps >= 1 and exercise.hold_s == 0.0
    assert len(exercise.tempo) == 3 and all(type(part) is int and part >= 0 for part in exercise.tempo)
    assert sum(exercise.tempo) > 0
    assert exercise.cues and all(isinstance(cue, str) and cue.strip() for cue in exercise.cues)
    assert type(exercise.per_side) is bool


# --- the built-in catalog -------------------------------------------------------------------


def test_small_file_parses_into_exercises() -> None:
    first, second = parse_catalog(SMALL, "cat.toml")
    assert first == Exercise(
        id="first", name="First", kind="reps", knee_angle=90, sets=3, reps=12, hold_s=0.0, rest_s=90,
        tempo=(1, 2, 3), load="dumbbell", per_side=False, cues=("Sit tall",), why="Bent knee.",
    )
    assert second.is_hold and second.hold_s == 30.0 and isinstance(second.hold_s, float) and second.reps == 0
    assert second.per_side is True


def test_builtin_catalog_opens_with_the_articles_three_exercises() -> None:
    catalog = builtin_catalog()
    assert len(catalog) >= 8
    assert catalog.warnings == ()
    first_three = list(catalog)[:3]
    assert [exercise.id for exercise in first_three] == [
        "seated-dumbbell-calf-raise",
        "seated-calf-raise-machine",
        "wall-sit-calf-raise",
    ]
    assert [exercise.load for exercise in first_three] == ["dumbbell", "machine", "bodyweight"]
    for exercise in first_three:
        assert exercise.kind == "reps" and exercise.per_side is False and exercise.knee_angle == 90


def test_builtin_catalog_holds_the_bent_knee_work_in_order() -> None:
    ids = [exercise.id for exercise in builtin_catalog()]
    assert ids[:8] == [
        "seated-dumbbell-calf-raise",
        "seated-calf-raise-machine",
        "wall-sit-calf-raise",
        "bent-knee-single-leg-calf-raise",
        "bent-knee-eccentric-heel-drop",
        "wall-sit-isometric-heel-hold",
        "seated-isometric-soleus-hold",
        "seated-soleus-push-up",
    ]
    assert len(ids) == len(set(ids))


STRAIGHT_KNEE = "straight-knee-eccentric-heel-drop"  # the one exercise Alfredson's programme needs straight


def test_every_builtin_exercise_is_sane_and_bent_knee() -> None:
    for exercise in builtin_catalog():
        assert_sane(exercise)
        if exercise.id == STRAIGHT_KNEE:
            assert exercise.knee_angle == 0 and "gastrocnemius" in exercise.name.lower()
            assert exercise.why.startswith("Gastrocnemius work, not soleus work")
            continue
        assert 40 <= exercise.knee_angle <= 90, exercise.id
        assert 2 <= len(exercise.cues) <= 4, exercise.id
        assert all(len(cue) <= 80 for cue in exercise.cues), exercise.id
        assert "soleus" in exercise.why.lower(), exercise.id
        assert 1 <= len(re.findall(r"[.!?](\s|$)", exercise.why)) <= 2, exercise.id


def test_builtin_exercises_follow_the_dosing_facts() -> None:
    catalog = builtin_catalog()
    seated = catalog.get("seated-dumbbell-calf-raise")
    assert seated and seated.reps == 12 and seated.tempo == (1, 2, 3)
    machine = catalog.get("seated-calf-raise-machine")
    assert machine and machine.tempo[0] == 3 and machine.tempo[2] == 3 and machine.rest_s >= 90
    single = catalog.get("bent-knee-single-leg-calf-raise")
    assert single and single.per_side and single.knee_angle == 45
    drop = catalog.get("bent-knee-eccentric-heel-drop")
    assert drop and drop.per_side and drop.knee_angle == 45 and (drop.sets, drop.reps) == (3, 15)
    assert drop.tempo[2] > drop.tempo[0], "the heel drop is about the slow lowering"
    assert any("step level" in cue for cue in drop.cues)
    wall_hold = catalog.get("wall-sit-isometric-heel-hold")
    assert wall_hold and wall_hold.is_hold
    seated_hold = catalog.get("seated-isometric-soleus-hold")
    assert seated_hold and seated_hold.is_hold and 0 < seated_hold.hold_s <= 30
    push_up = catalog.get("seated-soleus-push-up")
    assert push_up and push_up.load == "bodyweight" and push_up.reps >= 30
    assert "metabolic" in push_up.why and "not strength" in push_up.why


def test_builtin_file_uses_exactly_the_contract_keys() -> None:
    document = tomllib.loads(BUILTIN_TEXT)
    assert document["schema"] == 1
    for table in document["exercise"]:
        extra = {"hold_s"} if table["kind"] == "hold" else {"reps"}
        assert DESIGN_KEYS | extra <= set(table) <= DESIGN_KEYS | extra | {"load_step_kg"}, table["id"]


# --- Exercise and Catalog -------------------------------------------------------------------


def test_target_text() -> None:
    first, second = parse_catalog(SMALL, "cat.toml")
    assert first.target_text == "3 x 12"
    assert second.target_text == "2 x 30 s hold per side"
    short_hold_text = edit(edit(SMALL, "hold_s = 30", "hold_s = 12.5"), "per_side = true", "per_side = false")
    short_hold = parse_catalog(short_hold_text, "c")[1]
    assert short_hold.target_text == "2 x 12.5 s hold"
    per_side_reps = parse_catalog(edit(SMALL, "per_side = false", "per_side = true"), "c")[0]
    assert per_side_reps.target_text == "3 x 12 per side"


def test_get_after_iter_len() -> None:
    catalog = Catalog(parse_catalog(SMALL, "cat.toml"))
    assert len(catalog) == 2 and [e.id for e in catalog] == ["first", "second"]
    assert catalog.get("second") is catalog.exercises[1]
    assert catalog.get("nope") is None
    assert catalog.after("first").id == "second"
    assert catalog.after("second").id == "first"  # wraps round
    assert catalog.after("nope").id == "first"
    builtin = builtin_catalog()
    assert builtin.after(builtin.exercises[-1].id) == builtin.exercises[0]


# --- validation: file:line: what is wrong ---------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        # TOML syntax: tomllib's own position
        ('name = "First"', 'name = "First', 5, "TOML syntax error"),
        ('sets = 3', 'sets = = 3', 8, "TOML syntax error"),
        ('load = "dumbbell"', 'load = "dumbbell"\nload = "band"', 13, "TOML syntax error"),
        # schema
        ("schema = 1", "schema = 2", 1, "schema must be 1"),
        ("schema = 1", '# a comment\n\nschema = "1"', 3, "schema must be 1"),
        ("schema = 1", "schema = true", 1, "schema must be 1"),
        ("schema = 1", "", 1, "schema = 1 is missing"),
        # missing fields: the exercise's header line, naming the field and the exercise
        ("sets = 2\n", "", 17, 'exercise "second" is missing "sets"'),
        ("reps = 12\n", "", 3, 'exercise "first" is missing "reps"'),
        ("hold_s = 30\n", "", 17, 'exercise "second" is missing "hold_s"'),
        ('why = "Still work."\n', "", 17, 'exercise "second" is missing "why"'),
        ('id = "first"\n', "", 3, 'exercise 1 is missing "id"'),
        ("cues = [\"Sit tall\"]\n", "", 3, 'exercise "first" is missing "cues"'),
        # wrong types
        ("sets = 3", 'sets = "3"', 8, "sets must be a whole number"),
        ("sets = 3", "sets = 3.0", 8, "sets must be a whole number"),
        ("sets = 3", "sets = true", 8, "sets must be a whole number"),
        ("knee_angle = 90", "knee_angle = false", 7, "knee_angle must be a whole number"),
        ("reps = 12", "reps = 12.5", 9, "reps must be a whole number"),
        ("rest_s = 60", "rest_s = [60]", 24, "rest_s must be a whole number"),
        ("hold_s = 30", 'hold_s = "30"', 23, "hold_s must be a number of seconds"),
        ("hold_s = 30", "hold_s = true", 23, "hold_s must be a number of seconds"),
        ("per_side = false", "per_side = 0", 13, "per_side must be true or false"),
        ("per_side = true", 'per_side = "yes"', 27, "per_side must be true or false"),
        ('name = "First"', "name = 1", 5, "name must be text"),
        ("tempo = [1, 2, 3]", "tempo = [1, 2]", 11, "tempo must be three whole numbers"),
        ("tempo = [1, 2, 3]", "tempo = [1.5, 2, 3]", 11, "tempo must be three whole numbers"),
        ("tempo = [1, 2, 3]", "tempo = [true, 2, 3]", 11, "tempo must be three whole numbers"),
        ("tempo = [1, 2, 3]", 'tempo = "1-2-3"', 11, "tempo must be three whole numbers"),
        ("cues = [\"Sit tall\"]", 'cues = "Sit tall"', 14, "cues must be a list"),
        ("cues = [\"Hold still\"]", "cues = [1]", 28, "cues must be a list"),
        # unknown kind or load
        ('kind = "reps"', 'kind = "rep"', 6, 'kind must be "reps" or "hold"'),
        ('kind = "hold"', "kind = 1", 20, 'kind must be "reps" or "hold"'),
        ('load = "bodyweight"', 'load = "kettlebell"', 26, "load must be one of"),
        # bad and duplicate ids
        ('id = "first"', 'id = "First"', 4, 'id "First" may only use'),
        ('id = "second"', 'id = "second one"', 18, 'id "second one" may only use'),
        ('id = "second"', 'id = "sécond"', 18, "may only use"),
        ('id = "first"', 'id = ""', 4, "id must not be empty"),
        ('id = "second"', 'id = "first"', 18, 'duplicate id "first" (first used on line 4)'),
        # numbers that make no sense
        ("sets = 3", "sets = 0", 8, "sets must be at least 1"),
        ("sets = 2", "sets = -2", 22, "sets must be at least 1"),
        ("reps = 12", "reps = 0", 9, "reps must be at least 1"),
        ("rest_s = 90", "rest_s = -1", 10, "rest_s must be at least 0"),
        ("knee_angle = 90", "knee_angle = 181", 7, "knee_angle must be between 0 and 180"),
        ("knee_angle = 90", "knee_angle = -5", 7, "knee_angle must be between 0 and 180"),
        ("hold_s = 30", "hold_s = 0", 23, "hold_s must be more than 0"),
        ("hold_s = 30", "hold_s = -3.5", 23, "hold_s must be more than 0"),
        ("hold_s = 30", "hold_s = nan", 23, "hold_s must be more than 0"),
        ("hold_s = 30", "hold_s = inf", 23, "hold_s must be more than 0"),
        ("hold_s = 30", "hold_s = 100000000000000000000000000000000000000", 23, "at most 3600"),
        ("tempo = [1, 2, 3]", "tempo = [0, 0, 0]", 11, "tempo must not be all zeros"),
        ("tempo = [1, 0, 1]", "tempo = [1, -1, 1]", 25, "tempo must be three whole numbers"),
        # empty text and lists
        ("cues = [\"Sit tall\"]", "cues = []", 14, "cues must hold at least one cue"),
        ("cues = [\"Sit tall\"]", 'cues = ["Sit tall", "  "]', 14, "cues must be a list of non-empty texts"),
        ('name = "Second"', 'name = ""', 19, "name must not be empty"),
        ('why = "Bent knee."', 'why = "   "', 15, "why must not be empty"),
    ],
)
def test_bad_file_is_refused_with_file_and_line(old: str, new: str, line: int, words: str) -> None:
    assert_refused(edit(SMALL, old, new), line, words, "my/exercises.toml")


def test_catalog_error_keeps_its_parts() -> None:
    with pytest.raises(CatalogError) as caught:
        parse_catalog(edit(SMALL, "sets = 3", "sets = 0"), "x.toml")
    assert (caught.value.source, caught.value.line) == ("x.toml", 8)
    assert caught.value.message == "sets must be at least 1, not 0"


def test_syntax_error_at_end_of_document_points_at_the_last_line() -> None:
    assert error_of(SMALL + "extra = [1,\n", "c.toml").startswith("c.toml:30: TOML syntax error: ")


def test_file_without_exercises_is_refused() -> None:
    assert error_of("schema = 1\n", "c.toml") == "c.toml:1: no [[exercise]] tables"
    assert error_of("schema = 1\n\n# nothing yet\n", "c.toml") == "c.toml:3: no [[exercise]] tables"
    assert error_of("schema = 1\nexercise = 3\n", "c.toml").startswith("c.toml:2: exercise must be a list of")
    assert error_of("schema = 1\nexercise = []\n", "c.toml").startswith("c.toml:2: exercise must be a list")
    single_brackets = edit(SMALL, "[[exercise]]", "[exercise]", 1).replace("\n[[exercise]]", "\n[exercise.second]")
    assert error_of(single_brackets, "c.toml").startswith("c.toml:3: exercise must be a list of [[exercise]] tables")


def test_inline_exercise_array_points_at_the_array() -> None:
    text = 'schema = 1\nexercise = [\n  { id = "a", name = "A" },\n]\n'
    assert error_of(text, "c.toml") == 'c.toml:2: exercise "a" is missing "kind"'


def test_key_lines_are_found_inside_the_right_block() -> None:
    # Keys that only start like a field name, comments and sub-tables do not fool the line finder.
    text = edit(SMALL, "sets = 2\n", "sets_note = 1\n# sets = 2\n")
    text = edit(text, 'why = "Bent knee."\n', 'why = "Bent knee."\n\n[exercise.extra]\nsets = 0\n')
    assert error_of(text) == 'cat.toml:20: exercise "second" is missing "sets"'
    text = edit(SMALL, "knee_angle = 90", "  knee_angle   =   200  # indented", 2)
    assert error_of(text) == "cat.toml:21: knee_angle must be between 0 and 180, not 200"


def test_unknown_keys_are_accepted() -> None:
    text = edit(SMALL, 'why = "Bent knee."', 'why = "Bent knee."\nvideo = "https://example.org"\nlevel = 3')
    text = edit(text, "schema = 1", "schema = 1\nauthor = \"me\"")
    assert [exercise.id for exercise in parse_catalog(text, "c")] == ["first", "second"]


def test_kind_decides_between_reps_and_hold_s() -> None:
    # A reps exercise may carry a stray hold_s and a hold a stray reps: both are ignored.
    text = edit(SMALL, "reps = 12", "reps = 12\nhold_s = -1")
    text = edit(text, "hold_s = 30", "hold_s = 30\nreps = -1")
    first, second = parse_catalog(text, "c")
    assert (first.reps, first.hold_s, second.reps, second.hold_s) == (12, 0.0, 0, 30.0)


def test_zero_rest_and_straight_knee_are_allowed() -> None:
    first = parse_catalog(edit(edit(SMALL, "rest_s = 90", "rest_s = 0"), "knee_angle = 90", "knee_angle = 0"), "c")[0]
    assert (first.rest_s, first.knee_angle) == (0, 0)


@pytest.mark.parametrize("value", ["0", "-2.5", "nan", "inf", "51", '"5"', "true"])
def test_a_bad_load_step_is_refused(value: str) -> None:
    text = edit(SMALL, 'load = "dumbbell"\n', f'load = "dumbbell"\nload_step_kg = {value}\n')
    assert error_of(text).startswith("cat.toml:13: load_step_kg must be more than 0 and at most 50 kg")


def test_a_load_step_is_kept_in_kg() -> None:
    text = edit(SMALL, 'load = "dumbbell"\n', 'load = "dumbbell"\nload_step_kg = 1.25\n')
    assert parse_catalog(text, "cat.toml")[0].load_step_kg == 1.25


# --- load_catalog: --exercises and the user file ----------------------------------------------


USER_OVERRIDE = catalog_text(
    dict(id="wall-sit-calf-raise", name="Deep wall-sit calf raise", kind="reps", knee_angle=100, sets=4, reps=20,
         rest_s=45, tempo=[2, 0, 2], load="band", per_side=False, cues=["Lower than usual"],
         why="My version, still soleus."),
    dict(id="my-step-raise", name="Step raise", kind="reps", knee_angle=60, sets=2, reps=10, rest_s=60,
         tempo=[1, 1, 1], load="bodyweight", per_side=True, cues=["On the stairs"], why="Extra soleus work."),
)  # fmt: skip


def test_load_catalog_defaults_to_the_builtin_one(tmp_path: Path) -> None:
    catalog = load_catalog()
    assert catalog == builtin_catalog()
    assert load_catalog(None, tmp_path / "no-such-file.toml") == builtin_catalog()


def test_exercises_option_replaces_the_builtin_catalog(tmp_path: Path) -> None:
    catalog = load_catalog(write_catalog(tmp_path / "mine.toml", SMALL))
    assert [exercise.id for exercise in catalog] == ["first", "second"]
    assert catalog.warnings == ()


def test_user_file_overrides_in_place_and_appends(tmp_path: Path) -> None:
    builtin_ids = [exercise.id for exercise in builtin_catalog()]
    catalog = load_catalog(None, write_catalog(tmp_path / "exercises.toml", USER_OVERRIDE))
    assert catalog.warnings == ()
    assert [exercise.id for exercise in catalog] == builtin_ids + ["my-step-raise"]
    wall_sit = catalog.exercises[2]
    assert (wall_sit.id, wall_sit.name) == ("wall-sit-calf-raise", "Deep wall-sit calf raise")
    assert (wall_sit.reps, wall_sit.load) == (20, "band")
    assert catalog.exercises[-1].per_side is True


def test_user_override_may_give_only_the_keys_it_changes(tmp_path: Path) -> None:
    user = write_catalog(tmp_path / "exercises.toml", 'schema = 1\n[[exercise]]\nid = "wall-sit-calf-raise"\nrest_s = 30\n')
    catalog = load_catalog(None, user)
    original = builtin_catalog().get("wall-sit-calf-raise")
    assert original is not None
    assert catalog.get("wall-sit-calf-raise") == replace(original, rest_s=30)
    # Changing the kind needs the matching target.
    write_catalog(user, 'schema = 1\n[[exercise]]\nid = "wall-sit-calf-raise"\nkind = "hold"\n')
    catalog = load_catalog(None, user)
    assert catalog.exercises == builtin_catalog().exercises
    expected = f'{user}:2: exercise "wall-sit-calf-raise" is missing "hold_s" (your exercises file was ignored)'
    assert catalog.warnings == (expected,)


def test_user_file_also_applies_on_top_of_the_exercises_option(tmp_path: Path) -> None:
    user = write_catalog(tmp_path / "user.toml", USER_OVERRIDE)
    catalog = load_catalog(write_catalog(tmp_path / "mine.toml", SMALL), user)
    assert [exercise.id for exercise in catalog] == ["first", "second", "wall-sit-calf-raise", "my-step-raise"]


def test_bad_user_file_falls_back_with_a_warning(tmp_path: Path) -> None:
    user = write_catalog(tmp_path / "exercises.toml", edit(USER_OVERRIDE, 'kind = "reps"', 'kind = "jump"', 2))
    catalog = load_catalog(None, user)
    assert catalog.exercises == builtin_catalog().exercises
    assert len(catalog.warnings) == 1
    assert catalog.warnings[0].startswith(f'{user}:20: kind must be "reps" or "hold"')


def test_duplicate_id_inside_the_user_file_is_refused(tmp_path: Path) -> None:
    user = write_catalog(tmp_path / "exercises.toml", edit(USER_OVERRIDE, 'id = "my-step-raise"', 'id = "wall-sit-calf-raise"'))
    catalog = load_catalog(None, user)
    assert catalog.exercises == builtin_catalog().exercises
    assert catalog.warnings[0].startswith(f'{user}:18: duplicate id "wall-sit-calf-raise" (first used on line 4)')


@pytest.mark.parametrize(
    ("content", "expected_start"),
    [
        (None, "{path}: file not found"),
        ("schema = 1\n[[exercise]]\nid = 'x'\nname = \n", "{path}:4: TOML syntax error"),
        (b"schema = 1\n\xff\xfe", "{path}: not UTF-8 text"),
        ("directory", "{path}: cannot be read"),
    ],
)
def test_bad_exercises_option_falls_back_with_a_warning(
    tmp_path: Path, content: str | bytes | None, expected_start: str
) -> None:
    path = tmp_path / "mine.toml"
    if content == "directory":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        write_catalog(path, content)
    catalog = load_catalog(path, write_catalog(tmp_path / "user.toml", USER_OVERRIDE))
    assert catalog.exercises[:2] == builtin_catalog().exercises[:2]
    assert catalog.exercises[-1].id == "my-step-raise", "the user file still applies"
    assert len(catalog.warnings) == 1
    assert catalog.warnings[0].startswith(expected_start.format(path=path)), catalog.warnings
    assert "built-in catalog" in catalog.warnings[0]


def test_both_files_bad_gives_two_warnings(tmp_path: Path) -> None:
    mine = write_catalog(tmp_path / "mine.toml", "schema = 2\n")
    user = write_catalog(tmp_path / "user.toml", "schema = 1\n[[exercise]]\n")
    catalog = load_catalog(mine, user)
    assert catalog.exercises == builtin_catalog().exercises
    assert [warning.split(": ")[0] for warning in catalog.warnings] == [f"{mine}:1", f"{user}:2"]


# --- nothing but CatalogError, ever -----------------------------------------------------------

BUILTIN_LINES = BUILTIN_TEXT.splitlines(keepends=True)
ODD_VALUES = [
    "-1", "0", "1", "true", "false", '""', '"x"', '"reps"', '"hold"', "[]", '[""]', "[1, 2, 3]", "[0, 0, 0]",
    "[-1, 2, 3]", "1.5", "nan", "inf", "-inf", "1e400", str(10**40), "{ a = 1 }", "2026-11-24", '"Ä é"', "[[1]]",
]
FIELDS = sorted(DESIGN_KEYS | {"reps", "hold_s", "schema", "exercise"})


@st.composite
def mutated_catalog(draw: st.DrawFn) -> str:
    lines = list(BUILTIN_LINES)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "revalue", "insert", "swap", "garble", "truncate"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "revalue" and "=" in lines[index]:
            key = lines[index].split("=")[0]
            lines[index] = f"{key}= {draw(st.sampled_from(ODD_VALUES))}\n"
        elif action == "insert":
            lines.insert(index, f"{draw(st.sampled_from(FIELDS))} = {draw(st.sampled_from(ODD_VALUES))}\n")
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif action == "garble":
            position = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:position] + draw(st.text(max_size=5)) + lines[index][position:]
        elif action == "truncate":
            del lines[index:]
        if not lines:
            lines = ["\n"]
    return "".join(lines)


def parses_or_refuses(text: str) -> None:
    try:
        exercises = parse_catalog(text, "fuzz.toml")
    except CatalogError as error:
        assert re.match(r"fuzz\.toml:\d+: \S", str(error)), str(error)
        assert 1 <= (error.line or 0) <= max(1, len(text.splitlines())) + 1
    else:
        assert exercises
        for exercise in exercises:
            assert_sane(exercise)
        assert len({exercise.id for exercise in exercises}) == len(exercises)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_random_text_parses_or_raises_catalog_error(text: str) -> None:
    parses_or_refuses(text)


@settings(max_examples=500, deadline=None)
@given(mutated_catalog())
def test_mutated_catalog_parses_or_raises_catalog_error(text: str) -> None:
    parses_or_refuses(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=mutated_catalog())
def test_load_catalog_never_raises_on_a_mutated_user_file(tmp_path: Path, text: str) -> None:
    catalog = load_catalog(None, write_catalog(tmp_path / "exercises.toml", text))
    assert len(catalog) >= len(builtin_catalog())
    for exercise in catalog:
        assert_sane(exercise)
    assert len(catalog.warnings) <= 1


# --- packaging: the wheel carries the catalog -------------------------------------------------


def run(command: list[str | Path], **options: object) -> subprocess.CompletedProcess[str]:
    arguments = [str(part) for part in command]
    result = subprocess.run(arguments, capture_output=True, text=True, **options)  # type: ignore[call-overload]
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result


def test_installed_wheel_reads_the_catalog_from_site_packages(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    # Offline when the build backend is at hand (the dev setup); CI's `pip install .[test]` lacks it.
    offline = ["--no-build-isolation", "--no-index"] if importlib.util.find_spec("hatchling") else []
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", *offline, "-q", "-w", wheels, REPO_ROOT])
    (wheel,) = wheels.glob("soleus_tui-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read("soleus_tui/exercises.toml").decode("utf-8") == BUILTIN_TEXT

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--system-site-packages", venv])
    python = venv / "bin" / "python"
    run([python, "-m", "pip", "install", "--no-deps", "--force-reinstall", "--no-index", "-q", wheel])

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    probe = (
        "import json, importlib.resources, soleus_tui.core.catalog as c;"
        "print(json.dumps({'count': len(c.builtin_catalog()), 'module': c.__file__,"
        " 'resource': str(importlib.resources.files('soleus_tui') / 'exercises.toml')}))"
    )
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    found = json.loads(run([python, "-I", "-c", probe], cwd=elsewhere, env=environment).stdout)
    assert found["count"] == len(builtin_catalog())
    for key in ("module", "resource"):
        location = Path(found[key]).resolve()
        assert location.is_relative_to(venv.resolve()) and "site-packages" in location.parts, found
        assert not location.is_relative_to(REPO_ROOT), found

