"""A VISA-A score typed in (0-100) for today; only the score is kept, never the questions."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from soleus_tui.core.pain.checkins import parse_visa_a
from soleus_tui.ui.widgets.keys import key_label


class VisaAScreen(ModalScreen[int | None]):
    CSS_PATH = "history.tcss"
    BINDINGS = [Binding("escape", "cancel", "Close without keeping", id="history.visa-a-cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="visa-a-box"):
            yield Static("Today's VISA-A score", id="visa-a-title")
            yield Static(
                "The total from a VISA-A questionnaire you filled in elsewhere, 0 to 100. "
                "soleus-tui keeps the score and its date, nothing else.",
                id="visa-a-why",
            )
            yield Input(placeholder="0 to 100", id="visa-a-input")
            yield Static(id="visa-a-reason", markup=False)
            yield Static(id="visa-a-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#visa-a-hint", Static).update(f"{key_label(self, 'history.visa-a-cancel')}  close without keeping")

    def on_input_changed(self, event: Input.Changed) -> None:
        _, reason = parse_visa_a(event.value) if event.value else (None, "")
        self.query_one("#visa-a-reason", Static).update(reason)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        score, reason = parse_visa_a(event.value)
        if score is not None:
            self.dismiss(score)
        else:
            self.query_one("#visa-a-reason", Static).update(reason)

    def action_cancel(self) -> None:
        self.dismiss(None)
