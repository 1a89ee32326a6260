"""One check per file kind: every broken file is set aside with its name, never a traceback,
and a file from a newer version is left exactly as it is."""

from __future__ import annotations

import json
import time
import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import tomli_w

from soleus_tui.core.catalog import Catalog, Exercise, exercise_table, load_catalog
from tests.support.clock import ManualClock
from soleus_tui.core.history.reader import HistoryReader
from soleus_tui.core.history.stats import bests, summarize
from soleus_tui.core.history.summary_cache import cache_file, read_cache, scan
from soleus_tui.core.learn.quiz import NewerScoresError, ScoreFileError, load_scores, record_score
from soleus_tui.core.programmes.plan import PlannedExercise, TodayPlan
from soleus_tui.core.session import session_to_dict
from soleus_tui.core.settings import Settings, load_settings
from soleus_tui.core.store import Profile
from soleus_tui.core.text import plain_text
from soleus_tui.core.train.suggestions import Suggestion
from soleus_tui.core.train.trainer import Trainer
from tests.support.histories import make_session

TZ = timezone(timedelta(hours=1))
MORNING = datetime(2026, 11, 24, 7, 30, tzinfo=TZ)
DEEP = "x = " + "[" * 100_000 + "]" * 100_000 + "\n"


def session_table(**changes: object) -> dict:
    table = session_to_dict(make_session(MORNING, [("a", 12, 0.0, 20.0)]))
    for key, value in changes.items():
        where, _, field = key.rpartition("__")
        target = table["exercises"][0]["sets"][0] if where == "set" else table
        target[field] = value
    return table


def write_session_file(profile: Profile, text: str) -> Path:
    path = profile.sessions_dir / "2026" / "2026-11-24T07-30-00-abcd.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text)
    return path


def history_of(profile: Profile) -> tuple[list, list[str]]:
    """What History does on open: read every file, then the bests and totals over them."""
    reader = HistoryReader(profile)
    digests = scan(reader, cache_file(profile))
    sessions = [d.highlights for d in digests]
    for exercise_id in {e.id for s in sessions for e in s.exercises}:
        bests(sessions, exercise_id, 12)
    sorted((d.summary for d in digests), key=lambda s: s.started)
    return digests, reader.warnings()


# -- sessions -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"set__hold_s": float("nan")},
        {"set__load_kg": float("inf")},
        {"set__rest_s": float("nan")},
        {"set__load_kg": -float("inf")},
        {"started": datetime(2026, 11, 24, 7, 30)},  # naive, with an aware end
        {"set__ended": datetime(2026, 11, 24, 7, 31)},
        {"set__reps": 10**12},
        {"notes": "n" * 100_000},
        {"exercises": [{"id": "a", "name": "A", "sets": []}] * 1000},
    ],
    ids=["nan-hold", "inf-load", "nan-rest", "minus-inf-load", "naive-started", "naive-set-end", "huge-reps",
         "huge-note", "too-many-exercises"],
)
def test_a_session_with_impossible_values_is_quarantined_and_history_opens(profile: Profile, changes: dict) -> None:
    good = profile.write_session(make_session(MORNING - timedelta(days=1), [("a", 10, 0.0, 15.0)]))
    broken = write_session_file(profile, tomli_w.dumps(session_table(**changes)))
    digests, warnings = history_of(profile)
    assert [d.path for d in digests] == [good]
    assert not broken.exists() and (profile.quarantine_dir / broken.name).exists()
    assert broken.name in warnings[0]


def test_a_session_of_a_newer_schema_is_left_where_it_is(profile: Profile) -> None:
    table = session_table(schema=2) | {"future": {"kept": True}}
    path = write_session_file(profile, tomli_w.dumps(table))
    before = path.read_bytes()
    digests, warnings = history_of(profile)
    assert digests == [] and path.read_bytes() == before and not profile.quarantine_dir.exists()
    assert path.name in warnings[0] and "schema 2" in warnings[0]


def test_a_deeply_nested_session_is_unreadable_not_a_crash(profile: Profile) -> None:
    broken = write_session_file(profile, DEEP)
    assert history_of(profile)[0] == [] and not broken.exists()


def test_a_ten_megabyte_name_is_refused_at_once(profile: Profile) -> None:
    table = session_table()
    table["exercises"][0]["name"] = "N" * 10_000_000
    broken = write_session_file(profile, tomli_w.dumps(table))
    begun = time.monotonic()
    assert history_of(profile)[0] == []
    assert time.monotonic() - begun < 5 and not broken.exists()


def test_control_characters_in_a_name_are_shown_as_escapes(profile: Profile) -> None:
    table = session_table()
    table["exercises"][0]["name"] = "calf\x1b]2;PWNED\x07\x1b[7m raise\u202e"
    path = write_session_file(profile, tomli_w.dumps(table))
    name = profile.read_session(path).exercises[0].name
    assert name == "calf\\x1b]2;PWNED\\x07\\x1b[7m raise\\u202e"
    assert plain_text(name) == name and name.isprintable()


def test_plain_text_keeps_ordinary_text_as_it_is() -> None:
    for text in ("Seated calf raise", "Wadenheben, gebeugt 90°", "ふくらはぎ", "a[/]b [bold]x[/]", "💪🏽"):
        assert plain_text(text) == text


def test_a_session_whose_clock_went_back_has_no_negative_length(profile: Profile) -> None:
    table = session_table(ended=MORNING - timedelta(minutes=118))
    session = profile.read_session(write_session_file(profile, tomli_w.dumps(table)))
    assert summarize(session).duration_s == 0


# -- the summary cache --------------------------------------------------------------------------


@pytest.mark.parametrize("poison", ["NaN", "Infinity", '"x"', "-1"])
def test_a_cache_entry_with_impossible_numbers_is_read_again_from_its_file(profile: Profile, poison: str) -> None:
    path = profile.write_session(make_session(MORNING, [("a", 12, 0.0, 20.0)]))
    scan(HistoryReader(profile), cache_file(profile))
    header, line = cache_file(profile).read_text().splitlines()
    entry = json.loads(line)
    entry[2][3] = "@"
    cache_file(profile).write_text(header + "\n" + json.dumps(entry).replace('"@"', poison) + "\n")
    assert read_cache(cache_file(profile)) == {}
    digests, _ = history_of(profile)
    assert [d.path for d in digests] == [path] and digests[0].summary.reps == 12


def test_a_cache_entry_mixing_naive_and_aware_times_is_refused(profile: Profile) -> None:
    profile.write_session(make_session(MORNING, [("a", 12, 0.0, 20.0)]))
    scan(HistoryReader(profile), cache_file(profile))
    text = cache_file(profile).read_text().replace('"2026-11-24T07:30:00+01:00"', '"2026-11-24T07:30:00"', 1)
    cache_file(profile).write_text(text)
    assert read_cache(cache_file(profile)) == {}
    assert len(history_of(profile)[0]) == 1


def test_a_deeply_nested_cache_is_rebuilt(profile: Profile) -> None:
    profile.write_session(make_session(MORNING, [("a", 12, 0.0, 20.0)]))
    cache_file(profile).write_text('{"format": 1}\n' + "[" * 100_000 + "]" * 100_000 + "\n")
    assert len(history_of(profile)[0]) == 1
    assert len(read_cache(cache_file(profile))) == 1  # written again from the files


# -- current.toml -------------------------------------------------------------------------------


@pytest.fixture
def trainer(profile: Profile, clock: ManualClock, reps_exercise: Exercise) -> Trainer:
    return Trainer(profile, Catalog((reps_exercise,)), Settings(), clock)


def saved_table(trainer: Trainer, reps_exercise: Exercise) -> dict:
    trainer.start(reps_exercise)
    trainer.act(lambda w: w.count())
    trainer.act(lambda w: w.finish_set())
    table = tomllib.loads(trainer.profile.current_path.read_text())
    trainer.workout = None
    return table


def planned_saved_table(trainer: Trainer, reps_exercise: Exercise, per_side_exercise: Exercise) -> dict:
    """A programme session on its second planned exercise: the first one's plan is kept as earlier."""
    hint = Suggestion(22.5, 12, 0.0, "every set hit 12 last time: one step heavier")
    today = TodayPlan(
        "hsr-12", "Heavy slow resistance", 9, 12, 1, 3,
        (PlannedExercise(reps_exercise, rm=True, suggestion=hint), PlannedExercise(per_side_exercise)),
    )  # fmt: skip
    trainer.start_plan(today, last=[])
    trainer.act(lambda w: w.count())
    trainer.act(lambda w: w.finish_set())
    trainer.next(load_kg=0.0)
    table = tomllib.loads(trainer.profile.current_path.read_text())
    trainer.workout = None
    return table


BROKEN_CURRENT = {
    "started-text": lambda t: t.update(started="x"),
    "started-number": lambda t: t.update(started=7),
    "started-naive": lambda t: t.update(started=datetime(2026, 11, 24, 7, 30)),
    "plan-reps-0": lambda t: t["runner"]["plan"].update(reps=0),
    "plan-tempo-zeros": lambda t: t["runner"]["plan"].update(tempo=[0, 0, 0]),
    "plan-tempo-strings": lambda t: t["runner"]["plan"].update(tempo=["1", "2", "3"]),
    "plan-sets-string": lambda t: t["runner"]["plan"].update(sets="3"),
    "rest-inf": lambda t: t["runner"].update(rest_target_s=float("inf")),
    "load-nan": lambda t: t["runner"].update(load_kg=float("nan")),
    "set-load-nan": lambda t: t["exercises"][0]["sets"][0].update(load_kg=float("nan")),
    "elapsed-nan": lambda t: t["runner"].update(phase_elapsed_s=float("nan")),
    "phase-unknown": lambda t: t["runner"].update(phase="dancing"),
    "saved-at-text": lambda t: t["runner"].update(saved_at="yesterday"),
    "no-runner": lambda t: t.pop("runner"),
    "schema-text": lambda t: t.update(schema="1"),
}


@pytest.mark.parametrize("breaking", BROKEN_CURRENT.values(), ids=BROKEN_CURRENT.keys())
def test_a_current_file_that_cannot_resume_is_quarantined_once_with_its_reason(
    trainer: Trainer, profile: Profile, clock: ManualClock, reps_exercise: Exercise, breaking
) -> None:
    table = saved_table(trainer, reps_exercise)
    breaking(table)
    profile.current_path.write_text(tomli_w.dumps(table))
    assert trainer.saved_workout() is None
    assert not profile.current_path.exists() and (profile.quarantine_dir / "current.toml").exists()
    assert "could not be read" in trainer.warnings[-1] and "quarantine/current.toml" in trainer.warnings[-1]
    again = Trainer(profile, Catalog((reps_exercise,)), Settings(), clock)
    assert again.saved_workout() is None and again.warnings == []  # the next launch is clean
    assert again.start(reps_exercise)


def _planned(t: dict, n: int) -> dict:
    return t["runner"]["today"]["exercises"][n]


BROKEN_PLANNED_CURRENT = {
    "earlier-plan-sets-text": lambda t: t["runner"]["earlier"][0]["plan"].update(sets="many"),
    "earlier-plan-name-missing": lambda t: t["runner"]["earlier"][0]["plan"].pop("name"),
    "earlier-rest-text": lambda t: t["runner"]["earlier"][0].update(rest_s="90"),
    "earlier-not-tables": lambda t: t["runner"].update(earlier=[1]),
    "to-failure-text": lambda t: t["runner"].update(to_failure="yes"),
    "today-plan-tempo-strings": lambda t: _planned(t, 1)["exercise"].update(tempo=["1", "2", "3"]),
    "today-plan-missing": lambda t: _planned(t, 1).pop("exercise"),
    "today-rm-text": lambda t: _planned(t, 0).update(rm="yes"),
    "today-position-past-the-plan": lambda t: t["runner"]["today"].update(position=2),
    "today-position-negative": lambda t: t["runner"]["today"].update(position=-1),
    "today-position-text": lambda t: t["runner"]["today"].update(position="1"),
    "today-done-text": lambda t: t["runner"]["today"].update(done="no"),
    "today-planned-moves-text": lambda t: t["runner"]["today"].update(planned_moves=["yes"]),
    "today-week-text": lambda t: t["runner"]["today"].update(week="9"),
    "today-name-number": lambda t: t["runner"]["today"].update(programme_name=7),
    "today-no-exercises": lambda t: t["runner"]["today"].update(exercises=[]),
    "today-not-a-table": lambda t: t["runner"].update(today="hsr-12"),
    "suggestion-load-text": lambda t: _planned(t, 0)["suggestion"].update(load_kg="heavy"),
    "suggestion-reps-float": lambda t: _planned(t, 0)["suggestion"].update(reps=12.5),
    "suggestion-no-reason": lambda t: _planned(t, 0)["suggestion"].pop("reason"),
    "suggestion-first-time-text": lambda t: _planned(t, 0)["suggestion"].update(first_time="no"),
}


@pytest.mark.parametrize("breaking", BROKEN_PLANNED_CURRENT.values(), ids=BROKEN_PLANNED_CURRENT.keys())
def test_a_programme_session_that_cannot_resume_is_quarantined_with_its_reason(
    trainer: Trainer, profile: Profile, reps_exercise: Exercise, per_side_exercise: Exercise, breaking
) -> None:
    table = planned_saved_table(trainer, reps_exercise, per_side_exercise)
    breaking(table)
    profile.current_path.write_text(tomli_w.dumps(table))
    assert trainer.saved_workout() is None
    assert not profile.current_path.exists() and (profile.quarantine_dir / "current.toml").exists()
    assert "could not be read" in trainer.warnings[-1]


def test_a_programme_session_resumes_with_every_plan_and_text_checked(
    trainer: Trainer, profile: Profile, reps_exercise: Exercise, per_side_exercise: Exercise
) -> None:
    table = planned_saved_table(trainer, reps_exercise, per_side_exercise)
    table["runner"]["earlier"][0]["plan"]["name"] = "raise\x1b[7m"
    table["runner"]["today"]["programme_name"] = "HSR\x1b]2;x\x07"
    _planned(table, 0)["suggestion"]["reason"] = "heavier\u202e"
    profile.current_path.write_text(tomli_w.dumps(table))
    saved = trainer.saved_workout()
    assert saved is not None
    workout = trainer.resume(saved)
    assert workout.queue is not None and workout.queue.position == 1
    assert workout.queue.today.programme_name == "HSR\\x1b]2;x\\x07"
    assert workout.queue.today.exercises[0].suggestion == Suggestion(22.5, 12, 0.0, "heavier\\u202e")
    assert workout.undo_set() is not None  # back into the first exercise, which has no sets yet
    assert workout.plan.name == "raise\\x1b[7m" and workout.queue.position == 0
    assert not workout.exercise_complete


@pytest.mark.parametrize("text", [DEEP, "\xff\xfe not utf-8", "schema = 1\n[runner\n"], ids=["deep", "latin-1", "torn"])
def test_an_unparsable_current_file_is_quarantined(trainer: Trainer, profile: Profile, text: str) -> None:
    profile.current_path.write_bytes(text.encode("latin-1") if "\xff" in text else text.encode())
    assert trainer.saved_workout() is None and (profile.quarantine_dir / "current.toml").exists()


def test_a_current_file_of_a_newer_schema_is_left_untouched_and_read_only(
    trainer: Trainer, profile: Profile, reps_exercise: Exercise
) -> None:
    table = saved_table(trainer, reps_exercise)
    table["schema"] = 2
    table["future"] = {"kept": True}
    profile.current_path.write_text(tomli_w.dumps(table))
    before = profile.current_path.read_bytes()
    assert trainer.saved_workout() is None
    assert not trainer.can_train and profile.read_only
    assert "schema 2" in trainer.warnings[-1] and str(profile.current_path) in trainer.warnings[-1]
    trainer.save()
    assert profile.current_path.read_bytes() == before
    assert not profile.quarantine_dir.exists()


def test_a_good_current_file_resumes_with_plain_names(trainer: Trainer, profile: Profile, reps_exercise: Exercise) -> None:
    table = saved_table(trainer, reps_exercise)
    table["runner"]["plan"]["name"] = "raise\x1b[7m"
    profile.current_path.write_text(tomli_w.dumps(table))
    saved = trainer.saved_workout()
    assert saved is not None
    assert trainer.resume(saved).plan.name == "raise\\x1b[7m"


# -- settings, quiz scores, the user catalog --------------------------------------------------


def test_deeply_nested_settings_are_set_aside(profile: Profile) -> None:
    profile.settings_path.write_text(DEEP)
    settings, problems = load_settings(profile.settings_path)
    assert settings == Settings() and "nested too deeply" in problems[0]
    assert (profile.quarantine_dir / "settings.toml").exists()


@pytest.mark.parametrize("text", [b"\xff\xfe\x00 not utf-8", DEEP.encode()], ids=["latin-1", "deep"])
def test_a_scores_file_that_is_not_text_or_too_deep_is_a_score_file_error(profile: Profile, text: bytes) -> None:
    profile.quiz_scores_path.write_bytes(text)
    with pytest.raises(ScoreFileError):
        load_scores(profile.quiz_scores_path)


def test_a_scores_file_of_a_newer_schema_is_never_rewritten(profile: Profile) -> None:
    text = 'schema = 2\n[[scores]]\nscore = 3\ntotal = 5\nwhen = 2026-11-24T07:30:00+01:00\n[future]\nx = 1\n'
    profile.quiz_scores_path.write_text(text)
    assert len(load_scores(profile.quiz_scores_path)) == 1
    with pytest.raises(NewerScoresError):
        record_score(profile.quiz_scores_path, 4, 5, MORNING)
    assert profile.quiz_scores_path.read_text() == text


def test_recording_a_score_keeps_what_this_version_does_not_know(profile: Profile) -> None:
    profile.quiz_scores_path.write_text('schema = 1\nodd = "kept"\n[[scores]]\nscore = "?"\n')
    record_score(profile.quiz_scores_path, 4, 5, MORNING)
    table = tomllib.loads(profile.quiz_scores_path.read_text())
    assert table["odd"] == "kept" and table["scores"][0] == {"score": "?"} and len(table["scores"]) == 2


def test_a_deeply_nested_user_catalog_is_a_warning(tmp_path: Path) -> None:
    user_file = tmp_path / "exercises.toml"
    user_file.write_text(DEEP)
    catalog = load_catalog(None, user_file)
    assert len(catalog) > 0 and "nested too deeply" in catalog.warnings[0]


def test_a_ten_megabyte_name_in_a_user_catalog_is_refused_with_its_line(tmp_path: Path, reps_exercise: Exercise) -> None:
    table = exercise_table(reps_exercise) | {"id": "mine", "name": "N" * 10_000_000}
    del table["hold_s"]
    user_file = tmp_path / "exercises.toml"
    user_file.write_text(tomli_w.dumps({"schema": 1, "exercise": [table]}))
    catalog = load_catalog(None, user_file)
    assert catalog.get("mine") is None and "name is longer than" in catalog.warnings[0]


def test_control_characters_in_a_user_catalog_become_visible(tmp_path: Path, reps_exercise: Exercise) -> None:
    table = exercise_table(reps_exercise) | {"id": "mine", "name": "a[/]b\x1b]2;PWNED\x07", "cues": ["\x1b[7mx"]}
    del table["hold_s"]
    user_file = tmp_path / "exercises.toml"
    user_file.write_text(tomli_w.dumps({"schema": 1, "exercise": [table]}))
    mine = load_catalog(None, user_file).get("mine")
    assert mine is not None and mine.name == "a[/]b\\x1b]2;PWNED\\x07" and mine.cues == ("\\x1b[7mx",)
