"""A short note for the workout in progress, checked as it is typed."""

from __future__ import annotations

from textual.binding import Binding

from soleus_tui.core.settings import parse_note
from soleus_tui.ui.widgets.value_dialog import Field, ValueDialog


class NoteScreen(ValueDialog[str]):
    BINDINGS = [Binding("escape", "cancel", "Close without keeping", id="note.cancel")]

    def __init__(self, note: str) -> None:
        super().__init__(
            "A note for this workout",
            Field(parse_note, "how it felt, which bench, anything to remember", note),
            cancel_id="note.cancel",
        )
