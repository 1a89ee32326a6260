"""Every pain rule and its reason, on the suggestion that double progression made."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from soleus_tui.core.train.suggestions import LoadStep, Performance, Suggestion, Target, suggest
from soleus_tui.core.pain.rules import SAFETY_LINE, PainCheck, adjust_for_pain, parse_pain
from soleus_tui.core.session import SetLog

STEP = 2.5
T0 = datetime(2026, 11, 24, 7, 30, tzinfo=timezone.utc)


def last(reps: int, load_kg: float, sets: int = 3) -> list[SetLog]:
    return [SetLog(reps, 0.0, load_kg, "both", T0, T0) for _ in range(sets)]


def progression(sets: list[SetLog], target: int = 12) -> Suggestion:
    kind = "dumbbell" if any(s.load_kg for s in sets) else "bodyweight"
    return suggest([Performance(tuple(sets), Target(len(sets), target))], Target(3, target), kind, LoadStep("kg"))


def next_time(sets: list[SetLog], check: PainCheck, target: int = 12) -> Suggestion:
    suggestion = progression(sets, target)
    return adjust_for_pain(suggestion, check, max(s.load_kg for s in sets), max(s.reps for s in sets), STEP)


def test_pain_above_five_means_one_step_lighter() -> None:
    hint = next_time(last(12, 20.0), PainCheck(during=6, every_rep_done=True))
    assert (hint.load_kg, hint.reps) == (17.5, 12)
    assert hint.reason == "pain 6/10 during last time is above 5: one step lighter"


def test_at_bodyweight_lighter_means_fewer_reps() -> None:
    hint = next_time(last(15, 0.0), PainCheck(during=7), target=15)
    assert (hint.load_kg, hint.reps) == (0.0, 13)
    assert hint.reason.endswith(": 2 reps fewer")


def test_a_morning_worse_than_the_last_check_in_means_lighter_too() -> None:
    hint = next_time(last(12, 20.0), PainCheck(during=1, morning=4, morning_before=2, every_rep_done=True))
    assert (hint.load_kg, hint.reps) == (17.5, 12)
    assert hint.reason == "morning pain rose from 2 to 4/10: one step lighter"


def test_a_morning_as_good_as_before_changes_nothing() -> None:
    plain = next_time(last(12, 20.0), PainCheck())
    same = next_time(last(12, 20.0), PainCheck(morning=2, morning_before=2))
    assert same == plain and plain.load_kg == 22.5


@pytest.mark.parametrize("pain", [3, 4, 5])
def test_three_to_five_means_the_same_as_last_time(pain: int) -> None:
    hint = next_time(last(12, 20.0), PainCheck(during=pain, every_rep_done=True))
    assert (hint.load_kg, hint.reps) == (20.0, 12)
    assert hint.reason == f"pain {pain}/10 during last time (3 to 5): the same again"


@pytest.mark.parametrize("pain", [0, 1, 2])
def test_low_pain_with_every_rep_done_progresses_as_usual(pain: int) -> None:
    hint = next_time(last(12, 20.0), PainCheck(during=pain, every_rep_done=True))
    assert (hint.load_kg, hint.reps) == (22.5, 12)
    assert hint.reason == f"pain {pain}/10 and every rep done: every set hit 12 last time: one step heavier"


def test_low_pain_with_reps_missed_keeps_the_usual_suggestion() -> None:
    hint = next_time(last(10, 20.0), PainCheck(during=1, every_rep_done=False))
    assert hint == progression(last(10, 20.0))


def test_no_pain_recorded_changes_nothing() -> None:
    assert next_time(last(12, 20.0), PainCheck()) == progression(last(12, 20.0))


def test_lighter_never_goes_below_nothing() -> None:
    hint = next_time(last(12, 1.0), PainCheck(during=9))
    assert hint.load_kg == 0.0


@pytest.mark.parametrize(("check", "shown"), [
    (PainCheck(during=8), True),
    (PainCheck(during=10), True),
    (PainCheck(morning=8), True),
    (PainCheck(during=7, morning=7), False),
    (PainCheck(), False),
])  # fmt: skip
def test_the_safety_line_from_eight(check: PainCheck, shown: bool) -> None:
    assert check.needs_safety_line is shown
    assert "not medical advice" in SAFETY_LINE


def test_pain_keys() -> None:
    assert [parse_pain(k) for k in "0123456789t"] == list(range(11))
    assert parse_pain("x") is None and parse_pain("10") is None


def test_eight_or_more_adds_the_safety_note_to_the_reason() -> None:
    hint = next_time(last(12, 20.0), PainCheck(during=8))
    assert hint.reason == ("pain 8/10 during last time is above 5: one step lighter · pain of 8 or more: "
                           "training guidance is not medical advice, have it checked by a clinician")  # fmt: skip
    assert "clinician" in next_time(last(12, 20.0), PainCheck(during=1, morning=9, morning_before=2)).reason
