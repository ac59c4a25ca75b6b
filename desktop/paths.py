"""Where resources and user data live, identical frozen (PyInstaller) and unfrozen."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "LaporDesk"
APP_AUTHOR = "LaporPaman"
DATA_DIR_ENV = "LAPOR_DESK_DATA_DIR"


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package in a checkout, in _MEIPASS when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: ``--data-dir``, then ``LAPOR_DESK_DATA_DIR``, then platformdirs."""
    if override:
        path = Path(override)
    elif os.environ.get(DATA_DIR_ENV):
        path = Path(os.environ[DATA_DIR_ENV])
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path
