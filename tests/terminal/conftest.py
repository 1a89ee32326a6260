"""Everything here drives the installed app as a process, most of it inside tmux: marked
`terminal`, so `pytest -m "not terminal"` is the quick inner loop."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.terminal)
