"""The trainer: a workout saved after every change, resumed or finished after a crash."""

from __future__ import annotations

import tomllib
from datetime import timedelta

import pytest

from soleus_tui.core.catalog import Catalog, Exercise
from tests.support.clock import ManualClock
from soleus_tui.core.settings import Settings
from soleus_tui.core.store import Profile
from soleus_tui.core.train.trainer import ReadOnlyError, Trainer
from soleus_tui.core.train.workout import Phase
from tests.support.histories import make_session


@pytest.fixture
def trainer(profile: Profile, clock: ManualClock, reps_exercise: Exercise, hold_exercise: Exercise) -> Trainer:
    return Trainer(profile, Catalog((reps_exercise, hold_exercise)), Settings(), clock)


def saved(profile: Profile) -> dict:
    return tomllib.loads(profile.current_path.read_text())


def test_every_rep_is_on_disk_at_once(trainer: Trainer, profile: Profile, reps_exercise: Exercise) -> None:
    trainer.start(reps_exercise)
    for count in (1, 2, 3):
        trainer.act(lambda w: w.count())
        assert saved(profile)["runner"]["reps"] == count
    trainer.act(lambda w: w.finish_set())
    table = saved(profile)
    assert table["exercises"][0]["sets"][0]["reps"] == 3 and table["runner"]["phase"] == "rest"


def test_tick_saves_only_when_time_changed_something(trainer: Trainer, profile: Profile, clock: ManualClock, hold_exercise: Exercise) -> None:
    trainer.start(hold_exercise)
    trainer.act(lambda w: w.count())
    before = profile.current_path.stat().st_mtime_ns
    assert trainer.tick() == []
    assert profile.current_path.stat().st_mtime_ns == before
    clock.advance(3)
    assert trainer.tick() and saved(profile)["runner"]["phase"] == "holding"


def test_resume_after_a_crash_keeps_the_counted_reps(profile: Profile, clock: ManualClock, reps_exercise: Exercise, hold_exercise: Exercise) -> None:
    first = Trainer(profile, Catalog((reps_exercise,)), Settings(), clock)
    first.start(reps_exercise)
    for _ in range(5):
        first.act(lambda w: w.count())
    # the process dies here; a new one finds current.toml
    second = Trainer(profile, Catalog((reps_exercise,)), Settings(), clock)
    table = second.saved_workout()
    assert table is not None
    workout = second.resume(table)
    assert (workout.reps, workout.phase) == (5, Phase.SET)
    second.act(lambda w: w.finish_set())
    path = second.finish().path
    assert path is not None and not profile.current_path.exists()
    assert profile.read_session(path).exercises[0].sets[0].reps == 5


def test_finish_saved_closes_the_old_workout_without_resuming(trainer: Trainer, profile: Profile, reps_exercise: Exercise) -> None:
    trainer.start(reps_exercise)
    trainer.act(lambda w: w.count())
    table = trainer.saved_workout()
    assert table is not None
    path = trainer.finish_saved(table)
    assert path is not None and [p for p in profile.iter_session_paths()] == [path]
    assert not profile.current_path.exists()


def test_a_workout_with_nothing_logged_writes_no_session(trainer: Trainer, profile: Profile, reps_exercise: Exercise) -> None:
    trainer.start(reps_exercise)
    assert trainer.finish().path is None
    assert list(profile.iter_session_paths()) == [] and not profile.current_path.exists()


def test_a_broken_current_file_is_quarantined(trainer: Trainer, profile: Profile) -> None:
    profile.current_path.write_text("schema = 1\n[runner\n")
    assert trainer.saved_workout() is None
    assert not profile.current_path.exists()
    assert (profile.quarantine_dir / "current.toml").exists()
    assert "quarantine" in trainer.warnings[0]


def test_a_read_only_trainer_cannot_start(profile: Profile, clock: ManualClock, reps_exercise: Exercise) -> None:
    trainer = Trainer(profile, Catalog((reps_exercise,)), Settings(), clock, can_train=False)
    with pytest.raises(ReadOnlyError):
        trainer.start(reps_exercise)
    assert not profile.current_path.exists()


def test_start_load_and_suggestion_come_from_the_last_complete_performance(trainer: Trainer, profile: Profile, clock: ManualClock, reps_exercise: Exercise) -> None:
    yesterday = clock.now() - timedelta(days=1)
    rid = reps_exercise.id
    profile.write_session(make_session(yesterday, [(rid, 3, 0.0, 20.0)]))  # a leftover fragment
    profile.write_session(make_session(yesterday - timedelta(days=3), [(rid, 12, 0.0, 20.0)] * 3))
    assert [s.reps for s in trainer.last_time(rid)] == [3]
    hint = trainer.suggestion(reps_exercise)
    assert (hint.load_kg, hint.reps) == (22.5, 12)
    assert hint.reason == "every set hit 12 last time: one step heavier"
    assert trainer.start(reps_exercise).load_kg == 22.5


def test_a_suggestion_in_lb_is_a_whole_number_of_steps(profile: Profile, clock: ManualClock, reps_exercise: Exercise) -> None:
    trainer = Trainer(profile, Catalog((reps_exercise,)), Settings(units="lb"), clock)
    profile.write_session(make_session(clock.now() - timedelta(days=1), [(reps_exercise.id, 12, 0.0, 20.0)] * 3))
    assert trainer.suggestion(reps_exercise).load_kg == pytest.approx(50 * 0.45359237)


def test_rest_comes_from_settings(profile: Profile, clock: ManualClock, reps_exercise: Exercise) -> None:
    settings = Settings().with_rest(reps_exercise.id, 45)
    assert Trainer(profile, Catalog((reps_exercise,)), settings, clock).start(reps_exercise).rest_s == 45
    off = Trainer(profile, Catalog((reps_exercise,)), Settings(rest_enabled=False), clock)
    off.workout = None
    profile.clear_current()
    assert off.start(reps_exercise).rest_s == 0


def test_last_times_reads_the_history_once_for_every_exercise(trainer: Trainer, profile: Profile, clock: ManualClock, monkeypatch: pytest.MonkeyPatch) -> None:
    day = clock.now() - timedelta(days=1)
    profile.write_session(make_session(day, [("a", 5, 0.0, 10.0)]))
    profile.write_session(make_session(day - timedelta(days=1), [("b", 7, 0.0, 12.5), ("a", 9, 0.0, 30.0)]))
    reads: list[object] = []
    original = profile.read_session
    monkeypatch.setattr(Profile, "read_session", lambda self, path: reads.append(path) or original(path))
    found = trainer.last_times(["a", "b", "never"])
    assert {k: [s.reps for s in v] for k, v in found.items()} == {"a": [5], "b": [7], "never": []}
    assert len(reads) == 2  # each file once, not once per exercise


def test_start_with_a_complete_last_time_known_reads_no_history(trainer: Trainer, profile: Profile, clock: ManualClock, reps_exercise: Exercise, monkeypatch: pytest.MonkeyPatch) -> None:
    last = make_session(clock.now(), [(reps_exercise.id, 12, 0.0, 20.0)] * 3).all_sets
    monkeypatch.setattr(Profile, "read_session", lambda self, path: pytest.fail("read the history again"))
    profile.write_session(make_session(clock.now() - timedelta(days=1), [(reps_exercise.id, 1, 0.0, 1.0)]))
    assert trainer.start(reps_exercise, last).load_kg == 22.5


def test_finishing_a_saved_workout_does_not_count_the_time_the_app_was_closed(profile: Profile, clock: ManualClock, hold_exercise: Exercise) -> None:
    first = Trainer(profile, Catalog((hold_exercise,)), Settings(), clock)
    first.start(hold_exercise)
    first.act(lambda w: w.count())
    clock.advance(3 + 10)
    first.tick()  # holding for 10 s when the app dies
    saved_at = clock.now()
    clock.advance(8 * 3600)  # opened again the next day
    second = Trainer(profile, Catalog((hold_exercise,)), Settings(), clock)
    table = second.saved_workout()
    assert table is not None
    path = second.finish_saved(table)
    assert path is not None
    session = profile.read_session(path)
    assert session.ended == saved_at
    assert [s.hold_s for s in session.all_sets] == [10.0]  # held until the app died, not all night


def test_an_exercise_never_done_reads_no_history_again(trainer: Trainer, profile: Profile, clock: ManualClock, reps_exercise: Exercise, monkeypatch: pytest.MonkeyPatch) -> None:
    profile.write_session(make_session(clock.now() - timedelta(days=1), [("other", 12, 0.0, 20.0)]))
    monkeypatch.setattr(Profile, "read_session", lambda self, path: pytest.fail("read the history again"))
    hint = trainer.suggestion(reps_exercise, [])
    assert hint.first_time and hint.reason.startswith("no history yet: start light")
