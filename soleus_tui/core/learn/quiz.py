"""The quiz: its question bank (quiz.toml in the package), a run through it, and kept scores.

Scores live in the profile's quiz.toml:

    schema = 1
    [[scores]]
    score = 12
    total = 15
    when = 2026-11-24T07:30:12+01:00
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

import tomli_w

from soleus_tui.core.store import UnreadableFile, atomic_write_text, read_toml

SCHEMA = 1
LETTERS = "abcd"


class QuizBankError(ValueError):
    """A question bank that cannot be asked: the message says which question and why."""


class ScoreFileError(ValueError):
    """A scores file that is not readable TOML."""


class NewerScoresError(ScoreFileError):
    """A scores file from a newer version: read, never rewritten."""


@dataclass(frozen=True)
class Question:
    prompt: str
    options: tuple[str, ...]
    answer: str  # the text of the right option
    why: str
    lesson: int  # the lesson that teaches it, numbered from 1

    @property
    def answer_index(self) -> int:
        return self.options.index(self.answer)


def question_from_dict(table: Any, number: int) -> Question:
    where = f"question {number}"
    if not isinstance(table, dict):
        raise QuizBankError(f"{where}: not a table")
    texts: dict[str, str] = {}
    for key in ("prompt", "answer", "why"):
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            raise QuizBankError(f"{where}: '{key}' must be a non-empty string")
        texts[key] = value
    options = table.get("options")
    if not isinstance(options, list) or not 2 <= len(options) <= len(LETTERS):
        raise QuizBankError(f"{where}: 'options' must list 2 to {len(LETTERS)} answers")
    if not all(isinstance(o, str) and o.strip() for o in options) or len(set(options)) != len(options):
        raise QuizBankError(f"{where}: options must be distinct, non-empty strings")
    if texts["answer"] not in options:
        raise QuizBankError(f"{where}: the answer is not one of its options")
    lesson = table.get("lesson")
    if type(lesson) is not int or lesson < 1:
        raise QuizBankError(f"{where}: 'lesson' must be the number of the lesson that teaches it (1, 2, ...)")
    return Question(
        prompt=texts["prompt"], options=tuple(options), answer=texts["answer"], why=texts["why"], lesson=lesson
    )


def parse_bank(text: str) -> list[Question]:
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise QuizBankError(f"quiz bank: {error}") from None
    items = table.get("question")
    if not isinstance(items, list) or not items:
        raise QuizBankError("quiz bank: no [[question]] tables")
    return [question_from_dict(item, number) for number, item in enumerate(items, 1)]


def load_bank() -> list[Question]:
    """The built-in questions, in the order they are asked."""
    return parse_bank(files("soleus_tui.content").joinpath("quiz.toml").read_text(encoding="utf-8"))


@dataclass
class QuizRun:
    """One pass through the questions; `given` holds the option index chosen for each."""

    questions: list[Question]
    given: list[int] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return len(self.given) == len(self.questions)

    @property
    def current(self) -> Question | None:
        return None if self.finished else self.questions[len(self.given)]

    @property
    def score(self) -> int:
        return sum(q.answer_index == choice for q, choice in zip(self.questions, self.given))

    @property
    def total(self) -> int:
        return len(self.questions)

    def missed(self) -> list[tuple[Question, int]]:
        """The questions answered wrongly so far, in the order asked, each with the option chosen."""
        return [(q, choice) for q, choice in zip(self.questions, self.given) if choice != q.answer_index]

    def answer(self, choice: int) -> bool:
        """Record the chosen option of the current question; True when it was right."""
        question = self.current
        if question is None:
            raise ValueError("the quiz is over")
        if not 0 <= choice < len(question.options):
            raise ValueError(f"question {len(self.given) + 1} has no option {choice}")
        self.given.append(choice)
        return choice == question.answer_index


# -- kept scores --------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    score: int
    total: int
    when: datetime

    @property
    def fraction(self) -> float:
        return self.score / self.total


def _score_from_dict(table: Any) -> Score | None:
    if not isinstance(table, dict):
        return None
    score, total, when = table.get("score"), table.get("total"), table.get("when")
    if not (type(score) is int and type(total) is int and isinstance(when, datetime)):
        return None
    if not 0 <= score <= total or total == 0:
        return None
    return Score(score=score, total=total, when=when)


def _read_table(path: Path) -> dict[str, Any]:
    """The file's table; an empty one when there is no file yet."""
    try:
        return read_toml(path)
    except FileNotFoundError:
        return {}
    except (tomllib.TOMLDecodeError, UnreadableFile) as error:
        raise ScoreFileError(f"{path}: {error}") from None


def load_scores(path: Path) -> list[Score]:
    """Every kept score, in the order they were kept. No file: none yet. Entries that make no sense are skipped."""
    items = _read_table(path).get("scores", [])
    return [s for s in map(_score_from_dict, items if isinstance(items, list) else []) if s]


def record_score(path: Path, score: int, total: int, when: datetime) -> list[Score]:
    """Add one finished quiz to the file and return every kept score. Keys this version does not
    know are kept; a file of a newer schema is left as it is (NewerScoresError)."""
    if total <= 0 or not 0 <= score <= total:
        raise ValueError(f"a score of {score} out of {total} cannot be kept")
    table = _read_table(path)
    schema = table.get("schema", SCHEMA)
    if type(schema) is not int or schema > SCHEMA:
        raise NewerScoresError(f"{path} has schema {schema!r}, newer than this version writes; it is left as it is")
    kept = table.get("scores", [])
    if not isinstance(kept, list):
        raise ScoreFileError(f"{path}: 'scores' is not an array; it is left as it is")
    table |= {"schema": SCHEMA, "scores": [*kept, {"score": score, "total": total, "when": when}]}  # odd entries too
    atomic_write_text(path, tomli_w.dumps(table))
    return [s for s in map(_score_from_dict, table["scores"]) if s]


def best_score(scores: list[Score]) -> Score | None:
    """The highest share of right answers; the earliest one wins a tie."""
    return max(scores, key=lambda s: s.fraction, default=None)
