"""Suggestions on hand-made histories: complete performances, double progression, Epley, real loads."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from soleus_tui.core import units
from soleus_tui.core.session import ExerciseLog, Session, SetLog
from soleus_tui.core.train.suggestions import (
    Adjustment,
    LoadStep,
    Performance,
    Target,
    adjusted,
    epley_1rm,
    last_time,
    performances,
    suggest,
)
from tests.support.histories import make_session

DAY = datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))
RAISE = "seated-dumbbell-calf-raise"
TWELVE = Target(sets=3, reps=12)
KG = LoadStep("kg")
LB = LoadStep("lb")


def sets(*reps: int, load: float = 20.0, side: str = "both") -> tuple[SetLog, ...]:
    return tuple(SetLog(r, 0.0, load, side, DAY, DAY + timedelta(seconds=40)) for r in reps)


def done(*reps: int, load: float = 20.0, target: Target = TWELVE) -> Performance:
    return Performance(sets(*reps, load=load), target)


def per_side(*pairs: tuple[int, int], load: float = 0.0) -> tuple[SetLog, ...]:
    return tuple(s for left, right in pairs for s in (*sets(left, load=load, side="left"), *sets(right, load=load, side="right")))


# -- the three wrong suggestions the issue quotes ---------------------------------------------


def test_a_short_leftover_workout_is_not_the_last_performance() -> None:
    # "after a short leftover workout of 3 reps it suggested '4 reps at 20.4 kg'"
    history = [done(3), done(12, 12, 12)]  # newest first: a fragment, then a full 3 x 12
    hint = suggest(history, TWELVE, "dumbbell", KG)
    assert (hint.load_kg, hint.reps) == (22.5, 12)
    assert hint.reason == "every set hit 12 last time: one step heavier"
    # with only the fragment on record, it is repeated in full, not progressed
    alone = suggest([done(3)], TWELVE, "dumbbell", KG)
    assert (alone.load_kg, alone.reps) == (20.0, 12)
    assert alone.reason == "last time stopped after 1 of 3 sets: the same load, all 3 sets"


def test_a_set_that_fell_short_is_not_called_one_more_rep() -> None:
    # "after sets of 12, 3 and 10 it said '12 reps at 20 kg: same load, one more rep'"
    hint = suggest([done(12, 3, 10)], TWELVE, "dumbbell", KG)
    assert (hint.load_kg, hint.reps) == (20.0, 12)
    assert "one more rep" not in hint.reason
    assert hint.reason == "2 sets short of 12 last time: same load again"


def test_one_per_side_set_is_a_fragment_and_each_side_must_reach_the_top() -> None:
    # "one per-side set of L 13 / R 12 gave 'every set reached the top: one step heavier'"
    target = Target(sets=3, reps=12)
    fragment = Performance(per_side((13, 12)), target)
    assert fragment.set_count == 1 and not fragment.complete
    hint = suggest([fragment], target, "bodyweight", KG)
    assert "heavier" not in hint.reason and "1 of 3 sets" in hint.reason
    # three full per-side sets where the right leg stops at 12 of 13: not every set reached it
    thirteen = Target(sets=3, reps=13)
    full = Performance(per_side((13, 12), (13, 13), (13, 13)), thirteen)
    assert full.set_count == 3 and full.complete
    short = suggest([full], thirteen, "bodyweight", KG)
    assert (short.load_kg, short.reps) == (0.0, 13) and short.reason == "1 set short of 13 last time: same load again"


# -- double progression -----------------------------------------------------------------------


def test_double_progression_on_reps() -> None:
    up = suggest([done(12, 12, 12)], TWELVE, "dumbbell", KG)
    assert (up.load_kg, up.reps) == (22.5, 12)
    more = suggest([done(10, 9, 8)], TWELVE, "dumbbell", KG)
    assert (more.load_kg, more.reps, more.reason) == (20.0, 11, "same load, one more rep")
    warmups = Performance(sets(12, 12, 12) + (SetLog(5, 0.0, 10.0, "both", DAY, DAY, warmup=True),), TWELVE)
    assert warmups.set_count == 4  # a warm-up left in would count; performances() leaves them out


def test_bodyweight_and_holds_get_reps_and_seconds() -> None:
    wall = suggest([done(15, 15, 15, load=0.0, target=Target(3, 15))], Target(3, 15), "bodyweight", KG)
    assert (wall.load_kg, wall.reps) == (2.5, 15) and "a dumbbell or a backpack" in wall.reason
    hold = Target(sets=2, reps=0, hold_s=30.0)
    held = Performance(tuple(SetLog(0, h, 0.0, "both", DAY, DAY) for h in (30.0, 32.0)), hold)
    longer = suggest([held], hold, "bodyweight", KG)
    assert (longer.load_kg, longer.reps, longer.hold_s) == (0.0, 0, 37.0)
    assert longer.reason == "every hold reached 30 s last time: 5 s longer"
    loaded = suggest([held], hold, "dumbbell", KG)
    assert (loaded.load_kg, loaded.hold_s) == (2.5, 30.0)
    short = Performance(tuple(SetLog(0, h, 5.0, "both", DAY, DAY) for h in (30.0, 21.5)), hold)
    same = suggest([short], hold, "dumbbell", KG)
    assert (same.load_kg, same.hold_s) == (5.0, 30.0) and "21.5 s" in same.reason


def test_with_no_history_it_says_how_to_find_the_load() -> None:
    rm = suggest([], Target(3, 15), "machine", KG, rm=True)
    assert rm.first_time and rm.reps == 15
    assert rm.reason == "no history yet: start light, one step up per set until 15 reps are hard: that is your 15RM"
    hold = suggest([], Target(3, 0, 30.0), "bodyweight", KG)
    assert hold.first_time and hold.hold_s == 30.0 and "load you can lift" not in hold.reason
    assert "30 s" in hold.reason


# -- a new block: Epley -----------------------------------------------------------------------


def test_a_new_target_takes_its_load_from_the_best_recent_set_by_epley() -> None:
    ten = Target(sets=4, reps=10)
    history = [done(12, 12, 11, load=40.0), done(12, 12, 12, load=37.5)]
    # best set: 40 kg x 12 -> 1RM 40 * 1.4 = 56 kg; for 10 reps 56 / (1 + 10/30) = 42.0 -> 40 kg (step below)
    assert epley_1rm(40.0, 12) == pytest.approx(56.0)
    hint = suggest(history, ten, "machine", KG)
    assert (hint.load_kg, hint.reps) == (40.0, 10)
    assert "Epley" in hint.reason and "12 x 40 kg" in hint.reason
    # a bigger estimate lands on the step below it, never above
    heavy = suggest([done(12, 12, 12, load=50.0)], ten, "machine", KG)  # 70 / 1.333 = 52.5
    assert heavy.load_kg == 52.5
    bodyweight = suggest([done(15, 15, 15, load=0.0, target=Target(3, 15))], Target(3, 12), "bodyweight", KG)
    assert (bodyweight.load_kg, bodyweight.reps) == (0.0, 12)


# -- real loads in kg and lb ------------------------------------------------------------------


def test_every_suggested_load_is_a_multiple_of_the_step_in_the_users_unit() -> None:
    # 20 kg shown in lb is 44.09: the suggestion is 45 lb + 5 lb, not 49.1 lb
    up = suggest([done(12, 12, 12)], TWELVE, "dumbbell", LB)
    assert units.to_display(up.load_kg, "lb") == pytest.approx(50.0)
    same = suggest([done(12, 11, 10)], TWELVE, "dumbbell", LB)
    assert units.format_load(same.load_kg, "lb") == "45 lb"
    # what was lifted in lb, seen again in kg: 45 lb is 20.41 kg, suggested as 20 kg + 2.5 kg, not 22.9 kg
    back = suggest([done(12, 12, 12, load=units.from_display(45.0, "lb"))], TWELVE, "dumbbell", KG)
    assert back.load_kg == 22.5
    # an exercise with its own step (5 kg plates): multiples of 5 kg, in lb shown as such
    plates = LoadStep("lb", step_kg=5.0)
    heavier = suggest([done(12, 12, 12, load=21.0)], TWELVE, "machine", plates)
    assert heavier.load_kg == 25.0


@pytest.mark.parametrize("unit", ["kg", "lb"])
@pytest.mark.parametrize("load", [0.0, 7.3, 19.99, 20.0, 44.0, 101.7])
def test_snapping_lands_on_whole_steps(unit: str, load: float) -> None:
    step = LoadStep(unit)
    for suggested in (step.snap(load), step.up(load), suggest([done(12, 12, 12, load=load)], TWELVE, "dumbbell", step).load_kg):
        shown = units.to_display(suggested, unit) / units.STEP[unit]
        assert shown == pytest.approx(round(shown), abs=1e-9)


# -- reading performances from sessions ------------------------------------------------------


def test_performances_go_back_to_the_last_complete_one() -> None:
    sessions = [
        make_session(DAY, [(RAISE, 3, 0.0, 20.0)]),
        make_session(DAY - timedelta(days=1), [("other", 10, 0.0, 5.0)]),
        make_session(DAY - timedelta(days=2), [(RAISE, 12, 0.0, 20.0)] * 3),
        make_session(DAY - timedelta(days=3), [(RAISE, 12, 0.0, 17.5)] * 3),
        make_session(DAY - timedelta(days=4), [(RAISE, 12, 0.0, 15.0)] * 3),
        make_session(DAY - timedelta(days=5), [(RAISE, 12, 0.0, 12.5)] * 3),
    ]
    found = performances(iter(sessions), RAISE, lambda session: TWELVE)
    assert [p.load_kg for p in found] == [20.0, 20.0, 17.5]  # at least three, the last complete among them
    assert last_time(sessions, RAISE)[0].reps == 3


def test_a_past_sessions_own_target_decides_whether_it_was_complete() -> None:
    week_three = Session(DAY, DAY, [ExerciseLog(RAISE, "x", list(sets(12, 12, 12, load=40.0)))], programme="hsr-12", programme_week=3)
    three_sets = lambda session: Target(3, 12) if session.programme_week == 3 else Target(4, 10)  # noqa: E731
    (found,) = performances([week_three], RAISE, three_sets)
    assert found.complete and found.target == Target(3, 12)


def test_the_seam_for_other_rules_changes_the_suggestion_and_leads_with_its_reason() -> None:
    hint = suggest([done(12, 12, 12)], TWELVE, "dumbbell", KG)
    lighter = adjusted(hint, Adjustment(load_steps=-2, reason="pain above 5 during the exercise"), KG)
    assert lighter.load_kg == 17.5
    assert lighter.reason == "pain above 5 during the exercise; every set hit 12 last time: one step heavier"
    assert adjusted(hint, None, KG) is hint
