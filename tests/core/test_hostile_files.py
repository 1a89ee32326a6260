"""Hostile files of every kind, generated: valid files with values swapped for hostile ones, keys
dropped or added, torn, bit-flipped, random or nested too deeply. Whatever the file holds, no
exception escapes the core's readers or what History and the trainer do with their results, no
other file is lost, and the hostile file is never rewritten: it stays as it was, or moves to
quarantine/ byte for byte.

Examples per file kind: 1000, or 200 under CI=true to keep CI quick; HOSTILE_EXAMPLES=5000 in the
environment runs a longer search. (Import files have their own: tests/core/imports/test_hostile_imports.py.)
"""

from __future__ import annotations

import math
import os
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soleus_tui.core.catalog import Catalog, builtin_catalog, exercise_table, load_catalog
from tests.support.clock import ManualClock
from soleus_tui.core.history.overview import exercise_records, exercise_trend, overview, trend_measure
from soleus_tui.core.history.reader import HistoryReader
from soleus_tui.core.history.stats import summarize
from soleus_tui.core.history.summary_cache import cache_file, scan
from soleus_tui.core.learn.quiz import ScoreFileError, best_score, load_scores, record_score
from soleus_tui.core.pain.checkins import checkins_path, checkins_to_dict, morning_checkin_due
from soleus_tui.core.programmes.running import programme_path, read_running
from soleus_tui.core.session import session_to_dict
from soleus_tui.core.settings import load_settings, settings_to_dict
from soleus_tui.core.store import Profile
from soleus_tui.core.text import INVISIBLE_CONTROLS
from soleus_tui.core.train.trainer import Trainer
from soleus_tui.core.train.workout import Workout
from tests.support.histories import make_session

HOSTILE_EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", 200 if os.environ.get("CI") == "true" else 1000))
BUILTIN = builtin_catalog()
MORNING = datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))
DEEP = ("x = " + "[" * 50_000 + "]" * 50_000 + "\n").encode()
hostile = settings(
    max_examples=HOSTILE_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(autouse=True)
def _no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """Durability is not what these examples test, and thousands of fsyncs are slow."""
    monkeypatch.setattr(os, "fsync", lambda fd: None)

# -- hostile values and files -------------------------------------------------------------------

offsets = st.integers(-1439, 1439).map(lambda m: timezone(timedelta(minutes=m)))
HOSTILE_VALUES = st.one_of(
    st.sampled_from([
        math.nan, math.inf, -math.inf, -0.0, 0, -1, 10**18, -(10**18), True, False, "", " ",
        "\x1b]2;PWNED\x07", "\x1b[7m", "[@click=app.quit]CLICKME[/]", "a[/]b", "[bold red]x[/]", "\u202eevil",
        "N" * 5000, datetime(2026, 11, 24, 7, 30), date(2026, 11, 24), time(7, 30), [], {}, [[[[]]]], [1, "a"],
        {"nested": {"deeper": [1.5]}}, "reps", "hold", "both", "set", "rest", "dumbbell",
    ]),
    st.integers(),
    st.floats(),
    st.text(max_size=40),
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.none() | offsets),
    st.lists(st.integers() | st.floats() | st.text(max_size=5), max_size=4),
)


@st.composite
def mutated(draw: st.DrawFn, table: dict[str, Any]) -> bytes:
    """A valid table with one to four of its values replaced, keys dropped or unknown keys added."""
    table = _copy(table)
    for _ in range(draw(st.integers(1, 4))):
        _mutate(draw, table)
    try:
        return tomli_w.dumps(table).encode()
    except (TypeError, ValueError):
        return b"# a table TOML cannot hold\n"


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _mutate(draw: st.DrawFn, node: dict[str, Any] | list[Any]) -> None:
    keys = list(node) if isinstance(node, dict) else list(range(len(node)))
    if keys and draw(st.integers(0, 3)):
        key = draw(st.sampled_from(keys))
        child = node[key]
        if isinstance(child, (dict, list)) and child and draw(st.booleans()):
            _mutate(draw, child)
            return
        operation = draw(st.sampled_from(["replace", "replace", "delete"]))
        if operation == "delete":
            del node[key]
        else:
            node[key] = _copy(draw(HOSTILE_VALUES))  # never change the strategy's own lists
    elif isinstance(node, dict):
        node[draw(st.sampled_from(["unknown", "schema", "id", "name", "sets", "runner", "extra"]))] = _copy(draw(HOSTILE_VALUES))
    else:
        node.append(_copy(draw(HOSTILE_VALUES)))


def hostile_files(valid: dict[str, Any]) -> st.SearchStrategy[bytes]:
    text = tomli_w.dumps(valid).encode()
    return st.one_of(
        mutated(valid),
        mutated(valid),
        mutated(valid),
        st.integers(0, len(text)).map(lambda cut: text[:cut]),  # torn
        st.tuples(st.integers(0, len(text) - 1), st.integers(1, 255)).map(
            lambda flip: text[: flip[0]] + bytes([text[flip[0]] ^ flip[1]]) + text[flip[0] + 1 :]
        ),
        st.binary(max_size=300),
        st.just(DEEP),
        st.just(b"\xff\xfe" + text),
    )


# -- the property: read it, use it, lose and rewrite nothing -----------------------------------


SCRATCH: list[Path] = []


@pytest.fixture(autouse=True, scope="module")
def _scratch(tmp_path_factory: pytest.TempPathFactory) -> None:
    SCRATCH[:] = [tmp_path_factory.mktemp("hostile")]


@contextmanager
def fresh_profile() -> Iterator[Profile]:
    """An empty profile. Its folders are kept from one example to the next (making folders is the
    slow part here); every file is removed after each example."""
    profile = Profile.open(SCRATCH[0], "default")
    try:
        yield profile
    finally:
        for folder, _, names in os.walk(SCRATCH[0]):
            for name in names:
                os.unlink(os.path.join(folder, name))


def kept_as_it_was(profile: Profile, path: Path, data: bytes) -> bool:
    """The file is where it was with the same bytes, or in quarantine/ with them."""
    if path.exists():
        return path.read_bytes() == data
    moved = profile.quarantine_dir.glob(f"{path.stem}*{path.suffix}") if profile.quarantine_dir.exists() else []
    return any(p.read_bytes() == data for p in moved)


def all_plain(*texts: str) -> bool:
    """No character a terminal acts on: C0 and C1 controls, DEL, bidirectional overrides."""
    return not any(unicodedata.category(c) == "Cc" or c in INVISIBLE_CONTROLS for t in texts for c in t)


GOOD = make_session(MORNING - timedelta(days=1), [("seated-dumbbell-calf-raise", 12, 0.0, 20.0)] * 2)
VALID_SESSION = session_to_dict(make_session(MORNING, [("seated-dumbbell-calf-raise", 10, 0.0, 15.0),
                                                       ("seated-isometric-hold", 0, 30.0, 0.0)], notes="fine"))


def use_history(profile: Profile) -> list:
    """What History does with the files: scan, overview, records, a trend for each exercise."""
    digests = scan(HistoryReader(profile), cache_file(profile))
    summaries = [d.summary for d in digests]
    highlights = [d.highlights for d in digests]
    overview(summaries, MORNING.date())
    for record in exercise_records(highlights, BUILTIN):
        trend_measure(exercise_trend(highlights, record.exercise_id))
    for session in highlights:
        summarize(session)
        assert all_plain(*(e.name for e in session.exercises), *(e.id for e in session.exercises))
        assert all(math.isfinite(s.load_kg + s.hold_s + s.rest_s) for s in session.all_sets)
    return digests


@hostile
@given(hostile_files(VALID_SESSION))
def test_hostile_session_files(data: bytes) -> None:
    with fresh_profile() as profile:
        good = profile.write_session(GOOD)
        path = profile.sessions_dir / "2026" / "2026-11-24T07-30-00-abcd.toml"
        path.write_bytes(data)
        digests = use_history(profile)
        assert good in [d.path for d in digests]
        assert kept_as_it_was(profile, path, data)
        trainer = Trainer(profile, BUILTIN, load_settings(profile.settings_path)[0], ManualClock())
        trainer.last_times(e.id for e in BUILTIN)


@hostile
@given(st.lists(st.sampled_from(range(6)), max_size=3), st.data())
def test_hostile_summary_caches(sessions: list[int], data: st.DataObject) -> None:
    """The cache is trusted while its file is unchanged, so a hand-edited value that passes the
    checks is shown; but every file still shows, in order, with sane values, and nothing escapes."""
    with fresh_profile() as profile:
        for day in sessions:
            profile.write_session(make_session(MORNING - timedelta(days=day, minutes=day), [("a", 5 + day, 0.0, 2.5 * day)]))
        truth = [d.path for d in scan(HistoryReader(profile), cache_file(profile))]
        valid = cache_file(profile).read_text() if cache_file(profile).exists() else '{"format": 1}\n'
        cache_file(profile).write_bytes(data.draw(hostile_caches(valid)))
        assert [d.path for d in use_history(profile)] == truth
        assert [d.path for d in use_history(profile)] == truth  # and from the cache written again


def hostile_caches(valid: str) -> st.SearchStrategy[bytes]:
    lines = valid.splitlines()

    def swap(parts: tuple[int, str]) -> bytes:
        index, value = parts
        tokens = valid.replace(",", ",\x00").split("\x00")
        tokens[index % len(tokens)] = value + ","
        return "".join(tokens).encode()

    return st.one_of(
        st.tuples(st.integers(0, 10_000), st.sampled_from(
            ["NaN", "Infinity", "-Infinity", "-1", "1e400", '"x"', "null", "[]", "{}", '"2026-11-24T07:30:00"', "true",
             '"\\u001b]2;x\\u0007"', "9" * 30]
        )).map(swap),
        st.integers(0, len(valid)).map(lambda cut: valid[:cut].encode()),
        st.binary(max_size=200),
        st.just(b'{"format": 1}\n' + b"[" * 50_000 + b"]" * 50_000),
        st.just(("\n".join(lines[:1] + [line.replace("+01:00", "") for line in lines[1:]]) + "\n").encode()),
    )


def valid_current() -> dict[str, Any]:
    clock = ManualClock()
    with tempfile.TemporaryDirectory() as folder:  # made once, when the strategy is built
        profile = Profile.open(Path(folder), "default")
        catalog = BUILTIN
        trainer = Trainer(profile, catalog, load_settings(profile.settings_path)[0], clock)
        trainer.start(catalog.exercises[0])
        for _ in range(3):
            trainer.act(Workout.count)
        trainer.act(Workout.finish_set)
        trainer.act(Workout.count)
        return trainer.workout.to_dict() if trainer.workout else {}


@hostile
@given(hostile_files(valid_current()))
def test_hostile_current_files(data: bytes) -> None:
    with fresh_profile() as profile:
        profile.current_path.write_bytes(data)
        clock = ManualClock()
        trainer = Trainer(profile, BUILTIN, load_settings(profile.settings_path)[0], clock)
        table = trainer.saved_workout()
        if table is None:
            assert kept_as_it_was(profile, profile.current_path, data)
            return
        workout = trainer.resume(table)
        assert all_plain(workout.plan.name, *(e.name for e in workout.exercises))
        for seconds in (0.5, 4, 120):
            clock.advance(seconds)
            workout.tempo_cue()
            workout.rest_remaining()
            trainer.tick()
            trainer.act(Workout.count)
        trainer.act(Workout.toggle_paced)
        clock.advance(60)
        trainer.tick()
        assert trainer.finish().session.exercises
        assert not profile.current_path.exists() and trainer.unsaved is None


VALID_SETTINGS = {"units": "lb", "bell": False, "theme": "textual-light", "rest_enabled": True,
                  "rest": {"seated-dumbbell-calf-raise": 60}, "pain": True, "notify": "osc9", "birth_year": 1980,
                  "sex": "female", "keymap": {"train.count": "k"}}


@hostile
@given(hostile_files(VALID_SETTINGS))
def test_hostile_settings_files(data: bytes) -> None:
    with fresh_profile() as profile:
        profile.settings_path.write_bytes(data)
        found, problems = load_settings(profile.settings_path)
        tomli_w.dumps(settings_to_dict(found))
        found.rest_for("seated-dumbbell-calf-raise", 90)
        assert all(isinstance(p, str) for p in problems)
        assert kept_as_it_was(profile, profile.settings_path, data)


VALID_SCORES = {"schema": 1, "scores": [{"score": 12, "total": 15, "when": MORNING},
                                        {"score": 14, "total": 15, "when": MORNING + timedelta(days=1)}]}


@hostile
@given(hostile_files(VALID_SCORES))
def test_hostile_quiz_score_files(data: bytes) -> None:
    with fresh_profile() as profile:
        path = profile.quiz_scores_path
        path.write_bytes(data)
        try:
            before = load_scores(path)
        except ScoreFileError:
            assert path.read_bytes() == data  # the quiz screen moves it to quarantine/, as it is
            return
        best_score(before)
        try:
            after = record_score(path, 3, 5, MORNING)
        except ScoreFileError:
            assert path.read_bytes() == data
            return
        assert after[: len(before)] == before and len(after) == len(before) + 1  # no kept score lost


VALID_PROGRAMME = {"schema": 1, "id": "seated-strength", "started": date(2026, 11, 2)}


@hostile
@given(hostile_files(VALID_PROGRAMME))
def test_hostile_programme_files(data: bytes) -> None:
    with fresh_profile() as profile:
        path = programme_path(profile)
        path.write_bytes(data)
        running, warnings = read_running(profile)
        if running is not None:
            assert all_plain(running.id) and isinstance(running.started, date) and warnings == []
            assert path.read_bytes() == data
        else:
            assert kept_as_it_was(profile, path, data)


VALID_CHECKINS = {"schema": 1, "last_asked": date(2026, 11, 23), "checkin": [{"date": date(2026, 11, 23), "morning_pain": 3}],
                  "visa_a": [{"date": date(2026, 11, 20), "score": 71}]}


@hostile
@given(hostile_files(VALID_CHECKINS))
def test_hostile_checkins_files(data: bytes) -> None:
    with fresh_profile() as profile:
        path = checkins_path(profile)
        path.write_bytes(data)
        profile.write_session(GOOD)
        due, checkins, warnings = morning_checkin_due(profile, MORNING.date())
        tomli_w.dumps(checkins_to_dict(checkins))  # what answering the question would write
        assert isinstance(due, bool) and all(isinstance(w, str) for w in warnings)
        assert kept_as_it_was(profile, path, data)


def valid_catalog() -> dict[str, Any]:
    mine = exercise_table(BUILTIN.exercises[0]) | {"id": "my-raise", "name": "My raise"}
    del mine["hold_s"]
    return {"schema": 1, "exercise": [mine]}


@hostile
@given(hostile_files(valid_catalog()))
def test_hostile_user_catalogs(data: bytes) -> None:
    with fresh_profile() as profile:
        user_file = profile.root / "exercises.toml"
        user_file.write_bytes(data)
        catalog = load_catalog(None, user_file)
        assert len(catalog) >= len(BUILTIN)
        assert all(all_plain(e.name, *e.cues) for e in catalog)
        assert user_file.read_bytes() == data
        _train_with(catalog)


def _train_with(catalog: Catalog) -> None:
    with fresh_profile() as profile:
        clock = ManualClock()
        trainer = Trainer(profile, catalog, load_settings(profile.settings_path)[0], clock)
        trainer.start(catalog.exercises[-1])
        trainer.act(Workout.toggle_paced)
        clock.advance(10)
        trainer.tick()
        assert trainer.workout is not None
        trainer.workout.tempo_cue()
        trainer.finish()

