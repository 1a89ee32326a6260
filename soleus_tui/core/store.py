"""Where everything lives on disk, and how it gets there without ever tearing a file.

Layout (DESIGN section 2):  <data-dir>/profiles/<profile>/{sessions/<YYYY>/, current.toml,
settings.toml, quiz.toml, quarantine/}.  The TOML files are the truth; nothing is deleted,
unreadable files are moved to quarantine/.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import tempfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from soleus_tui.core.session import Session, SessionFormatError, session_from_dict, session_to_dict

APP_NAME = "soleus-tui"
DATA_DIR_ENV = "SOLEUS_TUI_DATA_DIR"
PROFILE_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}")
SESSION_NAME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-[0-9a-f]{4}\.toml")


class StoreError(Exception):
    """The data directory cannot be used; the message names the path."""


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
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
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


def read_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


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
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def quarantine(path: Path, folder: Path) -> Path:
    """Move an unreadable file aside into `folder`, never over another one."""
    make_private_dir(folder)
    target = folder / path.name
    counter = 1
    while target.exists():
        target = folder / f"{path.stem}.{counter}{path.suffix}"
        counter += 1
    shutil.move(path, target)
    return target


@dataclass(frozen=True)
class Profile:
    """One profile's folder and the files in it."""

    root: Path

    @classmethod
    def open(cls, data_dir: Path, name: str) -> Profile:
        """Create the profile's folders and prove they are writable, or raise StoreError."""
        profile = cls(data_dir / "profiles" / name)
        try:
            for folder in (data_dir, data_dir / "profiles", profile.root, profile.sessions_dir):
                make_private_dir(folder)
            probe = profile.root / ".write-test"
            atomic_write_bytes(probe, b"")
            probe.unlink()
        except OSError as error:
            where = error.filename or profile.root
            raise StoreError(f"cannot write to the data directory {where}: {error.strerror or error}") from None
        return profile

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
        """Newest first, by file name alone: nothing is parsed, so listing years is cheap."""
        try:
            years = sorted((e for e in os.scandir(self.sessions_dir) if e.is_dir()), key=lambda e: e.name, reverse=True)
        except FileNotFoundError:
            return
        for year in years:
            names = sorted((n for n in os.listdir(year.path) if SESSION_NAME.fullmatch(n)), reverse=True)
            for name in names:
                yield Path(year.path) / name

    def write_session(self, session: Session) -> Path:
        stamp = session.started.strftime("%Y-%m-%dT%H-%M-%S")
        folder = self.sessions_dir / session.started.strftime("%Y")
        make_private_dir(folder)
        while True:
            path = folder / f"{stamp}-{secrets.token_hex(2)}.toml"
            if not path.exists():
                break
        write_toml(path, session_to_dict(session))
        return path

    def read_session(self, path: Path) -> Session:
        """Raises OSError, tomllib.TOMLDecodeError or SessionFormatError for a bad file."""
        return session_from_dict(read_toml(path))

    def quarantine(self, path: Path) -> Path:
        return quarantine(path, self.quarantine_dir)

    # -- the workout in progress ------------------------------------------------------------

    def save_current(self, table: dict[str, Any]) -> None:
        write_toml(self.current_path, table)

    def load_current(self) -> dict[str, Any] | None:
        """The saved workout, or None. A broken file raises; the caller quarantines it."""
        if not self.current_path.exists():
            return None
        return read_toml(self.current_path)

    def clear_current(self) -> None:
        self.current_path.unlink(missing_ok=True)


UNREADABLE = (OSError, tomllib.TOMLDecodeError, SessionFormatError, UnicodeDecodeError)
