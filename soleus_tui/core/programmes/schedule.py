"""Weeks and due sessions from a programme's start date (DESIGN section 8).

Week N starts on day 7*(N-1) after the start. Only local dates count, so a change of clock
(daylight saving, a trip) moves nothing. A period that is not over yet counts as due only as far
as it was done: nothing is missed before its week (or, for a daily plan, its day) has ended.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from soleus_tui.core.programmes.model import Programme
from soleus_tui.core.session import Session


@dataclass(frozen=True)
class Progress:
    week: int  # 1-based; weeks + 1 once the programme is over
    weeks: int
    done_this_week: int
    due_this_week: int
    done_today: int
    due_today: int
    done_to_date: int
    due_to_date: int
    complete_weeks: tuple[int, ...]

    @property
    def finished(self) -> bool:
        return self.week > self.weeks

    @property
    def adherence(self) -> float | None:
        """Sessions done / sessions due so far; None while nothing was due yet."""
        return self.done_to_date / self.due_to_date if self.due_to_date else None


def week_of(started: date, day: date) -> int:
    return (day - started).days // 7 + 1


def week_start(started: date, week: int) -> date:
    return started + timedelta(days=7 * (week - 1))


def programme_days(programme_id: str, started: date, sessions: Iterable[Session], today: date) -> Counter[date]:
    """How many sessions of this run of the programme were done on each day."""
    return Counter(
        day
        for session in sessions
        if session.programme == programme_id and started <= (day := session.started.date()) <= today
    )


def progress(programme: Programme, started: date, sessions: Iterable[Session], today: date) -> Progress:
    days = programme_days(programme.id, started, sessions, today)
    current = max(week_of(started, today), 1)  # a clock set back before the start: still week 1
    last_day = week_start(started, programme.weeks + 1) - timedelta(days=1)
    done_to_date = due_to_date = 0
    complete = []
    for week in range(1, min(current, programme.weeks) + 1):
        first = week_start(started, week)
        week_days = [first + timedelta(days=n) for n in range(7)]
        if programme.per_day is not None:
            done = sum(min(days[d], programme.per_day) for d in week_days if d <= today)
            due = sum(programme.per_day if d < today else min(days[d], programme.per_day) for d in week_days if d <= today)
        else:
            done = min(sum(days[d] for d in week_days), programme.due_per_week)
            due = programme.due_per_week if today > week_days[-1] else done
        done_to_date += done
        due_to_date += due
        if done >= programme.due_per_week:
            complete.append(week)
    this_week = [week_start(started, current) + timedelta(days=n) for n in range(7)]
    in_programme = today <= last_day
    done_today = days[today]
    if programme.per_day is not None:
        due_today = programme.per_day if in_programme else 0
    else:
        left = programme.due_per_week - sum(days[d] for d in this_week)
        due_today = 1 if in_programme and (left > 0 or done_today) else 0
    return Progress(
        week=current if in_programme else programme.weeks + 1,
        weeks=programme.weeks,
        done_this_week=sum(days[d] for d in this_week) if in_programme else 0,
        due_this_week=programme.due_per_week if in_programme else 0,
        done_today=done_today,
        due_today=due_today,
        done_to_date=done_to_date,
        due_to_date=due_to_date,
        complete_weeks=tuple(complete),
    )
