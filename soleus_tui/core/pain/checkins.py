"""Morning check-ins and VISA-A scores: profiles/<p>/checkins.toml (DESIGN section 10).

```toml
schema = 1
last_asked = 2026-11-25          # the day the morning question was last put, answered or not
[[checkin]]
date = 2026-11-25                # local date
morning_pain = 3                 # 0-10, pain and stiffness this morning
[[visa_a]]
date = 2026-11-25
score = 72                       # 0-100, typed by the user; the questionnaire itself is never shown
```

The morning question is due on the first start of a day when a session in the last three days
recorded pain. Days are local calendar dates, so midnight and clock changes need no arithmetic
on hours.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeGuard

from soleus_tui.core.history.reader import HistoryReader
from soleus_tui.core.session import Session
from soleus_tui.core.store import UNREADABLE, Profile, quarantine, read_toml, write_toml

CHECKINS_NAME = "checkins.toml"
SCHEMA = 1
LOOKBACK_DAYS = 3
VISA_A_HEALTHY_ABOVE = 96  # Robinson et al. (2001): healthy people score above 96
VISA_A_REAL_CHANGE = 15.4  # the smallest change that matters clinically


@dataclass(frozen=True)
class CheckIn:
    day: date
    morning_pain: int


@dataclass(frozen=True)
class VisaA:
    day: date
    score: int


@dataclass(frozen=True)
class CheckIns:
    checkins: tuple[CheckIn, ...] = ()  # oldest first
    visa_a: tuple[VisaA, ...] = ()  # oldest first
    last_asked: date | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # keys this version does not know, kept

    def morning_pair(self, today: date | None = None) -> tuple[int | None, int | None]:
        """The newest morning pain and the one before it; with `today`, only when the newest is
        this morning's (an old check-in says nothing about how the tendon is now)."""
        pains = [c.morning_pain for c in self.checkins]
        if not pains or (today is not None and self.checkins[-1].day != today):
            return None, None
        return pains[-1], pains[-2] if len(pains) > 1 else None

    def answered(self, day: date, morning_pain: int) -> CheckIns:
        kept = tuple(c for c in self.checkins if c.day != day)
        return replace(self, checkins=_by_day(kept + (CheckIn(day, morning_pain),)), last_asked=day)

    def skipped(self, day: date) -> CheckIns:
        return replace(self, last_asked=day)

    def with_visa_a(self, day: date, score: int) -> CheckIns:
        kept = tuple(v for v in self.visa_a if v.day != day)
        return replace(self, visa_a=_by_day(kept + (VisaA(day, score),)))


def _by_day(items: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(sorted(items, key=lambda item: item.day))


def checkins_path(profile: Profile) -> Path:
    return profile.root / CHECKINS_NAME


# -- the file ---------------------------------------------------------------------------------


def checkins_from_dict(table: dict[str, Any]) -> tuple[CheckIns, list[str]]:
    """Every valid entry, and a line for each that was not."""
    problems: list[str] = []
    checkins = _entries(table.get("checkin", []), "checkin", "morning_pain", 10, problems)
    scores = _entries(table.get("visa_a", []), "visa_a", "score", 100, problems)
    last_asked = table.get("last_asked")
    if last_asked is not None and not _is_date(last_asked):
        problems.append("checkins.toml: 'last_asked' must be a date like 2026-11-25; ignored")
        last_asked = None
    extra = {k: v for k, v in table.items() if k not in ("schema", "checkin", "visa_a", "last_asked")}
    return CheckIns(
        _by_day(tuple(CheckIn(day, value) for day, value in checkins)),
        _by_day(tuple(VisaA(day, value) for day, value in scores)),
        last_asked,
        extra,
    ), problems


def _is_date(value: Any) -> TypeGuard[date]:
    return isinstance(value, date) and type(value) is date  # a datetime is not a local date


def _entries(items: Any, name: str, key: str, top: int, problems: list[str]) -> list[tuple[date, int]]:
    if not isinstance(items, list):
        problems.append(f"checkins.toml: '{name}' must be an array of tables; ignored")
        return []
    found = []
    for number, item in enumerate(items, 1):
        value = item.get(key) if isinstance(item, dict) else None
        day = item.get("date") if isinstance(item, dict) else None
        if _is_date(day) and isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= top:
            found.append((day, value))
        else:
            problems.append(f"checkins.toml: [[{name}]] {number} needs a date and a {key} from 0 to {top}; ignored")
    return found


def checkins_to_dict(checkins: CheckIns) -> dict[str, Any]:
    table: dict[str, Any] = {"schema": SCHEMA, **checkins.extra}
    if checkins.last_asked is not None:
        table["last_asked"] = checkins.last_asked
    table["checkin"] = [{"date": c.day, "morning_pain": c.morning_pain} for c in checkins.checkins]
    table["visa_a"] = [{"date": v.day, "score": v.score} for v in checkins.visa_a]
    return table


def load_checkins(path: Path) -> tuple[CheckIns, list[str]]:
    """The check-ins and what was wrong with them; an unreadable file is moved to quarantine/."""
    try:
        return checkins_from_dict(read_toml(path))
    except FileNotFoundError:
        return CheckIns(), []
    except UNREADABLE as error:
        try:
            moved = quarantine(path, path.parent / "quarantine")
        except OSError as failure:  # moved first by another instance, or a quarantine/ that is refused
            return CheckIns(), [f"checkins.toml could not be read ({error}); left as it is ({failure.strerror or failure})"]
        return CheckIns(), [f"checkins.toml could not be read ({error}); it is in quarantine/{moved.name}"]


def this_morning(profile: Profile, today: date) -> tuple[tuple[int | None, int | None], list[str]]:
    """This morning's check-in and the one before it, for the pain rules, and what was wrong with
    the file."""
    checkins, problems = load_checkins(checkins_path(profile))
    return checkins.morning_pair(today), problems


def save_checkins(path: Path, checkins: CheckIns) -> None:
    write_toml(path, checkins_to_dict(checkins))


# -- when to ask ------------------------------------------------------------------------------


def pain_days(sessions_newest_first: Iterable[Session], today: date) -> list[date]:
    """Days before today, at most LOOKBACK_DAYS back, with a session that recorded pain."""
    oldest = today - timedelta(days=LOOKBACK_DAYS)
    days = []
    for session in sessions_newest_first:
        day = session.started.date()
        if day < oldest:
            break
        if day < today and any(e.pain is not None for e in session.exercises):
            days.append(day)
    return days


def checkin_due(today: date, last_asked: date | None, recent_pain_days: Iterable[date]) -> bool:
    """First start of the day, and pain recorded in a session of the last three days."""
    return last_asked != today and any(today - timedelta(days=LOOKBACK_DAYS) <= day < today for day in recent_pain_days)


def morning_checkin_due(profile: Profile, today: date) -> tuple[bool, CheckIns, list[str]]:
    """Reads the check-ins and the newest sessions: call it off the UI thread."""
    checkins, warnings = load_checkins(checkins_path(profile))
    if checkins.last_asked == today:
        return False, checkins, warnings
    reader = HistoryReader(profile)
    due = checkin_due(today, checkins.last_asked, pain_days((s for _, s in reader.sessions()), today))
    return due, checkins, warnings + reader.warnings()


def parse_visa_a(text: str) -> tuple[int | None, str]:
    text = text.strip()
    if not text.isdigit():
        return None, "A VISA-A score is a whole number from 0 to 100"
    score = int(text)
    if score > 100:
        return None, "A VISA-A score is at most 100"
    return score, ""
