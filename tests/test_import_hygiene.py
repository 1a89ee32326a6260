"""The core is pure: each of its modules imports in a fresh interpreter without textual or rich."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import soleus_tui.core

ROOT = Path(__file__).parents[1]
CORE_MODULES = sorted(m.name for m in pkgutil.walk_packages(soleus_tui.core.__path__, "soleus_tui.core."))
# One fresh interpreter imports the core module by module and says after which one a UI library appeared.
PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
    if {"textual", "rich"} & {loaded.split(".")[0] for loaded in sys.modules}:
        print(json.dumps(name))
        break
else:
    print(json.dumps(None))
"""


def test_the_core_has_the_modules_the_design_names() -> None:
    assert {"soleus_tui.core.catalog", "soleus_tui.core.train.workout", "soleus_tui.core.store",
            "soleus_tui.core.history.stats", "soleus_tui.core.session", "soleus_tui.core.train.trainer"} <= set(CORE_MODULES)


def test_no_core_module_imports_a_user_interface() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE, *CORE_MODULES], capture_output=True, text=True, cwd=ROOT, check=True)
    assert json.loads(result.stdout) is None


def test_the_version_needs_no_user_interface_either() -> None:
    """`soleus-tui --version` and `export` never pay for importing Textual."""
    probe = "import sys; from soleus_tui.cli import build_parser; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"
