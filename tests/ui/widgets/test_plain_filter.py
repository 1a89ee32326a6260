"""Plain mode's last step: every character that reaches the terminal is ASCII of the same width."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.widgets import Checkbox

from soleus_tui.app import SoleusApp
from soleus_tui.ui.shell.settings import SettingsScreen
from soleus_tui.ui.widgets.plain import AsciiOnly, ascii_cells, ascii_text
from tests.support.clock import ManualClock


def test_each_character_becomes_ascii_that_fills_the_same_cells() -> None:
    for text, ascii in [
        ("╭──┬──╮", "+--+--+"),
        ("│ ┃ ▏▕", "| | ||"),
        ("soleus-tui — Learn · Lesson 1", "soleus-tui - Learn | Lesson 1"),
        ("3 × 15 at 45°", "3 x 15 at 45o"),
        ("Hébert-Losier, Pietilä, García", "Hebert-Losier, Pietila, Garcia"),
        ("▐X▌ ▐ ▌", "|X| | |"),
        ("70\u00a0%", "70 %"),
        ("▁▅█ ░▒▓", "_## .:#"),
        ("⏎ ⭘ …", "? o ~"),
    ]:
        assert ascii_text(text) == ascii, text
        assert cell_len(ascii) == cell_len(text)
    for char in ("日", "😀"):  # wide: two cells stay two cells
        assert ascii_cells(char) == "??"
    assert ascii_cells("\u0301") == ""  # a combining accent takes no cell


def test_the_filter_keeps_styles_and_control_segments() -> None:
    bold = Style(bold=True)
    control = Segment("\x1b[0m", None, [(1,)])  # type: ignore[list-item]
    out = AsciiOnly().apply([Segment("A — b", bold), Segment("plain"), control], Color(0, 0, 0))
    assert out[:2] == [Segment("A - b", bold), Segment("plain")] and out[2] is control


async def test_turning_plain_mode_on_in_settings_redraws_the_screen_in_ascii(data_dir: Path) -> None:
    app = SoleusApp(data_dir=data_dir, clock=ManualClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)

        def on_screen() -> set[str]:
            return {c for strip in app.screen._compositor.render_strips() for c in strip.text if not c.isascii()}

        assert on_screen()  # borders, dots, the check box's brackets
        app.screen.query_one("#plain", Checkbox).focus()
        await pilot.press("space")
        await pilot.pause()
        assert app.plain and on_screen() == set()
        await pilot.press("escape")
        await pilot.pause()
        assert on_screen() == set()  # the home screen below, too
        assert app.get_key_display(app.screen.active_bindings["s"].binding) == "s"
