"""Symmetry, the change since the last test, and the norms for every age band and both sexes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from soleus_tui.core.capacity.results import (
    CapacityResult,
    Change,
    capacity_results,
    norm_for,
    norm_table,
    previous_of_kind,
)
from soleus_tui.core.session import ExerciseLog, Session, SetLog

WHEN = datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))


def result(left: int, right: int, knee: str = "bent", days_ago: int = 0) -> CapacityResult:
    return CapacityResult(knee, WHEN - timedelta(days=days_ago), left, right)


@pytest.mark.parametrize(
    ("left", "right", "pct", "uneven", "weaker"),
    [
        (12, 10, 83, True, "right"),
        (10, 12, 83, True, "left"),
        (20, 20, 100, False, None),
        (9, 10, 90, False, "left"),  # exactly 90 % is within 10 %
        (26, 29, 89, True, "left"),  # 89.7 %: under 90, and it reads so
        (0, 14, 0, True, "left"),
        (14, 0, 0, True, "right"),
        (0, 0, None, False, None),  # nothing to compare
    ],
)
def test_symmetry(left: int, right: int, pct: int | None, uneven: bool, weaker: str | None) -> None:
    outcome = result(left, right)
    assert (outcome.symmetry_pct, outcome.uneven, outcome.weaker_side) == (pct, uneven, weaker)


MEN_WOMEN = {20: (37, 30), 30: (32, 27), 40: (28, 24), 50: (23, 21), 60: (19, 19), 70: (14, 16), 80: (10, 13)}


@pytest.mark.parametrize("first", sorted(MEN_WOMEN))
@pytest.mark.parametrize("sex", ["male", "female"])
def test_norms_for_every_band_at_both_ends(first: int, sex: str) -> None:
    expected = MEN_WOMEN[first][0 if sex == "male" else 1]
    label = "80+" if first == 80 else f"{first}-{first + 9}"
    for age in (first, first + 9):
        assert norm_for(age, sex) == type(norm_for(age, sex))(label, sex, expected)


def test_no_norm_under_twenty_or_without_a_sex() -> None:
    assert norm_for(19, "female") is None
    assert norm_for(40, "other") is None
    assert norm_for(104, "male").band == "80+"


def test_the_norm_table_lists_every_band() -> None:
    assert norm_table()[0] == ("20-29", 37, 30)
    assert norm_table()[-1] == ("80+", 10, 13)
    assert len(norm_table()) == 7


def test_change_since_the_last_test_of_the_same_kind() -> None:
    history = [result(15, 12, days_ago=0), result(20, 20, "straight", days_ago=7), result(8, 10, days_ago=14)]
    now = history[0]
    before = previous_of_kind(history, "bent", now.when)
    assert before == history[2]
    change = Change.between(now, before)
    assert (change.left, change.right) == (7, 2)
    assert Change.real(change.left) and not Change.real(change.right)  # more than 6 raises is a real change
    assert previous_of_kind(history, "straight", history[1].when) is None


def test_results_come_from_test_sessions_only() -> None:
    def session(kind: str, exercise_id: str, sides: dict[str, int]) -> Session:
        sets = [SetLog(reps, 0.0, 0.0, side, WHEN, WHEN) for side, reps in sides.items()]
        return Session(WHEN, WHEN, [ExerciseLog(exercise_id, "x", sets)], kind=kind)

    sessions = [
        session("test", "heel-raise-test-straight", {"left": 25, "right": 27}),
        session("training", "heel-raise-test-straight", {"left": 5, "right": 5}),
        session("test", "heel-raise-test-bent", {"left": 5}),  # a side is missing
    ]
    assert capacity_results(sessions) == [CapacityResult("straight", WHEN, 25, 27)]


def test_birth_year_and_sex_are_checked_where_typed() -> None:
    from soleus_tui.core.capacity.results import parse_birth_year, parse_sex

    assert parse_birth_year(" 1984 ", 2026) == (1984, "")
    assert parse_birth_year("", 2026) == (None, "")
    assert parse_birth_year("84", 2026)[1] and parse_birth_year("2030", 2026)[1] and parse_birth_year("1900", 2026)[1]
    assert [parse_sex(t)[0] for t in ("f", "Female", "women", "m", "male", "men", "")] == [
        "female", "female", "female", "male", "male", "male", None]  # fmt: skip
    assert parse_sex("x")[1]
