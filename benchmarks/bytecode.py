"""Start-up is timed as an installed copy starts: with its bytecode compiled, as pip leaves it.

A warm-up run does not write the bytecode where PYTHONDONTWRITEBYTECODE is set: every timed run
would then compile the app's modules again, and the bare app, all of it Textual's, would not.
"""

from __future__ import annotations

import compileall
from pathlib import Path

import benchmarks
import soleus_tui


def compile_bytecode() -> None:
    for package in (soleus_tui, benchmarks):
        compileall.compile_dir(Path(package.__file__).parent, quiet=1)
