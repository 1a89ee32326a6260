"""The heel-raise test driven by real keys at 80x24, time moved by hand."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Footer, Static
from textual.widgets._footer import FooterKey

from soleus_tui.app import SoleusApp
from soleus_tui.core.capacity.protocol import QUIET_RAISES, Stage
from soleus_tui.core.store import Profile
from soleus_tui.ui.train.about_you import AboutYouScreen
from soleus_tui.ui.train.big_number import BigNumber
from soleus_tui.ui.train.capacity_test import CapacityTestScreen
from soleus_tui.ui.train.metronome import BeatArrow, arrow_lines
from soleus_tui.ui.train.exercise_list import TrainScreen
from tests.support.clock import ManualClock
from tests.support.pilot import let_time_pass, press, wait_until


async def wait(pilot: Pilot[int], clock: ManualClock, seconds: float) -> None:
    await let_time_pass(pilot, clock, seconds, CapacityTestScreen)


async def open_test(pilot: Pilot[int], skip_question: bool = True) -> CapacityTestScreen:
    await press(pilot, "2")
    await press(pilot, "t")
    if skip_question:
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, AboutYouScreen), "the about-you question")
        await press(pilot, "escape")
    (screen,) = [s for s in pilot.app.screen_stack if isinstance(s, CapacityTestScreen)]
    return screen


def counted_bells(app: SoleusApp, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    bells: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(1))
    return bells


def text(screen: CapacityTestScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def count(screen: CapacityTestScreen) -> str:
    return screen.query_one("#readout-number", BigNumber).value


async def run_leg(pilot: Pilot[int], clock: ManualClock, raises: int) -> None:
    await press(pilot, "enter")
    await wait(pilot, clock, 3)
    await wait(pilot, clock, raises * 2 + 0.5)  # stopped half-way up the next raise


async def test_a_bent_knee_test_of_12_and_10_is_83_percent_and_saved(data_dir: Path, clock: ManualClock) -> None:
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_test(pilot)
        await press(pilot, "b")
        assert text(screen, "#test-title") == "Heel-raise test · bent-knee"
        assert "10° incline" in text(screen, "#test-about") and "45°" in text(screen, "#test-about")
        await press(pilot, "enter")
        assert count(screen) == "3"
        await wait(pilot, clock, 3)
        assert drawn_arrow(app) == (arrow_lines("up", plain=False), True)
        await wait(pilot, clock, 1)
        assert drawn_arrow(app) == (arrow_lines("down", plain=False), True) and count(screen) == "0"
        await wait(pilot, clock, 28.5)  # 29.5 s in: 14 raises, the 15th on its way up
        assert count(screen) == "14"
        await press(pilot, "backspace", "backspace")
        assert count(screen) == "12"
        await press(pilot, "enter")
        assert str(screen.query_one("#readout-label", Static).render()) == "REST BEFORE THE RIGHT LEG"
        assert screen.query_one("#readout-number", BigNumber).value == "2:00"
        await press(pilot, "s")
        await run_leg(pilot, clock, 10)
        await press(pilot, "enter")
        await wait_until(pilot, lambda: screen.result is not None, "the result")
        lines = [str(s.render()) for s in screen.query(".result-line").results(Static)]
        assert lines[0].split() == ["Left", "12", "raises", "Right", "10", "raises"]
        assert lines[1].startswith("Symmetry 83 % (weaker ÷ stronger) · UNDER 90 %: the right side is weaker")
        assert screen.query_one(".result-line.-mark")
        assert "first bent-knee test" in lines[2]
    (path,) = Profile.open(data_dir, "default").iter_session_paths()
    table = tomllib.loads(path.read_text())
    assert table["kind"] == "test"
    (exercise,) = table["exercises"]
    assert exercise["id"] == "heel-raise-test-bent"
    assert [(s["side"], s["reps"]) for s in exercise["sets"]] == [("left", 12), ("right", 10)]


async def test_the_second_straight_test_shows_the_change_and_the_norm(
    data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = SoleusApp(data_dir=data_dir, clock=clock)
    bells = counted_bells(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_test(pilot, skip_question=False)
        await wait_until(pilot, lambda: isinstance(app.screen, AboutYouScreen), "the about-you question")
        await press(pilot, *"1990", "enter", "f", "enter")
        assert (app.settings.birth_year, app.settings.sex) == (1990, "female")
        assert isinstance(app.screen, CapacityTestScreen)
        for left, right in ((20, 22), (28, 27)):
            await run_leg(pilot, clock, left)
            await press(pilot, "enter")
            await wait(pilot, clock, 120)  # the whole rest, rung at its end
            await run_leg(pilot, clock, right)
            await press(pilot, "enter")
            await wait_until(pilot, lambda: screen.result is not None, "the result")
            if (left, right) == (20, 22):
                await press(pilot, "escape")
                assert isinstance(app.screen, TrainScreen)
                await press(pilot, "t")  # not asked again
                screen = app.screen
                assert isinstance(screen, CapacityTestScreen)
        lines = [str(s.render()) for s in screen.query(".result-line").results(Static)]
        assert lines[2].startswith("Since the straight-knee test of 2026-11-24: left +8 (beyond day-to-day variation), right +5.")
        assert lines[3].startswith("Reference for women aged 30-39: 27 raises (Hébert-Losier et al. (2017)")
        assert "not a diagnosis" in lines[4]
        assert len(bells) == 2


async def test_keys_that_mean_nothing_now_are_off(data_dir: Path, clock: ManualClock) -> None:
    app = SoleusApp(data_dir=data_dir, clock=clock)
    app.services.settings = replace(app.settings, birth_year=1980, sex="male")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_test(pilot, skip_question=False)
        assert screen.check_action("stop", ()) is False and screen.check_action("skip_rest", ()) is False
        assert screen.check_action("choose", ("straight",)) is False  # already chosen
        await press(pilot, "s", "backspace")
        assert screen.test.knee == "straight" and screen.test.stage.value == "ready"
        await press(pilot, "1")  # the area keys still work
        assert app.current_mode == "learn"


async def test_leaving_a_test_under_way_asks_first(data_dir: Path, clock: ManualClock) -> None:
    from soleus_tui.ui.widgets.confirm import ConfirmScreen

    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_test(pilot)
        await run_leg(pilot, clock, 3)
        await press(pilot, "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "n")
        assert app.screen is screen and screen.test.raises_now() == 3
        await press(pilot, "escape", "y")
        assert isinstance(app.screen, TrainScreen)
    assert not list(Profile.open(data_dir, "default").iter_session_paths())


def screen_lines(app: SoleusApp) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def drawn_arrow(app: SoleusApp) -> tuple[list[str], bool]:
    """The metronome's arrow as the screen shows it, and whether it is lit (the metronome runs)."""
    arrow = app.screen.query_one(BeatArrow)
    box = arrow.region
    return [line[box.x : box.right] for line in screen_lines(app)[box.y : box.bottom]], arrow.has_class("-now")


async def test_a_beat_repaints_only_the_rows_where_up_and_down_differ(
    data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_test(pilot)
        await run_leg(pilot, clock, 3)  # 3 raises, the 4th on its way up
        arrow = app.screen.query_one(BeatArrow)
        repainted: list[tuple[Region, ...]] = []
        refresh = arrow.refresh

        def recorded(*regions: Region, **kwargs: bool) -> BeatArrow:
            repainted.append(regions)
            return refresh(*regions, **kwargs)

        monkeypatch.setattr(arrow, "refresh", recorded)
        for beat in ("down", "up"):
            await wait(pilot, clock, 1)
            assert drawn_arrow(app)[0] == arrow_lines(beat, plain=False)
        rows = (Region(0, 1, 6, 1), Region(0, 3, 6, 1), Region(0, 5, 6, 1))  # rows 1 and 3, and the word
        assert repainted == [rows, rows]


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_count_and_the_rest_are_drawn_big_with_every_hint_and_the_metronome_whole(
    data_dir: Path, clock: ManualClock, size: tuple[int, int]
) -> None:
    app = SoleusApp(data_dir=data_dir, clock=clock)

    def check(stage: str) -> None:
        lines = screen_lines(app)
        shown = "\n".join(lines)
        number = screen.query_one("#readout-number", BigNumber)
        rows = lines[number.region.y : number.region.bottom]
        assert number.scale >= 2 and sum("█" in row for row in rows) >= 5, (stage, shown)
        assert all(line in shown for line in text(screen, "#readout-caption").splitlines()), (stage, shown)
        footer = screen.query_one(Footer).region
        assert all(0 < beat.region.bottom <= footer.y for beat in screen.query(".beat")), (stage, shown)
        assert "…" not in shown and all(key.region.right <= size[0] for key in screen.query(FooterKey)), (stage, shown)

    async with app.run_test(size=size) as pilot:
        screen = await open_test(pilot)
        await run_leg(pilot, clock, 12)
        check("raising")
        await wait(pilot, clock, 2 * QUIET_RAISES)
        assert screen.test.stage is Stage.PAUSED
        check("paused")
        await press(pilot, "enter")
        check("the rest between the legs")


async def test_a_leg_left_alone_pauses_rings_and_carries_on_from_its_count(
    data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = SoleusApp(data_dir=data_dir, clock=clock)
    bells = counted_bells(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_test(pilot)
        await press(pilot, "enter")
        await wait(pilot, clock, 3)
        await wait(pilot, clock, 2 * QUIET_RAISES + 30)  # away: the tick came late
        assert text(screen, "#readout-label") == f"PAUSED · LEFT LEG · {QUIET_RAISES} RAISES"
        assert count(screen) == str(QUIET_RAISES) and len(bells) == 1
        assert screen.timer is None  # the metronome stands still: nothing is sent until a key
        assert drawn_arrow(app) == (arrow_lines(None, plain=False), False)
        assert "r  carry on, after a 3-2-1" in text(screen, "#readout-caption")
        assert screen.check_action("bell", ()) is False and screen.check_action("resume", ())
        await press(pilot, "r")
        assert text(screen, "#readout-label") == "GET READY · LEFT LEG" and count(screen) == "3"
        await wait(pilot, clock, 3)
        await wait(pilot, clock, 10)
        assert count(screen) == str(QUIET_RAISES + 5)
        await press(pilot, "enter")
        assert text(screen, "#readout-label") == "REST BEFORE THE RIGHT LEG"
        assert screen.test.raises == {"left": QUIET_RAISES + 5}


async def test_a_paused_leg_ends_with_its_count_less_what_was_taken_back(data_dir: Path, clock: ManualClock) -> None:
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_test(pilot)
        await run_leg(pilot, clock, 2 * QUIET_RAISES)
        await press(pilot, "backspace", "backspace", "backspace")
        assert count(screen) == str(QUIET_RAISES - 3)
        assert f"enter  end the leg at {QUIET_RAISES - 3} raises" in text(screen, "#readout-caption")
        await press(pilot, "enter", "s")
        await run_leg(pilot, clock, 20)
        await press(pilot, "enter")
        await wait_until(pilot, lambda: screen.result is not None, "the result")
    (path,) = Profile.open(data_dir, "default").iter_session_paths()
    sets = tomllib.loads(path.read_text())["exercises"][0]["sets"]
    assert [(s["side"], s["reps"]) for s in sets] == [("left", QUIET_RAISES - 3), ("right", 20)]


@pytest.mark.parametrize("key", ["m", "backspace"])
async def test_a_key_during_the_leg_puts_the_pause_off(data_dir: Path, clock: ManualClock, key: str) -> None:
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_test(pilot)
        await run_leg(pilot, clock, 20)  # 40.5 s in
        await press(pilot, key)
        await wait(pilot, clock, 2 * QUIET_RAISES - 1)
        assert screen.test.stage is Stage.RAISING
        await wait(pilot, clock, 1)
        assert screen.test.stage is Stage.PAUSED
