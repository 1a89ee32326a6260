"""The set runner: one exercise at a time, the count big, the rest timed, every change saved at once.

Keys become calls on the workout through `trainer.act`, which saves before it returns; which keys
mean something now is the workout's to say (`Workout.allows`). Time acts through `tick`, which a
repaint interval calls while something on screen moves and which tests call after moving the
clock. Only text that changed is repainted: over SSH every byte counts.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Static
from textual.worker import get_current_worker

from soleus_tui.core.catalog import Exercise
from soleus_tui.core.train.suggestions import Suggestion
from soleus_tui.core.session import SetLog
from soleus_tui.core.train import alerts
from soleus_tui.core.train.trainer import SaveError
from soleus_tui.core.train.workout import Event, Phase, Workout
from soleus_tui.ui.train.readout import BigReadout, repaint
from soleus_tui.ui.train.runner_text import RunnerView, history_lines, rest_text, runner_view
from soleus_tui.ui.train.tempo_cue import TempoCue
from soleus_tui.ui.widgets.keys import HIDDEN_AREA_BINDINGS, key_label
from soleus_tui.ui.widgets.window_title import WindowTitle

if TYPE_CHECKING:
    from soleus_tui.app import SoleusApp

TICK_S = 0.25  # a repaint tick, never a measure of time: every time is read from the app's clock
RINGING = (Event.TARGET, Event.REST_OVER, Event.STAGE)
TEXT_LINES = {"name": "#runner-name", "where": "#runner-where", "load": "#runner-load", "load_keys": "#runner-load-keys",
              "rest": "#runner-rest", "rest_keys": "#runner-rest-keys", "logged": "#runner-logged",
              "note": "#runner-note"}  # fmt: skip
# The hints name these keys; each label is asked of the binding in force.
HINT_IDS = ("train.count", "train.log-set", "train.pace", "train.skip-rest", "train.next", "train.finish",
            "train.undo-set", "train.lighter", "train.heavier", "train.load", "train.more-rest", "train.less-rest",
            "train.details")  # fmt: skip
ACTIONS = ("count", "take_back", "log_set", "pace", "skip_rest", "undo_set", "next", "stage_bell")


class RunnerScreen(Screen[None]):
    app: SoleusApp
    CSS_PATH = "train.tcss"
    BINDINGS = [
        Binding("space", "count", "Count", id="train.count"),
        Binding("backspace", "take_back", "Take back a rep", show=False, id="train.take-back"),
        Binding("enter", "log_set", "Log set", id="train.log-set"),
        Binding("a", "pace", "Pace", id="train.pace"),
        Binding("s", "skip_rest", "Skip rest", id="train.skip-rest"),
        Binding("u", "undo_set", "Undo set", id="train.undo-set"),
        Binding("n", "next", "Next", id="train.next"),
        Binding("f", "finish", "Finish", id="train.finish"),
        # Shown beside the load and the rest they change, not in the footer.
        Binding("plus,equals_sign", "rest(15)", "Rest 15 s longer", show=False, key_display="+", id="train.more-rest"),
        Binding("minus", "rest(-15)", "Rest 15 s shorter", show=False, key_display="-", id="train.less-rest"),
        # , and . first: [ and ] need AltGr on many European keyboards.
        Binding("comma,left_square_bracket", "load(-1)", "Load a step down", show=False, id="train.lighter"),
        Binding("full_stop,right_square_bracket", "load(1)", "Load a step up", show=False, id="train.heavier"),
        Binding("l", "type_load", "Type the load", show=False, id="train.load"),
        Binding("v", "details", "Cues and tempo", show=False, id="train.details"),
        Binding("b", "stage_bell", "Bell each stage (paced)", show=False, id="train.stage-bell"),
        Binding("c", "note", "Note", show=False, id="train.note"),
        # The app's area keys work here as everywhere; hidden from the footer, which is kept for the workout.
        *HIDDEN_AREA_BINDINGS,
    ]

    def __init__(self, provisional: str | None = None) -> None:
        """`provisional`: the id of an exercise started before its last time was known; its
        starting load is set when the history has been read."""
        super().__init__()
        self.view: RunnerView | None = None
        self.keys_state: tuple[object, ...] = ()
        self.history_for: tuple[str, str] | None = None  # (exercise id, unit) of the lines shown
        self.known_load: dict[str, float] = {}  # the next exercise's starting load, worked out in the history worker
        self.provisional = provisional
        self.details = False  # cues and tempo shown even where they are folded away
        self.plain = False
        self.progress_shown: float | None = None
        self.asking = False  # the pain question is on screen

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
                    for line in ("load", "rest"):
                        yield Static(id=f"runner-{line}", classes="runner-setting", markup=False)
                        yield Static(id=f"runner-{line}-keys", classes="runner-keys", markup=False)
                    yield Static(id="runner-logged", markup=False)
            with Vertical(id="runner-bottom"):
                yield Static(id="runner-history", markup=False)
                yield Static(id="runner-note", markup=False)
        yield Footer(compact=True)
        yield WindowTitle()

    def on_mount(self) -> None:
        self.sub_title = "Train"
        self.ticker: Timer = self.set_interval(TICK_S, self.tick, pause=True)
        self.call_after_refresh(self.ask_pain)  # resumed with the question still open

    async def on_screen_resume(self) -> None:
        """Shown again (first time, or after a dialog): settings may have changed underneath."""
        if self.plain != self.app.plain:
            self.ticker.pause()  # the tick runs beside this handler: keep it off the half-built screen
            await self.recompose()
            self.history_for = None
        self.view = None
        self.show()
        self.ask_pain()  # back from another area with the question still open

    # -- time ---------------------------------------------------------------------------------------

    def tick(self) -> None:
        """Let the time that passed act on the workout, then repaint what changed. It runs on while
        another screen is shown, so the rest still rings, and that screen's header shows it."""
        self.hear(self.app.trainer.tick())
        self.show()
        self.ask_pain()  # a paced set logs itself at its target

    def hear(self, events: list[Event]) -> None:
        if any(event in RINGING for event in events):
            self.app.ring_bell()
        message = self._alert_text(events)
        if message and (sequence := alerts.notification(self.app.settings.notify, self.app.TITLE, message)):
            self.write_terminal(sequence)

    def _alert_text(self, events: list[Event]) -> str:
        workout = self.workout
        if workout is None:
            return ""
        if Event.REST_OVER in events:
            return f"Rest is over: {workout.plan.name}"
        if Event.TARGET in events:
            return f"Target reached: {workout.plan.name}"
        return ""

    def write_terminal(self, sequence: str) -> None:
        """Raw escapes only to a real terminal, and wrapped for tmux when inside it."""
        driver = self.app._driver  # Textual has no public call for raw output
        if driver is not None and not self.app.is_headless:
            driver.write(alerts.for_terminal(sequence, dict(os.environ)))

    # -- drawing -------------------------------------------------------------------------------

    @property
    def workout(self) -> Workout | None:
        return self.app.trainer.workout

    def labels(self) -> dict[str, str]:
        return {binding_id: key_label(self, binding_id) for binding_id in HINT_IDS}

    def show(self) -> None:
        workout = self.workout
        if workout is None:
            self._show_rest_elsewhere(None)
            return
        upcoming = self.app.trainer.upcoming()
        labels = self.labels()
        view = runner_view(workout, self.app.settings.units, upcoming.name if upcoming else None, labels, fold=not self.details)
        old = self.view
        repaint(self, old, view, TEXT_LINES)
        if old is None or old.cues != view.cues:
            folded = f"{labels['train.details']}  cues and tempo" if workout.plan.cues else ""
            self.query_one("#runner-cues", Static).update(view.cues or folded)
            self.query_one("#runner-cues").set_class(not view.cues, "-folded")
        tempo = self.query_one(TempoCue)
        tempo_wanted = not workout.plan.is_hold and (self.details or workout.phase is not Phase.REST)
        if tempo.display != tempo_wanted:
            tempo.display = tempo_wanted
        if old is None or (old.name, old.tempo, old.tempo_now) != (view.name, view.tempo, view.tempo_now):
            tempo.show(view.tempo_now, view.tempo)
        self.query_one(WindowTitle).text = view.window_title
        self._show_rest_elsewhere(view)
        self._show_progress(workout, view)
        if view.moving:
            self.ticker.resume()
        else:
            self.ticker.pause()
        self.view = view
        keys_state = (*(workout.allows(action) for action in ACTIONS), view.space_does, view.pace_does)
        if keys_state != self.keys_state:
            self.keys_state = keys_state
            self._describe("train.count", view.space_does)
            self._describe("train.pace", view.pace_does)
            self.refresh_bindings()
        if self.history_for != (workout.plan.id, self.app.settings.units):
            self.history_for = (workout.plan.id, self.app.settings.units)
            self.load_history(workout.plan, upcoming, self.app.settings.units)

    def _describe(self, binding_id: str, description: str) -> None:
        """The footer's word for a key whose meaning changes with the phase."""
        for key, bindings in self._bindings.key_to_bindings.items():
            self._bindings.key_to_bindings[key] = [
                replace(b, description=description) if b.id == binding_id else b for b in bindings
            ]

    def _show_rest_elsewhere(self, view: RunnerView | None) -> None:
        """Away from the runner, the header of whatever screen is shown carries the rest."""
        resting = view is not None and view.window_title is not None and not self.in_sight
        title = f"{self.app.TITLE} · {view.window_title}" if resting and view else self.app.TITLE
        if self.app.title != title:
            self.app.title = title

    @property
    def in_sight(self) -> bool:
        """On top, or under a dialog only."""
        stack = self.app.screen_stack
        return self in stack and all(isinstance(s, ModalScreen) for s in stack[stack.index(self) + 1 :])

    def _show_progress(self, workout: Workout, view: RunnerView) -> None:
        """The rest as the terminal tab's progress (OSC 9;4), when the settings ask for it."""
        if not self.app.settings.progress:
            return
        resting = workout.phase is Phase.REST and workout.rest_remaining() > 0
        fraction = view.readout.bar if resting else None
        if fraction != self.progress_shown:
            self.progress_shown = fraction
            self.write_terminal(alerts.progress(fraction))

    @work(thread=True, exclusive=True)
    def load_history(self, exercise: Exercise, upcoming: Exercise | None, unit: str) -> None:
        """Last time's sets come from the history files, which may be years deep: off the UI
        thread. The next exercise's are read in the same pass, so `n` need not read them."""
        trainer = self.app.trainer
        wanted = [exercise.id] + ([upcoming.id] if upcoming else [])
        lasts = trainer.last_times(wanted)
        suggestion = trainer.suggestion(exercise, lasts[exercise.id])
        loads = {exercise.id: suggestion.load_kg}
        if upcoming is not None:
            loads[upcoming.id] = trainer.starting_load(upcoming, lasts[upcoming.id])
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_history, exercise, unit, lasts[exercise.id], suggestion, loads)

    def show_history(
        self, exercise: Exercise, unit: str, last: list[SetLog], suggestion: Suggestion, loads: dict[str, float]
    ) -> None:
        self.known_load |= loads
        # A query, not query_one: the lines may be between two layouts (plain mode switched).
        for lines in self.query("#runner-history").results(Static):
            lines.update(history_lines(exercise, last, suggestion, unit))
        workout = self.workout
        if self.provisional == exercise.id and workout is not None and workout.plan.id == exercise.id:
            self.provisional = None
            if not workout.log.sets and not workout.in_progress:
                self.act(lambda w: w.set_load(round(loads[exercise.id], 4)))
        self.app.show_warnings()

    # -- keys ------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the keys that mean nothing now; grey the ones that will mean something in a moment."""
        workout = self.workout
        if workout is None:
            return action not in ACTIONS
        return workout.allows(action)

    def act(self, change: Callable[[Workout], Any]) -> None:
        """One change to the workout, saved before the screen shows it."""
        result = self.app.trainer.act(change)
        if isinstance(result, list):  # the calls that can ring say what happened; the rest return a flag
            self.hear(result)
        self.show()
        self.app.show_warnings()  # a save that failed, or works again
        self.ask_pain()

    def ask_pain(self) -> None:
        from soleus_tui.ui.train.pain import PainScreen

        workout = self.workout
        if workout is not None and workout.pain_pending and self.app.screen is self and not self.asking:
            self.asking = True
            self.app.push_screen(PainScreen(workout.plan.name), self.keep_pain)

    def keep_pain(self, pain: int | None) -> None:
        self.asking = False
        self.act(lambda workout: workout.answer_pain(pain))

    def action_count(self) -> None:
        self.act(Workout.count)

    def action_take_back(self) -> None:
        self.act(Workout.take_back_rep)

    def action_log_set(self) -> None:
        self.act(Workout.finish_set)

    def action_pace(self) -> None:
        self.act(Workout.toggle_paced)

    def action_stage_bell(self) -> None:
        self.act(Workout.toggle_stage_bell)
        assert self.workout is not None
        self.notify("A bell as each stage begins" if self.workout.stage_bell else "No bell for each stage")

    def action_skip_rest(self) -> None:
        self.act(Workout.skip_rest)

    def action_rest(self, seconds: int) -> None:
        """During rest it changes this rest only; otherwise the rest after each set of this
        exercise, for this workout (Settings keep the default): the note says which."""
        self.act(lambda workout: workout.adjust_rest(seconds))
        workout = self.workout
        assert workout is not None
        if workout.phase is Phase.REST:
            self.notify("This rest only.", title=f"Rest {'longer' if seconds > 0 else 'shorter'}", timeout=2)
        else:
            after = rest_text(workout.rest_s)
            self.notify(f"{after} after each set of this exercise, in this workout; Settings keep the default.",
                        title="Rest", timeout=3)  # fmt: skip

    def action_load(self, steps: int) -> None:
        unit = self.app.settings.units
        self.act(lambda workout: workout.step_load(steps, unit))

    def action_type_load(self) -> None:
        from soleus_tui.ui.train.load_input import LoadScreen

        assert self.workout is not None
        self.app.push_screen(LoadScreen(self.workout.load_kg, self.app.settings.units), self.keep_load)

    def keep_load(self, load_kg: float | None) -> None:
        if load_kg is not None:
            self.act(lambda workout: workout.set_load(load_kg))

    def action_details(self) -> None:
        self.details = not self.details
        self.show()

    def action_undo_set(self) -> None:
        taken = self.app.trainer.act(Workout.undo_set)
        if taken is not None:
            what = f"{taken.reps} reps, back on the counter" if taken.reps else f"a {taken.hold_s:g} s hold"
            self.notify(f"Took back the last set: {what}.", title="Undo")
        self.show()

    def action_next(self) -> None:
        """Never reads history here: the next exercise's last time came with this one's."""
        trainer = self.app.trainer
        upcoming = trainer.upcoming()
        load = self.known_load.get(upcoming.id) if upcoming else None
        if upcoming is not None and load is None:
            self.provisional = upcoming.id  # set when the history worker has worked it out
        self.say_dropped(trainer.next(0.0 if load is None else load))
        self.show()

    def say_dropped(self, dropped: list[str]) -> None:
        for what in dropped:
            self.notify(f"Not kept: {what}.", title="Not a set", severity="warning")

    def action_note(self) -> None:
        from soleus_tui.ui.train.note import NoteScreen

        assert self.workout is not None
        self.app.push_screen(NoteScreen(self.workout.notes), self.keep_note)

    def keep_note(self, note: str | None) -> None:
        if note is not None:
            self.act(lambda workout: workout.set_notes(note))

    def action_finish(self) -> None:
        from soleus_tui.ui.train.summary import SummaryScreen

        try:
            finished = self.app.trainer.finish()
        except SaveError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=15)
            return
        self.say_dropped(finished.dropped)
        self._show_rest_elsewhere(None)
        if self.progress_shown is not None:
            self.write_terminal(alerts.progress(None))
        self.dismiss()
        self.app.push_screen(SummaryScreen(finished))
