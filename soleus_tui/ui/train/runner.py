"""The set runner: one exercise at a time, the count big, the rest timed, every change saved at once.

Keys become calls on the workout through `trainer.act`, which saves before it returns. Time acts
through `tick`, which a repaint interval calls while something on screen moves and which tests
call after moving the clock. Only text that changed is repainted: over SSH every byte counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import astuple, replace
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Static
from textual.worker import get_current_worker

from soleus_tui.core.catalog import Exercise
from soleus_tui.core.session import SetLog
from soleus_tui.core.history.stats import Suggestion
from soleus_tui.core.train.trainer import SaveError
from soleus_tui.core.train.workout import Event, Phase, Workout
from soleus_tui.ui.train.runner_text import RunnerView, exercise_done, history_lines, runner_view
from soleus_tui.ui.train.readout import BigReadout
from soleus_tui.ui.train.tempo_cue import TempoCue
from soleus_tui.ui.widgets.keys import AREA_BINDINGS
from soleus_tui.ui.widgets.window_title import WindowTitle

TICK_S = 0.25  # a repaint tick, never a measure of time: every time is read from the app's clock
RINGING = (Event.TARGET, Event.REST_OVER)
TEXT_LINES = {"name": "#runner-name", "where": "#runner-where", "cues": "#runner-cues", "load": "#runner-load",
              "rest": "#runner-rest", "logged": "#runner-logged", "note": "#runner-note"}  # fmt: skip
PHASE_KEYS = ("count", "take_back", "log_set", "pace", "skip_rest")


class RunnerScreen(Screen[None]):
    CSS_PATH = "train.tcss"
    BINDINGS = [
        Binding("space", "count", "Count", id="train.count"),
        Binding("backspace", "take_back", "Take back a rep", show=False, id="train.take-back"),
        Binding("enter", "log_set", "Log set", id="train.log-set"),
        Binding("a", "pace", "Pace", id="train.pace"),
        Binding("s", "skip_rest", "Skip rest", id="train.skip-rest"),
        # Shown beside the load and the rest they change, not in the footer.
        Binding("plus,equals_sign", "rest(15)", "Rest 15 s longer", show=False, key_display="+", id="train.more-rest"),
        Binding("minus", "rest(-15)", "Rest 15 s shorter", show=False, key_display="-", id="train.less-rest"),
        Binding("left_square_bracket", "load(-1)", "Load a step down", show=False, key_display="[", id="train.lighter"),
        Binding("right_square_bracket", "load(1)", "Load a step up", show=False, key_display="]", id="train.heavier"),
        Binding("n", "next", "Next exercise", id="train.next"),
        Binding("c", "note", "Note", show=False, id="train.note"),
        Binding("f", "finish", "Finish", id="train.finish"),
        # The app's area keys work here as everywhere; hidden from the footer, which is kept for the workout.
        *(replace(binding, action=f"app.{binding.action}", show=False) for binding in AREA_BINDINGS),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: RunnerView | None = None
        self.keys_state: tuple[bool | None, ...] = ()
        self.history_for: tuple[str, str] | None = None  # (exercise id, unit) of the lines shown
        self.plain = False

    # -- layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        self.plain = self.app.plain
        yield Header()
        with Vertical(id="runner"):
            with Horizontal(id="runner-top"):
                yield Static(id="runner-name", markup=False)
                yield Static(id="runner-where", markup=False)
            yield Static(id="runner-cues", markup=False)
            with Horizontal(id="runner-middle"):
                yield BigReadout(self.plain, id="readout")
                with Vertical(id="runner-side"):
                    yield TempoCue(self.plain, id="tempo")
                    for line, keys in (("load", "[ ]"), ("rest", "- +")):
                        with Horizontal(classes="runner-setting"):
                            yield Static(id=f"runner-{line}", markup=False)
                            yield Static(keys, classes="runner-keys", markup=False)
                    yield Static(id="runner-logged", markup=False)
            with Vertical(id="runner-bottom"):
                yield Static(id="runner-history", markup=False)
                yield Static(id="runner-note", markup=False)
        yield Footer(compact=True)
        yield WindowTitle()

    def on_mount(self) -> None:
        self.sub_title = "Train"
        self.ticker: Timer = self.set_interval(TICK_S, self.tick, pause=True)

    async def on_screen_resume(self) -> None:
        """Shown again (first time, or after a dialog): settings may have changed underneath."""
        if self.plain != self.app.plain:
            self.ticker.pause()  # the tick runs beside this handler: keep it off the half-built screen
            await self.recompose()
            self.history_for = None
        self.view = None
        self.show()

    # -- time ---------------------------------------------------------------------------------------

    def tick(self) -> None:
        """Let the time that passed act on the workout, then repaint what changed."""
        self.hear(self.app.trainer.tick())
        self.show()

    def hear(self, events: list[Event]) -> None:
        if any(event in RINGING for event in events):
            self.app.ring_bell()

    # -- drawing -------------------------------------------------------------------------------

    @property
    def workout(self) -> Workout | None:
        return self.app.trainer.workout

    def show(self) -> None:
        workout = self.workout
        if workout is None:
            return
        view = runner_view(workout, self.app.settings.units, self.app.catalog.after(workout.plan.id).name)
        old = self.view
        for field, selector in TEXT_LINES.items():
            if old is None or getattr(old, field) != getattr(view, field):
                self.query_one(selector, Static).update(getattr(view, field))
        if old is None or old.readout != view.readout:
            self.query_one(BigReadout).show(*astuple(view.readout))
        if old is None or (old.name, old.tempo, old.tempo_now) != (view.name, view.tempo, view.tempo_now):
            tempo = self.query_one(TempoCue)
            tempo.display = not workout.plan.is_hold
            tempo.show(view.tempo_now, view.tempo)
        self.query_one(WindowTitle).text = view.window_title
        if view.moving:
            self.ticker.resume()
        else:
            self.ticker.pause()
        self.view = view
        keys_state = tuple(self.check_action(action, ()) for action in PHASE_KEYS)
        if keys_state != self.keys_state:
            self.keys_state = keys_state
            self.refresh_bindings()
        if self.history_for != (workout.plan.id, self.app.settings.units):
            self.history_for = (workout.plan.id, self.app.settings.units)
            self.load_history(workout.plan, self.app.settings.units)

    @work(thread=True, exclusive=True)
    def load_history(self, exercise: Exercise, unit: str) -> None:
        """Last time's sets come from the history files, which may be years deep: off the UI thread."""
        trainer = self.app.trainer
        last = trainer.last_time(exercise.id)
        suggestion = trainer.suggestion(exercise, last)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_history, exercise, unit, last, suggestion)

    def show_history(self, exercise: Exercise, unit: str, last: list[SetLog], suggestion: Suggestion | None) -> None:
        # A query, not query_one: the lines may be between two layouts (plain mode switched).
        for lines in self.query("#runner-history").results(Static):
            lines.update(history_lines(exercise, last, suggestion, unit))
        self.app.show_warnings()

    # -- keys ------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the keys that mean nothing now; grey the ones that will mean something in a moment."""
        workout = self.workout
        if workout is None:
            return action not in PHASE_KEYS
        counting = workout.phase is Phase.SET
        done = exercise_done(workout)
        if action == "count":
            return not done
        if action == "take_back":
            return True if counting and workout.reps else (None if counting and not done else False)
        if action == "log_set":
            return True if workout.in_progress else (None if counting and not done else False)
        if action == "pace":
            return not workout.plan.is_hold and not done
        if action == "skip_rest":
            return workout.phase in (Phase.REST, Phase.SWITCH)
        return True

    def act(self, change: Callable[[Workout], Any]) -> None:
        """One change to the workout, saved before the screen shows it."""
        result = self.app.trainer.act(change)
        if isinstance(result, list):  # the calls that can ring say what happened; the rest return a flag
            self.hear(result)
        self.show()
        self.app.show_warnings()  # a save that failed, or works again

    def action_count(self) -> None:
        self.act(Workout.press_space)

    def action_take_back(self) -> None:
        self.act(Workout.take_back_rep)

    def action_log_set(self) -> None:
        self.act(Workout.finish_set)

    def action_pace(self) -> None:
        self.act(Workout.toggle_paced)

    def action_skip_rest(self) -> None:
        self.act(Workout.skip_rest)

    def action_rest(self, seconds: int) -> None:
        self.act(lambda workout: workout.adjust_rest(seconds))

    def action_load(self, steps: int) -> None:
        unit = self.app.settings.units
        self.act(lambda workout: workout.step_load(steps, unit))

    def action_next(self) -> None:
        assert self.workout is not None
        self.app.trainer.start(self.app.catalog.after(self.workout.plan.id))
        self.show()

    def action_note(self) -> None:
        from soleus_tui.ui.train.note import NoteScreen

        assert self.workout is not None
        self.app.push_screen(NoteScreen(self.workout.notes), self.keep_note)

    def keep_note(self, note: str | None) -> None:
        if note is not None:
            self.act(lambda workout: workout.set_notes(note))

    def action_finish(self) -> None:
        try:
            path = self.app.trainer.finish()
        except SaveError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=15)
            return
        if path is None:
            self.notify("Nothing was logged, so nothing was saved.", title="Workout finished")
        else:
            self.notify(f"Saved to history as {path.name}", title="Workout finished", markup=False)
        self.dismiss()
