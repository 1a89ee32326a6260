"""A short note for the workout in progress, checked as it is typed; enter keeps it, esc does not."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from soleus_tui.core.settings import parse_note


class NoteScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Close without keeping", id="note.cancel")]

    def __init__(self, note: str) -> None:
        super().__init__()
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static("A note for this workout", id="note-title")
            yield Input(self.note, placeholder="how it felt, which bench, anything to remember", id="note-input")
            yield Static(id="note-reason", markup=False)
            yield Static("enter keeps the note · esc closes without keeping it", id="note-hint")

    def on_input_changed(self, event: Input.Changed) -> None:
        _, reason = parse_note(event.value)
        self.query_one("#note-reason", Static).update(reason)
        event.input.set_class(bool(reason), "-invalid")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        note, _ = parse_note(event.value)
        if note is not None:
            self.dismiss(note)

    def action_cancel(self) -> None:
        self.dismiss(None)
