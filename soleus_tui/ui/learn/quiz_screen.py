"""The quiz: one question at a time, answered with a-d, the right answer and why after each,
the score kept in the profile at the end, and the missed questions with the lesson to read again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from soleus_tui.core.learn.lessons import load_lessons
from soleus_tui.core.learn.quiz import (
    LETTERS,
    QuizRun,
    Score,
    ScoreFileError,
    best_score,
    load_bank,
    load_scores,
    record_score,
)
from soleus_tui.ui.widgets.keys import HIDDEN_AREA_BINDINGS, key_label

if TYPE_CHECKING:
    from soleus_tui.app import SoleusApp


class QuizScreen(Screen[None]):
    app: SoleusApp
    CSS_PATH = "learn.tcss"
    BINDINGS = [
        Binding("a", "answer(0)", "Answer", key_display="a-d", id="quiz.answer-a"),
        Binding("b", "answer(1)", "Answer b", show=False, id="quiz.answer-b"),
        Binding("c", "answer(2)", "Answer c", show=False, id="quiz.answer-c"),
        Binding("d", "answer(3)", "Answer d", show=False, id="quiz.answer-d"),
        Binding("enter,space", "next", "Next", key_display="enter", id="quiz.next"),
        Binding("r", "again", "Start again", id="quiz.again"),
        Binding("escape", "leave", "Back", key_display="esc", id="quiz.leave"),
        # The area keys keep working but leave the narrow footer to the quiz's own.
        *HIDDEN_AREA_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.run = QuizRun(load_bank())
        self.chosen: int | None = None  # the option picked for the question on show
        self.best: Score | None = None
        self.lesson_titles = [lesson.title for lesson in load_lessons()]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="quiz-box"):
            yield Static(id="quiz-progress", markup=False)
            yield Static(id="quiz-prompt", markup=False)
            with Vertical(id="quiz-options"):
                for _ in LETTERS:
                    yield Static(classes="quiz-option", markup=False)
            yield Static(id="quiz-feedback", markup=False)
            yield Static(id="quiz-review", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.best = self.load_best()
        self.show()

    # -- state to screen ----------------------------------------------------------------------

    @property
    def answered(self) -> bool:
        return self.chosen is not None

    @property
    def done(self) -> bool:
        return self.run.finished and not self.answered

    def show(self) -> None:
        best = f" · best {self.best.score}/{self.best.total}" if self.best else ""
        self.sub_title = f"Quiz{best}"
        if self.done:
            self.show_result()
        else:
            self.show_question()
        self.refresh_bindings()

    def show_question(self) -> None:
        index = len(self.run.given) - self.answered  # the answered question stays on show
        question = self.run.questions[index]
        self.query_one("#quiz-progress", Static).update(
            f"Question {index + 1} of {self.run.total} · {self.run.score} right so far"
        )
        self.query_one("#quiz-prompt", Static).update(question.prompt)
        self.query_one("#quiz-review", Static).display = False
        for number, row in enumerate(self.query(".quiz-option").results(Static)):
            shown = number < len(question.options)
            row.display = shown
            if not shown:
                continue
            text = f"{LETTERS[number]})  {question.options[number]}"
            is_right, is_chosen = number == question.answer_index, number == self.chosen
            if self.answered and is_right:
                text += "  — right answer"
            elif self.answered and is_chosen:
                text += "  — your answer"
            row.update(text)
            row.set_class(self.answered and is_right, "-right")
            row.set_class(self.answered and is_chosen and not is_right, "-wrong")
            row.set_class(self.answered and not (is_right or is_chosen), "-other")
        self.show_feedback(question.why, question.answer_index)

    def show_feedback(self, why: str, right: int) -> None:
        feedback = self.query_one("#quiz-feedback", Static)
        feedback.display = self.answered
        if self.answered:
            verdict = "Right." if self.chosen == right else f"Not quite: it is {LETTERS[right]}."
            after = "see your score" if self.run.finished else "next question"
            feedback.update(f"{verdict} {why}\n\n{key_label(self, 'quiz.next')}: {after}")
            feedback.set_class(self.chosen == right, "-right")
            feedback.set_class(self.chosen != right, "-wrong")

    def show_result(self) -> None:
        self.query_one("#quiz-progress", Static).update("Quiz done")
        self.query_one("#quiz-prompt", Static).update(f"You got {self.run.score} of {self.run.total} right.")
        for row in self.query(".quiz-option"):
            row.display = False
        feedback = self.query_one("#quiz-feedback", Static)
        feedback.remove_class("-right", "-wrong")
        best = f"Your best: {self.best.score}/{self.best.total}, on {self.best.when:%Y-%m-%d}." if self.best else ""
        again, leave = key_label(self, "quiz.again"), key_label(self, "quiz.leave")
        feedback.update(f"{best}\n\n{again}: start again · {leave}: back to the lessons")
        feedback.display = True
        review = self.query_one("#quiz-review", Static)
        review.update(self.review_text())
        review.display = True

    def review_text(self) -> Text:
        """Each missed question with its right answer and the lesson that teaches it."""
        missed = self.run.missed()
        if not missed:
            return Text("Every answer right: nothing to read again.")
        text = Text("To read again\n", style="bold")
        for question, _ in missed:
            text.append(f"\n{question.prompt}\n")
            text.append(f"  {LETTERS[question.answer_index]}) {question.answer}\n", style="bold")
            text.append(f"  Lesson {question.lesson}: {self.lesson_titles[question.lesson - 1]}\n")
        text.rstrip()
        return text

    # -- scores -------------------------------------------------------------------------------

    def load_best(self) -> Score | None:
        path = self.app.profile.quiz_scores_path
        try:
            return best_score(load_scores(path))
        except ScoreFileError:
            try:
                moved = self.app.profile.quarantine(path)
            except OSError as error:
                self.notify(f"The quiz scores file {path} could not be read, and is left as it is: {error.strerror}",
                            severity="warning", markup=False)
                return None
            self.notify(f"The quiz scores file could not be read and was moved to {moved}.", severity="warning",
                        markup=False)
        except OSError as error:
            self.notify(f"Quiz scores cannot be read: {error}", severity="warning", markup=False)
        return None

    def keep_score(self) -> None:
        try:
            self.app.profile.require_writable()
            scores = record_score(self.app.profile.quiz_scores_path, self.run.score, self.run.total, self.app.clock.now())
        except (OSError, ScoreFileError) as error:
            self.notify(f"The score could not be saved: {error}", severity="error", markup=False)
            return
        self.best = best_score(scores)

    # -- keys ---------------------------------------------------------------------------------

    def action_answer(self, choice: int) -> None:
        self.chosen = choice
        self.run.answer(choice)
        if self.run.finished:
            self.keep_score()
        self.show()

    def action_next(self) -> None:
        self.chosen = None
        self.show()

    def action_again(self) -> None:
        self.run = QuizRun(self.run.questions)
        self.show()

    def action_leave(self) -> None:
        self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer":
            choice, question = parameters[0], self.run.current
            return not self.answered and question is not None and isinstance(choice, int) and choice < len(question.options)
        if action == "next":
            return self.answered
        if action == "again":
            return self.done
        return True
