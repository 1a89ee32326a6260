"""The runner on the gym floor: typed loads, taking back, extra sets, the real-set rule, pain,
remapped keys, the rest shown everywhere, and alerts, all by real keys with time moved by hand."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from soleus_tui.app import SoleusApp
from soleus_tui.core.store import Profile
from soleus_tui.core.train.workout import Phase
from soleus_tui.ui.train.load_input import LoadScreen
from soleus_tui.ui.train.pain import PainScreen
from soleus_tui.ui.train.resume import ResumeScreen
from soleus_tui.ui.train.runner import RunnerScreen
from tests.support.clock import ManualClock
from tests.support.pilot import notifications, notified, press
from tests.support.restart import restarted
from tests.support.runner import big, leave_a_workout, open_runner, rung, sent_to_terminal, text, wait, workout


async def test_a_typed_load_is_checked_in_the_users_unit(app: SoleusApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)
        await press(pilot, "l")
        assert isinstance(app.screen, LoadScreen)
        field = app.screen.query_one(Input)
        assert field.value == "0"
        field.value = "heavy"
        await press(pilot, "enter")
        assert isinstance(app.screen, LoadScreen)  # refused, with the reason
        assert "a number in kg" in str(app.screen.query_one("#value-reason", Static).render())
        field.value = "-5"
        await press(pilot, "enter")
        assert "cannot be negative" in str(app.screen.query_one("#value-reason", Static).render())
        field.value = "42.5"
        await press(pilot, "enter")
        assert app.screen is screen and workout(app).load_kg == 42.5
        assert text(screen, "#runner-load") == "Load  42.5 kg"
        await press(pilot, "l")
        app.screen.query_one(Input).value = "99"
        await press(pilot, "escape")  # cancels
        assert app.screen is screen and workout(app).load_kg == 42.5
        app.update_settings(replace(app.settings, units="lb"))
        await press(pilot, "l")
        assert app.screen.query_one(Input).value == "93.7"
        app.screen.query_one(Input).value = "100 lb"
        await press(pilot, "enter")
        assert workout(app).load_kg == pytest.approx(45.359, abs=1e-3)


async def test_comma_and_full_stop_step_the_load_without_altgr(app: SoleusApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)
        await press(pilot, "full_stop", "full_stop", "full_stop", "comma")
        assert text(screen, "#runner-load") == "Load  5 kg"
        assert text(screen, "#runner-load-keys") == ", . step · l type"


async def test_u_takes_back_the_last_set_even_just_after_n(app: SoleusApp, clock: ManualClock) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)
        await press(pilot, "space", "space", "enter")
        assert big(screen)[0] == "REST"
        await press(pilot, "u")
        assert big(screen) == ("REPS · target 3", "2")  # the set is back on the counter
        assert workout(app).log.sets == []
        assert notified(app, "Took back the last set")
        await press(pilot, "space", "enter", "n")
        assert text(screen, "#runner-name") == "Wall hold"
        await press(pilot, "u")
        assert text(screen, "#runner-name") == "Seated raise"
        assert big(screen) == ("REPS · target 3", "3") and len(workout(app).exercises) == 1


async def test_space_after_the_planned_sets_starts_an_extra_set(app: SoleusApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)
        await press(pilot, "space", "enter", "s", "space", "enter", "s")
        assert text(screen, "#runner-where") == "All 2 sets done"
        assert screen.active_bindings["space"].binding.description == "Extra set"
        await press(pilot, "space", "space")
        assert text(screen, "#runner-where") == "Extra set 3 · both legs"
        await press(pilot, "enter")
        assert [s.reps for s in workout(app).log.sets] == [1, 1, 2]


async def test_n_drops_a_false_start_and_says_so(app: SoleusApp, clock: ManualClock) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot, position=1)  # the wall hold
        await press(pilot, "space")
        await wait(pilot, clock, 3 + 2)  # a 2 s hold: not a set
        await press(pilot, "n")
        assert text(screen, "#runner-name") == "Single-leg raise"
        assert workout(app).exercises[0].sets == []
        assert notified(app, "Not kept: a 2 s hold")
        await press(pilot, "space", "space", "enter")  # the left leg only, then finish
        await press(pilot, "f")
        assert notified(app, "the left leg of set 1")


async def test_n_reads_no_history_on_the_screen_thread(app: SoleusApp, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    main = threading.get_ident()
    readers: list[int] = []
    original = Profile.read_session
    monkeypatch.setattr(Profile, "read_session", lambda self, path: readers.append(threading.get_ident()) or original(self, path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_runner(pilot)
        await press(pilot, "space", "enter", "f", "escape")  # one workout in history
        await app.workers.wait_for_complete()
        readers.clear()
        screen = await open_runner(pilot)
        await app.workers.wait_for_complete()
        await press(pilot, "n", "n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text(screen, "#runner-name") == "Single-leg raise"
        assert readers and main not in readers


async def test_pain_is_asked_after_the_last_set_and_a_digit_answers_it(app: SoleusApp, data_dir: Path) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        app.update_settings(replace(app.settings, pain=True))
        screen = await open_runner(pilot)
        await press(pilot, "space", "enter", "s")
        assert app.screen is screen  # not after the first of two sets
        await press(pilot, "space", "enter")
        assert isinstance(app.screen, PainScreen)
        await press(pilot, "n", "f", "space")  # nothing else acts
        assert isinstance(app.screen, PainScreen) and len(workout(app).exercises) == 1
        await press(pilot, "3")  # a digit answers: it does not switch to History
        assert app.screen is screen and app.current_mode == "train"
        assert workout(app).log.pain == 3
        assert Profile.open(data_dir, "default").load_current()["exercises"][0]["pain"] == 3


async def test_t_answers_ten_and_escape_skips(app: SoleusApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        app.update_settings(replace(app.settings, pain=True))
        screen = await open_runner(pilot, position=2)  # one per-side set
        await press(pilot, "space", "enter", "s", "space", "enter")
        assert isinstance(app.screen, PainScreen)
        await press(pilot, "t")
        assert workout(app).log.pain == 10
        await press(pilot, "n")
        await press(pilot, "space", "space", "space", "enter", "s", "space", "enter")
        assert isinstance(app.screen, PainScreen)
        await press(pilot, "escape")
        assert app.screen is screen and workout(app).log.pain is None


async def test_a_remapped_key_changes_the_hints(app: SoleusApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        app.set_keymap({"train.count": "k", "train.lighter": "j"})
        screen = await open_runner(pilot)
        assert text(screen, "#readout-caption").startswith("k      count a rep")
        assert text(screen, "#runner-load-keys").startswith("j . step")
        await press(pilot, "k", "k")
        assert big(screen)[1] == "2"


async def test_the_footer_says_what_space_does_and_pacing_keeps_the_count(app: SoleusApp, clock: ManualClock) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)

        def space_does() -> str:
            return screen.active_bindings["space"].binding.description

        assert space_does() == "Count"
        await press(pilot, "space", "a")
        assert space_does() == "Start now" and workout(app).reps == 1
        await wait(pilot, clock, 3)
        assert space_does() == "End the set"
        await press(pilot, "a")  # to failure: the count goes on past the target
        assert screen.active_bindings["a"].binding.description == "Pace off"
        await wait(pilot, clock, 4 * 3)
        assert big(screen) == ("TO FAILURE · target 3", "4") and rung(app) == 1
        await press(pilot, "enter")
        assert [s.reps for s in workout(app).log.sets] == [4]
        assert space_does() == "Next set"


async def test_every_screen_shows_the_rest_while_it_runs(app: SoleusApp, clock: ManualClock) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)
        await press(pilot, "space", "enter")
        assert app.title == "soleus-tui"  # the runner shows it big
        await press(pilot, "1")
        clock.advance(5)
        screen.tick()
        await pilot.pause()
        assert app.current_mode == "learn" and app.title == "soleus-tui · 0:25 rest"
        clock.advance(30)
        screen.tick()
        await pilot.pause()
        assert app.title == "soleus-tui · +0:05 overtime" and rung(app) == 1
        await press(pilot, "2")
        assert app.screen is screen and app.title == "soleus-tui"


async def test_alerts_follow_the_notify_and_progress_settings(
    app: SoleusApp, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = sent_to_terminal(monkeypatch, RunnerScreen, "write_terminal")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)
        await press(pilot, "space", "enter")
        await wait(pilot, clock, 30)
        assert sent == []  # both off by default
        await press(pilot, "s")
        app.update_settings(replace(app.settings, notify="osc777", progress=True))
        await press(pilot, "space", "enter")
        assert sent == ["\x1b]9;4;1;100\x07"]
        await wait(pilot, clock, 15)
        assert sent[-1] == "\x1b]9;4;1;50\x07"
        await wait(pilot, clock, 15)
        assert "\x1b]777;notify;soleus-tui;Rest is over: Seated raise\x07" in sent
        assert sent[-1] == "\x1b]9;4;0\x07"
        assert screen.workout is not None and screen.workout.phase is Phase.REST


async def test_raw_escapes_never_reach_a_headless_driver(app: SoleusApp, clock: ManualClock, monkeypatch: pytest.MonkeyPatch) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        assert app._driver is not None
        written = sent_to_terminal(monkeypatch, app._driver, "write")
        app.update_settings(replace(app.settings, notify="osc9", progress=True))
        await open_runner(pilot)
        await press(pilot, "space", "enter")
        await wait(pilot, clock, 30)
        assert not any("\x1b]9;" in data for data in written)


async def test_cues_fold_after_the_first_set_and_v_brings_them_back(app: SoleusApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_runner(pilot)
        assert text(screen, "#runner-cues") == "· Dumbbell on the knees"
        assert screen.query_one("#tempo").display
        await press(pilot, "space", "enter")
        assert text(screen, "#runner-cues") == "v  cues and tempo"
        assert not screen.query_one("#tempo").display  # no tempo during rest
        await press(pilot, "v")
        assert text(screen, "#runner-cues") == "· Dumbbell on the knees" and screen.query_one("#tempo").display


async def test_resume_in_plain_words_and_d_discards_to_quarantine(data_dir: Path, catalog_file: Path, clock: ManualClock) -> None:
    await leave_a_workout(data_dir, catalog_file, clock, "space", "enter", "s", "space", "space")
    async with restarted(data_dir, clock, catalog_file) as (again, pilot):
        assert isinstance(again.screen, ResumeScreen)
        words = str(again.screen.query_one("#resume-summary", Static).render())
        assert words.endswith("· 1 exercise, 1 set, and 2 reps in the set that was running")
        await press(pilot, "d")
        assert not isinstance(again.screen, ResumeScreen)
    profile = Profile.open(data_dir, "default")
    assert not profile.current_path.exists() and list(profile.iter_session_paths()) == []
    assert (profile.quarantine_dir / "current.toml").exists()


async def test_escape_decides_later_and_the_question_comes_back_before_a_new_workout(
    data_dir: Path, catalog_file: Path, clock: ManualClock
) -> None:
    await leave_a_workout(data_dir, catalog_file, clock, "space")
    profile = Profile.open(data_dir, "default")
    async with restarted(data_dir, clock, catalog_file) as (again, pilot):
        assert isinstance(again.screen, ResumeScreen)
        await press(pilot, "escape")
        assert not isinstance(again.screen, ResumeScreen) and profile.current_path.exists()
        await press(pilot, "2")
        await press(pilot, "enter")  # a new workout would overwrite it: asked first
        assert isinstance(again.screen, ResumeScreen)
        await press(pilot, "r")
        await pilot.pause()
        assert isinstance(again.screen, RunnerScreen) and workout(again).reps == 1


async def test_a_workout_with_nothing_counted_is_not_offered(data_dir: Path, catalog_file: Path, clock: ManualClock) -> None:
    await leave_a_workout(data_dir, catalog_file, clock)
    async with restarted(data_dir, clock, catalog_file) as (again, pilot):
        assert not isinstance(again.screen, ResumeScreen)
    assert not Profile.open(data_dir, "default").current_path.exists()


async def test_a_programme_session_follows_its_plan_to_the_end(app: SoleusApp, data_dir: Path, clock: ManualClock) -> None:
    from soleus_tui.core.programmes.plan import PlannedExercise, TodayPlan

    async with app.run_test(size=(80, 24)) as pilot:
        raise_, hold, _ = app.catalog.exercises
        today = TodayPlan("hsr-12", "Heavy slow resistance", 2, 12, 0, 3,
                          (PlannedExercise(replace(raise_, sets=1, reps=2, rest_s=20)), PlannedExercise(replace(hold, sets=1))),
                          between_exercises_s=300)  # fmt: skip
        app.trainer.start_plan(today, last=[])
        await press(pilot, "2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunnerScreen)
        assert text(screen, "#runner-where") == "Set 1 of 1 · both legs"
        await press(pilot, "space", "space", "enter")
        assert big(screen) == ("REST", "5:00")  # the pause between exercises
        assert text(screen, "#readout-caption").startswith("n      next: Wall hold")
        await press(pilot, "n")
        assert text(screen, "#runner-name") == "Wall hold"
        assert text(screen, "#readout-caption") == "space  3-2-1, then hold"
        await press(pilot, "space")
        await wait(pilot, clock, 3 + 12)
        await press(pilot, "space")
        assert text(screen, "#readout-caption").startswith("n      end today's session")
        await press(pilot, "n")
        assert text(screen, "#runner-where") == "Today's session is done"
        assert big(screen)[0] == "TODAY'S SESSION IS DONE"
        assert "count" not in {b.binding.action for b in screen.active_bindings.values()}
        await press(pilot, "f")
    (path,) = Profile.open(data_dir, "default").iter_session_paths()
    session = Profile.open(data_dir, "default").read_session(path)
    assert (session.programme, session.programme_week) == ("hsr-12", 2)
    assert [e.id for e in session.exercises] == ["raise", "hold"]


async def test_plus_and_minus_say_whether_they_changed_this_rest_or_the_exercise(app: SoleusApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_runner(pilot)
        await press(pilot, "plus")
        assert notifications(app)[-1].startswith("0:45 after each set of this exercise, in this workout")
        await press(pilot, "space", "enter", "minus")
        assert notifications(app)[-1] == "This rest only."
        assert workout(app).rest_s == 45 and workout(app).rest_target_s == 30


async def test_an_open_pain_question_is_asked_again_after_a_restart(data_dir: Path, catalog_file: Path, clock: ManualClock) -> None:
    from soleus_tui.core.settings import Settings, save_settings

    save_settings(Profile.open(data_dir, "default").settings_path, Settings(pain=True))
    await leave_a_workout(data_dir, catalog_file, clock, "space", "enter", "s", "space", "enter")
    async with restarted(data_dir, clock, catalog_file) as (again, pilot):
        assert isinstance(again.screen, ResumeScreen)
        await press(pilot, "r")
        await pilot.pause()
        assert isinstance(again.screen, PainScreen)
        await press(pilot, "5")
        await pilot.pause()
        assert isinstance(again.screen, RunnerScreen) and workout(again).log.pain == 5
