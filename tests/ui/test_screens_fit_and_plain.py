"""Every screen outside the set runner, and the dialogs that ask for a typed value, looked at as the
terminal gets it: in plain mode nothing but
ASCII reaches the screen, and at 60x20, the smallest size the app runs at, no text is cut off."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets._footer import FooterKey

from soleus_tui.app import SoleusApp
from soleus_tui.core.learn.quiz import LETTERS, load_bank
from soleus_tui.core.store import Profile
from tests.support.clock import ManualClock
from tests.support.histories import write_realistic_history
from tests.support.settle import settle

ALL_WRONG = [key for question in load_bank() for key in (LETTERS[question.answer_index - 1], "enter")]

# Where each screen is, as keys pressed from home.
SCREENS = {
    "home": [],
    "help": ["question_mark"],
    "settings": ["s"],
    "learn": ["1"],
    "learn, knee bent": ["1", "b"],
    "learn, the table of loads": ["1", "n", "n", "n"],
    "learn, sources": ["1", "s"],
    "learn, the list": ["1", "l"],
    "quiz": ["1", "t"],
    "quiz, answered": ["1", "t", "a"],
    "quiz, the review": ["1", "t", *ALL_WRONG],
    "train": ["2"],
    "history": ["3"],
    "history, bests": ["3", "b"],
    "history, a workout": ["3", "enter"],
    "history, an exercise": ["3", "b", "enter"],
    "history, capacity": ["3", "c"],
    "history, a VISA-A score": ["3", "c", "v"],
    "the runner, a note": ["2", "enter", "c"],
    "the runner, the load typed": ["2", "enter", "l", "x"],
    "the capacity test, birth year and sex": ["2", "t"],
}
SIZES = [(80, 24), (60, 20)]


@pytest.fixture
def history(data_dir: Path, where: str) -> None:
    if where.startswith("history"):
        write_realistic_history(Profile.open(data_dir, "default"), ManualClock().now(), weeks=12)


async def visit(app: SoleusApp, pilot: Pilot[int], keys: list[str]) -> list[str]:
    await settle(pilot)
    for key in keys:
        await pilot.press(key)
        await settle(pilot)
    return [strip.text for strip in app.screen._compositor.render_strips()]


def shown(widget: Widget) -> bool:
    return widget.display and widget.visible and widget.region.area > 0


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("where", SCREENS)
async def test_plain_mode_puts_only_ascii_on_screen(
    data_dir: Path, history: None, where: str, size: tuple[int, int]
) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock(), plain=True)
    async with app.run_test(size=size) as pilot:
        lines = await visit(app, pilot, SCREENS[where])
        assert len(lines) == size[1]
        others = {char for line in lines for char in line if not char.isascii()}
        assert not others, "\n".join(lines)


@pytest.mark.parametrize("where", SCREENS)
async def test_at_60x20_no_text_is_cut_off(data_dir: Path, history: None, where: str) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(60, 20)) as pilot:
        lines = await visit(app, pilot, SCREENS[where])
        screen = app.screen
        assert not any("…" in line for line in lines), "\n".join(lines)  # Textual's mark for cut text
        for widget in screen.query("*"):  # nothing reaches past the right edge, out of sight
            if shown(widget) and widget.is_scrollable:
                assert widget.max_scroll_x == 0, (widget, "\n".join(lines))
        keys = [key for key in screen.query(FooterKey) if shown(key)]
        assert all(key.region.right <= 60 for key in keys)
        text = " ".join(" ".join(lines).split())
        for key in keys:  # every key the footer offers is there in full
            assert f"{key.key_display} {key.description}".strip() in text, (key, text)
        assert (screen.sub_title or "") in lines[0]  # the header is not cut
