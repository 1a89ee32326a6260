"""Today's plan in words, the same on the home screen and from `soleus-tui today`."""

from __future__ import annotations

from dataclasses import dataclass

from soleus_tui.core.programmes.model import Programme
from soleus_tui.core.programmes.plan import PlannedExercise, TodayPlan
from soleus_tui.core.programmes.state import ProgrammeState
from soleus_tui.core.units import format_load, to_display

NO_PROGRAMME = "No programme is running."


@dataclass(frozen=True)
class ExerciseLine:
    name: str
    dose: str  # sets x reps (or hold), and the RM it is done at
    load: str  # the suggested load, or how to find it
    reason: str


def week_text(plan: TodayPlan) -> str:
    return f"week {plan.week} of {plan.weeks}"


def this_week_text(plan: TodayPlan) -> str:
    return f"{plan.done_this_week} of {plan.due_this_week} done this week"


def today_text(plan: TodayPlan) -> str:
    if plan.due_today and plan.done_today >= plan.due_today:
        return "today's sessions are done" if plan.due_today > 1 else "today's session is done"
    if plan.due_today > 1:
        return f"today: session {plan.done_today + 1} of {plan.due_today}"
    return "today: one session" if plan.due_today else "this week's sessions are done"


def exercise_line(item: PlannedExercise, unit: str) -> ExerciseLine:
    exercise, hint = item.exercise, item.suggestion
    rm = f" ({exercise.reps}RM)" if item.rm and not exercise.is_hold else ""
    if hint is None:
        return ExerciseLine(exercise.name, exercise.target_text + rm, "", "")
    if exercise.is_hold:
        dose = f"{exercise.sets} x {hint.hold_s:g} s hold"
    else:
        dose = f"{exercise.sets} x {hint.reps}"
    if exercise.per_side:
        dose += " per side"
    if hint.first_time and exercise.load != "bodyweight":
        load = f"find your {exercise.reps}RM" if rm else "find the load"
    else:
        load = format_load(hint.load_kg, unit, exercise.load)
    return ExerciseLine(exercise.name, dose + rm, load, hint.reason)


def plan_lines(plan: TodayPlan, unit: str) -> list[str]:
    """The plan as plain lines: name, week, this week's sessions, then each exercise and why."""
    lines = [plan.programme_name, f"{week_text(plan)} · {this_week_text(plan)} · {today_text(plan)}"]
    for item in plan.exercises:
        line = exercise_line(item, unit)
        lines.append(f"  {line.name}: {line.dose}" + (f" · {line.load}" if line.load else ""))
        if line.reason:
            lines.append(f"    {line.reason}")
    return lines


def programme_summary(programme: Programme) -> str:
    """One line for `programme list`: id, name, weeks, schedule."""
    return f"{programme.id}  {programme.name}  {programme.weeks} weeks  {programme.schedule}"


def adherence_text(state: ProgrammeState) -> str:
    progress = state.progress
    if progress is None or progress.adherence is None:
        return "adherence: nothing due yet"
    return f"adherence {progress.adherence:.0%} ({progress.done_to_date} of {progress.due_to_date} due so far)"


def weeks_text(weeks: tuple[int, ...]) -> str:
    return "complete weeks: " + (", ".join(str(week) for week in weeks) if weeks else "none yet")


def volume_text(volume_kg: float, unit: str) -> str:
    return f"{round(to_display(volume_kg, unit)):,} {unit}"


def knee_text(state: ProgrammeState, unit: str) -> str:
    knee = state.knee
    return (
        f"bent knee {knee.bent_reps:,} reps, {volume_text(knee.bent_kg, unit)}"
        f" · straight knee {knee.straight_reps:,} reps, {volume_text(knee.straight_kg, unit)}"
    )


def history_lines(state: ProgrammeState, unit: str) -> list[str]:
    """The running programme as History shows it, in three short lines; none without one."""
    plan, progress = state.plan, state.progress
    if plan is None or progress is None:
        return []
    where = f"all {plan.weeks} weeks done" if progress.finished else f"{week_text(plan)} · {plan.done_this_week} of {plan.due_this_week} this week"
    return [
        f"{plan.programme_name} · {where}",
        f"{adherence_text(state)} · {weeks_text(progress.complete_weeks)}",
        knee_text(state, unit),
    ]
