"""Fixtures for the runner's tests: the small catalog on disk and an app built on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from soleus_tui.app import SoleusApp
from tests.support.catalogs import write_catalog
from tests.support.clock import ManualClock
from tests.support.runner import BELLS, CATALOG


@pytest.fixture
def catalog_file(tmp_path: Path) -> Path:
    return write_catalog(tmp_path / "exercises.toml", CATALOG)


@pytest.fixture
def app(data_dir: Path, catalog_file: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch) -> SoleusApp:
    app = SoleusApp(data_dir=data_dir, exercises=catalog_file, clock=clock)
    BELLS[id(app)] = 0
    monkeypatch.setattr(app, "bell", lambda: BELLS.__setitem__(id(app), BELLS[id(app)] + 1))
    return app
