"""Programmes as catalog files define them: the built-ins, a user's own, and bad ones refused with
file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from soleus_tui.core.catalog import builtin_catalog, load_catalog, parse_catalog_file
from tests.support.catalogs import SMALL, assert_refused, edit, error_of, write_catalog

# Line numbers matter below: the programme starts on line 31.
PROGRAMME = """
[[programme]]
id = "mine"
name = "Mine"
weeks = 4
per_week = 3
source = "Me"
why = "Because."
clinician = "Anyone in pain."

[[programme.block]]
weeks = [1, 2]
exercises = [
    { id = "first", sets = 3, reps = 15, rm = true },
    { id = "second", hold_s = 20 },
]

[[programme.block]]
weeks = [3, 4]
exercises = [{ id = "first", sets = 4, reps = 10, tempo = [3, 0, 3], rest_s = 150 }]
"""
TEXT = SMALL + PROGRAMME


def test_a_programme_parses_into_blocks() -> None:
    catalog = parse_catalog_file(TEXT, "cat.toml")
    (mine,) = catalog.programmes
    assert (mine.id, mine.weeks, mine.per_week, mine.per_day, mine.pain, mine.schedule) == ("mine", 4, 3, None, False, "3 a week")
    first, second = mine.blocks
    assert (first.first, first.last, second.first, second.last) == (1, 2, 3, 4)
    assert first.exercises[0].rm and first.exercises[0].reps == 15 and first.exercises[1].hold_s == 20.0
    assert second.exercises[0].tempo == (3, 0, 3) and second.exercises[0].rest_s == 150
    assert catalog.programme("mine") is mine and catalog.programme("other") is None


def test_the_builtin_programmes_name_source_why_and_who_should_ask_first() -> None:
    catalog = builtin_catalog()
    ids = [p.id for p in catalog.programmes]
    assert ids == ["soleus-strength", "hsr-12", "alfredson-12"]
    for programme in catalog.programmes:
        assert programme.source and programme.why and "clinician" in programme.clinician
    hsr, alfredson = catalog.programme("hsr-12"), catalog.programme("alfredson-12")
    assert hsr is not None and alfredson is not None
    assert "Beyer" in hsr.source and "2015" in hsr.source and (hsr.per_week, hsr.weeks, hsr.pain) == (3, 12, True)
    assert [(b.first, b.last) for b in hsr.blocks] == [(1, 1), (2, 3), (4, 5), (6, 8), (9, 12)]
    assert [(b.exercises[0].sets, b.exercises[0].reps) for b in hsr.blocks] == [(3, 15), (3, 12), (4, 10), (4, 8), (4, 6)]
    assert all(b.exercises[0].tempo == (3, 0, 3) and 120 <= (b.exercises[0].rest_s or 0) <= 180 for b in hsr.blocks)
    assert "Alfredson" in alfredson.source and (alfredson.per_day, alfredson.weeks) == (2, 12)
    # the exercise order contract still holds: the straight-knee drop comes after all bent-knee work
    assert catalog.exercises[-1].id == "straight-knee-eccentric-heel-drop"
    assert catalog.get("bent-knee-eccentric-heel-drop").load_step_kg == 5.0  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ('weeks = [3, 4]', 'weeks = [4, 4]', 48, 'programme "mine": no block covers week 3'),
        ('weeks = [3, 4]', 'weeks = [2, 4]', 48, "weeks 2-4 overlap another block"),
        ('weeks = [3, 4]', 'weeks = [3, 3]', 48, "no block covers week 4"),
        ('weeks = [3, 4]', 'weeks = [3, 5]', 48, "weeks must be [first, last] with 1 <= first <= last <= 4"),
        ('weeks = [1, 2]', 'weeks = [2, 1]', 41, "weeks must be [first, last]"),
        ('{ id = "second", hold_s = 20 }', '{ id = "third", hold_s = 20 }', 44, 'unknown exercise id "third"'),
        ('{ id = "second", hold_s = 20 }', '{ id = "second", reps = 20 }', 44, '"second" is a hold: give hold_s, not reps'),
        ('{ id = "second", hold_s = 20 }', '{ id = "second", hold_s = nan }', 44, "hold_s must be more than 0"),
        ('{ id = "second", hold_s = 20 }', '{ id = "second", hold_s = inf }', 44, "hold_s must be more than 0"),
        ('{ id = "second", hold_s = 20 }', '{ id = "second", hold_s = 20, reps_ = 1 }', 44, 'unknown key "reps_"'),
        ('sets = 3, reps = 15', 'sets = 0, reps = 15', 43, "sets must be between 1 and 20, not 0"),
        ('sets = 3, reps = 15', 'sets = 3, reps = 1.5', 43, "reps must be a whole number, not 1.5"),
        ('rm = true', 'rm = 1', 43, "rm must be true or false"),
        ("per_week = 3", "per_day = 2\nper_week = 3", 36, "has both per_week and per_day: keep one"),
        ("per_week = 3", "pain = true", 34, "needs per_week (sessions a week) or per_day"),
        ("per_week = 3", "per_week = 8", 35, "per_week must be between 1 and 7, not 8"),
        ("weeks = 4\n", "weeks = 0\n", 34, "weeks must be between 1 and 520, not 0"),
        ('id = "mine"', 'id = "Mine"', 32, 'may only use a-z, 0-9 and "-"'),
        ('source = "Me"\n', "", 31, 'programme "mine" is missing "source"'),
        ('clinician = "Anyone in pain."\n', 'clinician = "Anyone in pain."\npains = true\n', 39, 'unknown key "pains"'),
    ],
)
def test_a_bad_programme_is_refused_with_file_and_line(old: str, new: str, line: int, words: str) -> None:
    assert_refused(SMALL + edit(PROGRAMME, old, new), line, words)


def test_a_duplicate_programme_id_and_a_block_without_exercises() -> None:
    twice = TEXT + PROGRAMME
    assert error_of(twice).startswith(f"cat.toml:{len(TEXT.splitlines()) + 3}: duplicate programme id \"mine\"")
    assert "exercises must be a list" in error_of(edit(TEXT, 'exercises = [{ id = "first", sets = 4, reps = 10, tempo = [3, 0, 3], rest_s = 150 }]', "exercises = []"))
    assert "programme must be a list" in error_of(edit(SMALL, "schema = 1\n", "schema = 1\nprogramme = 3\n"))


def test_a_user_file_adds_and_overrides_programmes_by_id(tmp_path: Path) -> None:
    override = PROGRAMME.replace('id = "mine"', 'id = "hsr-12"').replace('"first"', '"seated-calf-raise-machine"')
    override = override.replace('{ id = "second", hold_s = 20 }', '{ id = "wall-sit-isometric-heel-hold", hold_s = 20 }')
    user = write_catalog(tmp_path / "exercises.toml", "schema = 1\n" + override + PROGRAMME.replace(
        '"first"', '"seated-dumbbell-calf-raise"'
    ).replace('"second"', '"seated-isometric-soleus-hold"'))
    catalog = load_catalog(None, user)
    assert catalog.warnings == ()
    assert [p.id for p in catalog.programmes] == ["soleus-strength", "hsr-12", "alfredson-12", "mine"]
    hsr = catalog.programme("hsr-12")
    assert hsr is not None and hsr.weeks == 4 and hsr.name == "Mine"
    assert len(catalog) == len(builtin_catalog())


def test_a_user_programme_naming_an_unknown_exercise_is_a_warning(tmp_path: Path) -> None:
    user = write_catalog(tmp_path / "exercises.toml", "schema = 1\n" + PROGRAMME)
    catalog = load_catalog(None, user)
    assert catalog.programmes == builtin_catalog().programmes
    assert catalog.warnings and catalog.warnings[0].startswith(f'{user}:15: unknown exercise id "first"')


def test_a_user_exercise_turned_into_a_hold_leaves_out_the_programme_that_counts_its_reps(tmp_path: Path) -> None:
    user = write_catalog(
        tmp_path / "exercises.toml", 'schema = 1\n\n[[exercise]]\nid = "seated-calf-raise-machine"\nkind = "hold"\nhold_s = 30\n'
    )
    catalog = load_catalog(None, user)
    assert catalog.get("seated-calf-raise-machine").is_hold  # type: ignore[union-attr]
    assert [p.id for p in catalog.programmes] == ["soleus-strength", "alfredson-12"]
    assert len(catalog.warnings) == 1 and '"hsr-12"' in catalog.warnings[0]
