"""NO_COLOR: a monochrome app that still shows every state by words and characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from soleus_tui.app import SoleusApp
from tests.support.clock import ManualClock
from tests.ui.train.test_train_snapshots import SnapCompare, steps, with_last_week


@pytest.fixture(autouse=True)
def _no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")


def monochrome(data_dir: Path) -> SoleusApp:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    assert app.no_color
    return app


def test_rest_overtime_reads_without_colour(snap_compare: SnapCompare, tmp_path: Path) -> None:
    with_last_week(tmp_path)
    script = steps("2", "enter", *["space"] * 12, "enter", 120.0, 14.0)
    assert snap_compare(monochrome(tmp_path), terminal_size=(80, 24), run_before=script)


def test_the_two_muscles_read_without_colour(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(monochrome(tmp_path), terminal_size=(80, 24), press=["1", "b"])
