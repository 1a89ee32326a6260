"""Birth year and sex, asked once before the first test for the straight-knee norms; skippable."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from soleus_tui.core.capacity.results import parse_birth_year, parse_sex
from soleus_tui.ui.widgets.keys import key_label

AboutYou = tuple[int | None, str | None]


class AboutYouScreen(ModalScreen[AboutYou | None]):
    CSS_PATH = "capacity.tcss"
    BINDINGS = [Binding("escape", "skip", "Skip", id="test.about-skip")]

    def __init__(self, this_year: int) -> None:
        super().__init__()
        self.this_year = this_year

    def compose(self) -> ComposeResult:
        with Vertical(id="about-box"):
            yield Static("For the norms: your birth year and sex", id="about-title")
            yield Static(
                "The published heel-raise norms are given by age band and by sex. Both are optional "
                "and kept only in settings.toml, as birth_year and sex.",
                id="about-why",
            )
            yield Input(placeholder="birth year, like 1984", id="about-year")
            yield Input(placeholder="f or m (the norms are for women and men)", id="about-sex")
            yield Static(id="about-reason", markup=False)
            yield Static(id="about-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#about-hint", Static).update(
            f"A blank line is skipped · {key_label(self, 'test.about-skip')}  skip both"
        )

    def values(self) -> tuple[AboutYou, str]:
        year, year_reason = parse_birth_year(self.query_one("#about-year", Input).value, self.this_year)
        sex, sex_reason = parse_sex(self.query_one("#about-sex", Input).value)
        return (year, sex), year_reason or sex_reason

    def on_input_changed(self, event: Input.Changed) -> None:
        _, reason = self.values()
        self.query_one("#about-reason", Static).update(reason)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "about-year":
            self.query_one("#about-sex", Input).focus()
            return
        chosen, reason = self.values()
        if not reason:
            self.dismiss(chosen)

    def action_skip(self) -> None:
        self.dismiss(None)
