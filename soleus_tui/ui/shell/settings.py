"""Settings: every key of settings.toml a person sets here, each saved as soon as it changes.

A typed value (a rest, the birth year) is checked as it is typed and kept when done (enter, tab,
esc); one that cannot be used shows why and is not saved.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Select, Static

from soleus_tui.core.capacity.results import parse_birth_year
from soleus_tui.core.settings import SEXES, Settings, parse_rest
from soleus_tui.core.units import UNITS

if TYPE_CHECKING:
    from soleus_tui.app import SoleusApp

TOGGLES = {
    "bell": "Bell at the end of rest and at a target",
    "plain": "Plain mode: ASCII characters only",
    "rest_enabled": "Rest timer after each set",
    "pain": "Ask for pain (0 to 10) after each exercise",
    "progress": "Rest shown as the tab's progress (OSC 9;4)",
}
NOTIFY_CHOICES = (
    ("off", "off"),
    ("osc9: iTerm2, WezTerm", "osc9"),
    ("osc777: foot, urxvt", "osc777"),
    ("osc99: kitty", "osc99"),
)


def toggle_label(key: str, on: bool) -> str:
    """The state in words too: the box's mark alone shows it only in colour."""
    return f"{TOGGLES[key]}: {'on' if on else 'off'}"


class Toggle(Checkbox):
    """A check box whose mark is there only when it is on, so the state reads without colour."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - Checkbox draws it at every render
        return "X" if self.value else " "


class SettingsScreen(ModalScreen[None]):
    app: SoleusApp
    CSS_PATH = "settings.tcss"
    BINDINGS = [Binding("escape", "close", "Close", id="settings.close")]

    def compose(self) -> ComposeResult:
        settings: Settings = self.app.settings
        with Vertical(id="settings-box"):
            yield Static("Settings · saved as you change them", id="settings-title")
            with VerticalScroll(id="settings-list", can_focus=False):
                yield from self.choice("units", "Units", [(unit, unit) for unit in UNITS], settings.units)
                themes = sorted(self.app.available_themes)
                yield from self.choice("theme", "Theme", [(theme, theme) for theme in themes], self.app.theme)
                yield from self.choice("notify", "Alerts", NOTIFY_CHOICES, settings.notify)
                toggles = {**{key: getattr(settings, key) for key in TOGGLES}, "plain": self.app.plain}
                for key, on in toggles.items():
                    yield Toggle(toggle_label(key, on), on, compact=True, id=key)
                yield Static("For the heel-raise test's norms, both optional", classes="settings-heading")
                with Horizontal(classes="setting"):
                    yield Static("Birth year", classes="setting-name")
                    year = "" if settings.birth_year is None else str(settings.birth_year)
                    yield Input(year, placeholder="like 1984", compact=True, id="birth-year")
                yield from self.choice("sex", "Sex", [(sex, sex) for sex in SEXES], settings.sex, blank="not set")
                yield Static("Rest in seconds, or off; used from the next exercise started", classes="settings-heading")
                with Vertical(id="rest-list", disabled=not settings.rest_enabled):
                    for exercise in self.app.catalog:
                        with Horizontal(classes="setting"):
                            yield Static(exercise.name, classes="setting-name rest-name", markup=False)
                            rest = settings.rest_s.get(exercise.id, exercise.rest_s)
                            yield Input(str(rest) if rest else "off", name=exercise.id, compact=True, classes="rest-input")
            yield Static(id="settings-reason", markup=False)
            yield Static("tab moves on and keeps what was typed · esc closes", id="settings-hint")

    @staticmethod
    def choice(key: str, name: str, options: Any, value: str | None, blank: str = "") -> ComposeResult:
        with Horizontal(classes="setting"):
            yield Static(name, classes="setting-name")
            shown = Select.NULL if value is None else value
            yield Select(options, value=shown, allow_blank=bool(blank), prompt=blank, compact=True, id=key)

    def save(self, settings: Settings) -> None:
        if settings != self.app.settings:  # widgets also report the values they start with
            self.app.update_settings(settings)

    def on_select_changed(self, event: Select.Changed) -> None:
        key, value = str(event.select.id), event.value
        if key == "theme":
            if value != self.app.theme:
                self.app.theme = str(value)  # the app keeps the theme it is given
        else:
            choice: dict[str, Any] = {key: None if value is Select.NULL else str(value)}
            self.save(replace(self.app.settings, **choice))

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        key = str(event.checkbox.id)
        event.checkbox.label = toggle_label(key, event.value)
        if key == "rest_enabled":
            self.query_one("#rest-list").disabled = not event.value
        switch: dict[str, Any] = {key: event.value}
        self.save(replace(self.app.settings, **switch))

    # -- typed values -------------------------------------------------------------------------

    def check(self, field: Input) -> tuple[Any, str]:
        if field.id == "birth-year":
            return parse_birth_year(field.value, self.app.clock.now().year)
        return parse_rest(field.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        _, reason = self.check(event.input)
        self.query_one("#settings-reason", Static).update(reason)
        event.input.set_class(bool(reason), "-invalid")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.keep(event.input)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        self.keep(event.input)

    def keep(self, field: Input) -> None:
        """A typed value is kept when it is done being typed (enter, tab, esc), and only if it can be used."""
        value, reason = self.check(field)
        if reason:
            return
        if field.id == "birth-year":
            self.save(replace(self.app.settings, birth_year=value))
            return
        exercise = self.app.catalog.get(field.name or "")
        if exercise is not None and value != self.app.settings.rest_s.get(exercise.id, exercise.rest_s):
            self.save(self.app.settings.with_rest(exercise.id, value))

    def action_close(self) -> None:
        if isinstance(self.focused, Input):
            self.keep(self.focused)
        self.dismiss()
