"""The app's own keys, which every screen shares."""

from __future__ import annotations

from textual.binding import Binding

APP_BINDINGS = [
    Binding("1", "switch_mode('learn')", "Learn", id="learn"),
    Binding("2", "switch_mode('train')", "Train", id="train"),
    Binding("3", "switch_mode('history')", "History", id="history"),
    Binding("question_mark", "help", "Keys", key_display="?", id="help"),
    Binding("escape", "go_back", "Back", show=False, id="back"),
    Binding("q", "quit", "Quit", id="quit"),
    Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="quit-now"),
]

# The area keys, for screens that keep the footer for their own keys.
AREA_BINDINGS = [binding for binding in APP_BINDINGS if binding.show and binding.key != "question_mark"]
