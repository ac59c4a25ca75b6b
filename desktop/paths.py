"""Where resources and user data live, identical frozen (PyInstaller) and unfrozen."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "LaporDesk"
APP_AUTHOR = "LaporPaman"
DATA_DIR_ENV = "LAPOR_DESK_DATA_DIR"


def resources_dir() -> Path:
    """The ``resources/`` folder: in _MEIPASS when frozen, beside the package in a checkout
    (or an editable install), else ``<prefix>/share/lapor-desk/resources`` where a wheel
    install puts it (pyproject's data-files)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    beside = Path(__file__).resolve().parent.parent / "resources"
    if beside.is_dir():
        return beside
    for prefix in (sys.prefix, sys.base_prefix):
        installed = Path(prefix) / "share" / "lapor-desk" / "resources"
        if installed.is_dir():
            return installed
    return beside  # missing files then fail with this path in the message


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
