"""A rep's tempo (seconds up, paused at the top, down) against the seconds since pacing began:
the stage a moment falls in, the stages begun and the whole reps done. Pure arithmetic."""

from __future__ import annotations

Tempo = tuple[int, int, int]
STAGES = ("up", "pause", "down")


def rep_length(tempo: Tempo) -> int:
    return sum(tempo)


def stage_at(tempo: Tempo, elapsed_s: float) -> tuple[str, float]:
    """The stage of the rep under way and the seconds left in it."""
    into_rep = elapsed_s % rep_length(tempo)
    for stage, length in zip(STAGES, tempo):
        if into_rep < length:
            return stage, length - into_rep
        into_rep -= length
    return "down", 0.0


def stages_begun(tempo: Tempo, elapsed_s: float) -> int:
    """Stages begun so far, counting each rep's; a stage of 0 s is skipped."""
    whole, into_rep = divmod(elapsed_s, rep_length(tempo))
    starts, at = [], 0
    for length in tempo:
        if length > 0:
            starts.append(at)
            at += length
    return int(whole) * len(starts) + sum(1 for start in starts if start <= into_rep)


def whole_reps(tempo: Tempo, elapsed_s: float) -> int:
    return int(elapsed_s // rep_length(tempo))
