"""settings.toml: every contract key read and written; a bad value is named and the rest kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from soleus_tui.core.settings import Settings, load_settings, save_settings, settings_from_dict

EVERY_KEY = {
    "units": "lb", "bell": False, "plain": True, "theme": "nord", "rest_enabled": False,
    "rest": {"wall-sit-calf-raise": 60}, "pain": True, "notify": "osc777", "progress": True,
    "birth_year": 1985, "sex": "female", "keymap": {"train.count": "k"},
}  # fmt: skip


def test_every_key_round_trips(tmp_path: Path) -> None:
    settings, problems = settings_from_dict(EVERY_KEY)
    assert problems == []
    path = tmp_path / "settings.toml"
    save_settings(path, settings)
    assert load_settings(path) == (settings, [])
    assert (settings.notify, settings.sex, settings.birth_year, settings.keymap) == (
        "osc777", "female", 1985, {"train.count": "k"},
    )


@pytest.mark.parametrize(
    "key, value",
    [("notify", "bell"), ("sex", "x"), ("birth_year", 1800), ("birth_year", True), ("pain", "yes"),
     ("progress", 1), ("keymap", "k")],
)  # fmt: skip
def test_a_bad_value_is_named_and_the_rest_is_kept(key: str, value: object) -> None:
    settings, problems = settings_from_dict({"units": "lb", key: value})
    assert settings.units == "lb"
    assert getattr(settings, key) == getattr(Settings(), key)
    assert len(problems) == 1 and key in problems[0]
