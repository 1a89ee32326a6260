"""A derived summary of every session file, so History need not parse years of TOML each time.

The TOML files stay the truth; this is one JSON-lines file in the profile folder that can be
deleted at any time. Per session file it keeps the file's modification time and size, the session's
totals, and its highlights: the session with only the sets that can be a personal best. An
entry is used only while its file is unchanged; a new or changed file is read again (a broken
one goes to quarantine/), entries of files that are gone are dropped, and a cache that cannot
be read is rebuilt from the files.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from soleus_tui.core.history.reader import HistoryReader, in_true_order
from soleus_tui.core.session import SCHEMA, ExerciseLog, Session, SetLog, session_from_dict
from soleus_tui.core.history.stats import SessionSummary, summarize
from soleus_tui.core.store import SESSION_NAME, Profile, atomic_write_text
from soleus_tui.core.text import finite_number, whole_number

if TYPE_CHECKING:
    from _typeshed import SupportsRichComparison

CACHE_NAME = "summary-cache.jsonl"
FORMAT = 1
MAX_COUNT = 10_000_000
MAX_AMOUNT = 1e12
HEAD_SLACK = 8  # a few lines more than rows shown: putting sessions in true order looks ahead

Stamp = tuple[int, int]  # st_mtime_ns, st_size
Cached = tuple[Stamp, SessionSummary, Session]  # by file name


@dataclass(frozen=True)
class SessionDigest:
    path: Path
    summary: SessionSummary
    highlights: Session  # only the sets that can be a personal best, and no note

    @property
    def started(self) -> datetime:
        return self.summary.started


def cache_file(profile: Profile) -> Path:
    return profile.root / CACHE_NAME


def digest(path: Path, session: Session) -> SessionDigest:
    """A test keeps both its sides: the capacity view reads them, and bests never look at tests."""
    keep = list if session.kind == "test" else best_candidates
    highlights = Session(
        session.started,
        session.ended,
        [ExerciseLog(e.id, e.name, keep(e.sets), pain=e.pain) for e in session.exercises],
        kind=session.kind,
    )
    return SessionDigest(path, summarize(session), highlights)


def best_candidates(sets: Sequence[SetLog]) -> list[SetLog]:
    """The sets `stats.bests` can pick here, whatever the target reps, in their order: for each
    target, the first heaviest set reaching it; the first with the most reps (ties: heavier);
    the first longest hold, warm-ups never. So bests over highlights equal bests over every set."""
    numbered = list(enumerate(sets))
    rep_sets = [(i, s) for i, s in numbered if s.reps and not s.warmup]
    holds = [(i, s) for i, s in numbered if s.hold_s and not s.warmup]
    chosen = {
        _first_max([(i, s) for i, s in rep_sets if s.reps >= target], lambda s: s.load_kg)
        for target in {s.reps for _, s in rep_sets}
    }
    if rep_sets:
        chosen.add(_first_max(rep_sets, lambda s: (s.reps, s.load_kg)))
    if holds:
        chosen.add(_first_max(holds, lambda s: s.hold_s))
    return [s for i, s in numbered if i in chosen]


def _first_max(numbered: list[tuple[int, SetLog]], key: Callable[[SetLog], SupportsRichComparison]) -> int:
    return max(numbered, key=lambda pair: key(pair[1]))[0]  # max keeps the first of equals


def newest(reader: HistoryReader, count: int, cache: Path | None = None) -> list[SessionDigest]:
    """The newest `count` sessions, for the first rows: from the cache's first lines (it lists the
    newest first) where their files are unchanged, else from the files themselves."""
    known = read_cache(cache, lines=count + HEAD_SLACK) if cache is not None else {}

    def found() -> Iterator[tuple[Path, SessionDigest]]:
        for path in reader.profile.iter_session_paths():
            if (stamped := _digest_of(path, known, reader)) is not None:
                yield path, stamped[1]

    return [found_digest for _, found_digest in islice(in_true_order(found()), count)]


def scan(reader: HistoryReader, cache: Path, stopped: Callable[[], bool] = lambda: False) -> list[SessionDigest]:
    """Every readable session, newest first: cached where the file is unchanged, read where not.
    The cache is written again when anything changed (a cache that cannot be written is skipped).
    Once `stopped()` is true it stops, keeping in the cache what it read so far."""
    known = read_cache(cache)
    fresh: dict[str, Cached] = {}
    digests = []
    for path in reader.profile.iter_session_paths():
        if stopped():  # what was read stays first, so the cache still lists the newest first
            fresh |= {name: cached for name, cached in known.items() if name not in fresh}
            break
        if (stamped := _digest_of(path, known, reader)) is None:
            continue
        stamp, found = stamped
        fresh[path.name] = (stamp, found.summary, found.highlights)
        digests.append(found)
    if _stamps(fresh) != _stamps(known) and not reader.profile.read_only:
        try:
            write_cache(cache, fresh)
        except OSError:
            pass
    digests.sort(key=lambda d: d.summary.started.astimezone(timezone.utc), reverse=True)  # true order, as the reader's
    return digests


def _digest_of(path: Path, known: dict[str, Cached], reader: HistoryReader) -> tuple[Stamp, SessionDigest] | None:
    """A session's digest from the cache while its file is unchanged, else from the file; None
    when the file is gone or cannot be read."""
    try:
        stamp = _stamp(path)
    except FileNotFoundError:
        return None
    cached = known.get(path.name)
    if cached is not None and cached[0] == stamp:
        return stamp, SessionDigest(path, cached[1], cached[2])
    session = reader.read(path)
    return None if session is None else (stamp, digest(path, session))


def _stamp(path: Path) -> Stamp:
    status = os.stat(path)
    return status.st_mtime_ns, status.st_size


def _stamps(entries: dict[str, Cached]) -> dict[str, Stamp]:
    return {name: cached[0] for name, cached in entries.items()}


# -- the file: JSON lines of compact arrays, one session a line, read whole each time History opens:
# parsed a line at a time, so no single call holds the interpreter for long while keys wait


def write_cache(cache: Path, entries: dict[str, Cached]) -> None:
    lines = [json.dumps({"format": FORMAT})] + [
        json.dumps([name, list(stamp), _totals(summary), _session_row(highlights)], separators=(",", ":"))
        for name, (stamp, summary, highlights) in entries.items()
    ]
    atomic_write_text(cache, "\n".join(lines) + "\n")


def read_cache(cache: Path, lines: int | None = None) -> dict[str, Cached]:
    """What the cache holds, or only its first `lines` sessions; nothing when it is missing,
    unreadable or of another format. Its entries pass the same checks as the session files they
    stand for."""
    try:
        with cache.open(encoding="utf-8") as file:
            if _json(file.readline()).get("format") != FORMAT:
                return {}
            return dict(_line(_json(line)) for line in islice(file, lines))
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return {}


def _json(line: str) -> Any:
    return json.loads(line, parse_constant=_refuse)  # NaN and Infinity are no numbers of ours


def _refuse(constant: str) -> None:
    raise ValueError(f"{constant} is not a number")


def _line(item: list[Any]) -> tuple[str, Cached]:
    name, stamp, totals, row = item
    if not isinstance(name, str) or not SESSION_NAME.fullmatch(name):
        raise ValueError("not a session file name")
    return name, _cached(stamp, totals, row)


def _cached(stamp: list[int], totals: list[Any], row: list[Any]) -> Cached:
    highlights = _session_from_row(row)
    mtime_ns, size = stamp
    if type(mtime_ns) is not int or type(size) is not int:
        raise ValueError("a stamp is two whole numbers")
    exercises, sets, reps, hold_s, volume_kg = totals
    summary = SessionSummary(
        highlights.started,
        highlights.ended,
        exercises=whole_number(exercises, "a count", 0, MAX_COUNT),
        sets=whole_number(sets, "a count", 0, MAX_COUNT),
        reps=whole_number(reps, "a count", 0, MAX_COUNT),
        hold_s=finite_number(hold_s, "an amount", 0, MAX_AMOUNT),
        volume_kg=finite_number(volume_kg, "an amount", 0, MAX_AMOUNT),
        kind=highlights.kind,
    )
    return (mtime_ns, size), summary, highlights


def _totals(summary: SessionSummary) -> list[Any]:
    return [summary.exercises, summary.sets, summary.reps, summary.hold_s, summary.volume_kg]


def _session_row(session: Session) -> list[Any]:
    return [
        session.started.isoformat(),
        session.ended.isoformat(),
        [[e.id, e.name, [_set_row(s) for s in e.sets], *([e.pain] if e.pain is not None else [])]
         for e in session.exercises],
        *([session.kind] if session.kind != "training" else []),  # rows written before tests had none
    ]


def _session_from_row(row: list[Any]) -> Session:
    """Through session_from_dict, the one check every session passes, file or cache."""
    started, ended, exercises, *kind = row
    return session_from_dict({
        "schema": SCHEMA,
        "started": datetime.fromisoformat(started),
        "ended": datetime.fromisoformat(ended),
        "exercises": [
            {"id": i, "name": name, "sets": [_set_from_row(*s) for s in sets], **({"pain": pain[0]} if pain else {})}
            for i, name, sets, *pain in exercises
        ],
        **({"kind": kind[0]} if kind else {}),
    })


def _set_row(s: SetLog) -> list[Any]:
    return [s.reps, s.hold_s, s.load_kg, s.side, s.started.isoformat(), s.ended.isoformat(), s.rest_s]


def _set_from_row(
    reps: int, hold_s: float, load_kg: float, side: str, started: str, ended: str, rest_s: float
) -> dict[str, Any]:
    when = {"started": datetime.fromisoformat(started), "ended": datetime.fromisoformat(ended)}
    return {"reps": reps, "hold_s": hold_s, "load_kg": load_kg, "side": side, **when, "rest_s": rest_s}
