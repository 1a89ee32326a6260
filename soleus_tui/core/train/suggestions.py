"""What to try today, from what was done before: double progression on the last complete
performance, a new block's load from an estimated one-repetition maximum, real loads only.

Pure: the caller reads the history and says which target each past session had.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from soleus_tui.core import units
from soleus_tui.core.session import Session, SetLog

BODYWEIGHT = "bodyweight"
HOLD_STEP_S = 5.0  # a bodyweight hold that is easy grows by this much
RECENT = 3  # performances the best recent set is taken from


@dataclass(frozen=True)
class Target:
    """What one exercise asked for: sets of reps, or sets of a hold (reps 0)."""

    sets: int
    reps: int
    hold_s: float = 0.0

    @property
    def is_hold(self) -> bool:
        return self.reps == 0


@dataclass(frozen=True)
class Performance:
    """One exercise as done in one session (warm-ups left out), with the target it was done to."""

    sets: tuple[SetLog, ...]
    target: Target

    @property
    def set_count(self) -> int:
        """A per-side set is one set: its left and its right part count once."""
        count, previous = 0, None
        for logged in self.sets:
            if not (logged.side == "right" and previous == "left"):
                count += 1
            previous = logged.side
        return count

    @property
    def complete(self) -> bool:
        return self.set_count >= self.target.sets

    @property
    def load_kg(self) -> float:
        return max(s.load_kg for s in self.sets)


@dataclass(frozen=True)
class LoadStep:
    """Loads a person can really put on the bar: multiples of the exercise's own step in kg,
    or else of the user's unit's step (2.5 kg, 5 lb)."""

    unit: str
    step_kg: float | None = None

    @property
    def kg(self) -> float:
        return self.step_kg if self.step_kg is not None else units.from_display(units.STEP[self.unit], self.unit)

    def snap(self, load_kg: float, rounding: Callable[[float], float] = round) -> float:
        """The nearest real load (or the one below, with math.floor), in kg."""
        if self.step_kg is not None:
            return round(rounding(load_kg / self.step_kg + 1e-9) * self.step_kg, 6)
        step = units.STEP[self.unit]
        return units.from_display(rounding(units.to_display(load_kg, self.unit) / step + 1e-9) * step, self.unit)

    def up(self, load_kg: float, steps: int = 1) -> float:
        """Whole steps from the real load nearest to this one, never below nothing."""
        return max(self.snap(load_kg) + steps * self.kg, 0.0)


@dataclass(frozen=True)
class Suggestion:
    load_kg: float  # added load for bodyweight exercises
    reps: int  # 0 for a hold
    hold_s: float
    reason: str
    first_time: bool = False  # no history: the reason says how to find the load


@dataclass(frozen=True)
class Adjustment:
    """A change another rule asks for (pain, for one), applied on top of the progression."""

    load_steps: int = 0
    reps: int = 0
    reason: str = ""


def epley_1rm(load_kg: float, reps: int) -> float:
    return load_kg * (1 + reps / 30)


def load_for_reps(one_rm_kg: float, reps: int) -> float:
    return one_rm_kg / (1 + reps / 30)


def last_time(sessions_newest_first: Iterable[Session], exercise_id: str) -> list[SetLog]:
    """The sets of the most recent session that did this exercise, as they were logged."""
    for session in sessions_newest_first:
        sets = [s for e in session.exercises if e.id == exercise_id for s in e.sets]
        if sets:
            return sets
    return []


def performances(
    sessions_newest_first: Iterable[Session],
    exercise_id: str,
    target_of: Callable[[Session], Target],
) -> list[Performance]:
    """Newest first, as far back as the last complete one and at least RECENT of them."""
    found: list[Performance] = []
    for session in sessions_newest_first:
        sets = tuple(s for e in session.exercises if e.id == exercise_id for s in e.sets if not s.warmup)
        if not sets:
            continue
        found.append(Performance(sets, target_of(session)))
        if len(found) >= RECENT and any(p.complete for p in found):
            break
    return found


def suggest(
    history: Sequence[Performance], target: Target, load_kind: str, step: LoadStep, rm: bool = False
) -> Suggestion:
    """Today's suggestion for one exercise; history is newest first."""
    if not history:
        return _first_time(target, load_kind, step, rm)
    loaded = load_kind != BODYWEIGHT
    if not target.is_hold and history[0].target.reps != target.reps:
        return _new_reps(history[:RECENT], target, loaded, step)
    same_target = [p for p in history if p.target.reps == target.reps and p.target.hold_s == target.hold_s]
    last = next((p for p in same_target if p.complete), None)
    if last is None:
        fragment = history[0]
        done, planned = fragment.set_count, fragment.target.sets
        return Suggestion(
            step.snap(fragment.load_kg), target.reps, target.hold_s,
            f"last time stopped after {done} of {planned} sets: the same load, all {target.sets} sets",
        )
    return _hold(last, target, loaded, step) if target.is_hold else _reps(last, target, loaded, step)


def _reps(last: Performance, target: Target, loaded: bool, step: LoadStep) -> Suggestion:
    load = last.load_kg
    short = [n for n, s in enumerate(last.sets, 1) if s.reps < target.reps]
    if not short:
        if loaded:
            return Suggestion(step.up(load), target.reps, 0.0, f"every set hit {target.reps} last time: one step heavier")
        return Suggestion(
            step.up(load), target.reps, 0.0,
            f"every set hit {target.reps} last time: add one step of weight (a dumbbell or a backpack)",
        )
    best = max(s.reps for s in last.sets)
    if best < target.reps:
        return Suggestion(step.snap(load), best + 1, 0.0, "same load, one more rep")
    which = _count(len(short), "set", "sets")
    return Suggestion(
        step.snap(load), target.reps, 0.0,
        f"{which} short of {target.reps} last time: same load again",
    )


def _hold(last: Performance, target: Target, loaded: bool, step: LoadStep) -> Suggestion:
    load = last.load_kg
    longest = max(s.hold_s for s in last.sets)
    if all(s.hold_s >= target.hold_s for s in last.sets):
        if loaded:
            return Suggestion(step.up(load), 0, target.hold_s, f"every hold reached {target.hold_s:g} s last time: one step heavier")
        longer = max(longest, target.hold_s) + HOLD_STEP_S
        return Suggestion(step.snap(load), 0, longer, f"every hold reached {target.hold_s:g} s last time: {HOLD_STEP_S:g} s longer")
    return Suggestion(
        step.snap(load), 0, target.hold_s,
        f"the shortest hold was {min(s.hold_s for s in last.sets):g} s last time: "
        f"same load until every hold lasts {target.hold_s:g} s",
    )


def _new_reps(recent: Sequence[Performance], target: Target, loaded: bool, step: LoadStep) -> Suggestion:
    sets = [s for p in recent for s in p.sets if s.reps > 0]
    if not loaded or not sets or max(s.load_kg for s in sets) == 0:
        added = max((s.load_kg for s in sets), default=0.0)
        return Suggestion(step.snap(added), target.reps, 0.0, f"a new target of {target.reps} reps: same load")
    best = max(sets, key=lambda s: epley_1rm(s.load_kg, s.reps))
    one_rm = epley_1rm(best.load_kg, best.reps)
    load = step.snap(load_for_reps(one_rm, target.reps), math.floor)
    shown = units.format_load(best.load_kg, step.unit)
    return Suggestion(
        load, target.reps, 0.0,
        f"a new target of {target.reps} reps: {best.reps} x {shown} estimates "
        f"{units.format_load(one_rm, step.unit)} for one rep (Epley), so this for {target.reps}",
    )


def _first_time(target: Target, load_kind: str, step: LoadStep, rm: bool) -> Suggestion:
    if load_kind == BODYWEIGHT:
        if target.is_hold:
            reason = f"no history yet: hold up to {target.hold_s:g} s, stop when the heels sink"
        else:
            reason = "no history yet: stop each set when the form goes"
        return Suggestion(0.0, target.reps, target.hold_s, reason, first_time=True)
    effort = f"the {target.hold_s:g} s hold is hard" if target.is_hold else f"{target.reps} reps are hard"
    found = f": that is your {target.reps}RM" if rm and not target.is_hold else ""
    reason = f"no history yet: start light, one step up per set until {effort}{found}"
    return Suggestion(0.0, target.reps, target.hold_s, reason, first_time=True)


def adjusted(suggestion: Suggestion, adjustment: Adjustment | None, step: LoadStep) -> Suggestion:
    """The progression's suggestion with another rule's change applied, that rule's reason first."""
    if adjustment is None:
        return suggestion
    return replace(
        suggestion,
        load_kg=step.up(suggestion.load_kg, adjustment.load_steps) if adjustment.load_steps else suggestion.load_kg,
        reps=max(suggestion.reps + adjustment.reps, 1) if suggestion.reps else 0,
        reason=f"{adjustment.reason}; {suggestion.reason}" if adjustment.reason else suggestion.reason,
    )


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
