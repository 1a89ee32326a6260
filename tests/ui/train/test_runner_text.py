"""What the runner says, read straight from the workout with no terminal."""

from __future__ import annotations

from datetime import datetime, timezone

from soleus_tui.core.catalog import Exercise
from soleus_tui.core.session import SetLog
from soleus_tui.core.train.suggestions import Suggestion
from soleus_tui.core.train.workout import Workout
from soleus_tui.core.clock import clock_text
from soleus_tui.ui.train.runner_text import (
    counts_text,
    runner_view,
    seconds_text,
    sets_text,
    suggestion_text,
)
from soleus_tui.ui.train.big_number import fitting_scale, glyph_lines
from tests.support.clock import ManualClock

WHEN = datetime(2026, 11, 24, 7, 30, tzinfo=timezone.utc)
KEYS = {"train.count": "space", "train.log-set": "enter", "train.pace": "a", "train.skip-rest": "s",
        "train.next": "n", "train.finish": "f", "train.undo-set": "u", "train.lighter": ",", "train.heavier": ".",
        "train.load": "l", "train.more-rest": "+", "train.less-rest": "-", "train.details": "v"}  # fmt: skip


def logged(reps: int, load_kg: float, side: str = "both", hold_s: float = 0.0) -> SetLog:
    return SetLog(reps, hold_s, load_kg, side, WHEN, WHEN)


def test_times_read_as_minutes_and_seconds() -> None:
    assert [clock_text(s) for s in (0, 5, 65, 600)] == ["0:00", "0:05", "1:05", "10:00"]
    assert [seconds_text(s) for s in (0, 9.9, 59.9, 75)] == ["0", "9", "59", "1:15"]


def test_sets_at_a_glance() -> None:
    assert sets_text([], "kg", "dumbbell") == ""
    assert sets_text([logged(12, 20), logged(11, 20)], "kg", "dumbbell") == "12, 11 · 20 kg"
    assert sets_text([logged(12, 20), logged(10, 22.5)], "kg", "dumbbell") == "12 at 20 kg, 10 at 22.5 kg"
    assert sets_text([logged(10, 0, "left"), logged(9, 0, "right")], "kg", "bodyweight") == "L 10 R 9 · bodyweight"
    assert sets_text([logged(0, 0, hold_s=31.5)], "lb", "bodyweight") == "31.5 s · bodyweight"
    assert sets_text([logged(0, 0, hold_s=0.0)], "kg", "bodyweight") == "0 s · bodyweight"


def test_counts_fit_a_table_column() -> None:
    assert counts_text([]) == ""
    assert counts_text([logged(12, 20), logged(12, 20), logged(11, 20)]) == "12 12 11"
    per_side = [logged(12, 0, "left"), logged(12, 0, "right"), logged(11, 0, "left"), logged(10, 0, "right")]
    assert counts_text(per_side + [logged(9, 0, "left")]) == "12/12 11/10 9"
    assert counts_text([logged(0, 0, hold_s=33.6), logged(0, 0, hold_s=30.0)]) == "34 30 s"


def test_a_suggestion_names_target_load_and_reason() -> None:
    step_up = Suggestion(22.5, 12, 0.0, "every set reached the top: one step heavier")
    said = suggestion_text(step_up, "kg", "dumbbell")
    assert said == "12 reps at 22.5 kg: every set reached the top: one step heavier"
    hold = Suggestion(0.0, 0, 30.0, "hold the full time at this load first")
    assert suggestion_text(hold, "kg", "bodyweight") == "30 s hold at bodyweight: hold the full time at this load first"


def test_the_hand_counted_tempo_cue_walks_one_rep_then_waits(clock: ManualClock, reps_exercise: Exercise) -> None:
    workout = Workout.start(clock, reps_exercise, 20.0, 90)
    view = runner_view(workout, "kg", "Next one", KEYS)
    assert view.tempo_now is None and not view.moving  # nothing to pace before the first rep
    workout.count()
    assert runner_view(workout, "kg", "Next one", KEYS).tempo_now == ("up", 1)
    clock.advance(2.5)
    assert runner_view(workout, "kg", "Next one", KEYS).tempo_now == ("pause", 1)
    clock.advance(3.5)  # a whole rep of 1 + 2 + 3 s with no press: the cue stops
    view = runner_view(workout, "kg", "Next one", KEYS)
    assert view.tempo_now is None and not view.moving


def test_rest_after_the_last_set_offers_the_next_exercise(clock: ManualClock, reps_exercise: Exercise) -> None:
    workout = Workout.start(clock, reps_exercise, 20.0, 90)
    for set_number in range(1, reps_exercise.sets + 1):
        if set_number > 1:
            workout.skip_rest()
        workout.count()
        workout.finish_set()
    view = runner_view(workout, "kg", "Wall-sit calf raise", KEYS)
    assert view.where == f"All {reps_exercise.sets} sets done"
    assert view.readout.caption == "n      next: Wall-sit calf raise\ns      skip the rest"
    assert view.window_title == "1:30 rest"


def test_big_digits_are_drawn_from_pixels() -> None:
    assert glyph_lines("1", 1, plain=True) == ["  ##  ", "####  ", "  ##  ", "  ##  ", "######"]
    assert glyph_lines(":", 2, plain=False) == ["  ", "██", "  ", "██", "  "]
    assert glyph_lines("7", 1, plain=False) == ["▀▀█", "  █", "  ▀"]  # pixels a half-row tall


def test_the_digits_grow_with_the_terminal_and_fit_their_box() -> None:
    assert fitting_scale("0:30", 46, 12, 24, plain=False) == 2  # 5 rows at 80x24
    assert fitting_scale("0:30", 70, 28, 40, plain=False) == 5  # 13 rows at 120x40
    assert fitting_scale("0:30", 24, 12, 40, plain=False) == 2  # as wide as the box allows
    assert fitting_scale("0:30", 46, 3, 24, plain=False) == 1
    assert fitting_scale("12", 46, 12, 24, plain=True) == 1  # plain: whole rows, 5 rows tall


def test_a_per_side_set_is_one_set_with_two_legs(clock: ManualClock, per_side_exercise: Exercise) -> None:
    workout = Workout.start(clock, per_side_exercise, 0.0, 60)
    assert runner_view(workout, "kg", None, KEYS).where == "Set 1 of 2 · left leg"
    workout.count()
    workout.finish_set()
    assert runner_view(workout, "kg", None, KEYS).where == "Set 1 of 2 · right leg"
    workout.count()
    workout.finish_set()
    view = runner_view(workout, "kg", None, KEYS)
    assert view.where == "Set 2 of 2 · left leg" and view.logged == "So far  L 1 R 1 · 0 kg"
    assert sets_text([logged(10, 20, "left"), logged(9, 20, "right"), logged(8, 20, "left")], "kg", "dumbbell") == (
        "L 10 R 9, L 8 · 20 kg"
    )


def test_the_hints_name_the_keys_in_force(clock: ManualClock, reps_exercise: Exercise) -> None:
    workout = Workout.start(clock, reps_exercise, 20.0, 90)
    view = runner_view(workout, "kg", "Next one", KEYS | {"train.count": "k", "train.lighter": "j"})
    assert view.readout.caption.startswith("k      count a rep")
    assert view.load_keys == "j . step · l type"
    assert view.space_does == "Count"


def test_with_no_history_the_suggestion_names_no_load_but_how_to_find_it() -> None:
    from soleus_tui.core.train.suggestions import Suggestion

    first = Suggestion(0.0, 12, 0.0, "no history yet: start light, one step up per set", first_time=True)
    assert suggestion_text(first, "kg", "dumbbell") == "12 reps: no history yet: start light, one step up per set"
    assert suggestion_text(first, "kg", "bodyweight").startswith("12 reps at bodyweight")
