"""A VISA-A score typed in (0-100) for today; only the score is kept, never the questions."""

from __future__ import annotations

from textual.binding import Binding

from soleus_tui.core.pain.checkins import parse_visa_a
from soleus_tui.ui.widgets.value_dialog import Field, ValueDialog


class VisaAScreen(ValueDialog[int]):
    BINDINGS = [Binding("escape", "cancel", "Close without keeping", id="history.visa-a-cancel")]

    def __init__(self) -> None:
        super().__init__(
            "Today's VISA-A score",
            Field(parse_visa_a, "0 to 100"),
            cancel_id="history.visa-a-cancel",
            explanation="The total from a VISA-A questionnaire you filled in elsewhere, 0 to 100. "
            "soleus-tui keeps the score and its date, nothing else.",
        )
