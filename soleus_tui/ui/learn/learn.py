"""Learn: the lessons and the sources as pages beside a leg whose knee bends, and a contents list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Header, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from soleus_tui.core.learn.lessons import load_lessons, load_sources
from soleus_tui.core.learn.quiz import ScoreFileError, best_score, load_scores
from soleus_tui.ui.learn.leg_drawing import LegDrawing
from soleus_tui.ui.widgets.keys import HIDDEN_AREA_BINDINGS

if TYPE_CHECKING:
    from soleus_tui.app import SoleusApp

QUIZ_OPTION = "quiz"


class LearnScreen(Screen[None]):
    app: SoleusApp
    CSS_PATH = "learn.tcss"
    # The footer names n and p, which every terminal font has; the arrows do the same.
    BINDINGS = [
        Binding("n", "turn(1)", "Next", id="learn.next"),
        Binding("p", "turn(-1)", "Prev", id="learn.previous"),
        Binding("right", "turn(1)", "Next", show=False, priority=True, id="learn.next-arrow"),
        Binding("left", "turn(-1)", "Prev", show=False, priority=True, id="learn.previous-arrow"),
        Binding("b", "bend", "Bend", id="learn.bend"),
        Binding("b", "straighten", "Straighten", id="learn.straighten"),
        Binding("l", "contents", "List", id="learn.contents"),
        Binding("t", "quiz", "Quiz", id="learn.quiz"),
        Binding("s", "sources", "Sources", id="learn.sources"),
        Binding("escape", "close_contents", "Back to the page", show=False, id="learn.close-contents"),
        Binding("escape", "back_to_lesson", "Back to the lesson", show=False, id="learn.back-to-lesson"),
        # The area keys keep working but leave the narrow footer to this screen's own.
        *HIDDEN_AREA_BINDINGS,
    ]

    page: reactive[int] = reactive(0, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.lessons = load_lessons()
        self.pages = [lesson.text for lesson in self.lessons] + [load_sources()]
        self.last_lesson = 0  # where escape on the sources page goes back to

    @property
    def sources_page(self) -> int:
        return len(self.lessons)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="learn-body"):
            with Vertical(id="leg-panel"):
                yield Static("Side view: front left, calf right", id="leg-title")
                yield LegDrawing(plain=self.app.plain, id="leg")
            with ContentSwitcher(initial="learn-page", id="learn-switcher"):
                with VerticalScroll(id="learn-page"):
                    yield Markdown(self.pages[0], id="learn-text")
                with Vertical(id="learn-contents-page"):
                    yield Static("↑ ↓ to pick, enter to open", id="learn-contents-hint")
                    yield OptionList(id="learn-contents")
        yield Static(id="leg-caption")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show_caption()
        self.show_subtitle()

    # -- pages --------------------------------------------------------------------------------

    async def watch_page(self, page: int) -> None:
        if page != self.sources_page:
            self.last_lesson = page
        self.show_subtitle()
        self.refresh_bindings()
        await self.query_one("#learn-text", Markdown).update(self.pages[page])
        self.query_one("#learn-page", VerticalScroll).scroll_home(animate=False)

    def show_subtitle(self) -> None:
        if self.page == self.sources_page:
            self.sub_title = "Learn · Sources"
        else:
            self.sub_title = f"Learn · Lesson {self.page + 1} of {len(self.lessons)}"

    def show_text(self) -> None:
        self.query_one(ContentSwitcher).current = "learn-page"
        self.query_one("#learn-page").focus()

    def action_turn(self, step: int) -> None:
        self.page += step
        self.show_text()

    def action_sources(self) -> None:
        self.page = self.sources_page
        self.show_text()

    def action_back_to_lesson(self) -> None:
        self.page = self.last_lesson
        self.show_text()

    # -- the leg ------------------------------------------------------------------------------

    @property
    def knee_bent(self) -> bool:
        return self.query_one(LegDrawing).bent

    def action_bend(self) -> None:
        self.set_knee(bent=True)

    def action_straighten(self) -> None:
        self.set_knee(bent=False)

    def set_knee(self, bent: bool) -> None:
        self.query_one(LegDrawing).bent = bent
        self.show_caption()
        self.refresh_bindings()

    def show_caption(self) -> None:
        self.query_one("#leg-caption", Static).update(self.query_one(LegDrawing).caption)

    # -- contents and quiz --------------------------------------------------------------------

    @property
    def contents_open(self) -> bool:
        return self.query_one(ContentSwitcher).current == "learn-contents-page"

    def action_contents(self) -> None:
        if self.contents_open:
            self.show_text()
            return
        contents = self.query_one("#learn-contents", OptionList)
        contents.clear_options()
        contents.add_options(Option(f"{n}. {lesson.title}", id=str(n - 1)) for n, lesson in enumerate(self.lessons, 1))
        contents.add_option(None)
        contents.add_option(Option("Sources", id=str(self.sources_page)))
        contents.add_option(Option(self.quiz_label(), id=QUIZ_OPTION))
        contents.highlighted = self.page
        self.query_one(ContentSwitcher).current = "learn-contents-page"
        contents.focus()

    def quiz_label(self) -> str:
        try:
            best = best_score(load_scores(self.app.profile.quiz_scores_path))
        except (ScoreFileError, OSError):
            best = None  # the quiz itself says what is wrong with the file
        return f"Quiz · best {best.score}/{best.total}" if best else "Quiz"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_id == QUIZ_OPTION:
            self.action_quiz()
        else:
            self.page = int(event.option_id or 0)
            self.show_text()

    def action_close_contents(self) -> None:
        self.show_text()

    def action_quiz(self) -> None:
        from soleus_tui.ui.learn.quiz_screen import QuizScreen

        self.show_text()
        self.app.push_screen(QuizScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # escape closes the contents; on a page it falls through to the app's "back".
        if action == "close_contents":
            return self.is_mounted and self.contents_open
        if action == "back_to_lesson":
            return self.is_mounted and not self.contents_open and self.page == self.sources_page
        if action in ("bend", "straighten"):  # one key, named for what it does now
            return self.is_mounted and self.knee_bent == (action == "straighten")
        if action == "turn":
            step = parameters[0]  # at either end the key stays in the footer, dimmed
            return (isinstance(step, int) and 0 <= self.page + step < len(self.pages)) or None
        return True
