"""The programme list: name, weeks and schedule, with the source and the reason for the highlighted
one; `enter` starts it after a question, `x` stops the running one."""

from __future__ import annotations

from typing import TYPE_CHECKING
from dataclasses import replace

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from soleus_tui.core.programmes.model import Programme
from soleus_tui.core.programmes.running import start_running, stop_running
from soleus_tui.ui.widgets.confirm import ConfirmScreen
from soleus_tui.ui.widgets.keys import key_label

if TYPE_CHECKING:
    from soleus_tui.app import SoleusApp


class ProgrammeTable(DataTable[str]):
    """Enter is the table's own key, as on the exercise list: it is handled after the arrow keys
    typed before it, however fast they come, and the screen hears DataTable.RowSelected."""

    BINDINGS = [Binding("enter", "select_cursor", "Start", id="programmes.start")]


class ProgrammesScreen(Screen[None]):
    app: SoleusApp
    CSS_PATH = "programmes.tcss"
    BINDINGS = [Binding("x", "stop", "Stop the running one", id="programmes.stop")]

    def __init__(self, running_id: str | None) -> None:
        super().__init__()
        self.running_id = running_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield ProgrammeTable(cursor_type="row", id="programmes-table")
        yield Static(id="programme-about")
        yield Static(id="programmes-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Programmes"
        table = self.query_one(DataTable)
        table.add_column("Now", width=3)
        table.add_column("Programme", width=40)
        table.add_column("Weeks", width=5)
        table.add_column("Schedule", width=18)
        for programme in self.app.catalog.programmes:
            table.add_row(
                Text("yes" if programme.id == self.running_id else ""), Text(programme.name),
                Text(str(programme.weeks), justify="right"), Text(programme.schedule), key=programme.id,
            )
        table.focus()
        self.show_hint()
        self.show_about()

    def show_hint(self) -> None:
        start = key_label(self.query_one(ProgrammeTable), "programmes.start")
        hint = Text.assemble((start, "bold"), " starts the highlighted programme")
        if self.running_id:
            hint.append_text(Text.assemble(" · ", (key_label(self, "programmes.stop"), "bold"), " stops the running one"))
        self.query_one("#programmes-hint", Static).update(hint)

    def highlighted(self) -> Programme | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.app.catalog.programme(key) if key else None

    def on_data_table_row_highlighted(self) -> None:
        self.show_about()

    def show_about(self) -> None:
        programme = self.highlighted()
        about = self.query_one("#programme-about", Static)
        if programme is None:
            about.update("No programmes in the catalog.")
            return
        about.update(Text.assemble(
            ("Source    ", "bold"), programme.source, "\n",
            ("Why       ", "bold"), programme.why, "\n",
            ("Ask first ", "bold"), programme.clinician,
        ))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "stop":
            return self.running_id is not None
        return True

    # -- starting and stopping -------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        programme = self.app.catalog.programme(str(event.row_key.value))
        if programme is None:
            return
        replacing = f" It replaces {self.running_id}; its sessions stay in history." if self.running_id else ""
        pain = " It asks for pain after each exercise." if programme.pain else ""
        question = ConfirmScreen(
            f"Start {programme.name}?",
            f"{programme.weeks} weeks, {programme.schedule}, from today.{replacing}{pain}",
            "Start", "Not now",
        )
        self.app.push_screen(question, lambda yes: self.start_if_confirmed(programme, yes))

    def action_stop(self) -> None:
        if self.running_id is None:
            return
        question = ConfirmScreen(
            "Stop the running programme?", "Its sessions stay in history; you can start it again later.", "Stop", "Keep it"
        )
        self.app.push_screen(question, self.stop_if_confirmed)

    def start_if_confirmed(self, programme: Programme, yes: bool | None) -> None:
        if yes:
            self.write_start(programme)

    def stop_if_confirmed(self, yes: bool | None) -> None:
        if yes:
            self.write_stop()

    @work(thread=True, exclusive=True, group="programme-file")
    def write_start(self, programme: Programme) -> None:
        try:
            start_running(self.app.profile, programme.id, self.app.clock.now().date())
        except OSError as error:
            self.app.call_from_thread(self.failed, error)
            return
        self.app.call_from_thread(self.started, programme)

    @work(thread=True, exclusive=True, group="programme-file")
    def write_stop(self) -> None:
        try:
            stop_running(self.app.profile)
        except OSError as error:
            self.app.call_from_thread(self.failed, error)
            return
        self.app.call_from_thread(self.stopped)

    def started(self, programme: Programme) -> None:
        said = f"Started {programme.name}: week 1 of {programme.weeks} begins today."
        if programme.pain and not self.app.settings.pain:
            self.app.update_settings(replace(self.app.settings, pain=True))
            said += " Pain questions are now on (Settings)."
        self.notify(said, title="Programme", markup=False)
        self.app.pop_screen()

    def stopped(self) -> None:
        self.notify("Stopped the programme; its sessions stay in history.", title="Programme", markup=False)
        self.app.pop_screen()

    def failed(self, error: OSError) -> None:
        self.notify(f"Could not save programme.toml: {error.strerror or error}", severity="error", markup=False)
