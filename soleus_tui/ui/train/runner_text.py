"""What the Train screens say: the workout's state turned into words and numbers, nothing drawn.

Pure functions of a Workout (which reads its own clock), so the runner can compare one view with
the last and repaint only what changed, and tests can read the words without a terminal. Keys are
named by the labels the runner passes in (binding id -> the key in force), never written here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from soleus_tui.core.catalog import Exercise
from soleus_tui.core.session import SetLog
from soleus_tui.core.train.suggestions import Suggestion
from soleus_tui.core.clock import clock_text
from soleus_tui.core.units import format_load
from soleus_tui.core.train.workout import Phase, Workout

SIDE_MARK = {"left": "L ", "right": "R ", "both": ""}
Keys = Mapping[str, str]  # binding id -> the label of the key in force
BAR_STEPS = 20  # the rest bar moves in 5 % steps: over SSH each repaint of it costs bytes


@dataclass(frozen=True)
class Readout:
    """The big part of the runner: a word, a number, a bar and what the keys do now."""

    label: str
    number: str
    bar: float | None  # 0 to 1; None: no bar
    caption: str
    tone: str = ""  # "switch" or "overtime" draw the eye; the words say it too


@dataclass(frozen=True)
class RunnerView:
    name: str
    where: str  # set N of M and the side
    cues: str  # the exercise's cues; "" once they are folded away
    readout: Readout
    tempo: tuple[int, int, int]  # seconds: up, pause, down
    tempo_now: tuple[str, int] | None  # the stage and its whole seconds left; None: the cue stands still
    load: str
    load_keys: str
    rest: str
    rest_keys: str
    logged: str
    note: str
    window_title: str | None  # the rest left, for the terminal's title bar; None when not resting
    moving: bool  # something on screen changes with time
    space_does: str  # for the footer: what the count key does now
    pace_does: str


def seconds_text(seconds: float) -> str:
    """Whole seconds, as minutes and seconds from one minute on."""
    return clock_text(seconds) if seconds >= 60 else str(int(seconds))


def rest_text(seconds: int) -> str:
    return clock_text(seconds) if seconds else "off"


def sets_text(sets: Sequence[SetLog], unit: str, load_kind: str) -> str:
    """Logged sets at a glance: '12, 12, 11 · 20 kg', or each set's load when they differ. A
    per-side set is one set with its two legs: 'L 10 R 9'."""
    if not sets:
        return ""
    counts: list[str] = []
    loads: list[str] = []
    previous_side = ""
    for s in sets:
        count = SIDE_MARK[s.side] + (str(s.reps) if s.reps else f"{s.hold_s:g} s")  # reps 0: a hold
        if s.side == "right" and previous_side == "left":
            counts[-1] += f" {count}"
        else:
            counts.append(count)
            loads.append(format_load(s.load_kg, unit, load_kind))
        previous_side = s.side
    if len(set(loads)) == 1:
        return f"{', '.join(counts)} · {loads[0]}"
    return ", ".join(f"{count} at {load}" for count, load in zip(counts, loads))


def counts_text(sets: Sequence[SetLog]) -> str:
    """The shortest form, for a table column: '12 12 11', '12/12 11/10' left/right, '34 30 s'."""
    words: list[str] = []
    previous_side = ""
    for logged in sets:
        count = str(logged.reps) if logged.reps else str(round(logged.hold_s))
        if logged.side == "right" and previous_side == "left":
            words[-1] += f"/{count}"
        else:
            words.append(count)
        previous_side = logged.side
    return " ".join(words) + (" s" if sets and not sets[0].reps else "")


def suggestion_text(suggestion: Suggestion, unit: str, load_kind: str) -> str:
    """'12 reps at 22.5 kg: why'; with no history only the target and how to find the load, since
    a load of 0 would read as advice."""
    target = f"{suggestion.hold_s:g} s hold" if suggestion.hold_s else f"{suggestion.reps} reps"
    if suggestion.first_time and load_kind != "bodyweight":
        return f"{target}: {suggestion.reason}"
    return f"{target} at {format_load(suggestion.load_kg, unit, load_kind)}: {suggestion.reason}"


def history_lines(exercise: Exercise, last: Sequence[SetLog], suggestion: Suggestion | None, unit: str) -> str:
    """Last time's sets and what to try today, as two lines."""
    done = sets_text(last, unit, exercise.load) or "none yet"
    today = suggestion_text(suggestion, unit, exercise.load) if suggestion else "a load you can lift with good form"
    return f"Last time  {done}\nTry today  {today}"


def runner_view(workout: Workout, unit: str, next_name: str | None, keys: Keys, fold: bool = True) -> RunnerView:
    """`next_name` is where the next key goes; None: today's planned session ends there. `fold`
    folds the cues away once a set of this exercise is logged."""
    plan = workout.plan
    readout = _readout(workout, next_name, keys)
    tempo_now = _tempo_now(workout)
    resting = workout.phase is Phase.REST
    rest_word = "overtime" if readout.tone == "overtime" else "rest"
    folded = fold and bool(workout.log.sets)
    return RunnerView(
        name=plan.name,
        where=_where(workout),
        cues="" if folded else "\n".join(f"· {cue}" for cue in plan.cues),
        readout=readout,
        tempo=plan.tempo,
        tempo_now=tempo_now,
        load=f"Load  {format_load(workout.load_kg, unit, plan.load)}",
        load_keys=f"{keys['train.lighter']} {keys['train.heavier']} step · {keys['train.load']} type",
        rest=f"Rest  {rest_text(workout.rest_s)}" + (" after a set" if workout.rest_s else ""),
        rest_keys=f"{keys['train.less-rest']} {keys['train.more-rest']} 15 s",
        logged=f"So far  {sets_text(workout.log.sets, unit, plan.load) or 'no sets yet'}",
        note=f"Note  {workout.notes}" if workout.notes else "",
        window_title=f"{readout.number} {rest_word}" if resting else None,
        moving=workout.phase is not Phase.SET or tempo_now is not None,
        space_does=_space_does(workout),
        pace_does=_pace_does(workout),
    )


def _where(workout: Workout) -> str:
    plan = workout.plan
    if workout.today_done:
        return "Today's session is done"
    if workout.done:
        return f"All {plan.sets} sets done"
    number = workout.set_number
    which = f"Set {number} of {plan.sets}" if number <= plan.sets else f"Extra set {number}"
    side = f"{workout.side} leg" if plan.per_side else "both legs"
    return f"{which} · {side}"


def _space_does(workout: Workout) -> str:
    """The count key's word for the footer, which changes with the phase."""
    phase = workout.phase
    if phase is Phase.SWITCH:
        return f"{workout.side.capitalize()} leg"
    if phase is Phase.REST:
        return "Extra set" if workout.exercise_complete else "Next set"
    if phase is Phase.GET_READY:
        return "Start now"
    if phase is Phase.HOLDING:
        return "Stop the hold"
    if workout.plan.is_hold:
        return "Start the hold"
    if workout.paced:
        return "End the set"
    return "Extra set" if workout.done else "Count"


def _pace_does(workout: Workout) -> str:
    if not workout.paced:
        return "Pace"
    return "Pace off" if workout.to_failure else "To failure"


def _tempo_now(workout: Workout) -> tuple[str, int] | None:
    """Paced: always. Counted by hand: for one rep after each press, then it waits for the next."""
    cue = workout.tempo_cue()
    if cue is None:
        return None
    since_press = workout.clock.monotonic() - workout.cue_started
    if not workout.paced and (workout.reps == 0 or since_press >= workout.rep_length_s):
        return None
    stage, left = cue
    return stage, max(math.ceil(left), 1)


def _lines(*lines: tuple[str, str]) -> str:
    """What the keys do now, one key a line, so it reads at a glance."""
    return "\n".join(f"{key:<6} {what}" for key, what in lines)


def _next_line(next_name: str | None, keys: Keys) -> tuple[str, str]:
    if next_name is None:
        return keys["train.next"], "end today's session"
    return keys["train.next"], f"next: {next_name}"


def _readout(workout: Workout, next_name: str | None, keys: Keys) -> Readout:
    plan = workout.plan
    phase = workout.phase
    space = keys["train.count"]
    if workout.today_done:
        lines = _lines((keys["train.finish"], "finish and see the summary"), (keys["train.undo-set"], "take back the last set"))
        return Readout("TODAY'S SESSION IS DONE", str(workout.sets_done), None, lines)
    if phase is Phase.REST:
        return _rest_readout(workout, next_name, keys)
    if phase is Phase.SWITCH:
        other = workout.side
        number = str(max(math.ceil(workout.switch_remaining()), 0))
        lines = _lines(_space_starts(workout, f"the {other} leg", space), (keys["train.skip-rest"], "skip the pause"))
        return Readout(f"SWITCH LEGS · {other} leg next", number, None, lines, tone="switch")
    if phase is Phase.GET_READY:
        number = str(max(math.ceil(workout.get_ready_remaining()), 1))
        if plan.is_hold:
            return Readout("GET READY · the hold starts at zero", number, None, _lines((space, "start now")))
        lines = _lines((space, "start now"), (keys["train.pace"], "stop pacing" if workout.to_failure else "pace to failure"))
        return Readout("GET READY · counting starts at zero", number, None, lines)
    if phase is Phase.HOLDING:
        held = workout.held_s()
        reached = held >= plan.hold_s
        label = f"TARGET {plan.hold_s:g} s REACHED" if reached else f"HOLDING · target {plan.hold_s:g} s"
        fraction = min(int(held) / plan.hold_s, 1.0)
        return Readout(label, seconds_text(held), fraction, _lines((space, "stop and log the hold")))
    if workout.done:
        lines = _lines(_next_line(next_name, keys), (space, "an extra set"))
        return Readout("SETS DONE · this exercise is complete", str(workout.sets_done), None, lines)
    if plan.is_hold:
        return Readout(f"HOLD · target {plan.hold_s:g} s", "0", 0.0, _lines((space, "3-2-1, then hold")))
    fraction = min(workout.reps / plan.reps, 1.0)
    if workout.paced:
        if workout.to_failure:
            lines = _lines((space, "end the set"), (keys["train.log-set"], "log it: the count goes past the target"))
            return Readout(f"TO FAILURE · target {plan.reps}", str(workout.reps), fraction, lines)
        lines = _lines(("", "the count follows the tempo"), (space, "end the set now"))
        return Readout(f"PACED · target {plan.reps}", str(workout.reps), fraction, lines)
    lines = _lines((space, "count a rep"), (keys["train.log-set"], "log the set"))
    return Readout(f"REPS · target {plan.reps}", str(workout.reps), fraction, lines)


def _rest_readout(workout: Workout, next_name: str | None, keys: Keys) -> Readout:
    left = workout.rest_remaining()
    space = keys["train.count"]
    if workout.exercise_complete:
        after = _next_line(next_name, keys)
    else:
        after = _space_starts(workout, "the next set", space)
    lines = _lines(after, (keys["train.skip-rest"], "skip the rest"))
    if left > 0:
        shown = math.ceil(left)
        bar = round(min(shown / workout.rest_target_s, 1.0) * BAR_STEPS) / BAR_STEPS
        return Readout("REST", clock_text(shown), bar, lines)
    return Readout("OVERTIME · rest is over", "+" + clock_text(-left), 0.0, lines, tone="overtime")


def _space_starts(workout: Workout, what: str, space: str) -> tuple[str, str]:
    """What the count key does from rest or the switch pause: it begins the set at once."""
    if workout.plan.is_hold:
        return space, f"3-2-1 for {what}"
    if workout.paced:
        return space, f"{what}, paced"
    return space, f"{what}: rep 1"
