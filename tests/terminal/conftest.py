"""Everything here drives the installed app as a process, most of it inside tmux: marked
`terminal`, so `pytest -m "not terminal"` is the quick inner loop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.tmux import Tmux

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.terminal)


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    session = Tmux(tmp_path)
    yield session
    session.kill_server()


@pytest.fixture
def launch(tmux: Tmux, console_script: Path, data_dir: Path, tmp_path: Path):
    """Start soleus-tui from a folder that is not the project, as a new user would."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(exist_ok=True)

    def start(term: str = "xterm-256color", *extra: str, **env: str) -> Tmux:
        tmux.start(
            [str(console_script), "--data-dir", str(data_dir), *extra],
            env={"TERM": term, "PYTHONPATH": "", "NO_COLOR": "", **env},
            cwd=elsewhere,
        )
        tmux.wait_for("palette")  # the footer's end: drawn even when a question covers the menu
        return tmux

    return start
