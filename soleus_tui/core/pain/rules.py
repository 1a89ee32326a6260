"""The pain-monitoring model (Silbernagel et al. 2007) acting on the next suggestion.

Pain is on a 0-10 scale. During exercise up to 5 is acceptable; above 5, or morning pain and
stiffness that rose since the previous check-in, means one load step lighter (at bodyweight,
fewer reps). 3 to 5: the same as last time. 0 to 2 with every rep done: progress as planned.
At 8 or more the app shows the safety line as well.

`adjust_for_pain` takes a suggestion and gives back a copy with the rule applied and its reason
in front, on top of the rule that made it. `pain_adjusted` is what the runner and today's plan
both ask: the rules on the progression's suggestion, at a real load.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from soleus_tui.core.session import Session
from soleus_tui.core.train.suggestions import LoadStep, Suggestion

ACCEPTABLE_MAX = 5  # pain during above this is over the limit
SAME_FROM = 3  # 3 to 5: repeat last time's dose
SAFETY_FROM = 8  # show the safety line
FEWER_REPS = 2  # the bodyweight stand-in for one load step: not from the model, a small cut

SAFETY_LINE = (
    "Training guidance, not medical advice. Stop and see a clinician after a sudden pop or a feeling "
    "of being kicked in the calf, if you cannot rise on your toes, or with swelling, warmth, redness "
    "or calf tightness that does not go away."
)
SAFETY_NOTE = "pain of 8 or more: training guidance is not medical advice, have it checked by a clinician"
SOURCE = "Silbernagel et al. (2007), Am J Sports Med 35:897-906"


MorningPair = tuple[int | None, int | None]


@dataclass(frozen=True)
class PainCheck:
    """What is known about pain before the next time of an exercise."""

    during: int | None = None  # pain during that exercise last time
    morning: int | None = None  # the newest morning check-in
    morning_before: int | None = None  # the check-in before it
    every_rep_done: bool = False  # last time reached every planned rep

    @property
    def morning_rose(self) -> bool:
        return self.morning is not None and self.morning_before is not None and self.morning > self.morning_before

    @property
    def needs_safety_line(self) -> bool:
        return any(p is not None and p >= SAFETY_FROM for p in (self.during, self.morning))


def adjust_for_pain(suggestion: Suggestion, check: PainCheck, last_load_kg: float, last_reps: int, load_step_kg: float) -> Suggestion:
    """The suggestion with the pain rule applied and its reason first; unchanged without pain data."""
    adjusted = _by_the_rules(suggestion, check, last_load_kg, last_reps, load_step_kg)
    if check.needs_safety_line:
        return replace(adjusted, reason=f"{adjusted.reason} · {SAFETY_NOTE}")
    return adjusted


def _by_the_rules(suggestion: Suggestion, check: PainCheck, last_load_kg: float, last_reps: int, load_step_kg: float) -> Suggestion:
    during = check.during
    if (during is not None and during > ACCEPTABLE_MAX) or check.morning_rose:
        if during is not None and during > ACCEPTABLE_MAX:
            why = f"pain {during}/10 during last time is above {ACCEPTABLE_MAX}"
        else:
            why = f"morning pain rose from {check.morning_before} to {check.morning}/10"
        if last_load_kg > 0:
            return _with(suggestion, max(last_load_kg - load_step_kg, 0.0), last_reps, f"{why}: one step lighter")
        if last_reps > 0:
            return _with(suggestion, 0.0, max(last_reps - FEWER_REPS, 1), f"{why}: {FEWER_REPS} reps fewer")
        return _with(suggestion, 0.0, 0, f"{why}: take it easier than last time")
    if during is None:
        return suggestion
    if during >= SAME_FROM:
        return _with(suggestion, last_load_kg, last_reps, f"pain {during}/10 during last time (3 to 5): the same again")
    if check.every_rep_done:
        return replace(suggestion, reason=f"pain {during}/10 and every rep done: {suggestion.reason}")
    return suggestion


def _with(suggestion: Suggestion, load_kg: float, reps: int, reason: str) -> Suggestion:
    return replace(suggestion, load_kg=round(load_kg, 4), reps=reps, reason=reason)


def parse_pain(key: str) -> int | None:
    """A key on the 0-10 scale: a digit, or `t` for ten."""
    if key == "t":
        return 10
    return int(key) if len(key) == 1 and key.isdigit() else None


def last_pain_check(
    sessions_newest_first: Iterable[Session], exercise_id: str, target_reps: int, morning: MorningPair
) -> tuple[PainCheck, float, int]:
    """What the newest session with this exercise says about pain, with that session's heaviest
    load and most reps; `morning` is (this morning's check-in, the one before), each maybe None."""
    for session in sessions_newest_first:
        logs = [e for e in session.exercises if e.id == exercise_id]
        sets = [s for e in logs for s in e.sets if not s.warmup]
        if not sets:
            continue
        during = next((e.pain for e in reversed(logs) if e.pain is not None), None)
        every = all(s.reps >= target_reps for s in sets)
        check = PainCheck(during, morning[0], morning[1], every)
        return check, max(s.load_kg for s in sets), max(s.reps for s in sets)
    return PainCheck(None, morning[0], morning[1]), 0.0, 0


def pain_adjusted(
    suggestion: Suggestion,
    sessions_newest_first: Iterable[Session],
    exercise_id: str,
    target_reps: int,
    morning: MorningPair,
    step: LoadStep,
) -> Suggestion:
    """The suggestion with the pain rules applied to what the history and the check-ins say, at a
    load of the exercise's step; unchanged for a first time, with nothing to be lighter than."""
    if suggestion.first_time:
        return suggestion
    check, last_load, last_reps = last_pain_check(sessions_newest_first, exercise_id, target_reps, morning)
    if last_reps == 0 and last_load == 0:
        return suggestion
    adjusted = adjust_for_pain(suggestion, check, last_load, last_reps, step.kg)
    return replace(adjusted, load_kg=step.snap(adjusted.load_kg)) if adjusted is not suggestion else suggestion
