from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from soleus_tui.core.catalog import Exercise
from tests.support.clock import ManualClock
from soleus_tui.core.store import Profile


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads or writes the real data or config folders, and colour is on."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv("SOLEUS_TUI_DATA_DIR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def profile(data_dir: Path) -> Profile:
    return Profile.open(data_dir, "default")


def make_exercise(**changes: object) -> Exercise:
    fields: dict[str, object] = dict(
        id="seated-dumbbell-calf-raise",
        name="Seated dumbbell calf raise",
        kind="reps",
        knee_angle=90,
        sets=3,
        reps=12,
        hold_s=0.0,
        rest_s=90,
        tempo=(1, 2, 3),
        load="dumbbell",
        per_side=False,
        cues=("Dumbbell on the lower thigh",),
        why="Bent knee, soleus at work.",
    )
    fields.update(changes)
    return Exercise(**fields)  # type: ignore[arg-type]


@pytest.fixture
def reps_exercise() -> Exercise:
    return make_exercise()


@pytest.fixture
def hold_exercise() -> Exercise:
    return make_exercise(
        id="seated-isometric-hold", name="Seated isometric hold", kind="hold", reps=0, hold_s=30.0, sets=2, rest_s=60
    )


@pytest.fixture
def per_side_exercise() -> Exercise:
    return make_exercise(
        id="single-leg-bent-knee-raise", name="Single-leg bent-knee raise", per_side=True, sets=2, reps=10, rest_s=60
    )


@pytest.fixture(scope="session")
def console_script() -> Path:
    """The `soleus-tui` that `pip install .` put beside this interpreter (the README's set-up)."""
    script = Path(sys.executable).parent / "soleus-tui"
    assert script.exists(), "install the package first: pip install '.[test]' (see README)"
    return script


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 200 KB tmpfs. Mounting one needs root; without it, the core's fault tests (an injected
    writer failing with ENOSPC) cover the same code."""
    if os.geteuid() != 0:
        pytest.skip("a real full disk needs root to mount a tmpfs; the injected ENOSPC writer tests cover the same code")
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mount)]).returncode:
        pytest.skip("this machine refuses to mount a tmpfs; the injected ENOSPC writer tests cover the same code")
    yield mount
    subprocess.run(["umount", "-l", str(mount)])
