"""The History screens driven by keys, on histories written as real session files."""

from __future__ import annotations

import csv
import threading
from collections import defaultdict
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import ContentSwitcher, DataTable

import soleus_tui.ui.history.history as history_screen
from soleus_tui import cli
from soleus_tui.app import SoleusApp
from soleus_tui.ui.history.history_text import count_text, hold_text, volume_text
from soleus_tui.core.store import Profile
from soleus_tui.ui.widgets.confirm import ConfirmScreen
from soleus_tui.ui.history.exercise_history import ExerciseHistoryScreen
from soleus_tui.ui.history.history import HistoryScreen
from soleus_tui.ui.history.session_detail import SessionDetailScreen
from soleus_tui.ui.history.paged_table import PAGE
from tests.support.clock import ManualClock
from tests.support.histories import HAND_MADE_TODAY, hand_made_history, write_daily_history, write_realistic_history
from tests.support.pilot import notifications, notified, wait_until
from tests.support.settle import settle

RAISE = "seated-dumbbell-calf-raise"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(wall=HAND_MADE_TODAY)


@pytest.fixture
def app(data_dir: Path, clock: ManualClock) -> SoleusApp:
    return SoleusApp(data_dir=data_dir, clock=clock)


def write(profile: Profile, sessions: list) -> list[Path]:
    return [profile.write_session(session) for session in sessions]


async def open_history(pilot: Pilot) -> HistoryScreen:
    await pilot.press("3")
    await settle(pilot)
    assert isinstance(pilot.app.screen, HistoryScreen)
    return pilot.app.screen


def text(widget: Widget) -> str:
    return str(widget.render())


def rows(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


async def test_the_overview_and_the_list_show_the_hand_made_numbers(profile: Profile, app: SoleusApp) -> None:
    write(profile, hand_made_history())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        totals = text(screen.query_one("#history-totals"))
        assert "Streak     3 days · 3 weeks" in totals
        assert "This week  2 workouts · 0.8 on average" in totals
        assert "In all     5 workouts · 87 reps" in totals
        assert "75 s held · 1,720 kg volume" in totals
        assert rows(screen.query_one("#history-workouts", DataTable)) == [
            ["2026-11-24", "today", "07:00", "4 min", "1", "3", "34", "680 kg"],
            ["2026-11-23", "yesterday", "18:00", "3 min", "1", "2", "0", "0 kg"],
            ["2026-11-22", "Sun", "07:00", "3 min", "1", "2", "26", "515 kg"],
            ["2026-11-15", "Sun", "07:00", "2 min", "1", "1", "15", "225 kg"],
            ["2026-10-20", "Tue", "07:00", "2 min", "1", "1", "12", "300 kg"],
        ]
        calendar = text(screen.query_one("#history-calendar")).splitlines()
        # the last column is this week: Monday held only holds (lightest mark), Tuesday the most volume
        assert calendar[1].endswith("░ ") and calendar[2].endswith("█ ")
        # Sundays 15 (225 kg) and 22 (515 kg) against the 680 kg peak; Sunday 29 is still to come
        assert calendar[7].rstrip().endswith("▒ █")
        chart = screen.query_one("#history-volume")
        assert chart.values[-6:] == (300.0, 0.0, 0.0, 225.0, 515.0, 680.0)
        assert chart.border_subtitle == "peak 680 kg"


async def test_enter_opens_a_workout_with_every_set_and_its_note(profile: Profile, app: SoleusApp) -> None:
    write(profile, hand_made_history())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionDetailScreen)
        summary = text(screen.query_one("#detail-summary"))
        assert "Monday 2026-11-23, yesterday · 18:00 to 18:03 · 3 min" in summary
        assert "1 exercise · 2 sets · 0 reps · 75 s held · 0 kg volume" in summary
        assert rows(screen.query_one("#detail-sets", DataTable)) == [
            ["Seated isometric soleus hold", "1", "both", "30 s hold", "0 kg", "1:30"],
            ["", "2", "both", "45 s hold", "5 kg", "1:30"],
        ]
        assert text(screen.query_one("#detail-note")) == "Note  Calves tight"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


async def test_bests_per_exercise_and_an_exercise_trend(profile: Profile, app: SoleusApp) -> None:
    write(profile, hand_made_history())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("b")
        await pilot.pause()
        assert screen.query_one(ContentSwitcher).current == "history-bests"
        assert rows(screen.query_one("#history-bests", DataTable)) == [
            [
                "Seated dumbbell calf raise\n4 workouts, last 2026-11-24",
                "12 x 25 kg\n2026-10-20",
                "15 x 15 kg\n2026-11-15",
                "-",
            ],
            ["Seated isometric soleus hold\n1 workout, last 2026-11-23", "-", "-", "45 s, 5 kg\n2026-11-23"],
        ]
        await pilot.press("enter")
        await settle(pilot)
        exercise = app.screen
        assert isinstance(exercise, ExerciseHistoryScreen)
        bests = text(exercise.query_one("#exercise-bests"))
        assert "Heaviest for 12 reps  12 x 25 kg" in bests and "on 2026-10-20" in bests
        assert "Most reps in a set    15 x 15 kg" in bests and "Longest hold" not in bests
        assert rows(exercise.query_one("#exercise-workouts", DataTable)) == [
            ["2026-11-24", "today", "12 x 20 kg", "12 x 20 kg"],
            ["2026-11-22", "Sun", "12 x 22.5 kg", "14 x 17.5 kg"],
            ["2026-11-15", "Sun", "15 x 15 kg", "15 x 15 kg"],
            ["2026-10-20", "Tue", "12 x 25 kg", "12 x 25 kg"],
        ]
        chart = exercise.query_one("#exercise-trend")
        assert chart.values == (25.0, 15.0, 22.5, 20.0)
        assert (chart.border_title, chart.border_subtitle) == ("Heaviest set, last 4 workouts", "peak 25 kg")
        await pilot.press("escape")
        await settle(pilot)
        assert screen.query_one("#history-bests", DataTable).cursor_row == 0
        await pilot.press("down", "enter")
        await settle(pilot)
        assert text(app.screen.query_one("#exercise-bests")).startswith("Seated isometric soleus hold")
        await pilot.press("escape")
        await settle(pilot)
        assert screen.query_one("#history-bests", DataTable).cursor_row == 1  # where it was
        await pilot.press("w")
        await pilot.pause()
        assert screen.query_one(ContentSwitcher).current == "history-workouts"


async def test_a_corrupt_file_is_quarantined_with_a_warning_and_the_rest_still_show(
    profile: Profile, app: SoleusApp
) -> None:
    write(profile, hand_made_history())
    broken = profile.sessions_dir / "2026" / "2026-11-21T07-00-00-dead.toml"
    broken.write_text('schema = 1\nstarted = 2026-11-21T07:00:00+01:00\n[[exercises]\nname = "cut off')
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        assert app.screen is screen  # a notification, not a modal
        assert len([message for message in notifications(app, "warning") if broken.name in message]) == 1
        assert screen.query_one("#history-workouts", DataTable).row_count == 5
        assert (profile.quarantine_dir / broken.name).exists() and not broken.exists()


@pytest.mark.parametrize("answer", ["n", "escape"])
async def test_delete_asks_first_and_no_keeps_the_workout(profile: Profile, app: SoleusApp, answer: str) -> None:
    newest = write(profile, hand_made_history())[0]
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press(answer)
        await settle(pilot)
        assert isinstance(app.screen, SessionDetailScreen)
        assert newest.exists() and not profile.quarantine_dir.exists()


async def test_delete_yes_moves_the_file_to_quarantine_and_the_overview_follows(
    profile: Profile, app: SoleusApp
) -> None:
    newest = write(profile, hand_made_history())[0]
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert not newest.exists() and (profile.quarantine_dir / newest.name).exists()
        assert notified(app, newest.name)
        assert [row[0] for row in rows(screen.query_one("#history-workouts", DataTable))][:1] == ["2026-11-23"]
        assert "In all     4 workouts · 53 reps" in text(screen.query_one("#history-totals"))


async def test_the_worker_fills_the_overview_while_keys_still_work(
    profile: Profile, app: SoleusApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(profile, hand_made_history())
    release = threading.Event()
    real_scan = history_screen.scan

    def slow_scan(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        release.wait(timeout=10)
        return real_scan(*args, **kwargs)

    monkeypatch.setattr(history_screen, "scan", slow_scan)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one("#history-workouts", DataTable)
        assert table.row_count == 5  # the first rows, read straight from the newest files
        assert text(screen.query_one("#history-totals")) == "Reading the history..."
        chart = screen.query_one("#history-volume")
        assert (chart.border_title, chart.border_subtitle) == ("Volume a week", "")
        await pilot.press("down")
        assert table.cursor_row == 1
        await pilot.press("b")
        await pilot.pause()
        assert screen.query_one(ContentSwitcher).current == "history-bests"
        release.set()
        await settle(pilot)
        assert "In all     5 workouts · 87 reps" in text(screen.query_one("#history-totals"))
        assert screen.query_one("#history-bests", DataTable).row_count == 2


async def test_the_first_rows_are_on_screen_before_the_rest_of_history_is_built(
    profile: Profile, app: SoleusApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The calendar, the chart and the hidden bests would hold the rows up: they come after."""
    write(profile, hand_made_history())
    before: list[tuple[int, bool]] = []
    complete = HistoryScreen.complete

    def recording(self: HistoryScreen) -> None:
        before.append((self.query_one("#history-workouts", DataTable).row_count, bool(self.query("#history-calendar, #history-bests"))))
        complete(self)

    monkeypatch.setattr(HistoryScreen, "complete", recording)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        assert before[0] == (5, False)
        assert screen.query_one("#history-calendar").border_title == "Training days"
        assert screen.query_one("#history-bests", DataTable).row_count == 2


async def test_years_of_rows_come_a_page_at_a_time(profile: Profile, app: SoleusApp) -> None:
    days = PAGE * 3 + 10
    write_daily_history(profile, HAND_MADE_TODAY, days=days)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one("#history-workouts", DataTable)
        counts = [table.row_count]
        while counts[-1] < days and len(counts) < 10:
            await pilot.press("end")
            counts.append(table.row_count)
        assert counts[0] < PAGE and counts[-1] == days
        assert all(0 < later - earlier <= PAGE for earlier, later in zip(counts, counts[1:]))
        assert rows(table)[-1][0] == (HAND_MADE_TODAY - timedelta(days=days - 1)).date().isoformat()


async def test_coming_back_shows_a_workout_finished_meanwhile(profile: Profile, app: SoleusApp) -> None:
    write(profile, hand_made_history()[1:])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        assert screen.query_one("#history-workouts", DataTable).row_count == 4
        await pilot.press("escape")
        await pilot.pause()
        write(profile, hand_made_history()[:1])
        await open_history(pilot)
        assert rows(screen.query_one("#history-workouts", DataTable))[0][:2] == ["2026-11-24", "today"]


async def test_an_empty_history_says_how_to_fill_it(app: SoleusApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        assert "No workouts yet: press 2 to train" in text(screen.query_one("#history-caption"))
        assert "In all     0 workouts · 0 reps" in text(screen.query_one("#history-totals"))
        await pilot.press("enter", "b", "enter")  # nothing to open: nothing happens
        await pilot.pause()
        assert app.screen is screen


async def test_plain_mode_draws_the_calendar_and_chart_in_ascii(
    profile: Profile, data_dir: Path, clock: ManualClock
) -> None:
    write_realistic_history(profile, HAND_MADE_TODAY, weeks=20)
    app = SoleusApp(data_dir=data_dir, clock=clock, plain=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        for name in ("#history-calendar", "#history-volume"):
            drawn = text(screen.query_one(name))
            assert drawn.isascii() and "#" in drawn, name


@pytest.mark.parametrize("unit", ["kg", "lb"])
async def test_export_and_history_agree_on_every_number(
    profile: Profile, data_dir: Path, clock: ManualClock, tmp_path: Path, unit: str
) -> None:
    write_realistic_history(profile, HAND_MADE_TODAY, weeks=30)
    profile.settings_path.write_text(f'units = "{unit}"\n')
    exported = tmp_path / "sets.csv"
    assert cli.main(["--data-dir", str(data_dir), "export", "--output", str(exported)]) == 0
    per_workout: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    exercises: dict[str, set[str]] = defaultdict(set)
    with exported.open() as handle:
        for row in csv.DictReader(handle):
            workout = per_workout[row["session_started"]]
            workout["sets"] += 1
            workout["reps"] += int(row["reps"])
            workout["hold_s"] += float(row["hold_s"])
            workout["volume_kg"] += int(row["reps"]) * float(row["load_kg"])
            exercises[row["session_started"]].add(row["exercise_id"])
    newest_first = sorted(per_workout, reverse=True)

    app = SoleusApp(data_dir=data_dir, clock=clock)

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one("#history-workouts", DataTable)
        for _ in range(len(newest_first) // PAGE + 1):
            await pilot.press("end")
        shown = rows(table)
        for started, row in zip(newest_first, shown, strict=True):
            workout = per_workout[started]
            assert row[0] == started[:10] and row[2] == started[11:16]
            expected = [str(len(exercises[started])), f"{workout['sets']:.0f}", f"{workout['reps']:,.0f}"]
            assert row[4:7] == expected
            assert row[7] == volume_text(workout["volume_kg"], unit)
        totals = text(screen.query_one("#history-totals"))
        reps = sum(w["reps"] for w in per_workout.values())
        assert f"{count_text(len(per_workout), 'workout')} · {count_text(round(reps), 'rep')}" in totals
        volume = volume_text(sum(w["volume_kg"] for w in per_workout.values()), unit)
        assert f"{hold_text(sum(w['hold_s'] for w in per_workout.values()))} held · {volume} volume" in totals


async def test_an_unreadable_sessions_folder_is_an_error_message_not_a_crash(
    app: SoleusApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Profile) -> Iterator[Path]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Profile, "iter_session_paths", refuse)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await wait_until(pilot, lambda: notified(app, "Could not read the history"), "the error message")
        assert app.is_running and isinstance(app.screen, HistoryScreen)


async def test_a_file_broken_after_listing_is_quarantined_when_opened(profile: Profile, app: SoleusApp) -> None:
    newest = write(profile, hand_made_history())[0]
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        newest.write_text("schema = 1\n[[exercises]\n")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert notified(app, newest.name)
        assert rows(screen.query_one("#history-workouts", DataTable))[0][0] == "2026-11-23"


async def test_names_are_shown_as_written_never_as_markup(profile: Profile, app: SoleusApp) -> None:
    session = hand_made_history()[0]
    session.exercises[0].id, session.exercises[0].name = "my-raise", "Raise [/b] [red]x"
    write(profile, [session])
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert rows(app.screen.query_one("#detail-sets", DataTable))[0][0] == "Raise [/b] [red]x"
        await pilot.press("escape", "b", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ExerciseHistoryScreen)
        assert "Raise [/b] [red]x" in text(app.screen.query_one("#exercise-bests"))
