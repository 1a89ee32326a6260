"""Faults on demand: a writer that fails like a full disk, folders that cannot be listed."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from soleus_tui.core.store import atomic_write_bytes


class FailingWriter:
    """Writes like the store does until `fail_with` is set to an errno; then raises it."""

    def __init__(self) -> None:
        self.fail_with: int | None = None
        self.attempts = 0

    def __call__(self, path: Path, data: bytes) -> None:
        self.attempts += 1
        if self.fail_with is not None:
            raise OSError(self.fail_with, os.strerror(self.fail_with), str(path))
        atomic_write_bytes(path, data)


DISK_FULL, NO_ACCESS = errno.ENOSPC, errno.EACCES


@contextmanager
def unreadable(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The folder at mode 000. Root reads through any mode, so for root listing it is refused too."""
    os.chmod(folder, 0)
    if os.geteuid() == 0:
        real_scandir = os.scandir

        def scandir(path: os.PathLike[str] | str = ".") -> object:
            if Path(path) == folder:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
    try:
        yield
    finally:
        os.chmod(folder, 0o700)
        monkeypatch.undo()


def fill_disk(disk: Path) -> Path:
    """Write one file until the disk is full; it is returned, to be removed again."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"x" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler
