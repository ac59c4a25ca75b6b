"""Write a file so that a reader (or a crash) never sees it half-written."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def replace_atomically(target: Path, write: Callable[[Path], object]) -> Path:
    """Let ``write`` fill a temporary file beside ``target``, then rename it into place:
    the old file stays whole until the new one is complete, and nobody sees a partial one."""
    target = Path(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
