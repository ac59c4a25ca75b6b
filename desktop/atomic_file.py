"""Write a file so that a reader (or a crash at any line) never sees it half-written.

The one helper for every file the desk writes whole (exports, letters, secrets, sealed
blobs): a temporary file beside the target, flushed to disk, then renamed over it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def replace_atomically(target: Path, write: Callable[[Path], object], *,
                       private: bool = False) -> Path:
    """Let ``write`` fill a temporary file beside ``target``, then rename it into place:
    the old file stays whole until the new one is complete. ``private``: the file is 0600
    before anything is written and a missing folder is made 0700 (secrets, personal data);
    otherwise a missing folder is an error the caller reports, as a plain write would."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if private:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            os.chmod(folder, 0o700)
        except OSError:
            pass
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)  # 0600
    os.close(fd)
    tmp = Path(name)
    try:
        if not private:
            os.chmod(tmp, 0o644)  # an export or letter, as a plain write would make it
        write(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def write_atomically(target: Path, data: bytes | str, *, private: bool = False) -> Path:
    """``data`` (text is written as UTF-8) into ``target``, whole or not at all."""
    blob = data.encode("utf-8") if isinstance(data, str) else data
    return replace_atomically(target, lambda tmp: tmp.write_bytes(blob), private=private)

