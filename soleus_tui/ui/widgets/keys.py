"""The app's own keys, which every screen shares."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

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


def key_label(node: DOMNode, binding_id: str) -> str:
    """How the key in force for a binding is written on screen: its default, or the one the
    user's [keymap] gave it. Every hint that names a key asks here, never writes it by hand."""
    # The keymap Textual applies (set_keymap), and the app's own if it keeps one.
    keymap: Mapping[str, str] = {**getattr(node.app, "_keymap", {}), **getattr(node.app, "keymap", {})}
    for owner in node.ancestors_with_self:
        for bindings in owner._bindings.key_to_bindings.values():
            for binding in bindings:
                if binding.id == binding_id:
                    if binding_id in keymap:
                        first = keymap[binding_id].split(",")[0].strip()
                        binding = replace(binding, key=first, key_display=None)
                    return node.app.get_key_display(binding)
    raise KeyError(f"no binding {binding_id!r} above {node!r}")
