"""Home with and without a programme, the programme list, and History following the programme."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
import tomli_w
from textual import events
from textual.widgets import DataTable, Footer, Static

from soleus_tui.app import SoleusApp
from soleus_tui.core.pain.checkins import CheckIns, checkins_path, save_checkins
from soleus_tui.core.programmes import state
from soleus_tui.core.programmes.plan import TodayPlan
from soleus_tui.core.programmes.running import programme_path, read_running, start_running
from soleus_tui.core.session import ExerciseLog, Session, SetLog
from soleus_tui.core.settings import Settings, load_settings, save_settings
from soleus_tui.core.store import Profile
from soleus_tui.ui.history.history import HistoryScreen
from soleus_tui.ui.shell import home
from soleus_tui.ui.shell.home import HomeScreen
from soleus_tui.ui.shell.programmes import ProgrammesScreen
from soleus_tui.ui.widgets.confirm import ConfirmScreen
from tests.support.clock import ManualClock
from tests.support.pilot import notified, wait_until
from tests.support.settle import settle


NO_PROGRAMME_PANEL = "No programme is running. p chooses one.\nThen t starts the day's planned session."


def shown(app: SoleusApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def hsr_session(clock: ManualClock, week: int) -> Session:
    start = clock.now() + timedelta(minutes=5)
    sets = [SetLog(15, 0.0, 40.0, "both", start, start + timedelta(minutes=1)) for _ in range(3)]
    exercise = ExerciseLog("seated-calf-raise-machine", "Seated calf raise machine", sets, knee_angle=90)
    return Session(start, start + timedelta(minutes=20), [exercise], programme="hsr-12", programme_week=week)


async def test_without_a_programme_home_says_so_and_how_to_start_one(data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    slow = state.load_state

    def held_back(*args: object, **kwargs: object) -> state.ProgrammeState:
        release.wait(timeout=10)
        return slow(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(state, "load_state", held_back)
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown(app, "#home-plan") == "Reading today's plan..."  # the frame did not wait for the read
        release.set()
        await settle(pilot)
        assert shown(app, "#home-plan") == NO_PROGRAMME_PANEL
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.trainer.workout is None


def home_reads(monkeypatch: pytest.MonkeyPatch) -> list[HomeScreen]:
    """The home screens that start reading their plan; the test fires the type-ahead timer itself."""
    monkeypatch.setattr(home, "TYPE_AHEAD_S", 3600.0)
    reads: list[HomeScreen] = []
    monkeypatch.setattr(HomeScreen, "read_in_thread", lambda self, today: reads.append(self))
    return reads


async def test_a_key_typed_at_the_first_frame_goes_first_and_home_reads_its_plan_on_return(
    data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 3 typed the moment home is drawn opens History with nothing read behind it; home reads
    its plan once it is back on screen."""
    reads = home_reads(monkeypatch)
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        first = app.screen
        assert isinstance(first, HomeScreen)
        await pilot.press("3")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        first.first_read()  # what the type-ahead timer does once it runs out
        assert reads == []
        await pilot.press("escape")
        await wait_until(pilot, lambda: reads == [first], "home's read on its return")


async def test_home_reads_its_plan_under_a_question_that_covers_it(data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch) -> None:
    reads = home_reads(monkeypatch)
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        first = app.screen
        assert isinstance(first, HomeScreen)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: app.screen is not first, "the keys over home")
        first.first_read()
        assert reads == [first]


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_without_a_programme_today_is_two_compact_lines_with_the_keys_in_force(
    data_dir: Path, clock: ManualClock, size: tuple[int, int]
) -> None:
    profile = Profile.open(data_dir, "default")
    profile.settings_path.write_text(tomli_w.dumps({"keymap": {"home.programmes": "o", "home.today": "y"}}))
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert shown(app, "#home-plan") == NO_PROGRAMME_PANEL.replace(" p ", " o ").replace(" t ", " y ")
        panel, safety = app.screen.query_one("#home-plan").region, app.screen.query_one("#home-safety").region
        assert panel.height == 4  # the two lines in their border, no empty rows
        assert safety.y == panel.bottom  # the safety line right below, not pushed to the footer


async def test_a_running_programme_gives_today_the_room_down_to_the_safety_line(data_dir: Path, clock: ManualClock) -> None:
    start_running(Profile.open(data_dir, "default"), "alfredson-12", clock.now().date())
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        screen = app.screen
        panel, safety = screen.query_one("#home-plan").region, screen.query_one("#home-safety").region
        assert "Alfredson eccentric heel drops" in shown(app, "#home-plan")
        assert safety.y == panel.bottom and safety.bottom == screen.query_one(Footer).region.y


async def test_start_hsr_from_the_list_then_home_and_history_follow_it(data_dir: Path, clock: ManualClock) -> None:
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProgrammesScreen)
        table = screen.query_one(DataTable)
        assert [str(table.get_row_at(n)[1]) for n in range(table.row_count)] == [
            "Soleus strength for runners", "Heavy slow resistance (bent-knee part)", "Alfredson eccentric heel drops",
        ]
        await pilot.press("down")
        about = shown(app, "#programme-about")
        assert "Beyer et al. (2015)" in about and "clinician" in about
        assert shown(app, "#programmes-hint") == "enter starts the highlighted programme"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        running = read_running(app.profile)[0]
        assert running is not None and (running.id, running.started) == ("hsr-12", clock.now().date())
        assert app.settings.pain and load_settings(app.profile.settings_path)[0].pain  # hsr-12 asks for pain

        plan = shown(app, "#home-plan").splitlines()
        assert plan[0] == "Heavy slow resistance (bent-knee part)"
        assert plan[1].startswith("week 1 of 12 · 0 of 3 done this week")
        assert plan[2].startswith("Seated calf raise machine") and "3 x 15 (15RM)" in plan[2] and "find your 15RM" in plan[2]
        assert plan[-1] == "t starts today's session · p programmes"

        await pilot.press("3")
        await settle(pilot)
        assert shown(app, "#history-programme").splitlines()[0] == "Heavy slow resistance (bent-knee part) · week 1 of 12 · 0 of 3 this week"
        Profile.open(data_dir, "default").write_session(hsr_session(clock, week=1))
        await pilot.press("1", "3")  # away and back: History reads again
        await settle(pilot)
        lines = shown(app, "#history-programme").splitlines()
        assert lines == [
            "Heavy slow resistance (bent-knee part) · week 1 of 12 · 1 of 3 this week",
            "adherence 100% (1 of 1 due so far) · complete weeks: none yet",
            "bent knee 45 reps, 1,800 kg · straight knee 0 reps, 0 kg",
        ]

        await pilot.press("escape")  # back home: the plan has moved on and suggests from the session
        await settle(pilot)
        plan = shown(app, "#home-plan").splitlines()
        assert "1 of 3 done this week" in plan[1] and "45 kg" in plan[2]  # one machine step, as the runner steps
        assert plan[3].strip() == "every set hit 15 last time: one step heavier"


async def test_enter_after_a_burst_of_arrows_asks_about_the_programme_they_reached(data_dir: Path, clock: ManualClock) -> None:
    """Keys that arrive together (typed fast, or a slow SSH link) are handled in the order they came."""
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        for key in ("down", "down", "up", "enter"):
            app.post_message(events.Key(key, None))
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        assert shown(app, "#confirm-question") == "Start Heavy slow resistance (bent-knee part)?"


async def test_x_stops_the_running_programme_after_a_question(data_dir: Path, clock: ManualClock) -> None:
    start_running(Profile.open(data_dir, "default"), "alfredson-12", clock.now().date())
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        plan = shown(app, "#home-plan")
        assert "Alfredson eccentric heel drops" in plan and "0 of 14 done this week" in plan
        assert "Straight-knee heel drop (gastrocnemius) · 3 x 15 per side · bodyweight" in plan and "3 x 15 per side" in plan
        await pilot.press("p")
        await pilot.pause()
        assert str(app.screen.query_one(DataTable).get_row("alfredson-12")[0]) == "yes"
        assert shown(app, "#programmes-hint").endswith("x stops the running one")
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("n")  # no: nothing changes
        await pilot.pause()
        assert programme_path(app.profile).exists()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert not programme_path(app.profile).exists() and isinstance(app.screen, HomeScreen)
        assert shown(app, "#home-plan") == NO_PROGRAMME_PANEL


async def test_an_unreadable_programme_file_is_a_warning_not_a_crash(data_dir: Path, clock: ManualClock) -> None:
    profile = Profile.open(data_dir, "default")
    programme_path(profile).write_text("schema = 1\nid = [\n")
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert shown(app, "#home-plan") == NO_PROGRAMME_PANEL
        assert notified(app, "quarantine/")
        assert (profile.quarantine_dir / "programme.toml").exists()


async def test_t_hands_todays_plan_to_the_trainer_and_opens_train(data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch) -> None:
    start_running(Profile.open(data_dir, "default"), "hsr-12", clock.now().date())
    app = SoleusApp(data_dir=data_dir, clock=clock)
    handed: list[object] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(app.trainer, "start_plan", handed.append, raising=False)  # the runner's side
        await pilot.press("t")
        await pilot.pause()
        (plan,) = handed
        assert isinstance(plan, TodayPlan) and (plan.programme_id, plan.week, plan.due_this_week) == ("hsr-12", 1, 3)
        (planned,) = plan.exercises
        assert (planned.exercise.id, planned.exercise.sets, planned.exercise.reps, planned.rm) == ("seated-calf-raise-machine", 3, 15, True)
        assert planned.exercise.tempo == (3, 0, 3) and planned.suggestion is not None and planned.suggestion.first_time
        assert app.current_mode == "train"


async def test_home_and_the_runner_lower_the_load_alike_after_pain(data_dir: Path, clock: ManualClock) -> None:
    profile = Profile.open(data_dir, "default")
    start_running(profile, "hsr-12", clock.now().date() - timedelta(days=2))
    save_settings(profile.settings_path, Settings(pain=True))
    # Asked already this morning: the morning question would otherwise take the `t` as a 10.
    save_checkins(checkins_path(profile), CheckIns(last_asked=clock.now().date()))
    done = hsr_session(clock, week=1)
    done.exercises[0] = replace(done.exercises[0], pain=6)
    profile.write_session(replace(done, started=done.started - timedelta(days=1), ended=done.ended - timedelta(days=1)))
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "week 1 of 12" in shown(app, "#home-plan"), "today's plan")
        plan = shown(app, "#home-plan").splitlines()
        assert plan[2] == "Seated calf raise machine · 3 x 15 (15RM) · 35 kg"  # not 45 kg: pain 6 last time
        assert plan[3].strip() == "pain 6/10 during last time is above 5: one step lighter"
        await pilot.press("t")
        await wait_until(pilot, lambda: app.trainer.workout is not None, "today's session")
        assert app.trainer.workout is not None and app.trainer.workout.load_kg == 35.0
        await wait_until(pilot, lambda: "one step lighter" in shown(app, "#runner-history"), "the runner's suggestion")
        assert "15 reps at 35 kg: pain 6/10 during last time is above 5: one step lighter" in shown(app, "#runner-history")


async def test_t_runs_todays_hsr_session_and_history_counts_it(data_dir: Path, clock: ManualClock) -> None:
    """From home to a finished programme session: the plan's exercise and sets, the session
    file carrying the programme and its week, and History counting 1 of 3 this week."""
    profile = Profile.open(data_dir, "default")
    start_running(profile, "hsr-12", clock.now().date())
    app = SoleusApp(data_dir=data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "week 1 of 12" in shown(app, "#home-plan"), "today's plan")
        await pilot.press("t")
        await wait_until(pilot, lambda: app.trainer.workout is not None, "today's session")
        workout = app.trainer.workout
        assert workout is not None and workout.plan.id == "seated-calf-raise-machine"
        assert (workout.plan.sets, workout.plan.reps, workout.plan.tempo) == (3, 15, (3, 0, 3))
        for _ in range(3):
            await pilot.press(*["space"] * 15, "enter")
        assert workout.sets_done == 3
        await pilot.press("f")
        await wait_until(pilot, lambda: next(profile.iter_session_paths(), None) is not None, "the session file")
        session = profile.read_session(next(profile.iter_session_paths()))
        assert (session.programme, session.programme_week) == ("hsr-12", 1)
        assert [len(e.sets) for e in session.exercises] == [3] and session.exercises[0].knee_angle == 90
        await pilot.press("escape", "escape")
        await pilot.press("3")
        await wait_until(pilot, lambda: app.screen.query("#history-programme"), "History")
        await wait_until(
            pilot, lambda: "1 of 3 this week" in shown(app, "#history-programme"), "History counting the session"
        )
