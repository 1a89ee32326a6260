"""Learn: the lesson files, the leg drawing, and the screen driven by keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import ContentSwitcher, Footer, Markdown, OptionList, Static
from textual.widgets._footer import FooterKey

from soleus_tui.app import SoleusApp
from soleus_tui.core.learn.quiz import load_bank
from soleus_tui.core.learn.lessons import LessonFormatError, lesson_files, load_lessons, load_sources, parse_lesson
from soleus_tui.ui.shell.home import HomeScreen
from soleus_tui.ui.learn.learn import LearnScreen
from soleus_tui.ui.learn.quiz_screen import QuizScreen
from soleus_tui.ui.learn.leg_drawing import LegDrawing, leg_art
from soleus_tui.ui.widgets.keys import APP_BINDINGS

SAFETY = "Training guidance, not medical advice."

# -- lesson files --------------------------------------------------------------------------------


def test_every_lesson_file_loads_in_order_with_its_title() -> None:
    lessons = load_lessons()
    assert len(lessons) == len(lesson_files()) == 7
    assert [lesson.name[:3] for lesson in lessons] == [f"{n:02}-" for n in range(1, 8)]
    assert [lesson.title for lesson in lessons] == [
        "Two muscles, one tendon",
        "Where the soleus starts and ends",
        "Built for endurance",
        "The running load",
        "Tight calves",
        "Why a bent knee",
        "How to train it",
    ]
    for lesson in lessons:
        assert len(lesson.text.split()) > 100, lesson.name


def test_a_lesson_without_a_title_line_is_refused() -> None:
    assert parse_lesson("x.md", "\n# Title\n\nBody").title == "Title"
    for text in ("No heading here", "## Second level\n", "#\n", ""):
        with pytest.raises(LessonFormatError, match="x.md"):
            parse_lesson("x.md", text)


@pytest.mark.parametrize(
    ("lesson", "correction"),
    [
        (1, "sits *behind* the gastrocnemius"),
        (2, "the soleus is the smaller muscle"),
        (4, "absorbs up to 12 times its weight"),
        (5, "tight calves are simply a soleus"),
        (6, 'a bent knee "takes the gastrocnemius out of the mix"'),
        (7, "most under-trained muscle"),
    ],
)
def test_lessons_name_the_popular_claim_they_correct(lesson: int, correction: str) -> None:
    text = load_lessons()[lesson - 1].text
    assert "A common claim is" in text or "A second claim is" in text or "Another claim is" in text
    assert correction in text


def test_the_lessons_on_tightness_and_training_carry_the_safety_line() -> None:
    by_title = {lesson.title: lesson.text for lesson in load_lessons()}
    for title in ("Tight calves", "How to train it"):
        assert SAFETY in by_title[title]
        assert "see a clinician" in by_title[title]
    assert SAFETY in load_sources()


def test_sources_cite_works_not_addresses() -> None:
    sources = load_sources()
    assert not re.search(r"https?://|www\.", sources)
    for citation in (
        "Dorn, Schache & Pandy (2012)",
        "Hamner, Seth & Delp (2010)",
        "Edgerton, Smith & Simpson (1975)",
        "*American Journal of Sports Medicine* 26:360–66",
        "Hamilton, Hamilton & Zderic (2022)",
        "*Physiotherapy* 103:446–52",
    ):
        assert citation in sources
    for lesson in load_lessons():
        assert not re.search(r"https?://", lesson.text), lesson.name


UNIT_AFTER_A_SPACE = re.compile(r"\d[ \u00a0](%|×|cm|m/s|s|min|kg|lb|°)(?![a-z])")


def test_no_number_is_parted_from_its_unit_sign_by_a_space_the_text_could_break_at() -> None:
    """Textual wraps at any white space, even a no-break one, so a unit sign sits on its number."""
    texts = [lesson.text for lesson in load_lessons()] + [load_sources()]
    texts += [" ".join((q.prompt, *q.options, q.why)) for q in load_bank()]
    for text in texts:
        assert not UNIT_AFTER_A_SPACE.search(text), UNIT_AFTER_A_SPACE.search(text)


def test_the_article_is_introduced_once_in_the_first_lesson_and_named_in_the_sources() -> None:
    lessons = load_lessons()
    first = lessons[0].text
    assert '"The Forgotten Running Muscle"' in first and "*the article*" in first
    assert first.index("*the article*") < first.index("A common claim")
    assert '"The Forgotten Running Muscle"' in load_sources()
    for lesson in lessons[1:]:
        assert "Forgotten Running Muscle" not in lesson.text, lesson.name


def test_the_facts_corrected_in_round_two_read_as_the_anatomy_notes_say() -> None:
    by_number = {n: lesson.text for n, lesson in enumerate(load_lessons(), 1)}
    assert "lowest spinal roots" not in by_number[2]
    assert "sacral spinal roots (S1 and S2)" in by_number[2] and "(L5)" in by_number[2]
    behind = by_number[1].split("sits *behind* the gastrocnemius.")[1].split("\n")[0]
    assert "other way round" not in behind and "deeper" in behind and "at the back" in behind


def test_sources_name_works_and_sites_not_aggregators() -> None:
    sources = load_sources()
    for wrong in ("Corpus:", "R Discovery", "Medical College of Wisconsin", "Luleå"):
        assert wrong not in sources, wrong
    for citation in (
        "Green & Pizzari (2017)",
        "Koulouris, Ting, Jhamb, Connell & Kavanagh (2007)",
        "*Journal of Strength and Conditioning Research* 26:3124–33",
        "*Clinical Biomechanics* 28:664–71",
        "Soleus muscle — DocCheck Flexikon",
    ):
        assert citation in sources, citation


def test_the_home_tagline_claims_nothing_lesson_7_calls_an_opinion() -> None:
    from soleus_tui.ui.shell import home

    source = Path(home.__file__).read_text()
    assert "forget to train" not in source and "under-trained" not in source
    assert "opinion; no study has counted" in load_lessons()[6].text


# -- the drawing ---------------------------------------------------------------------------------


def art_text(bent: bool, plain: bool) -> str:
    return "\n".join("".join(text for text, _ in line) for line in leg_art(bent, plain))


def glyphs_of(part: str, bent: bool, plain: bool) -> set[str]:
    return {char for line in leg_art(bent, plain) for text, p in line if p == part for char in text}


@pytest.mark.parametrize("plain", [False, True])
@pytest.mark.parametrize("bent", [False, True])
def test_the_drawing_names_every_part_and_tells_the_muscles_apart_without_colour(bent: bool, plain: bool) -> None:
    text = art_text(bent, plain)
    for label in ("femur", "knee", "tibia", "fibula", "gastrocnemius", "soleus", "Achilles", "tendon", "heel"):
        assert label in text
    gastrocnemius = glyphs_of("gastrocnemius-slack" if bent else "gastrocnemius", bent, plain)
    soleus = glyphs_of("soleus-working" if bent else "soleus", bent, plain)
    assert len(gastrocnemius) == len(soleus) == 1 and gastrocnemius != soleus
    assert glyphs_of("bone", bent, plain) and glyphs_of("tendon", bent, plain)


@pytest.mark.parametrize("bent", [False, True])
def test_plain_mode_draws_in_ascii(bent: bool) -> None:
    assert art_text(bent, plain=True).isascii()
    assert not art_text(bent, plain=False).isascii()


def test_bending_changes_the_muscles_and_the_thigh() -> None:
    straight, bent = art_text(False, False).splitlines(), art_text(True, False).splitlines()
    assert "(slack)" in "\n".join(bent) and "(working)" in "\n".join(bent)
    assert "slack" not in "\n".join(straight)
    assert straight[0].split()[0] == "femur" and "femur" not in bent[0]  # the thigh swings forward
    assert glyphs_of("gastrocnemius", False, False) != glyphs_of("gastrocnemius-slack", True, False)


# -- the screen ----------------------------------------------------------------------------------


async def open_learn(app: SoleusApp, pilot) -> LearnScreen:  # type: ignore[no-untyped-def]
    await pilot.press("1")
    await pilot.pause()
    assert isinstance(app.screen, LearnScreen)
    return app.screen


def shown_title(screen: LearnScreen) -> str:
    return screen.query_one("#learn-text", Markdown).source.splitlines()[0].removeprefix("# ")


async def test_every_lesson_and_the_sources_are_reached_with_the_arrow_keys(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir)
    titles = [lesson.title for lesson in load_lessons()] + ["Sources"]
    async with app.run_test(size=(80, 24)) as pilot:
        learn = await open_learn(app, pilot)
        seen = [shown_title(learn)]
        for _ in titles[1:]:
            await pilot.press("right")
            await pilot.pause()
            seen.append(shown_title(learn))
        assert seen == titles
        assert learn.sub_title == "Learn · Sources"
        await pilot.press("right")  # the last page stays put
        await pilot.pause()
        assert shown_title(learn) == "Sources"
        await pilot.press("left", "p")
        await pilot.pause()
        assert shown_title(learn) == titles[-3]
        assert learn.sub_title == "Learn · Lesson 6 of 7"


async def test_the_lesson_list_opens_any_page_and_the_quiz(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        learn = await open_learn(app, pilot)
        await pilot.press("l")
        contents = learn.query_one("#learn-contents", OptionList)
        assert learn.query_one(ContentSwitcher).current == "learn-contents-page"
        assert app.focused is contents
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert shown_title(learn) == "The running load"
        assert learn.query_one(ContentSwitcher).current == "learn-page"

        await pilot.press("l", "escape")  # escape closes the list and stays in Learn
        assert learn.query_one(ContentSwitcher).current == "learn-page"
        assert app.current_mode == "learn"

        await pilot.press("l", "end", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)


async def test_escape_on_the_sources_goes_back_to_the_lesson_and_on_a_lesson_goes_home(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        learn = await open_learn(app, pilot)
        await pilot.press("n", "n")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert shown_title(learn) == "Sources"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is learn and shown_title(learn) == "Built for endurance"
        for _ in range(len(learn.pages)):  # by the arrows to the sources and back again
            await pilot.press("right")
        await pilot.pause()
        assert shown_title(learn) == "Sources"
        await pilot.press("escape")
        await pilot.pause()
        assert shown_title(learn) == "How to train it"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


def footer_labels(app: SoleusApp) -> list[str]:
    return [f"{key.key_display} {key.description}" for key in app.screen.query(FooterKey) if key.display]


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_footer_offers_prev_and_sources_and_says_straighten_when_the_knee_is_bent(
    data_dir: Path, size: tuple[int, int]
) -> None:
    app = SoleusApp(data_dir=data_dir)
    async with app.run_test(size=size) as pilot:
        await open_learn(app, pilot)
        await pilot.pause()
        labels = footer_labels(app)
        for label in ("n Next", "p Prev", "b Bend", "l List", "t Quiz", "s Sources", "? Keys"):
            assert label in labels
        assert "b Straighten" not in labels
        await pilot.press("b")
        await pilot.pause()
        labels = footer_labels(app)
        assert "b Straighten" in labels and "b Bend" not in labels
        assert learn_screen(app).query_one(LegDrawing).bent
        await pilot.press("b")
        await pilot.pause()
        assert "b Bend" in footer_labels(app) and not learn_screen(app).query_one(LegDrawing).bent
        footer = app.screen.query_one(Footer)
        shown = [key for key in footer.query(FooterKey) if key.display]
        assert max(key.region.right for key in shown) <= size[0]  # every key fits, none is cut


def learn_screen(app: SoleusApp) -> LearnScreen:
    assert isinstance(app.screen, LearnScreen)
    return app.screen


async def test_b_bends_the_knee_and_straightens_it_again(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        learn = await open_learn(app, pilot)
        leg = learn.query_one(LegDrawing)
        caption = learn.query_one("#leg-caption", Static)
        straight_picture, straight_caption = leg.render().plain, str(caption.content)
        assert "straight" in straight_caption

        await pilot.press("b")
        await pilot.pause()
        assert leg.bent
        assert leg.render().plain != straight_picture and "slack" in leg.render().plain
        assert "bent" in str(caption.content) and "soleus" in str(caption.content)

        await pilot.press("b")
        await pilot.pause()
        assert not leg.bent
        assert (leg.render().plain, str(caption.content)) == (straight_picture, straight_caption)


@pytest.mark.parametrize("bend", [False, True])
async def test_at_80x24_the_whole_drawing_and_its_caption_are_on_screen_beside_the_text(
    data_dir: Path, bend: bool
) -> None:
    app = SoleusApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        learn = await open_learn(app, pilot)
        if bend:
            await pilot.press("b")
            await pilot.pause()
        leg = learn.query_one(LegDrawing)
        panel = learn.query_one("#leg-panel")
        text = learn.query_one("#learn-switcher")
        caption = learn.query_one("#leg-caption")
        assert leg.region.height == len(leg_art(bend, plain=False))
        assert leg.region.width == max(len(line.rstrip()) for line in leg.render().plain.splitlines())
        assert panel.region.contains_region(leg.region)
        assert leg.region.bottom <= caption.region.y and caption.region.bottom <= 23
        assert text.region.x >= panel.region.right and text.region.width >= 40


async def test_plain_mode_draws_the_leg_in_ascii(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, plain=True)
    async with app.run_test(size=(80, 24)) as pilot:
        learn = await open_learn(app, pilot)
        assert learn.query_one(LegDrawing).render().plain.isascii()


def test_learn_keys_leave_the_global_ones_alone() -> None:
    """A global key on these screens is only the app's own binding, kept out of the footer."""
    app_actions = {binding.key: f"app.{binding.action}" for binding in APP_BINDINGS}
    global_keys = {"1", "2", "3", "question_mark", "q", "ctrl+q", "ctrl+p"}  # escape is "back" here too
    for screen in (LearnScreen, QuizScreen):
        for binding in screen.BINDINGS:
            keys = set(binding.key.split(","))  # type: ignore[union-attr]
            for key in keys & global_keys:
                assert binding.action == app_actions.get(key) and not binding.show, (screen.__name__, key)
            assert binding.description, (screen.__name__, binding.key)
