"""What the heel-raise test screen says: the test's state turned into words, nothing drawn.

Keys are passed in as labels (binding id -> key as shown), so every hint names the key in force.
Figures and sources from anatomy.md section 7; a norm is given as a reference, never a verdict.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from soleus_tui.core.capacity.protocol import QUIET_RAISES, REST_BETWEEN_LEGS_S, HeelRaiseTest, Stage
from soleus_tui.core.capacity.results import (
    REAL_CHANGE_RAISES,
    SYMMETRY_MARK_PCT,
    CapacityResult,
    Change,
    Norm,
    norm_table,
)
from soleus_tui.core.clock import clock_text
from soleus_tui.ui.train.runner_text import Readout

Keys = Mapping[str, str]
BAR_STEPS = 20
TEST_SOURCE = "Hébert-Losier et al. (2017), Physiotherapy 103:446-52"
BENT_SOURCE = "Hébert-Losier & Holmberg (2013), Clin Biomech 28:664-71"
SEX_WORDS = {"female": "women", "male": "men"}
KNEE_WORDS = {"straight": "straight-knee", "bent": "bent-knee"}

SET_UP = (
    "Stand on the test leg on a 10° incline if you have one (toes up the slope), the other foot off "
    "the floor, fingertips on a wall for balance only. Rise as high as you can on the up beat, come "
    "down on the down beat: 60 beats a minute, 30 raises a minute."
)
STOP_WHEN = (
    "Press {stop} when the heel no longer rises as high, you lose the beat, the knee or trunk moves, "
    "or you need more than your fingertips."
)
KNEE_SET_UP = {
    "straight": "Knee straight: the published test, with norms by age and sex.",
    "bent": "Knee bent to about 45°, which leans the work onto the soleus; hold the angle, it drifts. "
    "No norms exist: you are compared with yourself, and left with right.",
}


@dataclass(frozen=True)
class CapacityView:
    title: str
    where: str
    about: str
    readout: Readout
    beat: str | None  # "up" or "down" while the metronome runs
    moving: bool  # something on screen changes with time


def capacity_view(test: HeelRaiseTest, keys: Keys) -> CapacityView:
    side = test.side
    leg = f"{side} leg".upper()
    title = f"Heel-raise test · {KNEE_WORDS[test.knee]}"
    stage, beat, about = test.stage, None, ""
    take_back = f"{keys['test.take-back']}  take back a raise"
    if stage is Stage.READY:
        first = test.leg == 0
        about = f"{KNEE_SET_UP[test.knee]}\n{SET_UP}\n{STOP_WHEN.format(stop=keys['test.stop'])}"
        choice = f"\n{keys['test.straight']}  straight knee · {keys['test.bent']}  bent knee" if first else ""
        readout = Readout(f"{leg} {'FIRST' if first else 'NEXT'}", "", None,
                          f"{keys['test.start']}  start the {side} leg{choice}")  # fmt: skip
    elif stage is Stage.GET_READY:
        readout = Readout(f"GET READY · {leg}", str(max(math.ceil(test.get_ready_remaining()), 1)), None,
                          "The metronome starts at zero: first beat up.")  # fmt: skip
        about = STOP_WHEN.format(stop=keys["test.stop"])
    elif stage is Stage.RAISING:
        beat = "up" if test.beat_is_up() else "down"
        readout = Readout(f"{leg} · {raises_text(test.raises_now()).upper()}", str(test.raises_now()), None,
                          f"{keys['test.stop']}  stop · {keys['test.bell']}  a bell each raise\n{take_back}")  # fmt: skip
        about = STOP_WHEN.format(stop=keys["test.stop"])
    elif stage is Stage.PAUSED:
        count = raises_text(test.raises_now())
        readout = Readout(f"PAUSED · {leg} · {count.upper()}", str(test.raises_now()), None,
                          f"{keys['test.resume']}  carry on, after a 3-2-1\n"
                          f"{keys['test.stop']}  end the leg at {count}\n{take_back}")  # fmt: skip
        about = (f"No key in {QUIET_RAISES} raises, so the metronome stopped in case nobody is there. The test has "
                 "no time limit: carry on from here, or end the leg, taking back any raise you did not do.")  # fmt: skip
    elif stage is Stage.REST:
        left = test.rest_remaining()
        bar = math.floor((1 - max(left, 0) / REST_BETWEEN_LEGS_S) * BAR_STEPS) / BAR_STEPS
        readout = Readout("REST BEFORE THE RIGHT LEG", clock_text(math.ceil(max(left, 0))), bar,
                          f"Left: {raises_text(test.raises['left'])} · {keys['test.skip-rest']}  skip the rest\n"
                          f"{take_back}")  # fmt: skip
        about = "Two minutes between the legs, as the protocol has it."
    else:
        readout = Readout("DONE", str(test.raises.get("right", 0)), None, "")
    return CapacityView(title, f"{side} leg" if stage is not Stage.DONE else "both legs done", about, readout, beat,
                        moving=stage in (Stage.GET_READY, Stage.RAISING, Stage.REST))  # fmt: skip


def raises_text(count: int) -> str:
    return f"{count} raise" if count == 1 else f"{count} raises"


# -- the result -------------------------------------------------------------------------------

Line = tuple[str, str]  # (text, tone): tone "" plain, "mark" drawn to the eye, "muted" small print


def result_lines(
    result: CapacityResult, previous: CapacityResult | None, norm: Norm | None, age: int | None
) -> list[Line]:
    lines: list[Line] = [
        (f"Left  {raises_text(result.left):<12}  Right  {raises_text(result.right)}", "big"),
        symmetry_line(result),
        change_line(result, previous),
    ]
    lines += norm_lines(result, norm, age)
    lines.append(("Return-to-running rule of thumb: 30 or more raises in a row, straight and bent knee, "
                  "sides equal.", "muted"))  # fmt: skip
    return lines


def symmetry_line(result: CapacityResult) -> Line:
    pct = result.symmetry_pct
    if pct is None:
        return "Symmetry: no raise on either side, so nothing to compare.", "mark"
    text = f"Symmetry {pct} % (weaker ÷ stronger)"
    if result.uneven:
        return f"{text} · UNDER {SYMMETRY_MARK_PCT} %: the {result.weaker_side} side is weaker. " \
               "Clinics aim for sides within 10 % (a rule of thumb).", "mark"  # fmt: skip
    return f"{text} · the sides are within 10 % of each other.", ""


def change_line(result: CapacityResult, previous: CapacityResult | None) -> Line:
    kind = KNEE_WORDS[result.knee]
    if previous is None:
        return f"Your first {kind} test: the next one shows the change.", "muted"
    change = Change.between(result, previous)
    parts = []
    for side, delta in change.sides():
        parts.append(f"{side} {delta:+d}" + (" (beyond day-to-day variation)" if Change.real(delta) else ""))
    return (
        f"Since the {kind} test of {previous.when.date().isoformat()}: {', '.join(parts)}. "
        f"Only a change of more than {REAL_CHANGE_RAISES} raises is more than the test's day-to-day spread.",
        "",
    )


def norm_lines(result: CapacityResult, norm: Norm | None, age: int | None) -> list[Line]:
    if result.knee == "bent":
        return [(f"No age or sex norms exist for the bent-knee test: compare yourself over time and left "
                 f"with right ({BENT_SOURCE}).", "muted")]  # fmt: skip
    if norm is not None:
        return [
            (f"Reference for {SEX_WORDS[norm.sex]} aged {norm.band}: {raises_text(norm.raises)} "
             f"({TEST_SOURCE}).", ""),  # fmt: skip
            ("A reference from healthy adults to read your result against, not a diagnosis.", "muted"),
        ]
    table = " · ".join(f"{band} {men}/{women}" for band, men, women in norm_table())
    why = "The norms start at age 20." if age is not None and age < 20 else \
        "Set your birth year and sex in settings to see your band."  # fmt: skip
    return [
        (f"Norms, men/women: {table} ({TEST_SOURCE}).", ""),
        (f"{why} A norm is a reference, not a diagnosis.", "muted"),
    ]
