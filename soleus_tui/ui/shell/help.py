"""`?`: every key of the screen underneath, its own first and then the app's, as now bound."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from soleus_tui.ui.widgets.keys import key_label

PALETTE = ("ctrl+p", "Command palette: find anything")


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "../widgets/dialogs.tcss"
    BINDINGS = [
        Binding("escape,question_mark", "dismiss", "Close", key_display="esc", id="help.close"),
        Binding("q", "app.quit", "Quit", id="app.quit"),
    ]

    def __init__(self, underneath: Screen[object]) -> None:
        super().__init__()
        self.rows = key_rows(underneath)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static("Keys on this screen", id="help-title")
            table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True, id="help-keys")
            table.add_columns("key", "does")
            table.add_rows(self.rows)
            yield table
            yield Static(f"{key_label(self, 'help.close')} or ? closes this", id="help-hint", markup=False)

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss()


def key_rows(screen: Screen[object]) -> list[tuple[str, str]]:
    """One row per thing done, all its keys together. Bindings without an id are Textual's own
    (focus moves, copy) and stay out."""
    app = screen.app
    rows: dict[str, tuple[list[str], str]] = {}
    chain = screen._binding_chain  # the keymap in force is applied here
    for node, bindings in [*(link for link in chain if link[0] is not app), *(link for link in chain if link[0] is app)]:
        for key, bound in bindings.key_to_bindings.items():
            for binding in bound:
                if binding.id is None or not binding.description:
                    continue
                label = binding.key_display if binding.key_display and binding.key == key else app.get_key_display(
                    Binding(key, binding.action)
                )
                keys, _ = rows.setdefault(binding.description, ([], binding.description))
                if label not in keys:
                    keys.append(label)
    table = [(", ".join(keys), does) for keys, does in rows.values()]
    return [*table, PALETTE]
