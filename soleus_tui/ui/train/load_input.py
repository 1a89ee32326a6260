"""The load typed in the user's unit, checked as it is typed."""

from __future__ import annotations

from textual.binding import Binding

from soleus_tui.core.settings import parse_load
from soleus_tui.core.units import to_display
from soleus_tui.ui.widgets.value_dialog import Field, ValueDialog


class LoadScreen(ValueDialog[float]):
    """Dismissed with the load in kg, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="load.cancel")]

    def __init__(self, load_kg: float, unit: str) -> None:
        shown = f"{to_display(load_kg, unit):.2f}".rstrip("0").rstrip(".")
        super().__init__(
            f"Load in {unit}",
            Field(lambda text: parse_load(text, unit), f"like 20 or 22.5 ({unit})", shown),
            cancel_id="load.cancel",
        )
