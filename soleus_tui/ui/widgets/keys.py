"""The app's own keys, which every screen shares."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

APP_BINDINGS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    Binding("1", "switch_mode('learn')", "Learn", id="app.learn"),
    Binding("2", "switch_mode('train')", "Train", id="app.train"),
    Binding("3", "switch_mode('history')", "History", id="app.history"),
    Binding("question_mark", "help", "Keys", key_display="?", id="app.help"),
    Binding("escape", "go_back", "Back", show=False, id="app.back"),
    Binding("q", "quit", "Quit", show=False, id="app.quit"),  # in ? with every key; footers keep the room
    Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit-now"),
]

# The area keys for a screen that keeps its footer for its own keys: they work there as everywhere
# (the action goes to the app), out of the footer.
HIDDEN_AREA_BINDINGS = [
    replace(b, action=f"app.{b.action}", show=False)
    for b in APP_BINDINGS
    if isinstance(b, Binding) and b.show and b.key != "question_mark"
]


# Keys written as words: Textual's glyphs (⏎, ⌫) are not in every font. The arrows stay glyphs,
# short in a footer, except in plain mode, which is ASCII only.
KEY_WORDS = {"enter": "enter", "backspace": "backspace", "escape": "esc", "space": "space", "tab": "tab",
             "delete": "del"}  # fmt: skip
PLAIN_ARROWS = {"up": "up", "down": "down", "left": "<-", "right": "->"}


def key_word(key: str, plain: bool = False) -> str | None:
    """The word for a named key, with its modifiers: 'ctrl+enter'; None for keys Textual writes well."""
    *modifiers, name = key.split("+")
    word = KEY_WORDS.get(name) or (PLAIN_ARROWS.get(name) if plain else None)
    return "+".join([*modifiers, word]) if word else None


def binding_in_force(node: DOMNode, binding_id: str) -> Binding:
    """The binding with this id on the node or above it, with the key the user's [keymap] gave it."""
    # The keymap Textual applies (set_keymap), and the app's own if it keeps one.
    keymap: Mapping[str, str] = {**getattr(node.app, "_keymap", {}), **getattr(node.app, "keymap", {})}
    for owner in node.ancestors_with_self:
        for bindings in owner._bindings.key_to_bindings.values():
            for binding in bindings:
                if binding.id == binding_id:
                    if binding_id in keymap:
                        first = keymap[binding_id].split(",")[0].strip()
                        binding = replace(binding, key=first, key_display=None)
                    return binding
    raise KeyError(f"no binding {binding_id!r} above {node!r}")


def key_label(node: DOMNode, binding_id: str) -> str:
    """How the key in force for a binding is written on screen: its default, or the one the
    user's [keymap] gave it. Every hint that names a key asks here, never writes it by hand."""
    return node.app.get_key_display(binding_in_force(node, binding_id))


def key_hint(node: DOMNode, binding_id: str) -> str:
    """The key in force and what it does, as hints write them: `esc  cancel`."""
    return f"{key_label(node, binding_id)}  {binding_in_force(node, binding_id).description.lower()}"
