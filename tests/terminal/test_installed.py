"""The installed console script, run from another folder as a new user would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from soleus_tui import __version__
from soleus_tui.core.history.export import CSV_COLUMNS

ROOT = Path(__file__).parents[2]


def run_installed(script: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SOLEUS_TUI_DATA_DIR")}
    return subprocess.run([str(script), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=60)


def test_installed_script_from_another_folder(console_script: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    version = run_installed(console_script, elsewhere, "--version")
    assert (version.returncode, version.stdout) == (0, f"soleus-tui {__version__}\n")
    export = run_installed(console_script, elsewhere, "--data-dir", str(tmp_path / "x"), "export", "--format", "csv")
    assert (export.returncode, export.stdout) == (0, ",".join(CSV_COLUMNS) + "\n")
    bad = run_installed(console_script, elsewhere, "--profile", "No Spaces", "export")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    (tmp_path / "file").write_text("")
    blocked = run_installed(console_script, elsewhere, "--data-dir", str(tmp_path / "file" / "d"), "export")
    assert blocked.returncode == 1 and str(tmp_path / "file") in blocked.stderr and "Traceback" not in blocked.stderr


def test_installed_package_is_not_the_source_tree(console_script: Path, tmp_path: Path) -> None:
    probe = (
        "import soleus_tui, importlib.resources as r; from soleus_tui.core.catalog import builtin_catalog;"
        "print(soleus_tui.__file__); print(len(builtin_catalog()))"
    )
    python = console_script.parent / "python"
    result = subprocess.run([str(python), "-I", "-c", probe], capture_output=True, text=True, cwd=tmp_path, check=True)
    location, count = result.stdout.split()
    assert "site-packages" in location and Path(location).parent != ROOT / "soleus_tui"
    assert int(count) >= 8
