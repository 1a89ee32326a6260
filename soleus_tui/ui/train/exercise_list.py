"""Train: the catalog's exercises with last time's numbers; enter starts the highlighted one.

A workout can hold several exercises in a row: starting another while one runs moves the workout
on to it, and the runner's `n` does the same with the next one in the list. Starting never reads
the history here: the list's worker has read last times already.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
import textwrap

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import get_current_worker

from soleus_tui.core.catalog import Exercise
from soleus_tui.core.session import SetLog
from soleus_tui.core.train.suggestions import Suggestion
from soleus_tui.ui.train.runner import RunnerScreen
from soleus_tui.ui.train.runner_text import counts_text, history_lines, rest_text
from soleus_tui.ui.train.exercise_table import ExerciseTable

if TYPE_CHECKING:
    from soleus_tui.app import SoleusApp

LastTime = tuple[list[SetLog], Suggestion | None]


NARROW_NAME = 31  # characters of an exercise's name a line, below 80 columns


class TrainScreen(Screen[None]):
    app: SoleusApp
    CSS_PATH = "train.tcss"
    BINDINGS = [Binding("t", "capacity_test", "Test", id="test.open")]

    def __init__(self) -> None:
        super().__init__()
        self.last_times: dict[str, LastTime] = {}

    @property
    def narrow(self) -> bool:
        return self.app.size.width < 80

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="train-running", markup=False)
        table = ExerciseTable(cursor_type="row", id="exercises")
        table.add_column("Exercise", key="name")
        table.add_column("Knee", key="knee")
        table.add_column("Target", key="target")
        if not self.narrow:  # below 80 columns: last time is in the panel under the list, the rest in the runner
            table.add_column("Rest", key="rest")
            table.add_column("Last time", key="last")
        yield table
        yield Static(id="exercise-about", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Train"
        table = self.query_one(DataTable)
        for exercise in self.app.catalog:
            name = textwrap.wrap(exercise.name, NARROW_NAME) if self.narrow else [exercise.name]
            cells = [Text("\n".join(name)), f"{exercise.knee_angle}°", exercise.target_text]
            table.add_row(*cells, *([] if self.narrow else ["", "…"]), key=exercise.id, height=len(name))
        if self.app.trainer.workout is not None:  # resumed from an earlier run: straight back to it
            self.app.push_screen(RunnerScreen())

    def on_screen_resume(self) -> None:
        """Shown again: a workout may have started or ended, and settings may have changed."""
        table = self.query_one(DataTable)
        for exercise in self.app.catalog if not self.narrow else ():
            table.update_cell(exercise.id, "rest", rest_text(self.app.settings.rest_for(exercise.id, exercise.rest_s)))
        workout = self.app.trainer.workout
        running = self.query_one("#train-running", Static)
        running.display = workout is not None
        if workout is not None:
            running.update(
                f"In progress: {workout.plan.name}. Enter on it goes back to it; "
                "enter on another exercise adds it to this workout."
            )
        self.load_last_times()

    @property
    def highlighted(self) -> Exercise:
        return self.app.catalog.exercises[self.query_one(DataTable).cursor_row]

    # -- last time ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True)
    def load_last_times(self) -> None:
        """Reads the history files, which may be years deep: off the UI thread."""
        trainer = self.app.trainer
        lasts = trainer.last_times(exercise.id for exercise in self.app.catalog)
        found: dict[str, LastTime] = {
            exercise.id: (lasts[exercise.id], trainer.suggestion(exercise, lasts[exercise.id]))
            for exercise in self.app.catalog
        }
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_last_times, found)

    def show_last_times(self, found: dict[str, LastTime]) -> None:
        self.last_times = found
        table = self.query_one(DataTable)
        for exercise in self.app.catalog:
            if not self.narrow:
                table.update_cell(exercise.id, "last", counts_text(found[exercise.id][0]) or "none yet")
        self.show_about()
        self.app.show_warnings()

    def on_data_table_row_highlighted(self) -> None:
        self.show_about()

    def show_about(self) -> None:
        exercise = self.highlighted
        cues = "\n".join(f"· {cue}" for cue in exercise.cues)
        about = f"{exercise.why}\n\n{cues}"
        if exercise.id in self.last_times:
            last, suggestion = self.last_times[exercise.id]
            about = f"{history_lines(exercise, last, suggestion, self.app.settings.units)}\n\n{about}"
        self.query_one("#exercise-about", Static).update(about)

    # -- starting -------------------------------------------------------------------------------

    def resumed(self, resumed: bool | None) -> None:
        if resumed:
            self.app.push_screen(RunnerScreen())

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        exercise = self.app.catalog.get(str(event.row_key.value))
        assert exercise is not None
        trainer = self.app.trainer
        if not trainer.can_train:
            self.notify(
                "Another soleus-tui is training on this profile, so this one can only look. "
                "Finish or close the other one to train here.",
                title="Read-only",
                severity="warning",
            )
            return
        if trainer.deferred is not None and trainer.workout is None:
            from soleus_tui.ui.train.resume import ResumeScreen

            self.app.push_screen(ResumeScreen(trainer.deferred), self.resumed)  # decided first: nothing is overwritten
            return
        provisional = None
        if trainer.workout is None or trainer.workout.plan.id != exercise.id:
            known = self.last_times.get(exercise.id)
            provisional = None if known else exercise.id  # its load is set once the history is read
            trainer.start(exercise, load_kg=known[1].load_kg if known and known[1] else 0.0)
        self.app.push_screen(RunnerScreen(provisional))

    def action_capacity_test(self) -> None:
        from soleus_tui.ui.train.capacity_test import CapacityTestScreen

        self.app.push_screen(CapacityTestScreen())
