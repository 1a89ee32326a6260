"""Settings: units, bell, plain mode, theme and rest per exercise, each saved as soon as it changes.

A rest is checked as it is typed and kept when done (enter, tab, esc); one that cannot be used
shows why and is not saved.
"""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Select, Static

from soleus_tui.core.settings import Settings, parse_rest
from soleus_tui.core.units import UNITS


TOGGLES = {
    "bell": "Bell at the end of rest and at a target",
    "plain": "Plain mode: ASCII digits and bars",
    "rest-enabled": "Rest timer after each set",
}


def toggle_label(key: str, on: bool) -> str:
    """The state in words too: the box's mark alone shows it only in colour."""
    return f"{TOGGLES[key]}: {'on' if on else 'off'}"


class SettingsScreen(ModalScreen[None]):
    CSS_PATH = "settings.tcss"
    BINDINGS = [Binding("escape", "close", "Close", id="settings.close")]

    def compose(self) -> ComposeResult:
        settings: Settings = self.app.settings
        with Vertical(id="settings-box"):
            yield Static("Settings · saved as you change them", id="settings-title")
            for name, choices, value in (
                ("units", UNITS, settings.units),
                ("theme", sorted(self.app.available_themes), self.app.theme),
            ):
                with Horizontal(classes="setting"):
                    yield Static(name.capitalize(), classes="setting-name")
                    yield Select([(c, c) for c in choices], value=value, allow_blank=False, compact=True, id=name)
            toggles = {"bell": settings.bell, "plain": self.app.plain, "rest-enabled": settings.rest_enabled}
            for key, on in toggles.items():
                yield Checkbox(toggle_label(key, on), on, compact=True, id=key)
            yield Static("Rest in seconds, or off; used from the next exercise started", id="rest-heading")
            with VerticalScroll(id="rest-list", disabled=not settings.rest_enabled):
                for exercise in self.app.catalog:
                    with Horizontal(classes="setting"):
                        yield Static(exercise.name, classes="setting-name rest-name", markup=False)
                        rest = settings.rest_s.get(exercise.id, exercise.rest_s)
                        yield Input(str(rest) if rest else "off", name=exercise.id, compact=True, classes="rest-input")
            yield Static(id="settings-reason", markup=False)
            yield Static("tab moves on and keeps what was typed · esc closes", id="settings-hint")

    def save(self, settings: Settings) -> None:
        if settings != self.app.settings:  # widgets also report the values they start with
            self.app.update_settings(settings)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "units":
            self.save(replace(self.app.settings, units=str(event.value)))
        elif event.value != self.app.theme:
            self.app.theme = str(event.value)  # the app keeps the theme it is given

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.checkbox.label = toggle_label(str(event.checkbox.id), event.value)
        if event.checkbox.id == "bell":
            self.save(replace(self.app.settings, bell=event.value))
        elif event.checkbox.id == "plain":
            self.save(replace(self.app.settings, plain=event.value))
        else:
            self.query_one("#rest-list").disabled = not event.value
            self.save(replace(self.app.settings, rest_enabled=event.value))

    def on_input_changed(self, event: Input.Changed) -> None:
        _, reason = parse_rest(event.value)
        self.query_one("#settings-reason", Static).update(reason)
        event.input.set_class(bool(reason), "-invalid")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.keep_rest(event.input)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        self.keep_rest(event.input)

    def keep_rest(self, field: Input) -> None:
        """A rest is kept when it is done being typed (enter, tab, esc), and only if it can be used."""
        seconds, _ = parse_rest(field.value)
        exercise = self.app.catalog.get(field.name or "")
        if seconds is None or exercise is None:
            return
        if seconds != self.app.settings.rest_s.get(exercise.id, exercise.rest_s):
            self.save(self.app.settings.with_rest(exercise.id, seconds))

    def action_close(self) -> None:
        if isinstance(self.focused, Input):
            self.keep_rest(self.focused)
        self.dismiss()
