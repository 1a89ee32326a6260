"""The user's preferences (settings.toml) and the checks for values people type."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from soleus_tui.core.store import UNREADABLE, quarantine, read_toml, write_toml
from soleus_tui.core.text import MAX_ID_CHARS, MAX_NAME_CHARS
from soleus_tui.core.units import UNITS, from_display

MAX_REST_S = 900
MAX_NOTE_CHARS = 500
MAX_LOAD = 500.0
NOTIFY = ("off", "osc9", "osc777", "osc99")  # desktop-notification sequences (DESIGN section 11)
SEXES = ("female", "male")  # the published heel-raise norms are given by sex
BIRTH_YEARS = range(1900, 2100)
MAX_KEYMAP = 200  # far more binding ids than the app has
MAX_KEYS_CHARS = 64


@dataclass(frozen=True)
class Settings:
    units: str = "kg"
    bell: bool = True
    plain: bool = False
    theme: str = "textual-dark"
    rest_enabled: bool = True
    rest_s: dict[str, int] = field(default_factory=dict)  # per exercise id, overrides the catalog
    pain: bool = False  # ask for pain after each exercise (DESIGN section 10)
    notify: str = "off"
    progress: bool = False  # the rest as the terminal tab's progress (OSC 9;4)
    birth_year: int | None = None  # optional, for the capacity test's age band
    sex: str | None = None  # optional: "female" or "male", for the capacity test's norms
    keymap: dict[str, str] = field(default_factory=dict)  # binding id -> keys, replacing its default

    def rest_for(self, exercise_id: str, catalog_rest_s: int) -> int:
        """Seconds of rest after a set; 0 means rest is off."""
        if not self.rest_enabled:
            return 0
        return self.rest_s.get(exercise_id, catalog_rest_s)

    def with_rest(self, exercise_id: str, seconds: int) -> Settings:
        return replace(self, rest_s={**self.rest_s, exercise_id: seconds})


def settings_from_dict(table: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Keep every valid value; report the rest instead of failing the whole file."""
    defaults = Settings()
    problems: list[str] = []
    values: dict[str, Any] = {}
    for key, kind in (("bell", bool), ("plain", bool), ("rest_enabled", bool), ("theme", str), ("pain", bool),
                      ("progress", bool)):
        if key in table:
            if isinstance(table[key], kind) and not (kind is str and len(table[key]) > MAX_NAME_CHARS):
                values[key] = table[key]
            else:
                problems.append(f"settings: '{key}' has a value of the wrong type; using {getattr(defaults, key)!r}")
    if "units" in table:
        if table["units"] in UNITS:
            values["units"] = table["units"]
        else:
            problems.append("settings: units must be kg or lb; using kg")
    for key, allowed in (("notify", NOTIFY), ("sex", SEXES), ("birth_year", BIRTH_YEARS)):
        if key in table:
            value = table[key]
            if not isinstance(value, bool) and isinstance(value, (str, int)) and value in allowed:
                values[key] = value
            else:
                problems.append(f"settings: '{key}' cannot be {value!r}; using {getattr(defaults, key)!r}")
    keymap = table.get("keymap", {})
    if isinstance(keymap, dict):
        values["keymap"] = {
            k: v for k, v in list(keymap.items())[:MAX_KEYMAP] if isinstance(v, str) and v.strip() and len(v) <= MAX_KEYS_CHARS
        }
        if len(values["keymap"]) != len(keymap):
            problems.append("settings: [keymap] values are keys written as text, like \"k\" or \"ctrl+k\"; some were ignored")
    else:
        problems.append("settings: 'keymap' must be a table; using the default keys")
    rest = table.get("rest", {})
    if isinstance(rest, dict):
        values["rest_s"] = {
            key: value
            for key, value in rest.items()
            if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_REST_S
            and len(key) <= MAX_ID_CHARS
        }
        if len(values["rest_s"]) != len(rest):
            problems.append("settings: some rest times were not whole seconds from 0 to 900 and were ignored")
    return replace(defaults, **values), problems


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    return {
        "units": settings.units,
        "bell": settings.bell,
        "plain": settings.plain,
        "theme": settings.theme,
        "rest_enabled": settings.rest_enabled,
        "rest": dict(sorted(settings.rest_s.items())),
        "pain": settings.pain,
        "notify": settings.notify,
        "progress": settings.progress,
        **({"birth_year": settings.birth_year} if settings.birth_year is not None else {}),
        **({"sex": settings.sex} if settings.sex is not None else {}),
        "keymap": dict(settings.keymap),
    }


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """The settings, and what was wrong with them; an unreadable file is moved to quarantine/.
    Another instance starting at the same moment may move it first: then the defaults serve."""
    try:
        return settings_from_dict(read_toml(path))
    except FileNotFoundError:
        return Settings(), []
    except UNREADABLE as error:
        try:
            moved = quarantine(path, path.parent / "quarantine")
        except FileNotFoundError:
            return Settings(), [f"settings.toml could not be read ({error}); using defaults"]
        except OSError as failure:
            return Settings(), [f"settings.toml could not be read ({error}) nor moved aside ({failure.strerror or failure}); "
                                "using defaults"]
        return Settings(), [f"settings.toml could not be read ({error}); using defaults, the file is in quarantine/{moved.name}"]


def save_settings(path: Path, settings: Settings) -> None:
    write_toml(path, settings_to_dict(settings))


# -- typed values: each returns (value, "") or (None, the reason) ---------------------------


def parse_rest(text: str) -> tuple[int | None, str]:
    text = text.strip().lower().removesuffix("s").strip()
    if text in ("off", "0"):
        return 0, ""
    if not text.isdigit():
        return None, "Rest is whole seconds, like 90, or 'off'"
    seconds = int(text)
    if seconds > MAX_REST_S:
        return None, f"Rest can be at most {MAX_REST_S} seconds"
    return seconds, ""


def parse_load(text: str, unit: str) -> tuple[float | None, str]:
    """A load typed in the user's unit, returned in kg."""
    text = text.strip().lower().removesuffix(unit).strip()
    try:
        value = float(text)
    except ValueError:
        return None, f"Load is a number in {unit}, like 20 or 22.5"
    if value != value or value < 0:
        return None, "Load cannot be negative"
    if value > MAX_LOAD:
        return None, f"Load can be at most {MAX_LOAD:g} {unit}"
    return from_display(value, unit), ""


def parse_note(text: str) -> tuple[str | None, str]:
    if len(text) > MAX_NOTE_CHARS:
        return None, f"A note can be at most {MAX_NOTE_CHARS} characters ({len(text)} now)"
    if any(ord(c) < 32 and c not in "\t" for c in text):
        return None, "A note cannot hold control characters"
    return text.strip(), ""
