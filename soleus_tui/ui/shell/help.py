"""`?`: every key that works on the screen underneath, with what it does."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "../widgets/dialogs.tcss"
    BINDINGS = [
        Binding("escape,question_mark", "dismiss", "Close", key_display="esc"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    def __init__(self, bindings: Iterable[ActiveBinding]) -> None:
        super().__init__()
        self.rows = _key_rows(bindings)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static("Keys on this screen", id="help-title")
            table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True, id="help-keys")
            table.add_columns("key", "does")
            table.add_rows(self.rows)
            yield table
            yield Static("esc or ? closes this", id="help-hint")

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss()


def _key_rows(bindings: Iterable[ActiveBinding]) -> list[tuple[str, str]]:
    """One row per action, all its keys together, screen keys before the app's."""
    rows: dict[str, tuple[str, str]] = {}
    for active in bindings:
        binding: Binding = active.binding
        if not binding.description or not active.enabled:
            continue
        key = binding.key_display or active.node.app.get_key_display(binding)
        seen = rows.get(binding.description)
        rows[binding.description] = (f"{seen[0]}, {key}" if seen else key, binding.description)
    return list(rows.values())
