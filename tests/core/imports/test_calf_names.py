"""Which names of other apps are calf work, and what each becomes here."""

from __future__ import annotations

import pytest

from soleus_tui.core.catalog import builtin_catalog
from soleus_tui.core.imports.calf_names import Target, calf_target


@pytest.mark.parametrize(("name", "exercise_id", "hold"), [
    ("Seated Calf Raise (Machine)", "seated-calf-raise-machine", False),
    ("Seated Calf Raise", "seated-calf-raise-machine", False),
    ("Seated Calf Raise (Dumbbell)", "seated-dumbbell-calf-raise", False),
    ("seated DB calf raises", "seated-dumbbell-calf-raise", False),
    ("Wall Sit Calf Raise", "wall-sit-calf-raise", False),
    ("Wall-sit heel raise hold", "wall-sit-isometric-heel-hold", True),
    ("Seated Isometric Calf Hold", "seated-isometric-soleus-hold", True),
    ("Seated soleus push-up", "seated-soleus-push-up", False),
    ("Bent-Knee Calf Raise (Single Leg)", "bent-knee-single-leg-calf-raise", False),
    ("Bent knee eccentric heel drop", "bent-knee-eccentric-heel-drop", False),
    ("Soleus raise", "bent-knee-single-leg-calf-raise", False),
])
def test_seated_and_bent_knee_work_takes_the_catalog_id(name: str, exercise_id: str, hold: bool) -> None:
    assert calf_target(name) == Target(exercise_id, hold)
    assert builtin_catalog().get(exercise_id) is not None


@pytest.mark.parametrize(("name", "exercise_id", "hold"), [
    ("Standing Calf Raise (Machine)", "standing-calf-raise-machine", False),
    ("Single Leg Standing Calf Raise", "single-leg-standing-calf-raise", False),
    ("Calf Press on Leg Press", "calf-press-on-leg-press", False),
    ("Straight-knee heel drop", "straight-knee-heel-drop", False),
    ("Calf Raise Hold", "calf-raise-hold", True),
    ("Controlled calf raise", "controlled-calf-raise", False),
])
def test_standing_and_straight_knee_work_is_its_own_exercise_with_the_knee_straight(
    name: str, exercise_id: str, hold: bool
) -> None:
    assert calf_target(name) == Target(exercise_id, hold, own=True, name=name, knee_angle=0)


def test_a_bent_knee_hold_outside_the_catalog_keeps_its_bent_knee() -> None:
    assert calf_target("Bent-knee calf hold") == Target("bent-knee-calf-hold", True, own=True,
                                                         name="Bent-knee calf hold", knee_angle=45)


@pytest.mark.parametrize("name", ["Bench Press (Barbell)", "Squat", "Calf Stretch", "Tibialis Raise",
                                  "Foam roll calves", "Controlled toe walk", "Running"])
def test_everything_else_is_not_calf_raise_work(name: str) -> None:
    assert calf_target(name) is None
