"""The home screen: the areas and their keys, and today's plan when a programme runs.

The plan is read in a thread worker: the first frame shows the menu and a placeholder line.
Static otherwise: it sends nothing while idle.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.markup import escape
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from soleus_tui.ui.widgets.keys import HIDDEN_AREA_BINDINGS, key_label

if TYPE_CHECKING:
    from soleus_tui.app import SoleusApp

if TYPE_CHECKING:  # the programme modules load with the plan, after the first frame
    from soleus_tui.core.programmes.state import ProgrammeState

TYPE_AHEAD_S = 0.1  # a key typed the moment home is drawn is in by then

AREAS = (  # binding id, name, what is there: short enough for 60 columns
    ("app.learn", "Learn", "the calf's anatomy, a bending leg, a quiz"),
    ("app.train", "Train", "bent-knee exercises, reps, rest timers"),
    ("app.history", "History", "workouts, streaks, bests, the weekly trend"),
    ("home.settings", "Settings", "units, bell, plain mode, rest, alerts"),
)


class HomeScreen(Screen[None]):
    app: SoleusApp
    BINDINGS = [
        Binding("s", "settings", "Settings", id="home.settings"),
        Binding("t", "today", "Today", id="home.today"),
        Binding("p", "programmes", "Programmes", id="home.programmes"),
        # The menu shows the area keys, so the footer keeps its room for this screen's own.
        *HIDDEN_AREA_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.state: ProgrammeState | None = None  # None until read
        self.away = False
        self.warned: set[str] = set()  # each warning once, not again on every return home

    def menu(self) -> str:
        """The areas with the keys in force: a [keymap] in settings changes them here too."""
        return "\n".join(
            f"[bold $text on $accent] {escape(key_label(self, key))} [/] [bold]{name:<9}[/] {what}"
            for key, name, what in AREAS
        )

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("The soleus: the deep calf muscle that holds a runner up.\n\n" + self.menu(), id="home")
        yield Static("Reading today's plan...", id="home-plan", markup=False)
        yield Static(
            "Training guidance, not medical advice. Stop for a sudden pop in the calf, "
            "swelling or pain that stays.",
            id="home-safety",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"profile {self.app.profile.root.name}"
        self.query_one("#home-plan").border_title = "Today"
        # Not before the first frame, and not ahead of a key typed at it: a 3 pressed at once opens
        # History on a processor of its own, and home reads its plan when it is back on screen.
        self.set_timer(TYPE_AHEAD_S, self.first_read)

    def on_screen_suspend(self) -> None:
        self.away = True

    def on_screen_resume(self) -> None:
        if self.away:  # back from a session or the programme list: the plan may have moved on
            self.away = False
            self.read_plan()

    def first_read(self) -> None:
        if self in self.app.screen_stack:  # still home's mode, if under a question
            self.read_plan()

    def read_plan(self) -> None:
        self.read_in_thread(self.app.clock.now().date())

    @work(thread=True, exclusive=True, group="home-plan")
    def read_in_thread(self, today: date) -> None:
        from soleus_tui.core.programmes.state import load_state

        try:
            state = load_state(self.app.profile, self.app.catalog, self.app.settings.units, today, pain=self.app.settings.pain)
        except OSError as error:
            self.app.call_from_thread(
                self.app.notify, f"Could not read today's plan: {error.strerror or error}", severity="error", markup=False
            )
            return
        self.app.call_from_thread(self.show_state, state)

    def show_state(self, state: ProgrammeState) -> None:
        self.state = state
        for warning in state.warnings:
            if warning not in self.warned:
                self.warned.add(warning)
                self.notify(warning, severity="warning", markup=False, timeout=10)
        panel = self.query_one("#home-plan", Static)
        panel.update(self.plan_text(state))
        # A plan of exercises takes the room there is; the few lines without one stay compact.
        panel.set_class(state.plan is not None and not (state.progress and state.progress.finished), "-plan")

    def plan_text(self, state: ProgrammeState) -> Text:
        from soleus_tui.core.programmes.text import NO_PROGRAMME, exercise_line, this_week_text, today_text, week_text

        labels = {name: key_label(self, f"home.{name}") for name in ("today", "programmes")}
        plan = state.plan
        if plan is None:
            return Text.assemble(
                f"{NO_PROGRAMME} ", (labels["programmes"], "bold"), " chooses one.\nThen ",
                (labels["today"], "bold"), " starts the day's planned session.",
            )  # fmt: skip
        text = Text()
        text.append(plan.programme_name, "bold")
        if state.progress is not None and state.progress.finished:
            text.append(f"\nall {plan.weeks} weeks are done · ")
            text.append(labels["programmes"], "bold")
            text.append(" chooses what comes next")
            return text
        text.append(f"\n{week_text(plan)} · {this_week_text(plan)} · {today_text(plan)}")
        for item in plan.exercises:
            line = exercise_line(item, self.app.settings.units)
            text.append(f"\n{line.name} · ")
            text.append(line.dose, "bold")
            text.append(f" · {line.load}" if line.load else "")
            if line.reason:
                text.append(f"\n  {line.reason}", "dim")
        text.append("\n")
        text.append(labels["today"], "bold")
        text.append(" starts today's session · ")
        text.append(labels["programmes"], "bold")
        text.append(" programmes")
        return text

    def action_settings(self) -> None:
        from soleus_tui.ui.shell.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())

    def action_programmes(self) -> None:
        from soleus_tui.ui.shell.programmes import ProgrammesScreen

        running = self.state.running.id if self.state and self.state.running else None
        self.app.push_screen(ProgrammesScreen(running))

    def action_today(self) -> None:
        plan = self.state.plan if self.state else None
        if plan is None:
            label = key_label(self, "home.programmes")
            self.notify(f"No programme is running: {label} chooses one.", markup=False)
            return
        from soleus_tui.core.train.trainer import ReadOnlyError

        try:
            self.app.trainer.start_plan(plan)
        except ReadOnlyError as error:
            self.notify(f"Cannot start: {error}.", severity="warning", markup=False)
            return
        except OSError as error:
            self.notify(f"Cannot save the workout: {error.strerror or error}", severity="error", markup=False)
            return
        self.app.switch_mode("train")
