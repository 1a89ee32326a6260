"""The load typed in the user's unit, checked as it is typed; enter keeps it, escape does not."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from soleus_tui.core.settings import parse_load
from soleus_tui.core.units import to_display
from soleus_tui.ui.widgets.keys import key_label


class LoadScreen(ModalScreen[float | None]):
    """Dismissed with the load in kg, or None when cancelled."""

    CSS_PATH = "train.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="load.cancel")]

    def __init__(self, load_kg: float, unit: str) -> None:
        super().__init__()
        self.load_kg = load_kg
        self.unit = unit

    def compose(self) -> ComposeResult:
        shown = f"{to_display(self.load_kg, self.unit):.2f}".rstrip("0").rstrip(".")
        with Vertical(id="load-box"):
            yield Static(f"Load in {self.unit}", id="load-title", markup=False)
            yield Input(shown, placeholder=f"like 20 or 22.5 ({self.unit})", id="load-input")
            yield Static(id="load-reason", markup=False)
            yield Static(f"enter keeps it · {key_label(self, 'load.cancel')} cancels", id="load-hint", markup=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        _, reason = parse_load(event.value, self.unit)
        self.query_one("#load-reason", Static).update(reason)
        event.input.set_class(bool(reason), "-invalid")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        load_kg, reason = parse_load(event.value, self.unit)
        if load_kg is not None:
            self.dismiss(load_kg)
        else:
            self.query_one("#load-reason", Static).update(reason)

    def action_cancel(self) -> None:
        self.dismiss(None)
