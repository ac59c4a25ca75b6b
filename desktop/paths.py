"""Where resources and user data live, identical frozen (PyInstaller) and unfrozen."""

from __future__ import annotations

import os
from pathlib import Path

from core.resources import resource, resources_dir  # noqa: F401 - the desk's names

APP_NAME = "LaporDesk"
APP_AUTHOR = "LaporPaman"
DATA_DIR_ENV = "LAPOR_DESK_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: ``--data-dir``, then ``LAPOR_DESK_DATA_DIR``, then platformdirs.
    Made private to this user (0700 on POSIX) when it is made."""
    if override:
        path = Path(override)
    elif os.environ.get(DATA_DIR_ENV):
        path = Path(os.environ[DATA_DIR_ENV])
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, APP_AUTHOR))
    private_dir(path)
    return path


# POSIX modes of what the desk writes: its data (complaints, reporters' details, letters,
# keys) is readable by the officer's own account only. Windows keeps its ACLs (the user's
# profile folder is private already), so nothing is changed there.
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
POSIX = os.name == "posix"


def private_dir(path: Path) -> Path:
    """Make ``path`` (and missing parents) and set it to 0700 on POSIX."""
    path.mkdir(parents=True, exist_ok=True)
    if POSIX:
        _tighten(path, PRIVATE_DIR)
    return path


def private_file(path: Path) -> None:
    """Set an existing file to 0600 on POSIX (no-op when missing)."""
    if POSIX:
        _tighten(path, PRIVATE_FILE)


def tighten_data_dir(path: Path) -> None:
    """The data directory 0700, its files 0600 and its folders 0700, one level deep (what
    lies deeper is reachable only through those folders). Fixes modes left by earlier
    versions, copies and restores; symlinks inside are left alone."""
    if not POSIX:
        return
    private_dir(path)
    try:
        entries = list(os.scandir(path))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            _tighten(Path(entry.path), PRIVATE_DIR)
        elif entry.is_file(follow_symlinks=False):
            _tighten(Path(entry.path), PRIVATE_FILE)


def _tighten(path: Path, mode: int) -> None:
    """chmod to ``mode`` when the group or others have any access (owner bits are kept
    when already tighter)."""
    try:
        current = path.stat().st_mode & 0o777
        if current & 0o077:
            os.chmod(path, mode)
    except OSError:  # not ours to change (another owner) or gone: leave it
        pass
