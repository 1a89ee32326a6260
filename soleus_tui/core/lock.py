"""One trainer per profile: an advisory lock the OS drops by itself if the process dies."""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path

OPEN_FLAGS = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC


class ProfileLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> bool:
        """True if this process now owns the profile; False if another one does."""
        if self._fd is not None:
            return True
        fd = self._open()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return True

    def _open(self) -> int:
        """The lock file, never through a link: a link planted in its place is removed (it sits in
        our own folder), and what it pointed at is left untouched."""
        try:
            return os.open(self.path, OPEN_FLAGS, 0o600)
        except OSError as error:
            if error.errno != errno.ELOOP:
                raise
        self.path.unlink(missing_ok=True)
        return os.open(self.path, OPEN_FLAGS, 0o600)

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
