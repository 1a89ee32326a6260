"""Where everything lives on disk, and how it gets there without ever tearing a file.

Layout (DESIGN section 2):  <data-dir>/profiles/<profile>/{sessions/<YYYY>/, current.toml,
settings.toml, quiz.toml, quarantine/}.  The TOML files are the truth; nothing is deleted,
unreadable files are moved to quarantine/.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from soleus_tui.core.session import Session, SessionFormatError, session_from_dict, session_to_dict

APP_NAME = "soleus-tui"
DATA_DIR_ENV = "SOLEUS_TUI_DATA_DIR"
PROFILE_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}")
SESSION_NAME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-[0-9a-f]{4}\.toml")
TEMP_NAME = re.compile(r"\..+?(?:\.(\d+))?\.[^.]+\.tmp")  # .<target>.<pid>.<random>.tmp
STALE_TEMP_S = 3600.0  # a temp file this old has no writer left, whoever made it
MAX_FILE_BYTES = 4 * 1024 * 1024  # far above any real file: a bigger one is not ours


class StoreError(Exception):
    """The data directory cannot be used; the message names the path."""


class UnreadableFile(ValueError):
    """A file that is not TOML this app can read: too big, not UTF-8 or nested too deeply."""


class ReadOnlyProfile(PermissionError):
    """Another instance trains on this profile: this one looks, and writes nothing."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EACCES, "read-only: another soleus-tui is training on this profile", str(path))

    def __str__(self) -> str:
        return f"{self.filename} is read-only here: another soleus-tui is training on this profile"


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def resolve_data_dir(flag: str | None, environ: dict[str, str] | os._Environ[str]) -> Path:
    """The --data-dir flag wins over SOLEUS_TUI_DATA_DIR, which wins over platformdirs."""
    chosen = flag or environ.get(DATA_DIR_ENV)
    return Path(chosen).expanduser() if chosen else default_data_dir()


def valid_profile_name(name: str) -> bool:
    return PROFILE_PATTERN.fullmatch(name) is not None


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Temp file beside the target, flush, fsync, replace: readers see old or new, never torn."""
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o600)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def write_toml(path: Path, table: dict[str, Any]) -> None:
    atomic_write_bytes(path, tomli_w.dumps(table).encode("utf-8"))


def read_toml(path: Path, limit: int = MAX_FILE_BYTES) -> dict[str, Any]:
    """The file's table. Raises OSError, tomllib.TOMLDecodeError, or UnreadableFile for a file
    too big, not UTF-8, or nested deeper than the parser can follow."""
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UnreadableFile(f"{path.name} is larger than {limit // 1024} KB")
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise UnreadableFile(f"{path.name} is not UTF-8 text") from None
    except RecursionError:
        raise UnreadableFile(f"{path.name} is nested too deeply") from None


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def make_private_dir(folder: Path) -> None:
    """The folder, made if missing and readable by its owner alone. A symbolic link is refused:
    it would carry writes, or moved files, out of the data folder."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    status = folder.lstat()
    if stat.S_ISLNK(status.st_mode):
        raise OSError(errno.ELOOP, "a symbolic link is not followed out of the data folder", str(folder))
    if stat.S_IMODE(status.st_mode) != 0o700:
        os.chmod(folder, 0o700)


def quarantine(path: Path, folder: Path) -> Path:
    """Move an unreadable file aside into `folder`, never over another one, even when another
    process quarantines at the same moment: the new name is claimed before the file moves."""
    make_private_dir(folder)
    counter = 0
    while True:
        target = folder / (path.name if counter == 0 else f"{path.stem}.{counter}{path.suffix}")
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600))
            break
        except FileExistsError:
            counter += 1
    try:
        os.replace(path, target)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    os.chmod(target, 0o600)
    return target


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temp_files(folder: Path, now: float | None = None) -> list[Path]:
    """Delete the temp files that writers killed mid-save left behind: those of a process that
    is gone, and any older than an hour. A live writer's temp file is left alone."""
    removed: list[Path] = []
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        found = TEMP_NAME.fullmatch(entry.name)
        if found is None or not entry.is_file(follow_symlinks=False):
            continue
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_S
            if old or (found.group(1) is not None and not _pid_alive(int(found.group(1)))):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


Writer = Callable[[Path, bytes], None]


@dataclass(eq=False)
class Profile:
    """One profile's folder and the files in it. `read_only` is set when another instance holds
    the lock: then nothing here writes, moves or deletes. `writer` puts bytes in a file (a test
    passes one that fails like a full disk)."""

    root: Path
    read_only: bool = False
    writer: Writer = atomic_write_bytes
    problems: list[str] = field(default_factory=list)  # folders that could not be listed

    @classmethod
    def open(cls, data_dir: Path, name: str) -> Profile:
        """Create the profile's folders and prove they are writable, or raise StoreError."""
        profile = cls(data_dir / "profiles" / name)
        try:
            for folder in (data_dir, data_dir / "profiles", profile.root, profile.sessions_dir):
                make_private_dir(folder)
            # Each start probes with a name of its own: instances started together never meet.
            fd, probe = tempfile.mkstemp(dir=profile.root, prefix=f".write-test.{os.getpid()}.", suffix=".tmp")
            os.close(fd)
            os.unlink(probe)
        except OSError as error:
            where = error.filename or profile.root
            raise StoreError(f"cannot write to the data directory {where}: {error.strerror or error}") from None
        profile.remove_stale_temp_files()
        return profile

    def remove_stale_temp_files(self) -> list[Path]:
        folders = [self.root]
        try:
            folders += [Path(e.path) for e in os.scandir(self.sessions_dir) if e.is_dir(follow_symlinks=False)]
        except OSError:
            pass
        return [path for folder in folders for path in remove_stale_temp_files(folder)]

    def require_writable(self) -> None:
        """Raise ReadOnlyProfile when another instance holds this profile."""
        if self.read_only:
            raise ReadOnlyProfile(self.root)

    def write(self, path: Path, table: dict[str, Any]) -> None:
        self.require_writable()
        self.writer(path, tomli_w.dumps(table).encode("utf-8"))

    @property
    def sessions_dir(self) -> Path:
        return self.root / "sessions"

    @property
    def current_path(self) -> Path:
        return self.root / "current.toml"

    @property
    def settings_path(self) -> Path:
        return self.root / "settings.toml"

    @property
    def quiz_scores_path(self) -> Path:
        return self.root / "quiz.toml"

    @property
    def quarantine_dir(self) -> Path:
        return self.root / "quarantine"

    @property
    def lock_path(self) -> Path:
        return self.root / "lock"

    # -- sessions ---------------------------------------------------------------------------

    def iter_session_paths(self) -> Iterator[Path]:
        """Newest local wall time first, by file name alone: nothing is parsed, so listing years is
        cheap (HistoryReader puts the few files around a clock change in true order). A folder
        that cannot be listed is noted in `problems` and skipped; links are not followed."""
        for year in self._listing(self.sessions_dir, lambda e: e.is_dir(follow_symlinks=False)):
            yield from self._listing(year, lambda e: SESSION_NAME.fullmatch(e.name))

    def _listing(self, folder: Path, keep: Callable[[os.DirEntry[str]], Any]) -> list[Path]:
        try:
            with os.scandir(folder) as entries:
                names = sorted((e.name for e in entries if keep(e)), reverse=True)
        except FileNotFoundError:
            return []
        except OSError as error:
            problem = f"Cannot read {folder}: {error.strerror or error}"
            if problem not in self.problems:
                self.problems.append(problem)
            return []
        return [folder / name for name in names]

    def write_session(self, session: Session) -> Path:
        self.require_writable()
        stamp = session.started.strftime("%Y-%m-%dT%H-%M-%S")
        folder = self.sessions_dir / session.started.strftime("%Y")
        make_private_dir(self.sessions_dir)
        make_private_dir(folder)
        while True:
            path = folder / f"{stamp}-{secrets.token_hex(2)}.toml"
            if not path.exists():
                break
        self.write(path, session_to_dict(session))
        return path

    def read_session(self, path: Path) -> Session:
        """Raises OSError, tomllib.TOMLDecodeError, UnreadableFile or SessionFormatError for a bad file."""
        return session_from_dict(read_toml(path))

    def quarantine(self, path: Path) -> Path:
        self.require_writable()
        return quarantine(path, self.quarantine_dir)

    # -- the workout in progress ------------------------------------------------------------

    def save_current(self, table: dict[str, Any]) -> None:
        self.write(self.current_path, table)

    def load_current(self) -> dict[str, Any] | None:
        """The saved workout, or None. A broken file raises; the caller quarantines it."""
        if not self.current_path.exists():
            return None
        return read_toml(self.current_path)

    def clear_current(self) -> None:
        self.require_writable()
        self.current_path.unlink(missing_ok=True)


UNREADABLE = (OSError, tomllib.TOMLDecodeError, SessionFormatError, UnicodeDecodeError, UnreadableFile)
