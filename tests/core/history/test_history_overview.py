"""The overview, bests per exercise, an exercise's trend, and their wording, on a hand-made history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from soleus_tui.core.catalog import builtin_catalog
from soleus_tui.ui.history.history_text import (
    best_text,
    count_text,
    day_word,
    duration_text,
    hold_text,
    rest_text,
    set_text,
    volume_text,
)
from soleus_tui.core.history.overview import exercise_records, exercise_trend, heat_level, overview, trend_measure
from soleus_tui.core.history.stats import Best, summarize
from tests.support.histories import HAND_MADE_TODAY, hand_made_history

TODAY = HAND_MADE_TODAY.date()
RAISE = "seated-dumbbell-calf-raise"
HOLD = "seated-isometric-soleus-hold"


def test_the_overview_of_the_hand_made_history() -> None:
    numbers = overview([summarize(s) for s in hand_made_history()], TODAY, weeks=6)
    assert numbers.workouts == 5
    assert (numbers.streak_days, numbers.streak_weeks) == (3, 3)  # 22-24 Nov; weeks of 9, 16, 23 Nov
    assert numbers.this_week == 2  # Monday 23 and Tuesday 24
    assert numbers.per_week == 0.83  # 5 workouts in the 6 weeks from the week of 19 October
    assert (numbers.reps, numbers.hold_s, numbers.volume_kg) == (87, 75.0, 1720.0)
    assert numbers.weekly_volume_kg == [300.0, 0.0, 0.0, 225.0, 515.0, 680.0]
    assert numbers.day_volume_kg == {
        date(2026, 11, 24): 680.0,
        date(2026, 11, 23): 0.0,  # holds only: trained, no volume
        date(2026, 11, 22): 515.0,
        date(2026, 11, 15): 225.0,
        date(2026, 10, 20): 300.0,
    }


def test_an_empty_overview() -> None:
    numbers = overview([], TODAY, weeks=3)
    assert (numbers.workouts, numbers.streak_days, numbers.per_week, numbers.volume_kg) == (0, 0, 0.0, 0.0)
    assert numbers.weekly_volume_kg == [0.0, 0.0, 0.0] and numbers.day_volume_kg == {}


@pytest.mark.parametrize(
    ("volume", "peak", "level"),
    [(None, 100.0, 0), (0.0, 100.0, 1), (10.0, 100.0, 1), (25.0, 100.0, 1), (26.0, 100.0, 2), (75.0, 100.0, 3),
     (76.0, 100.0, 4), (100.0, 100.0, 4), (0.0, 0.0, 1)],
)
def test_heat_levels(volume: float | None, peak: float, level: int) -> None:
    assert heat_level(volume, peak) == level


def test_bests_per_exercise_most_recent_first() -> None:
    raise_record, hold_record = exercise_records(hand_made_history(), builtin_catalog())
    assert (raise_record.exercise_id, raise_record.target_reps) == (RAISE, 12)
    assert raise_record.name == "Seated dumbbell calf raise"
    assert (raise_record.workouts, raise_record.last_done) == (4, TODAY)
    heaviest, most = raise_record.bests.heaviest_at_target, raise_record.bests.most_reps
    assert heaviest is not None and (heaviest.load_kg, heaviest.value) == (25.0, 12)
    assert heaviest.when.date() == date(2026, 10, 20)
    assert most is not None and (most.value, most.load_kg, most.when.date()) == (15, 15.0, date(2026, 11, 15))
    assert raise_record.bests.longest_hold is None
    assert (hold_record.exercise_id, hold_record.workouts, hold_record.target_reps) == (HOLD, 1, 0)
    longest = hold_record.bests.longest_hold
    assert longest is not None and (longest.value, longest.load_kg) == (45.0, 5.0)


def test_an_exercise_the_catalog_lacks_keeps_its_logged_name_and_has_no_target() -> None:
    history = hand_made_history()
    history[0].exercises[0].id = "my-own-raise"
    record = exercise_records(history, builtin_catalog())[0]
    assert (record.name, record.target_reps, record.bests.heaviest_at_target) == ("Seated dumbbell calf raise", 0, None)


def test_an_exercise_trend_and_what_it_charts() -> None:
    trend = exercise_trend(hand_made_history(), RAISE)
    assert [when.date().day for when, _ in trend] == [24, 22, 15, 20]
    heaviest = [point.heaviest_at_target for _, point in trend]
    assert [(b.load_kg, b.value) for b in heaviest if b] == [(20.0, 12), (22.5, 12), (15.0, 15), (25.0, 12)]
    assert trend_measure(trend) == ("load", [25.0, 15.0, 22.5, 20.0])
    assert trend_measure(exercise_trend(hand_made_history(), HOLD)) == ("hold", [45.0])


def test_bodyweight_reps_chart_the_most_reps() -> None:
    history = hand_made_history()
    for session in history:
        for exercise in session.exercises:
            exercise.sets = [replace(s, load_kg=0.0) for s in exercise.sets]
    assert trend_measure(exercise_trend(history, RAISE)) == ("reps", [12.0, 15.0, 14.0, 12.0])


def test_wording() -> None:
    assert [count_text(n, "rep") for n in (0, 1, 1234)] == ["0 reps", "1 rep", "1,234 reps"]
    assert [day_word(TODAY - timedelta(days=n), TODAY) for n in (0, 1, 2)] == ["today", "yesterday", "Sun"]
    assert [duration_text(s) for s in (40, 26 * 60, 65 * 60)] == ["1 min", "26 min", "1 h 05 min"]
    held = [hold_text(s) for s in (41.5, 90, 150, 30 * 3600 + 25 * 60)]
    assert held == ["41.5 s", "90 s", "2 min 30 s", "30 h 25 min"]
    assert [rest_text(s) for s in (0, 90, 45.4)] == ["-", "1:30", "0:45"]
    assert [volume_text(1234.4, "kg"), volume_text(453.59237, "lb")] == ["1,234 kg", "1,000 lb"]
    assert set_text(12, 0, 20, "kg") == "12 x 20 kg" and set_text(12, 0, 0, "kg") == "12 reps"
    assert set_text(0, 30, 0, "kg") == "30 s hold" and set_text(0, 30, 5, "kg") == "30 s hold, 5 kg"
    when = HAND_MADE_TODAY
    assert best_text(Best(12, 22.5, when), "kg") == "12 x 22.5 kg" and best_text(None, "kg") == "-"
    assert best_text(Best(75, 5.0, when), "kg", hold=True) == "75 s, 5 kg"
