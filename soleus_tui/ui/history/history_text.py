"""History in the words and numbers people read: days, durations, sets, loads in their unit."""

from __future__ import annotations

from datetime import date

from soleus_tui.core.history.stats import Best
from soleus_tui.core.clock import clock_text
from soleus_tui.core.units import format_load, to_display

NONE = "-"


def count_text(count: int, thing: str) -> str:
    return f"{count:,} {thing}" if count == 1 else f"{count:,} {thing}s"


def relative_day(day: date, today: date) -> str | None:
    return {0: "today", 1: "yesterday"}.get((today - day).days)


def day_word(day: date, today: date) -> str:
    """'today', 'yesterday', or the weekday, to read beside a YYYY-MM-DD date."""
    return relative_day(day, today) or f"{day:%a}"


def duration_text(seconds: float) -> str:
    """A workout's length in whole minutes: '26 min', '1 h 05 min'."""
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def hold_text(seconds: float) -> str:
    """Time held: '41.5 s', '90 s', '2 min 30 s', '30 h 25 min'."""
    if seconds < 120:
        return f"{round(seconds, 1):g} s"
    whole = round(seconds)
    if whole < 3600:
        minutes, rest = divmod(whole, 60)
        return f"{minutes} min {rest:02d} s" if rest else f"{minutes} min"
    hours, rest = divmod(whole, 3600)
    return f"{hours:,} h {rest // 60:02d} min"


def rest_text(seconds: float) -> str:
    """Rest taken as m:ss, or a dash when there was none."""
    return clock_text(round(seconds)) if seconds > 0 else NONE


def volume_text(volume_kg: float, unit: str) -> str:
    """Reps x load, in whole units of the user's unit: '1,234 kg'."""
    return f"{to_display(volume_kg, unit):,.0f} {unit}"


def set_text(reps: int, hold_s: float, load_kg: float, unit: str) -> str:
    """'12 x 20 kg', '12 reps', '30 s hold', '30 s hold, 5 kg'."""
    if reps:
        return f"{reps} x {format_load(load_kg, unit)}" if load_kg else count_text(reps, "rep")
    held = f"{hold_text(hold_s)} hold"
    return f"{held}, {format_load(load_kg, unit)}" if load_kg else held


def best_text(best: Best | None, unit: str, hold: bool = False) -> str:
    """A best set where the heading names what it is: '12 x 20 kg', '12 reps', '75 s, 5 kg'."""
    if best is None:
        return NONE
    if hold:
        held = hold_text(best.value)
        return f"{held}, {format_load(best.load_kg, unit)}" if best.load_kg else held
    return set_text(int(best.value), 0.0, best.load_kg, unit)


def pain_text(pain: int | None) -> str:
    """Pain during an exercise on the 0-10 scale, or a dash when it was not asked."""
    return NONE if pain is None else f"{pain}/10"
