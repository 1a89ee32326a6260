"""The single-leg heel-raise test: set-up, a metronome per leg, the rest between, the result.

Keys become calls on the core test; time acts through `tick`, which a timer set to the next beat
calls (tests call it after moving the clock). The finished test is saved as a session file with
kind = "test" in a thread worker, which also reads the earlier tests for the change since then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from dataclasses import replace

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Static
from textual.worker import get_current_worker

from soleus_tui.core.capacity.protocol import Event, HeelRaiseTest, Stage
from soleus_tui.core.capacity.results import (
    CapacityResult,
    age_in,
    capacity_results,
    norm_for,
    previous_of_kind,
    result_of,
)
from soleus_tui.core.history.reader import HistoryReader
from soleus_tui.core.session import Session
from soleus_tui.ui.train.capacity_text import CapacityView, Line, capacity_view, result_lines
from soleus_tui.ui.train.metronome import Metronome
from soleus_tui.ui.train.readout import BigReadout, repaint
from soleus_tui.ui.widgets.keys import HIDDEN_AREA_BINDINGS, key_label

if TYPE_CHECKING:
    from soleus_tui.app import SoleusApp

SLACK_S = 0.02  # wake just after the beat, never just before it
TEXT_LINES = {"title": "#test-title", "where": "#test-where", "about": "#test-about"}
KEY_IDS = ("test.start", "test.stop", "test.resume", "test.straight", "test.bent", "test.skip-rest", "test.take-back",
           "test.bell")  # fmt: skip


class CapacityTestScreen(Screen[None]):
    app: SoleusApp
    CSS_PATH = "capacity.tcss"
    BINDINGS = [
        Binding("enter", "start", "Start the leg", id="test.start"),
        Binding("enter", "stop", "Stop", id="test.stop"),
        Binding("r", "resume", "Carry on", id="test.resume"),
        Binding("s", "choose('straight')", "Straight knee", id="test.straight"),
        Binding("b", "choose('bent')", "Bent knee", id="test.bent"),
        Binding("s", "skip_rest", "Skip rest", id="test.skip-rest"),
        Binding("backspace", "take_back", "Take back", id="test.take-back"),
        Binding("m", "bell", "Bell each raise", id="test.bell"),
        Binding("escape", "leave", "Leave the test", show=False, id="test.leave"),
        *HIDDEN_AREA_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.test = HeelRaiseTest(self.app.clock)
        self.bell_each_raise = False
        self.timer: Timer | None = None
        self.view: CapacityView | None = None
        self.result: CapacityResult | None = None
        self.keys_state: tuple[object, ...] = ()

    def compose(self) -> ComposeResult:
        plain = self.app.plain
        yield Header()
        with Vertical(id="test"):
            with Horizontal(id="test-top"):
                yield Static(id="test-title", markup=False)
                yield Static(id="test-where", markup=False)
            yield Static(id="test-about", markup=False)
            with Horizontal(id="test-middle"):
                yield BigReadout(plain, id="readout")
                yield Metronome(plain, id="metronome")
            yield Vertical(id="test-result")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Train · capacity test"
        self.keys = {binding_id: key_label(self, binding_id) for binding_id in KEY_IDS}
        self.query_one("#test-result").display = False
        self.show()
        settings = self.app.settings
        if settings.birth_year is None or settings.sex is None:
            self.ask_about_you_if_first()

    # -- drawing ----------------------------------------------------------------------------------

    def show(self) -> None:
        view = capacity_view(self.test, self.keys)
        repaint(self, self.view, view, TEXT_LINES)
        metronome = self.query_one(Metronome)
        if metronome.display != (self.test.stage is not Stage.READY):  # the set-up needs the room: nothing beats yet
            metronome.display = self.test.stage is not Stage.READY
        metronome.show(view.beat)
        keys_state = (self.test.stage, self.test.leg, self.test.knee)
        if keys_state != self.keys_state:  # the keys change with the stage; a footer redrawn each beat costs bytes
            self.keys_state = keys_state
            self.refresh_bindings()
        self.view = view
        if self.timer is not None:
            self.timer.stop()
        self.timer = self.set_timer(self.test.until_next_beat() + SLACK_S, self.tick) if view.moving else None

    def tick(self) -> None:
        self.hear(self.test.advance())
        self.show()

    def hear(self, events: list[Event]) -> None:
        if Event.REST_OVER in events or Event.PAUSED in events or (self.bell_each_raise and Event.RAISE in events):
            self.app.ring_bell()
        if Event.DONE in events:
            self.query_one("#test-middle").display = False
            self.save_and_compare(self.test.session())

    # -- keys -------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        stage = self.test.stage
        if action == "start":
            return stage is Stage.READY
        if action == "stop":
            return stage in (Stage.RAISING, Stage.PAUSED) or (None if stage is Stage.GET_READY else False)
        if action == "resume":
            return stage is Stage.PAUSED
        if action == "choose":
            return stage is Stage.READY and self.test.leg == 0 and parameters[0] != self.test.knee
        if action == "skip_rest":
            return stage is Stage.REST
        if action == "take_back":
            return stage in (Stage.RAISING, Stage.PAUSED, Stage.REST)
        if action == "bell":
            return stage not in (Stage.PAUSED, Stage.DONE)
        if action == "leave":  # once a leg has begun, leaving asks first; before and after, escape is back
            return self.test.started is not None and stage is not Stage.DONE
        return True

    def action_start(self) -> None:
        self.test.start_leg()
        self.show()

    def action_stop(self) -> None:
        self.hear(self.test.stop())
        self.show()

    def action_resume(self) -> None:
        self.test.resume()
        self.show()

    def action_choose(self, knee: str) -> None:
        self.test.choose(knee)
        self.show()

    def action_skip_rest(self) -> None:
        self.test.skip_rest()
        self.show()

    def action_take_back(self) -> None:
        self.test.take_back()
        self.show()

    def action_bell(self) -> None:
        self.hear(self.test.heard())
        self.bell_each_raise = not self.bell_each_raise
        self.notify(f"A bell each raise: {'on' if self.bell_each_raise else 'off'}", timeout=3)
        self.show()

    def action_leave(self) -> None:
        from soleus_tui.ui.widgets.confirm import ConfirmScreen

        question = ConfirmScreen(
            "Leave the test?", "The raises counted so far are not saved: a test is saved once both legs are done.",
            yes="Leave", no="Carry on",
        )  # fmt: skip
        self.app.push_screen(question, self.leave_if_confirmed)

    def leave_if_confirmed(self, confirmed: bool | None) -> None:
        if confirmed:
            if self.timer is not None:
                self.timer.stop()
            self.dismiss()
        else:  # carrying on is a key like any other: someone is there
            self.hear(self.test.heard())
            self.show()

    # -- the first test asks for the norms' details -------------------------------------------------

    @work(thread=True, exclusive=True, group="test-history")
    def ask_about_you_if_first(self) -> None:
        reader = HistoryReader(self.app.profile)
        first = not any(result_of(session) for _, session in reader.sessions())
        if first and not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.ask_about_you)

    def ask_about_you(self) -> None:
        from soleus_tui.ui.train.about_you import AboutYouScreen

        self.app.push_screen(AboutYouScreen(self.app.clock.now().year), self.keep_about_you)

    def keep_about_you(self, chosen: tuple[int | None, str | None] | None) -> None:
        if chosen is None or chosen == (None, None):
            return
        year, sex = chosen
        settings = self.app.settings
        try:
            self.app.update_settings(replace(settings, birth_year=year or settings.birth_year, sex=sex or settings.sex))
        except OSError as error:
            self.notify(f"Could not save the settings: {error.strerror or error}", severity="error", markup=False)

    # -- the result -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="test-save")
    def save_and_compare(self, session: Session) -> None:
        profile = self.app.profile
        try:
            path = profile.write_session(session)
        except OSError as error:
            message = f"Could not save the test in {profile.sessions_dir}: {error.strerror or error}"
            self.app.call_from_thread(self.notify, message, severity="error", markup=False, timeout=15)
            path = None
        reader = HistoryReader(profile)
        earlier = capacity_results(s for p, s in reader.sessions() if p != path)
        result = result_of(session)
        assert result is not None
        previous = previous_of_kind(earlier, result.knee, result.when)
        self.app.call_from_thread(self.show_result, result, previous, path.name if path else None)

    def show_result(self, result: CapacityResult, previous: CapacityResult | None, saved_as: str | None) -> None:
        self.result = result
        settings = self.app.settings
        age = age_in(result.when.year, settings.birth_year) if settings.birth_year else None
        norm = norm_for(age, settings.sex) if age is not None and settings.sex else None
        box = self.query_one("#test-result", Vertical)
        box.remove_children()
        lines = result_lines(result, previous, norm, age)
        lines.append((f"{key_label(self, 'app.back')}  back to the exercises", "muted"))
        box.mount_all(result_line(line) for line in lines)
        box.display = True
        if saved_as:
            self.notify(f"Saved to history as {saved_as}", title="Test saved", markup=False)


def result_line(line: Line) -> Static:
    text, tone = line
    return Static(text, classes=f"result-line -{tone or 'plain'}", markup=False)
