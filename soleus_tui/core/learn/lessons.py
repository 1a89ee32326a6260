"""The Learn lessons: Markdown files shipped in soleus_tui/content/lessons/, one page each."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable


class LessonFormatError(ValueError):
    """A lesson file that does not open with a '# Title' line."""


@dataclass(frozen=True)
class Lesson:
    name: str  # file name, e.g. "01-two-muscles-one-tendon.md"
    title: str  # from the first heading
    text: str  # the whole page, Markdown


def parse_lesson(name: str, text: str) -> Lesson:
    """The title is the first level-one heading; the page must have one before anything else."""
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith("# ") and line[2:].strip():
            return Lesson(name=name, title=line[2:].strip(), text=text)
        break
    raise LessonFormatError(f"{name}: a lesson must open with a '# Title' line")


def lesson_files() -> list[Traversable]:
    folder = files("soleus_tui.content").joinpath("lessons")
    return sorted((f for f in folder.iterdir() if f.name.endswith(".md")), key=lambda f: f.name)


def load_lessons() -> list[Lesson]:
    """Every lesson, in file-name order (the files are numbered)."""
    return [parse_lesson(f.name, f.read_text(encoding="utf-8")) for f in lesson_files()]


def load_sources() -> str:
    """The sources page, Markdown."""
    return files("soleus_tui.content").joinpath("sources.md").read_text(encoding="utf-8")
