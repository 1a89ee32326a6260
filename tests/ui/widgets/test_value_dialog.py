"""The typed-value dialog on its own: checked as typed, kept on enter only when good, closed by its
cancel key, its hint naming the keys in force, and whatever was typed shown as typed."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Input, Static

from soleus_tui.ui.widgets.value_dialog import Field, ValueDialog

NOTHING = object()  # not dismissed yet


def parse_reps(text: str) -> tuple[int | None, str]:
    if not text.strip().isdigit():
        return None, f"Reps are a whole number, not {text!r}"
    return int(text), ""


def parse_side(text: str) -> tuple[str | None, str]:
    text = text.strip()
    if text not in ("", "left", "right"):
        return None, "left or right, or leave it blank"
    return text or None, ""


class RepsDialog(ValueDialog[int]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="demo.cancel")]

    def __init__(self, text: str = "") -> None:
        super().__init__("Reps [b]done[/b]", Field(parse_reps, "like 12", text), cancel_id="demo.cancel",
                         explanation="Only the [i]count[/i].")  # fmt: skip


class RepsAndSideDialog(ValueDialog[tuple[int, str | None]]):
    BINDINGS = [Binding("escape", "cancel", "Skip", id="demo.skip")]

    def __init__(self) -> None:
        super().__init__("Reps and side", Field(parse_reps), Field(parse_side), cancel_id="demo.skip",
                         join=lambda values: (values[0], values[1]))  # fmt: skip


class DialogApp(App[None]):
    def __init__(self, dialog: ValueDialog[Any], keymap: dict[str, str] | None = None) -> None:
        super().__init__()
        self.dialog = dialog
        self.result: object = NOTHING
        self.set_keymap(keymap or {})

    def on_mount(self) -> None:
        self.push_screen(self.dialog, lambda result: setattr(self, "result", result))


def shown(pilot: Pilot[None], selector: str) -> str:
    return str(pilot.app.screen.query_one(selector, Static).render())


def inputs(pilot: Pilot[None]) -> list[Input]:
    return list(pilot.app.screen.query(Input))


async def test_a_bad_value_shows_its_reason_and_marks_the_line_until_it_is_good() -> None:
    app = DialogApp(RepsDialog())
    async with app.run_test() as pilot:
        (field,) = inputs(pilot)
        assert shown(pilot, "#value-reason") == "" and not field.has_class("-invalid")
        await pilot.press("1", "x")
        await pilot.pause()
        assert shown(pilot, "#value-reason") == "Reps are a whole number, not '1x'"
        assert field.has_class("-invalid")
        await pilot.press("backspace", "2")
        await pilot.pause()
        assert shown(pilot, "#value-reason") == "" and not field.has_class("-invalid")


async def test_a_bad_first_text_is_marked_at_once() -> None:
    app = DialogApp(RepsDialog("many"))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "not 'many'" in shown(pilot, "#value-reason") and inputs(pilot)[0].has_class("-invalid")


async def test_enter_keeps_nothing_while_the_value_is_bad() -> None:
    app = DialogApp(RepsDialog())
    async with app.run_test() as pilot:
        await pilot.press("enter")  # an empty line: no mistake while typing, but nothing to keep
        await pilot.pause()
        assert app.screen is app.dialog and app.result is NOTHING
        assert "whole number" in shown(pilot, "#value-reason") and inputs(pilot)[0].has_class("-invalid")
        await pilot.press("x", "enter")
        await pilot.pause()
        assert app.screen is app.dialog and app.result is NOTHING


async def test_enter_keeps_the_parsed_value() -> None:
    app = DialogApp(RepsDialog())
    async with app.run_test() as pilot:
        await pilot.press("1", "2", "enter")
        await pilot.pause()
        assert app.result == 12 and app.screen is not app.dialog


async def test_the_cancel_key_closes_with_nothing_kept() -> None:
    app = DialogApp(RepsDialog("12"))
    async with app.run_test() as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert app.result is None and app.screen is not app.dialog


async def test_the_hint_names_the_keys_in_force() -> None:
    app = DialogApp(RepsDialog())
    async with app.run_test() as pilot:
        assert shown(pilot, "#value-hint") == "⏎  keep · esc  cancel"
    app = DialogApp(RepsDialog(), keymap={"demo.cancel": "f2", "dialog.keep": "f3"})
    async with app.run_test() as pilot:
        assert shown(pilot, "#value-hint") == "f3  keep · f2  cancel"
        await pilot.press("escape")
        assert app.screen is app.dialog  # the default key no longer closes it
        await pilot.press("4", "f3")
        await pilot.pause()
        assert app.result == 4
    app = DialogApp(RepsDialog(), keymap={"demo.cancel": "f2"})
    async with app.run_test() as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert app.result is None and app.screen is not app.dialog


async def test_markup_in_the_title_the_explanation_and_the_typed_text_is_shown_as_it_is() -> None:
    app = DialogApp(RepsDialog("[red]9"))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert shown(pilot, "#value-title") == "Reps [b]done[/b]"
        assert shown(pilot, "#value-why") == "Only the [i]count[/i]."
        assert shown(pilot, "#value-reason") == "Reps are a whole number, not '[red]9'"


async def test_with_two_lines_enter_goes_on_and_keeps_only_when_both_are_good() -> None:
    app = DialogApp(RepsAndSideDialog())
    async with app.run_test() as pilot:
        reps, side = inputs(pilot)
        assert reps.has_focus
        await pilot.press("x", "enter")  # refused where it was typed
        await pilot.pause()
        assert reps.has_focus and reps.has_class("-invalid") and app.result is NOTHING
        await pilot.press("backspace", "8", "enter")
        await pilot.pause()
        assert side.has_focus and shown(pilot, "#value-reason") == ""
        await pilot.press(*"up")
        await pilot.pause()
        assert side.has_class("-invalid") and shown(pilot, "#value-reason") == "left or right, or leave it blank"
        reps.value = "many"
        await pilot.pause()
        assert shown(pilot, "#value-reason").startswith("Reps are")  # the first line's reason first
        await pilot.press("enter")  # back to the first bad line
        await pilot.pause()
        assert reps.has_focus and app.result is NOTHING
        reps.value = "8"
        side.value = "left"
        side.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == (8, "left")


async def test_with_two_lines_a_blank_one_is_kept_as_nothing() -> None:
    app = DialogApp(RepsAndSideDialog())
    async with app.run_test() as pilot:
        await pilot.press("5", "enter", "enter")
        await pilot.pause()
        assert app.result == (5, None)


async def test_a_bad_line_keeps_its_mark_when_the_focus_leaves_it() -> None:
    app = DialogApp(RepsAndSideDialog())
    async with app.run_test() as pilot:
        reps, side = inputs(pilot)
        await pilot.press("x", "tab")
        await pilot.pause()
        assert side.has_focus and reps.has_class("-invalid") and shown(pilot, "#value-reason").startswith("Reps are")
        await pilot.press("shift+tab", "backspace", "enter")  # empty, and enter: now a mistake
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert side.has_focus and reps.has_class("-invalid") and shown(pilot, "#value-reason").startswith("Reps are")


def test_several_lines_without_a_join_are_refused_at_once() -> None:
    with pytest.raises(TypeError, match="a dialog of 2 lines needs a join"):
        ValueDialog("Reps and side", Field(parse_reps), Field(parse_side), cancel_id="demo.skip")
