"""The workout in progress and the profile it is saved to: every change is on disk at once."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from soleus_tui.core.catalog import Catalog, Exercise
from soleus_tui.core.clock import Clock, StoppedClock
from soleus_tui.core.history.reader import NewestSessions
from soleus_tui.core.programmes.plan import PlannedExercise, TodayPlan
from soleus_tui.core.session import Session, SetLog
from soleus_tui.core.settings import Settings
from soleus_tui.core.pain.checkins import this_morning
from soleus_tui.core.pain.rules import pain_adjusted
from soleus_tui.core.programmes.today import target, target_of
from soleus_tui.core.train.loads import load_step
from soleus_tui.core.train.suggestions import LoadStep, Performance, Suggestion, last_time, performances, suggest
from soleus_tui.core.store import UNREADABLE, Profile
from soleus_tui.core.train.saved import NewerSchemaError, SavedWorkoutError, check_saved_workout
from soleus_tui.core.train.workout import Event, Workout

# How far back "last time" looks: enough for months of mixed workouts, cheap with years on disk.
LAST_TIME_LOOKBACK = 120


class ReadOnlyError(Exception):
    """Another instance is training on this profile."""


class SaveError(OSError):
    """The finished workout could not be written; it is still in memory and in current.toml."""


@dataclass(frozen=True)
class Finished:
    session: Session
    path: Path | None  # None: nothing was logged, so nothing was written
    dropped: list[str]  # what was in progress and was not a real set


@dataclass
class Trainer:
    profile: Profile
    catalog: Catalog
    settings: Settings
    clock: Clock
    can_train: bool = True
    workout: Workout | None = None
    warnings: list[str] = field(default_factory=list)
    unsaved: str | None = None  # why the last save failed, while saves keep failing
    deferred: dict[str, Any] | None = None  # a saved workout the user will decide on later

    # -- a saved workout from an earlier run ------------------------------------------------------

    def saved_workout(self) -> dict[str, Any] | None:
        """The checked table in current.toml, or None. A file that cannot be used goes to
        quarantine; one from a newer version stays as it is and this profile is read-only here;
        one with nothing counted in it is not worth a question: it is cleared."""
        try:
            table = self.profile.load_current()
            if table is None:
                return None
            table = check_saved_workout(table)
            workout = Workout.from_dict(table, self.clock)
        except NewerSchemaError as error:
            self._read_only(f"{self.profile.current_path} is left as it is ({error}): you can look, not train")
            return None
        except (*UNREADABLE, SavedWorkoutError, KeyError, ValueError, TypeError) as error:
            try:
                moved = self.profile.quarantine(self.profile.current_path)
            except OSError as failure:
                self._read_only(f"The saved workout could not be read ({error}) nor moved aside "
                                f"({_reason(failure)}): it is left in place and you can look, not train")
            else:
                self.warnings.append(f"The saved workout could not be read ({error}); moved it to quarantine/{moved.name}")
            return None
        if not (workout.logbook.has_logged_set or workout.in_progress or workout.notes):
            try:
                self.profile.clear_current()
            except OSError as error:
                self.warnings.append(f"{self.profile.current_path} could not be removed: {_reason(error)}")
            return None
        return table

    def _read_only(self, why: str) -> None:
        self.can_train = False
        self.profile.read_only = True
        self.warnings.append(why)

    def discard_saved(self) -> Path:
        """Set the saved workout aside without finishing it: moved to quarantine/, never deleted."""
        self._require_lock()
        return self.profile.quarantine(self.profile.current_path)

    def resume(self, table: dict[str, Any]) -> Workout:
        self._require_lock()
        self.workout = Workout.from_dict(table, self.clock)
        self.workout.interrupt()
        self.save()
        return self.workout

    def finish_saved(self, table: dict[str, Any]) -> Path | None:
        """Close an interrupted workout as it stood when it was last saved, without resuming it:
        the time the app was closed is neither held, nor paced, nor rest."""
        self._require_lock()
        as_saved = StoppedClock(table["runner"]["saved_at"])
        self.workout = Workout.from_dict(table, as_saved)
        return self.finish().path

    # -- training ---------------------------------------------------------------------------------

    def start(self, exercise: Exercise, last: list[SetLog] | None = None, load_kg: float | None = None) -> Workout:
        """Begin a workout with this exercise, or move the running one on to it. `last`, when the
        caller has already read it, saves reading the history again; `load_kg`, when the caller
        has worked out the starting load (in a worker), saves all of it."""
        self._require_lock()
        self._keep_deferred()
        load = self.starting_load(exercise, last) if load_kg is None else load_kg
        rest = self.settings.rest_for(exercise.id, exercise.rest_s)
        if self.workout is None:
            self.workout = Workout.start(self.clock, exercise, load, rest)
        else:
            self.workout.next_exercise(exercise, load, rest)
        self.workout.ask_pain = self.settings.pain
        self.save()
        return self.workout

    def start_plan(self, plan: TodayPlan, last: list[SetLog] | None = None) -> Workout:
        """Begin today's programme session with its first planned exercise. `last` is that
        exercise's last time, when the caller has read it (from a worker)."""
        self._require_lock()
        self._keep_deferred()
        first = plan.exercises[0]
        load = self._planned_load(first, last)
        self.workout = Workout.follow(self.clock, plan, load, self._planned_rest(first.exercise))
        self.workout.ask_pain = self.settings.pain
        self.save()
        return self.workout

    def upcoming(self) -> Exercise | None:
        """Where `n` goes: the next planned exercise in a programme session (None after the last
        one), otherwise the next exercise of the list."""
        assert self.workout is not None
        if self.workout.queue is not None:
            planned = self.workout.upcoming
            return planned.exercise if planned else None
        return self.catalog.after(self.workout.plan.id)

    def next(self, load_kg: float | None = None) -> list[str]:
        """`n`: on to the upcoming exercise, or today's session is done. What was dropped on the
        way. `load_kg` is the upcoming exercise's starting load when the caller has worked it out
        (in a worker); a programme's suggestion comes first, and without either the history is read."""
        self._require_lock()
        assert self.workout is not None
        exercise = self.upcoming()
        planned = self.workout.upcoming
        if exercise is None:
            dropped = self.workout.end_today()
        elif planned is not None:
            load = self._planned_load(planned, None) if planned.suggestion or load_kg is None else load_kg
            dropped = self.workout.next_exercise(exercise, load, self._planned_rest(exercise))
        else:
            rest = self.settings.rest_for(exercise.id, exercise.rest_s)
            load = self.starting_load(exercise) if load_kg is None else load_kg
            dropped = self.workout.next_exercise(exercise, load, rest)
        self.workout.ask_pain = self.settings.pain
        self.save()
        return dropped

    def _planned_load(self, planned: PlannedExercise, last: list[SetLog] | None) -> float:
        """The plan's suggestion came with it; only without one is history asked."""
        if planned.suggestion is not None:
            return round(planned.suggestion.load_kg, 4)
        return self.starting_load(planned.exercise, last)

    def _planned_rest(self, exercise: Exercise) -> int:
        """A programme's rest is part of the protocol; only turning rest off overrides it."""
        return exercise.rest_s if self.settings.rest_enabled else 0

    def act(self, change: Callable[[Workout], Any]) -> Any:
        """Apply one change to the workout and save it before anything else happens. A save that
        fails keeps the change in memory and says so once in `warnings`; every save retries."""
        assert self.workout is not None
        result = change(self.workout)
        self.save()
        return result

    def tick(self) -> list[Event]:
        """Let time act on the workout; saved only when it changed something."""
        if self.workout is None:
            return []
        events = self.workout.advance()
        if events:
            self.save()
        return events

    def save(self) -> bool:
        """Write current.toml; False when it could not be written (the reason is in `warnings`
        the first time, and `unsaved` until a save works again)."""
        if self.workout is None:
            return True
        try:
            self.profile.save_current(self.workout.to_dict())
        except OSError as error:
            self._failed(f"The workout could not be saved to {self.profile.current_path}: {_reason(error)}. "
                         "It is kept here and saved again with the next change.")
            return False
        if self.unsaved is not None:
            self.unsaved = None
            self.warnings.append(f"The workout is saved again to {self.profile.current_path}.")
        return True

    def finish(self) -> Finished:
        """Write the workout to sessions/ (if any set was logged) and clear current.toml. When the
        session cannot be written, raise SaveError and keep the workout and current.toml."""
        assert self.workout is not None
        dropped = self.workout.close()
        session = self.workout.finish()
        try:
            path = self.profile.write_session(session) if session.exercises else None
        except OSError as error:
            self.save()
            folder = self.profile.sessions_dir / f"{session.started:%Y}"
            raise SaveError(f"The workout could not be saved to {error.filename or folder}: {_reason(error)}. "
                            "It is still open: finishing again retries.") from None
        try:
            self.profile.clear_current()
        except OSError as error:
            self.warnings.append(f"Saved, but {self.profile.current_path} could not be removed: {_reason(error)}")
        self.workout = None
        self.unsaved = None
        return Finished(session, path, dropped)

    def _failed(self, message: str) -> None:
        if self.unsaved is None:
            self.warnings.append(message)
        self.unsaved = message

    # -- what last time says ----------------------------------------------------------------------

    def last_times(self, exercise_ids: Iterable[str]) -> dict[str, list[SetLog]]:
        """Each exercise's sets from its most recent session, in one pass over the newest files."""
        wanted, found = set(exercise_ids), dict[str, list[SetLog]]()
        newest = NewestSessions(self.profile, LAST_TIME_LOOKBACK)
        for session in newest:
            for exercise_id in wanted - found.keys():
                if sets := last_time([session], exercise_id):
                    found[exercise_id] = sets
            if found.keys() == wanted:
                break
        self.warnings += newest.warnings()
        return {exercise_id: found.get(exercise_id, []) for exercise_id in wanted}

    def last_time(self, exercise_id: str) -> list[SetLog]:
        return self.last_times([exercise_id])[exercise_id]

    def suggestion(self, exercise: Exercise, last: list[SetLog] | None = None, rm: bool = False) -> Suggestion:
        """What to try today. `last`, when the caller has read it, is used as it is if it is empty
        (never done) or complete; otherwise the history is read back to the last complete performance."""
        today = target(exercise)
        given = Performance(tuple(s for s in last if not s.warmup), today) if last else None
        newest = NewestSessions(self.profile, LAST_TIME_LOOKBACK)
        if last is not None and (given is None or given.complete):
            history = [given] if given is not None else []
        else:
            history = performances(newest, exercise.id, target_of(self.catalog, exercise))
        step = load_step(exercise, self.settings.units)  # the same steps as the runner's load keys
        hint = self.with_pain(suggest(history, today, exercise.load, step, rm), exercise, step, newest)
        self.warnings += newest.warnings()
        return hint

    def with_pain(
        self, suggestion: Suggestion, exercise: Exercise, step: LoadStep, newest: Iterable[Session]
    ) -> Suggestion:
        """The pain-monitoring rules on top of the progression (DESIGN section 10): with the pain
        setting on, the newest session with this exercise in `newest` (sessions newest first) and
        this morning's check-in are read. Today's plan applies the same rules."""
        if not self.settings.pain:
            return suggestion
        morning, problems = this_morning(self.profile, self.clock.now().date())
        self.warnings += problems
        return pain_adjusted(suggestion, newest, exercise.id, target(exercise).reps, morning, step)

    def starting_load(self, exercise: Exercise, last: list[SetLog] | None = None) -> float:
        return self.suggestion(exercise, last).load_kg

    def _keep_deferred(self) -> None:
        """A new workout would overwrite the one left for later: that one goes to history first."""
        if self.deferred is not None and self.workout is None:
            table, self.deferred = self.deferred, None
            if self.finish_saved(table) is not None:
                self.warnings.append("The workout left unfinished earlier was saved to history first.")

    def _require_lock(self) -> None:
        if not self.can_train:
            raise ReadOnlyError("another soleus-tui is training on this profile")


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
