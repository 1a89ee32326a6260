"""`soleus-tui import FILE [--dry-run]`: read the whole file, then write one session file per
new workout, or nothing at all; a report of what was imported and what was left out. It writes
holding the profile lock the training app holds, so while another soleus-tui trains on the
profile an import is refused; a dry run, which writes nothing, is not. What the profile holds
is read before the lock is taken, so an app started meanwhile trains: under the lock only the
seconds the new sessions begin in are looked at again, then the files are written."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from soleus_tui.core.catalog import Catalog
from soleus_tui.core.imports import hevy, soleus_json, strong
from soleus_tui.core.imports.csv_table import read_table
from soleus_tui.core.imports.existing import STAMP, ExistingSessions
from soleus_tui.core.imports.rows import BadFile, Localize, local_offset
from soleus_tui.core.imports.sessions import Tally, build_sessions
from soleus_tui.core.lock import ProfileLock
from soleus_tui.core.session import Session
from soleus_tui.core.settings import settings_from_dict
from soleus_tui.core.store import UNREADABLE, Profile, read_toml

WRITERS = 16  # files written at once: the disk commits their syncs together
MAX_FILE_BYTES = 256 << 20  # decades of daily workouts in any of the formats stay far below


@dataclass(frozen=True)
class Outcome:
    code: int  # the exit status
    lines: list[str] = field(default_factory=list)  # the report, or the one line saying what went wrong


@dataclass(frozen=True)
class Read:
    source: str
    sessions: list[Session]
    tallies: dict[str, Tally]


def import_command(profile: Profile, path: Path, catalog: Catalog, out: TextIO, err: TextIO, *,
                   dry_run: bool = False) -> int:
    """The command as the shell sees it: the report on `out`, a failure in one line on `err`."""
    outcome = import_file(profile, path, catalog, dry_run=dry_run)
    for line in outcome.lines:
        print(line if outcome.code == 0 else f"soleus-tui: {line}", file=out if outcome.code == 0 else err)
    return outcome.code


def import_file(profile: Profile, path: Path, catalog: Catalog, *, dry_run: bool = False,
                localize: Localize = local_offset) -> Outcome:
    shown = printable(path.name)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            return Outcome(1, [f"cannot import {shown}: larger than {MAX_FILE_BYTES >> 20} MB, no export is that big"])
        content = data.decode("utf-8-sig")
    except OSError as error:
        return Outcome(1, [f"cannot read {printable(str(path))}: {error.strerror or error}"])
    except UnicodeDecodeError:
        return Outcome(1, [f"cannot import {shown}: not UTF-8 text"])
    try:
        read = read_export(content, catalog, units_setting(profile), localize)
    except BadFile as error:
        return Outcome(1, [f"cannot import {shown}: {printable(str(error))}; nothing was written"])
    report = [f"{read.source}: {_count(len(read.sessions), 'workout')}", *tally_lines(read.tallies)]
    existing = ExistingSessions(profile)
    new = existing.new(read.sessions)
    if dry_run:
        already = len(read.sessions) - len(new)
        return Outcome(0, [*report, f"Dry run: would add {_count(len(new), 'session file')} ({already} already here); nothing was written"])
    lock = ProfileLock(profile.lock_path)
    try:
        held = lock.acquire()
    except OSError as error:
        return Outcome(1, [f"cannot lock {printable(str(profile.lock_path))}: {error.strerror or error}; nothing was written"])
    if not held:
        return Outcome(1, [f"cannot import {shown}: another soleus-tui is training on this profile; nothing was written"])
    try:  # held from the second look to the last file written: no workout is saved in between
        new = existing.still_new(new)
        failure = write_all(profile, new)
    finally:
        lock.release()
    if failure:
        return Outcome(1, [f"cannot write {failure}; nothing was imported"])
    return Outcome(0, [*report, f"Added {_count(len(new), 'session file')} ({len(read.sessions) - len(new)} already here)"])


def units_setting(profile: Profile) -> str:
    """The user's unit, for a file that does not give its own: read, never repaired here."""
    try:
        return settings_from_dict(read_toml(profile.settings_path))[0].units
    except (*UNREADABLE, RecursionError):
        return "kg"


def read_export(content: str, catalog: Catalog, default_unit: str, localize: Localize) -> Read:
    """Every session of the file, or BadFile naming the first row that cannot be read."""
    if soleus_json.looks_like_json(content):
        sessions = soleus_json.read_sessions(content)
        return Read("soleus-tui export", sessions, _own_tallies(sessions))
    table = read_table(content)
    if strong.is_strong(table):
        source, rows = "Strong export", strong.set_rows(table, default_unit, localize)
    elif hevy.is_hevy(table):
        source, rows = "Hevy export", hevy.set_rows(table, localize)
    else:
        raise BadFile("row 1: the header is not that of a Strong, Hevy or soleus-tui export")
    sessions, tallies = build_sessions(rows, catalog)
    return Read(source, sessions, tallies)


def _own_tallies(sessions: list[Session]) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {}
    for session in sessions:
        for exercise in session.exercises:
            tally = tallies.setdefault(exercise.name, Tally(exercise.name))
            tally.workouts += 1
            tally.sets += len(exercise.sets)
            tally.warmups += sum(s.warmup for s in exercise.sets)
    return tallies


def tally_lines(tallies: dict[str, Tally]) -> list[str]:
    lines = []
    for name, tally in tallies.items():
        shown = printable(name)
        if tally.sets:
            became = "" if tally.became == name else f" -> {printable(tally.became)}"
            warmups = f", {tally.warmups} warm-up" if tally.warmups else ""
            lines.append(f"  imported  {shown}{became}: {_count(tally.sets, 'set')}{warmups} "
                         f"in {_count(tally.workouts, 'workout')}")
        if tally.skipped:
            lines.append(f"  skipped   {shown}: {_count(tally.skipped, 'set')}, not calf-raise work")
        if tally.empty:
            lines.append(f"  skipped   {shown}: {_count(tally.empty, 'set')} with neither reps nor time")
    return lines


def _count(n: int, what: str) -> str:
    return f"{n} {what}" if n == 1 else f"{n} {what}s"


def printable(name: str) -> str:
    """A name from the file, safe to print: control characters shown as escapes."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


def write_all(profile: Profile, sessions: list[Session]) -> str | None:
    """Each session to its own file, several at once (each write waits on the disk); on a failure
    the files written are removed again and the failure is returned, in words. Sessions that start
    in the same second go through one writer, so two never pick a file name at the same time."""
    by_second: dict[str, list[Session]] = {}
    for session in sessions:
        by_second.setdefault(session.started.strftime(STAMP), []).append(session)
    written: list[Path] = []
    failures: list[OSError] = []

    def write(group: list[Session]) -> None:
        for session in group:
            if failures:
                return
            try:
                written.append(profile.write_session(session))
            except OSError as error:
                failures.append(error)

    with ThreadPoolExecutor(WRITERS) as pool:
        list(pool.map(write, by_second.values()))
    if not failures:
        return None
    for path in written:
        path.unlink(missing_ok=True)
    error = failures[0]
    return f"{error.filename or profile.sessions_dir}: {error.strerror or error}"
