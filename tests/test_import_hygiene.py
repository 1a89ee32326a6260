"""The core is pure: each of its modules imports in a fresh interpreter without textual or rich."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import soleus_tui.core

ROOT = Path(__file__).parents[1]
CORE_MODULES = sorted(f"soleus_tui.core.{m.name}" for m in pkgutil.iter_modules(soleus_tui.core.__path__))
PROBE = "import importlib, json, sys; importlib.import_module(sys.argv[1]); print(json.dumps(sorted(sys.modules)))"


def test_the_core_has_the_modules_the_design_names() -> None:
    names = {name.rsplit(".", 1)[1] for name in CORE_MODULES}
    assert {"catalog", "workout", "store", "stats", "session", "trainer"} <= names


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_no_user_interface(module: str) -> None:
    result = subprocess.run([sys.executable, "-c", PROBE, module], capture_output=True, text=True, cwd=ROOT, check=True)
    loaded = {name.split(".")[0] for name in json.loads(result.stdout)}
    assert not loaded & {"textual", "rich"}, module


def test_the_version_needs_no_user_interface_either() -> None:
    """`soleus-tui --version` and `export` never pay for importing Textual."""
    probe = "import sys; from soleus_tui.cli import build_parser; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"
