"""The set runner driven by real keys, time moved by hand: every flow a workout can take."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from soleus_tui.app import SoleusApp
from soleus_tui.core.store import Profile
from soleus_tui.core.train.workout import Phase
from soleus_tui.ui.shell.help import HelpScreen
from soleus_tui.ui.train.note import NoteScreen
from soleus_tui.ui.train.resume import ResumeScreen
from soleus_tui.ui.train.runner import RunnerScreen
from soleus_tui.ui.train.summary import SummaryScreen
from soleus_tui.ui.train.exercise_list import TrainScreen
from soleus_tui.ui.train.readout import BigReadout
from soleus_tui.ui.widgets.window_title import WindowTitle
from tests.support.clock import ManualClock
from tests.support.pilot import press
from tests.support.restart import restarted
from tests.support.runner import big, leave_a_workout, open_runner, rung, sent_to_terminal, text, wait, workout

def sessions(data_dir: Path) -> list[Path]:
    return list(Profile.open(data_dir, "default").iter_session_paths())


async def test_a_whole_reps_workout_by_keys(app: SoleusApp, clock: ManualClock, data_dir: Path) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)
        assert text(screen, "#runner-where") == "Set 1 of 2 · both legs"
        await press(pilot, "space", "space", "space")
        assert big(screen) == ("REPS · target 3", "3")
        await press(pilot, "enter")
        assert big(screen) == ("REST", "0:30")
        assert text(screen, "#runner-where") == "Set 2 of 2 · both legs"
        await wait(pilot, clock, 30)
        assert rung(app) == 1
        await press(pilot, "space", "space", "space", "enter")  # space ends the rest and counts rep 1
        assert text(screen, "#runner-where") == "All 2 sets done"
        await wait(pilot, clock, 30)
        await press(pilot, "s")
        assert big(screen) == ("SETS DONE · this exercise is complete", "2")
        assert text(screen, "#readout-caption") == "n      next: Wall hold\nspace  an extra set"
        assert [s.reps for s in workout(app).log.sets] == [3, 3]
        clock.advance(60)
        await press(pilot, "f")
        assert isinstance(app.screen, SummaryScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        summary = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "Length   2:00" in summary and "1 exercise, 2 sets, 6 reps" in summary
        assert "Volume   0 kg" in summary and "New bests  none this time" in summary
        assert ".toml" not in summary
        (path,) = sessions(data_dir)
        assert not Profile.open(data_dir, "default").current_path.exists()
        await press(pilot, "escape")
        assert isinstance(app.screen, TrainScreen)


async def test_every_key_is_saved_before_the_screen_shows_it(app: SoleusApp, data_dir: Path) -> None:
    current = Profile.open(data_dir, "default").current_path
    async with app.run_test(size=(80, 24)) as pilot:
        await open_runner(pilot)
        await press(pilot, "space", "space")
        assert Profile.open(data_dir, "default").load_current()["runner"]["reps"] == 2
        await press(pilot, "backspace")
        assert Profile.open(data_dir, "default").load_current()["runner"]["reps"] == 1
    assert current.exists()


async def test_backspace_takes_a_rep_back(app: SoleusApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)
        await press(pilot, "space", "space", "backspace")
        assert big(screen)[1] == "1"
        await press(pilot, "backspace", "backspace")
        assert big(screen)[1] == "0"


async def test_paced_mode_counts_on_the_tempo_and_logs_the_set_itself(app: SoleusApp, clock: ManualClock) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)
        await press(pilot, "a")
        assert big(screen) == ("GET READY · counting starts at zero", "3")
        await wait(pilot, clock, 1)
        assert big(screen)[1] == "2"
        await wait(pilot, clock, 2)
        assert big(screen) == ("PACED · target 3", "0")
        assert text(screen, "#tempo-up") == "▲ UP 1"
        await wait(pilot, clock, 1.5)
        assert text(screen, "#tempo-pause") == "■ PAUSE 1"
        assert screen.query_one("#tempo-pause").has_class("-now")
        assert not screen.query_one("#tempo-up").has_class("-now")
        await wait(pilot, clock, 1)
        assert text(screen, "#tempo-down") == "▼ DOWN 2"
        await wait(pilot, clock, 1.5)
        assert big(screen)[1] == "1" and rung(app) == 0
        await wait(pilot, clock, 8)  # two more reps of 4 s: the target
        assert rung(app) == 1
        assert big(screen)[0] == "REST"
        assert [s.reps for s in workout(app).log.sets] == [3]


async def test_space_ends_a_paced_set_early(app: SoleusApp, clock: ManualClock) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)
        await press(pilot, "a")
        await wait(pilot, clock, 3 + 4)
        await press(pilot, "space")
        assert big(screen)[0] == "REST" and rung(app) == 0
        assert [s.reps for s in workout(app).log.sets] == [1]


async def test_a_hold_with_get_ready_counts_up_and_rings_at_the_target(app: SoleusApp, clock: ManualClock) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot, position=1)
        assert big(screen) == ("HOLD · target 10 s", "0")
        assert not screen.query_one("#tempo").display
        await press(pilot, "space")
        assert big(screen) == ("GET READY · the hold starts at zero", "3")
        await wait(pilot, clock, 3)
        assert big(screen) == ("HOLDING · target 10 s", "0")
        await wait(pilot, clock, 9.5)
        assert big(screen)[1] == "9" and rung(app) == 0
        await wait(pilot, clock, 0.5)
        assert big(screen) == ("TARGET 10 s REACHED", "10")
        assert rung(app) == 1
        await wait(pilot, clock, 2.4)
        await press(pilot, "space")
        assert big(screen)[0] == "REST"
        assert workout(app).log.sets[0].hold_s == 12.4
        assert rung(app) == 1


async def test_a_per_side_exercise_runs_left_then_switch_then_right(app: SoleusApp, clock: ManualClock) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot, position=2)
        assert text(screen, "#runner-where") == "Set 1 of 1 · left leg"
        await press(pilot, "space", "space", "enter")
        assert big(screen) == ("SWITCH LEGS · right leg next", "10")
        assert screen.query_one(BigReadout).has_class("-switch")
        assert text(screen, "#readout-caption") == "space  the right leg: rep 1\ns      skip the pause"
        assert text(screen, "#runner-where") == "Set 1 of 1 · right leg"
        await wait(pilot, clock, 4)
        assert big(screen)[1] == "6"
        await wait(pilot, clock, 6)
        assert big(screen) == ("REPS · target 2", "0")
        await press(pilot, "space", "space", "enter")
        assert big(screen)[0] == "REST"
        assert [s.side for s in workout(app).log.sets] == ["left", "right"]


async def test_rest_adjust_skip_and_overtime(app: SoleusApp, clock: ManualClock) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)
        await press(pilot, "space", "enter")
        await press(pilot, "plus")
        assert big(screen) == ("REST", "0:45")
        await press(pilot, "minus", "minus")
        assert big(screen)[1] == "0:15"
        await wait(pilot, clock, 14.5)
        assert big(screen)[1] == "0:01" and rung(app) == 0
        await wait(pilot, clock, 0.5)
        assert rung(app) == 1
        assert big(screen) == ("OVERTIME · rest is over", "+0:00")
        assert screen.query_one(BigReadout).has_class("-overtime")
        await wait(pilot, clock, 12)
        assert big(screen)[1] == "+0:12" and rung(app) == 1
        await press(pilot, "s")
        assert big(screen) == ("REPS · target 3", "0")
        assert not screen.query_one(BigReadout).has_class("-overtime")
        assert workout(app).log.sets[0].rest_s == 27.0


async def test_rest_turned_off_goes_straight_to_the_next_set(app: SoleusApp, clock: ManualClock) -> None:
    from dataclasses import replace

    async with app.run_test(size=(80, 24)) as pilot:
        app.update_settings(replace(app.settings, rest_enabled=False))
        screen = await open_runner(pilot)
        assert text(screen, "#runner-rest") == "Rest  off"
        await press(pilot, "space", "enter")
        assert big(screen) == ("REPS · target 3", "0")
        assert text(screen, "#runner-where") == "Set 2 of 2 · both legs"


async def test_load_steps_in_the_users_unit(app: SoleusApp) -> None:
    from dataclasses import replace

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)
        await press(pilot, "right_square_bracket", "right_square_bracket")
        assert text(screen, "#runner-load") == "Load  5 kg"
        await press(pilot, "left_square_bracket")
        assert workout(app).load_kg == 2.5
        app.update_settings(replace(app.settings, units="lb"))
        await press(pilot, "right_square_bracket")
        assert text(screen, "#runner-load") == "Load  10 lb"
        await press(pilot, "space", "enter")
        assert workout(app).log.sets[0].load_kg == pytest.approx(4.5359, abs=1e-3)


async def test_n_moves_on_to_the_next_exercise_and_both_are_saved(
    app: SoleusApp, clock: ManualClock, data_dir: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)
        await press(pilot, "space", "space", "n")
        assert text(screen, "#runner-name") == "Wall hold"
        assert big(screen) == ("HOLD · target 10 s", "0")
        await press(pilot, "space")
        await wait(pilot, clock, 3 + 10)
        await press(pilot, "enter", "f")
    (path,) = sessions(data_dir)
    logged = Profile.open(data_dir, "default").read_session(path)
    assert [(e.id, len(e.sets)) for e in logged.exercises] == [("raise", 1), ("hold", 1)]
    assert logged.exercises[0].sets[0].reps == 2 and logged.exercises[1].sets[0].hold_s == 10.0


async def test_finishing_with_nothing_logged_says_so(app: SoleusApp, data_dir: Path) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_runner(pilot)
        await press(pilot, "f")
        assert isinstance(app.screen, SummaryScreen)
        assert "Nothing was logged" in " ".join(str(s.render()) for s in app.screen.query(Static))
        await press(pilot, "enter")
        assert isinstance(app.screen, TrainScreen)
    assert sessions(data_dir) == []


async def test_a_workout_torn_down_mid_set_resumes_with_its_reps(
    data_dir: Path, catalog_file: Path, clock: ManualClock
) -> None:
    await leave_a_workout(data_dir, catalog_file, clock, "space", "enter", "s", "space", "space")
    async with restarted(data_dir, clock, catalog_file) as (again, pilot):
        assert isinstance(again.screen, ResumeScreen)
        await press(pilot, "r")
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, RunnerScreen)
        assert big(screen) == ("REPS · target 3", "2")
        assert text(screen, "#runner-where") == "Set 2 of 2 · both legs"
        await press(pilot, "space", "enter")
        assert [s.reps for s in workout(again).log.sets] == [1, 3]


async def test_the_bell_stays_quiet_when_turned_off(app: SoleusApp, clock: ManualClock) -> None:
    from dataclasses import replace

    async with app.run_test(size=(80, 24)) as pilot:
        app.update_settings(replace(app.settings, bell=False))
        await open_runner(pilot)
        await press(pilot, "space", "enter")
        await wait(pilot, clock, 30)
        assert rung(app) == 0


async def test_the_window_title_carries_the_rest_and_is_put_back(
    app: SoleusApp, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = sent_to_terminal(monkeypatch, WindowTitle, "_write")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)
        title = screen.query_one(WindowTitle)
        assert title.text is None and sent == []
        await press(pilot, "space", "enter")
        assert title.text == "0:30 rest"
        assert sent == ["\x1b[22;0t\x1b]2;0:30 rest · soleus-tui\x07"]
        await wait(pilot, clock, 31)
        assert title.text == "+0:01 overtime"
        await press(pilot, "s")
        assert title.text is None
        assert sent[-1] == "\x1b]2;soleus-tui\x07\x1b[23;0t"
        await press(pilot, "space", "enter")
        assert title.text == "0:30 rest"
        count = len(sent)
    assert sent[count:] == ["\x1b]2;soleus-tui\x07\x1b[23;0t"]  # put back on the way out


async def test_only_what_changed_is_repainted_and_the_idle_runner_stops_ticking(
    app: SoleusApp, clock: ManualClock
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)
        assert screen.view is not None and not screen.view.moving
        await press(pilot, "space", "enter")
        assert screen.view.moving
        readout = screen.query_one(BigReadout)
        shown: list[tuple[object, ...]] = []
        monkeypatch_show = readout.show
        readout.show = lambda *parts: (shown.append(parts), monkeypatch_show(*parts))  # type: ignore[method-assign]
        for _ in range(3):
            await wait(pilot, clock, 0.25)
        assert shown == []  # the same second: nothing to repaint
        await wait(pilot, clock, 0.25)
        assert [parts[1] for parts in shown] == ["0:29"]
        await press(pilot, "s")
        assert not screen.view.moving


async def test_keys_that_do_not_apply_are_hidden(app: SoleusApp, clock: ManualClock) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)

        def enabled() -> dict[str, bool]:
            return {b.binding.action: b.enabled for b in screen.active_bindings.values()}

        assert "skip_rest" not in enabled()
        assert enabled()["log_set"] is False and enabled()["take_back"] is False  # shown, greyed
        await press(pilot, "space")
        assert enabled()["log_set"] and enabled()["take_back"]
        await press(pilot, "enter")
        assert enabled()["skip_rest"] and "log_set" not in enabled()
        assert enabled()["undo_set"]
        await press(pilot, "s", "space", "enter", "s")
        assert enabled()["count"]  # the exercise is done: it starts an extra set
        assert screen.active_bindings["space"].binding.description == "Extra set"
        assert "take_back" not in enabled() and "log_set" not in enabled()


async def test_question_mark_lists_the_runner_keys(app: SoleusApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_runner(pilot)
        await press(pilot, "space", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        described: dict[str, set[str]] = {}
        for row in app.screen.rows:
            described.setdefault(row[1], set()).add(row[0])
        for description in ("Count", "Take back a rep", "Log set", "Pace", "Load a step up", "Next", "Finish",
                            "Type the load"):  # fmt: skip
            assert description in described
        assert described["Load a step down"] == {",, ["}  # the first needs no AltGr


async def test_a_note_is_checked_where_it_is_typed(app: SoleusApp, data_dir: Path) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)
        await press(pilot, "c")
        assert isinstance(app.screen, NoteScreen)
        await press(pilot, *"felt strong")
        await press(pilot, "enter")
        assert app.screen is screen
        assert workout(app).notes == "felt strong"
        assert text(screen, "#runner-note") == "Note  felt strong"
        assert Profile.open(data_dir, "default").load_current()["notes"] == "felt strong"
        await press(pilot, "c")
        app.screen.query_one(Input).value = "x" * 501
        await press(pilot, "enter")
        assert isinstance(app.screen, NoteScreen)
        assert "at most 500" in str(app.screen.query_one("#value-reason", Static).render())
        await press(pilot, "escape")
        assert app.screen is screen and workout(app).notes == "felt strong"


async def test_escape_goes_back_to_the_list_and_enter_returns_to_the_workout(app: SoleusApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_runner(pilot)
        await press(pilot, "space", "escape")
        assert isinstance(app.screen, TrainScreen)
        assert "In progress: Seated raise" in str(app.screen.query_one("#train-running", Static).render())
        await press(pilot, "enter")
        assert isinstance(app.screen, RunnerScreen) and workout(app).reps == 1
        assert workout(app).phase is Phase.SET
