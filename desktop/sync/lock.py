"""One sync round at a time per data directory, across processes.

The GUI and a scheduled ``lapor-desk sync`` may work on the same data directory. Only one
of them may run a round: otherwise one's start-up recovery would put the other's in-flight
ops back to ``pending`` and both would push them (still applied once, thanks to op ids, but
sent twice), and their cursors could interleave. The lock is an OS file lock on
``<data dir>/sync.lock``: the OS drops it when the holder dies, even by SIGKILL, so a
crashed round never blocks the next one.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import TracebackType

from desktop.sync.errors import SyncError

LOCK_FILE = "sync.lock"


class SyncBusy(SyncError):
    code = "busy"


class SyncLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / LOCK_FILE
        self._fd: int | None = None

    def acquire(self, timeout: float = 0.0) -> bool:
        """Take the lock, waiting up to ``timeout`` seconds; False if another holds it."""
        deadline = time.monotonic() + timeout
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        while True:
            if _try_lock(fd):
                self._fd = fd
                return True
            if time.monotonic() >= deadline:
                os.close(fd)
                return False
            time.sleep(0.05)

    def release(self) -> None:
        if self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> SyncLock:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on the Windows desks
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
