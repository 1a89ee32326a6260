"""A small box that asks for a typed value, or a few on lines of their own, checked as it is typed.

Each line has a parser that returns `(value, "")` for good text and `(None, reason)` for bad. The
first reason stands under the lines and a bad line is marked `-invalid`; a line left empty is no
mistake until enter. Enter on a good line goes on to the next one, and on the last one keeps the
value; the dialog's cancel key closes without it (dismissed with None).

A dialog is a subclass that binds its cancel key in its own BINDINGS, to the action `cancel`,
under an id of its area, so the user's keymap can move it; the hint names every key as now bound.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from soleus_tui.ui.widgets.keys import key_hint

T = TypeVar("T")
V = TypeVar("V")

KEEP_ID = "dialog.keep"


@dataclass(frozen=True)
class Field(Generic[V]):
    """One line to type in: its parser, the grey example shown while it is empty, its first text."""

    parse: Callable[[str], tuple[V | None, str]]
    placeholder: str = ""
    text: str = ""


class ValueInput(Input):
    BINDINGS = [Binding("enter", "submit", "Keep", show=False, id=KEEP_ID)]

    def __init__(self, field: Field[Any]) -> None:
        # Input's own validation would clear -invalid on blur: whether an empty line is a mistake
        # depends on where enter was pressed, which only the dialog knows, so `check` marks it.
        super().__init__(field.text, placeholder=field.placeholder, validate_on=())
        self.parse = field.parse

    def check(self, typing: bool) -> tuple[Any, str]:
        """The value and why it is refused ("" when it is not), the line marked to match."""
        value, reason = self.parse(self.value)
        if typing and not self.value.strip():
            reason = ""
        self.set_class(bool(reason), "-invalid")
        return value, reason


def only(values: list[Any]) -> Any:
    (value,) = values
    return value


class ValueDialog(ModalScreen[T | None]):
    # Absolute: a relative CSS_PATH would be looked for beside each subclass.
    CSS_PATH = Path(__file__).with_name("dialogs.tcss")

    def __init__(
        self,
        title: str,
        *fields: Field[Any],
        cancel_id: str,
        explanation: str = "",
        join: Callable[[list[Any]], T] = only,
    ) -> None:
        """`join` makes the value kept out of the lines' values; with one line, it is that line's."""
        if join is only and len(fields) != 1:
            raise TypeError(f"a dialog of {len(fields)} lines needs a join for their values")
        super().__init__()
        self.heading = title
        self.fields = fields
        self.cancel_id = cancel_id
        self.explanation = explanation
        self.join = join

    def compose(self) -> ComposeResult:
        inputs = [ValueInput(field) for field in self.fields]
        with Vertical(id="value-box"):
            yield Static(self.heading, id="value-title", markup=False)
            if self.explanation:
                yield Static(self.explanation, id="value-why", markup=False)
            yield from inputs
            yield Static(id="value-reason", markup=False)
            hint = f"{key_hint(inputs[0], KEEP_ID)} · {key_hint(self, self.cancel_id)}"
            yield Static(hint, id="value-hint", markup=False)

    def on_mount(self) -> None:
        self.check(typing_from=0)

    def check(self, typing_from: int) -> list[tuple[Any, str]]:
        """Every line checked (those from `typing_from` on as still being typed), the first reason shown."""
        checked = [field.check(typing=index >= typing_from) for index, field in enumerate(self.query(ValueInput))]
        reason = next((reason for _, reason in checked if reason), "")
        self.query_one("#value-reason", Static).update(reason)
        return checked

    def on_input_changed(self, event: Input.Changed) -> None:
        self.check(typing_from=0)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        fields: list[Input] = [*self.query(ValueInput)]
        at = fields.index(event.input)
        checked = self.check(typing_from=at + 1)
        bad = [field for field, (_, reason) in zip(fields, checked) if reason]
        if bad:
            bad[0].focus()
        elif at + 1 < len(fields):
            fields[at + 1].focus()
        else:
            self.dismiss(self.join([value for value, _ in checked]))

    def action_cancel(self) -> None:
        self.dismiss(None)
