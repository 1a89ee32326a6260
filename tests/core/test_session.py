"""The session file's round-two keys: kind, programme and week, knee angle, pain, warm-up sets."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from soleus_tui.core.session import (
    ExerciseLog,
    Session,
    SessionFormatError,
    SetLog,
    session_from_dict,
    session_to_dict,
)

START = datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))


def a_session(**changes: object) -> Session:
    sets = [SetLog(15, 0.0, 20.0, "both", START, START + timedelta(seconds=50), 90.0, warmup=True)]
    exercise = ExerciseLog("seated-calf-raise-machine", "Seated calf raise machine", sets, knee_angle=90, pain=4)
    fields: dict[str, object] = dict(started=START, ended=START + timedelta(minutes=20), exercises=[exercise])
    fields.update(changes)
    return Session(**fields)  # type: ignore[arg-type]


def test_round_two_keys_survive_a_round_trip() -> None:
    session = a_session(kind="test", programme="hsr-12", programme_week=3)
    table = session_to_dict(session)
    assert (table["kind"], table["programme"], table["programme_week"]) == ("test", "hsr-12", 3)
    assert table["exercises"][0]["knee_angle"] == 90 and table["exercises"][0]["pain"] == 4
    assert session_from_dict(table) == session


def test_a_plain_training_session_writes_no_round_two_keys() -> None:
    table = session_to_dict(a_session(exercises=[ExerciseLog("x", "X")]))
    assert not {"kind", "programme", "programme_week"} & table.keys()
    assert table["exercises"][0] == {"id": "x", "name": "X", "sets": []}


@pytest.mark.parametrize(
    "change",
    [{"kind": "race"}, {"programme": 3}, {"programme": "hsr-12", "programme_week": 0}],
)
def test_bad_round_two_session_keys_are_refused(change: dict[str, object]) -> None:
    table = session_to_dict(a_session()) | change
    with pytest.raises(SessionFormatError):
        session_from_dict(table)


@pytest.mark.parametrize("key, value", [("pain", 11), ("pain", -1), ("knee_angle", 200), ("pain", "6")])
def test_bad_exercise_keys_are_refused(key: str, value: object) -> None:
    table = session_to_dict(a_session())
    table["exercises"][0][key] = value
    with pytest.raises(SessionFormatError):
        session_from_dict(table)
