"""Load steps: the catalog's, or one per kind of load in the user's unit."""

from __future__ import annotations

import pytest

from soleus_tui.core.train.loads import load_step, stepped
from soleus_tui.core.units import format_load
from tests.conftest import make_exercise


def test_steps_follow_the_kind_of_load_and_the_unit() -> None:
    assert load_step(make_exercise(load="machine"), "kg").kg == 5.0
    assert format_load(load_step(make_exercise(load="machine"), "lb").kg, "lb") == "10 lb"
    assert load_step(make_exercise(load="dumbbell"), "kg").kg == 2.5
    assert format_load(load_step(make_exercise(load="dumbbell"), "lb").kg, "lb") == "5 lb"


def test_a_catalog_step_wins() -> None:
    exercise = make_exercise(load="machine", load_step_kg=7.0)
    assert load_step(exercise, "kg").kg == 7.0
    assert stepped(20.0, exercise, "kg", 1) == 28.0  # snapped to 21, a multiple of 7, then one up
    assert stepped(21.0, exercise, "lb", 1) == pytest.approx(28.0)


def test_forty_kilograms_on_a_machine_is_eight_presses_not_sixteen() -> None:
    machine = make_exercise(load="machine")
    load = 0.0
    for _ in range(8):
        load = stepped(load, machine, "kg", 1)
    assert load == 40.0
    assert stepped(3.0, machine, "kg", -1) == 0.0
    assert format_load(stepped(0.0, machine, "lb", 3), "lb") == "30 lb"
