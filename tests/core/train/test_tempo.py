"""The tempo arithmetic on its own: stages, stages begun and whole reps for a given time."""

from __future__ import annotations

from soleus_tui.core.train.tempo import rep_length, stage_at, stages_begun, whole_reps


def test_each_moment_of_a_rep_falls_in_its_stage() -> None:
    tempo = (1, 2, 3)
    assert rep_length(tempo) == 6
    assert [stage_at(tempo, t) for t in (0, 0.5, 1, 2.5, 3, 5.5)] == [
        ("up", 1), ("up", 0.5), ("pause", 2), ("pause", 0.5), ("down", 3), ("down", 0.5),
    ]  # fmt: skip
    assert stage_at(tempo, 6) == ("up", 1) and stage_at(tempo, 7.5) == ("pause", 1.5)  # the next rep


def test_a_stage_of_no_seconds_is_never_the_one_under_way() -> None:
    assert [stage_at((2, 0, 2), t)[0] for t in (0, 1.9, 2, 3.9)] == ["up", "up", "down", "down"]


def test_stages_begun_skip_a_stage_of_no_seconds() -> None:
    assert [stages_begun((2, 0, 2), t) for t in range(9)] == [1, 1, 2, 2, 3, 3, 4, 4, 5]
    assert [stages_begun((1, 2, 3), t) for t in (0, 1, 2.9, 3, 6)] == [1, 2, 2, 3, 4]


def test_only_whole_reps_count() -> None:
    assert [whole_reps((1, 2, 3), t) for t in (0, 5.9, 6, 11.9, 12)] == [0, 0, 1, 1, 2]
