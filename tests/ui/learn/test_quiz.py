"""The quiz: its bank, a run through it, kept scores, and the screen driven by keys."""

from __future__ import annotations

import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.widgets import Static

from soleus_tui.app import SoleusApp
from soleus_tui.core.learn.lessons import load_lessons
from soleus_tui.core.learn.quiz import (
    LETTERS,
    QuizBankError,
    QuizRun,
    Score,
    ScoreFileError,
    best_score,
    load_bank,
    load_scores,
    parse_bank,
    record_score,
)
from soleus_tui.ui.learn.learn import LearnScreen
from soleus_tui.ui.learn.quiz_screen import QuizScreen

WHEN = datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))

# -- the bank ----------------------------------------------------------------------------------


def test_the_bank_has_at_least_15_questions_each_answer_one_of_its_options() -> None:
    bank = load_bank()
    assert len(bank) >= 15
    for question in bank:
        assert question.answer in question.options, question.prompt
        assert 2 <= len(question.options) <= len(LETTERS)
        assert question.why.strip()


def test_the_right_letter_is_not_always_the_same() -> None:
    assert len({question.answer_index for question in load_bank()}) == len(LETTERS)


QUESTION = """
[[question]]
prompt = "Which joint does the soleus cross?"
options = {options}
answer = {answer}
why = "It starts below the knee."
lesson = {lesson}
"""


@pytest.mark.parametrize(
    ("options", "answer", "complaint"),
    [
        ('["knee", "ankle"]', '"hip"', "not one of its options"),
        ('["knee", "knee", "ankle"]', '"ankle"', "distinct"),
        ('["a", "b", "c", "d", "e"]', '"a"', "2 to 4"),
        ('["ankle"]', '"ankle"', "2 to 4"),
        ('["knee", "ankle"]', '""', "non-empty"),
        ('["knee", 3]', '"knee"', "distinct, non-empty strings"),
    ],
)
def test_a_bad_question_is_refused_with_its_number(options: str, answer: str, complaint: str) -> None:
    with pytest.raises(QuizBankError, match=complaint) as error:
        parse_bank(QUESTION.format(options=options, answer=answer, lesson=1))
    assert "question 1" in str(error.value)


@pytest.mark.parametrize("lesson", ["0", "-2", '"two"', "true", "2.0"])
def test_a_question_must_name_the_lesson_that_teaches_it(lesson: str) -> None:
    assert parse_bank(QUESTION.format(options='["knee", "ankle"]', answer='"ankle"', lesson=2))[0].lesson == 2
    with pytest.raises(QuizBankError, match="question 1: 'lesson'"):
        parse_bank(QUESTION.format(options='["knee", "ankle"]', answer='"ankle"', lesson=lesson))
    without = QUESTION.format(options='["knee", "ankle"]', answer='"ankle"', lesson=1).replace("lesson = 1\n", "")
    with pytest.raises(QuizBankError, match="'lesson'"):
        parse_bank(without)


def test_every_question_points_at_a_lesson_that_covers_its_answer() -> None:
    lessons = load_lessons()
    for question in load_bank():
        assert 1 <= question.lesson <= len(lessons), question.prompt
    by_prompt = {q.prompt: lessons[q.lesson - 1].title for q in load_bank()}
    assert by_prompt["Which nerve drives the soleus?"] == "Where the soleus starts and ends"
    assert by_prompt["What is the Alfredson heel-drop dose?"] == "How to train it"
    assert by_prompt["Why do bent-knee exercises favour the soleus?"] == "Why a bent knee"


def test_a_bank_with_no_questions_or_broken_toml_is_refused() -> None:
    with pytest.raises(QuizBankError, match="no \\[\\[question\\]\\]"):
        parse_bank("title = 'empty'")
    with pytest.raises(QuizBankError):
        parse_bank("[[question]\nprompt =")


# -- a run ---------------------------------------------------------------------------------------


def test_a_run_counts_right_answers_and_ends_after_the_last_question() -> None:
    bank = load_bank()[:3]
    run = QuizRun(bank)
    assert run.current is bank[0]
    assert run.answer(bank[0].answer_index) is True
    assert run.answer((bank[1].answer_index + 1) % len(bank[1].options)) is False
    assert run.answer(bank[2].answer_index) is True
    assert (run.finished, run.current, run.score, run.total) == (True, None, 2, 3)
    with pytest.raises(ValueError, match="over"):
        run.answer(0)


def test_a_run_lists_the_missed_questions_in_the_order_asked_with_the_answer_given() -> None:
    bank = load_bank()[:4]
    run = QuizRun(bank)
    wrong = [(q.answer_index + 1) % len(q.options) for q in bank]
    for number, question in enumerate(bank):
        run.answer(wrong[number] if number in (1, 3) else question.answer_index)
        assert run.missed() == [(bank[n], wrong[n]) for n in (1, 3) if n <= number]
    assert run.score == 2


def test_a_run_refuses_an_option_the_question_does_not_have() -> None:
    run = QuizRun(load_bank()[:1])
    with pytest.raises(ValueError, match="no option 7"):
        run.answer(7)
    assert run.given == []


# -- kept scores -------------------------------------------------------------------------------


def test_no_file_means_no_scores_yet(tmp_path: Path) -> None:
    assert load_scores(tmp_path / "quiz.toml") == []
    assert best_score([]) is None


def test_scores_are_kept_in_a_private_toml_file_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "quiz.toml"
    record_score(path, 12, 18, WHEN)
    kept = record_score(path, 15, 18, WHEN + timedelta(days=1))
    assert load_scores(path) == kept == [Score(12, 18, WHEN), Score(15, 18, WHEN + timedelta(days=1))]
    assert "schema = 1" in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_best_score_is_the_highest_share_and_the_first_to_reach_it() -> None:
    first = Score(15, 18, WHEN)
    assert best_score([Score(9, 18, WHEN), first, Score(15, 18, WHEN + timedelta(days=2))]) is first
    assert best_score([Score(4, 5, WHEN), Score(15, 18, WHEN)]) == Score(15, 18, WHEN)  # 83 % beats 80 %


def test_entries_that_make_no_sense_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "quiz.toml"
    path.write_text(
        "schema = 1\n"
        "[[scores]]\nscore = 20\ntotal = 18\nwhen = 2026-11-24T07:30:00+01:00\n"
        "[[scores]]\nscore = 3\ntotal = 0\nwhen = 2026-11-24T07:30:00+01:00\n"
        "[[scores]]\nscore = 'ten'\ntotal = 18\nwhen = 2026-11-24T07:30:00+01:00\n"
        "[[scores]]\nscore = 10\ntotal = 18\nwhen = 2026-11-24T07:30:00+01:00\n"
    )
    assert load_scores(path) == [Score(10, 18, WHEN)]


def test_an_unreadable_scores_file_is_reported_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "quiz.toml"
    path.write_text("[[scores]\nscore = ")
    with pytest.raises(ScoreFileError, match="quiz.toml"):
        record_score(path, 1, 2, WHEN)
    assert path.read_text() == "[[scores]\nscore = "


def test_an_impossible_score_is_not_kept(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        record_score(tmp_path / "quiz.toml", 5, 4, WHEN)
    assert not (tmp_path / "quiz.toml").exists()


# -- the screen --------------------------------------------------------------------------------


def feedback_text(app: SoleusApp) -> str:
    return str(app.screen.query_one("#quiz-feedback", Static).content)


async def open_quiz(app: SoleusApp, pilot) -> QuizScreen:  # type: ignore[no-untyped-def]
    await pilot.press("1")
    await pilot.pause()
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(app.screen, QuizScreen)
    return app.screen


async def test_a_whole_quiz_with_right_and_wrong_answers_is_scored_saved_and_shown_after_a_restart(
    data_dir: Path,
) -> None:
    bank = load_bank()
    right = 0
    app = SoleusApp(data_dir=data_dir, profile="default")
    async with app.run_test(size=(80, 24)) as pilot:
        quiz = await open_quiz(app, pilot)
        assert "best" not in quiz.sub_title
        for number, question in enumerate(bank):
            answer_right = number % 3 != 0  # every third one wrong
            choice = question.answer_index if answer_right else (question.answer_index + 1) % len(question.options)
            await pilot.press(LETTERS[choice])
            text = feedback_text(app)
            assert question.why in text
            if answer_right:
                right += 1
                assert text.startswith("Right.")
            else:
                assert text.startswith(f"Not quite: it is {LETTERS[question.answer_index]}.")
            await pilot.press(LETTERS[choice])  # a second answer to the same question is ignored
            await pilot.press("enter")
        assert quiz.query_one("#quiz-prompt", Static).content == f"You got {right} of {len(bank)} right."
        assert f"Your best: {right}/{len(bank)}, on " in feedback_text(app)
        review = str(quiz.query_one("#quiz-review", Static).content)
        titles = [lesson.title for lesson in load_lessons()]
        missed = [question for number, question in enumerate(bank) if number % 3 == 0]
        assert review.startswith("To read again")
        assert review.count("Lesson ") == len(missed)
        for question in missed:  # each with its right answer and where to read about it
            block = review.split(question.prompt + "\n")[1].split("\n\n")[0]
            assert f"{LETTERS[question.answer_index]}) {question.answer}" in block
            assert f"Lesson {question.lesson}: {titles[question.lesson - 1]}" in block
        for number, question in enumerate(bank):
            if number % 3:
                assert question.prompt not in review
    assert 0 < right < len(bank)
    assert [(s.score, s.total) for s in load_scores(app.profile.quiz_scores_path)] == [(right, len(bank))]

    again = SoleusApp(data_dir=data_dir, profile="default")
    async with again.run_test(size=(80, 24)) as pilot:
        quiz = await open_quiz(again, pilot)
        assert quiz.sub_title.endswith(f"best {right}/{len(bank)}")


async def test_start_again_after_the_end_and_escape_returns_to_the_lessons(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        quiz = await open_quiz(app, pilot)
        for question in quiz.run.questions:
            await pilot.press(LETTERS[question.answer_index], "enter")
        assert quiz.done
        assert str(quiz.query_one("#quiz-review", Static).content) == "Every answer right: nothing to read again."
        await pilot.press("r")
        assert not quiz.query_one("#quiz-review", Static).display
        assert quiz.run.given == [] and not quiz.done
        assert quiz.query_one("#quiz-prompt", Static).content == quiz.run.questions[0].prompt
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LearnScreen)
        assert app.current_mode == "learn"


async def test_number_keys_still_switch_areas_inside_the_quiz(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        assert app.current_mode == "history"


async def test_an_unreadable_scores_file_is_moved_to_quarantine_and_the_quiz_still_runs(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir)
    app.profile.quiz_scores_path.write_text("not = [toml")
    async with app.run_test(size=(80, 24)) as pilot:
        quiz = await open_quiz(app, pilot)
        assert not app.profile.quiz_scores_path.exists()
        assert (app.profile.quarantine_dir / "quiz.toml").exists()
        await pilot.press(LETTERS[quiz.run.questions[0].answer_index])
        assert feedback_text(app).startswith("Right.")
