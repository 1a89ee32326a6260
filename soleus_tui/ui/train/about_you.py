"""Birth year and sex, asked once before the first test for the straight-knee norms; skippable."""

from __future__ import annotations

from textual.binding import Binding

from soleus_tui.core.capacity.results import parse_birth_year, parse_sex
from soleus_tui.ui.widgets.value_dialog import Field, ValueDialog

AboutYou = tuple[int | None, str | None]


class AboutYouScreen(ValueDialog[AboutYou]):
    BINDINGS = [Binding("escape", "cancel", "Skip both", id="test.about-skip")]

    def __init__(self, this_year: int) -> None:
        super().__init__(
            "For the norms: your birth year and sex",
            Field(lambda text: parse_birth_year(text, this_year), "birth year, like 1984"),
            Field(parse_sex, "f or m (the norms are for women and men)"),
            cancel_id="test.about-skip",
            explanation="The published heel-raise norms are given by age band and by sex. Both are optional "
            "(a blank line is skipped) and kept only in settings.toml, as birth_year and sex.",
            join=lambda values: (values[0], values[1]),
        )
