"""The user's `[keymap]` (settings.toml): checked against every binding the app has, then kept.

A remap names a binding by its id (`"train.count" = "k"`). An unknown id, or a key that would
then do two things on one screen, is a warning; that binding keeps its default.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Iterator, Mapping
from importlib import import_module

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

import soleus_tui.ui
from soleus_tui.ui.widgets.keys import APP_BINDINGS


def binding_owners() -> dict[str, list[Binding]]:
    """Every screen's and widget's own bindings, by class, from every module of the shell."""
    owners: dict[str, list[Binding]] = {}
    for module in pkgutil.walk_packages(soleus_tui.ui.__path__, "soleus_tui.ui."):
        for value in vars(import_module(module.name)).values():
            if isinstance(value, type) and issubclass(value, DOMNode) and value.__module__ == module.name:
                bindings = [b for b in vars(value).get("BINDINGS", []) if isinstance(b, Binding)]
                if bindings:
                    owners[f"{value.__module__}.{value.__qualname__}"] = bindings
    return owners


def _keys(binding: Binding, keymap: Mapping[str, str]) -> set[str]:
    keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
    return {key.strip() for key in keys.split(",")}


def _clashes(bindings: list[Binding], keymap: Mapping[str, str]) -> Iterator[tuple[str, set[str]]]:
    """Keys that would lead to more than one action on one screen, with the ids involved."""
    by_key: dict[str, set[str]] = {}
    for binding in bindings:
        for key in _keys(binding, keymap):
            by_key.setdefault(key, set()).add(binding.id or binding.action)
    for key, ids in by_key.items():
        if len(ids) > 1:
            yield key, ids


def check_keymap(wanted: Mapping[str, str], owners: Mapping[str, list[Binding]]) -> tuple[dict[str, str], list[str]]:
    """The remaps that can be kept, and a warning for each one that cannot."""
    keymap = App._normalize_keymap(dict(wanted))
    app_bindings = [b for b in APP_BINDINGS if isinstance(b, Binding)]
    known = {b.id for b in app_bindings if b.id} | {b.id for bs in owners.values() for b in bs if b.id}
    warnings = [f"keymap: there is no key '{name}'; see ? for the keys" for name in keymap if name not in known]
    keymap = {name: keys for name, keys in keymap.items() if name in known}
    scopes = [app_bindings, *([*app_bindings, *bindings] for bindings in owners.values())]
    for scope in scopes:
        for key, ids in _clashes(scope, keymap):
            for name in sorted(ids & keymap.keys()):
                warnings.append(f"keymap: '{name}' = {wanted.get(name)!r} clashes with {', '.join(sorted(ids - {name}))}; its default stays")
                del keymap[name]
    return keymap, warnings
