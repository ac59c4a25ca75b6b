"""Where the bundled ``resources/`` folder is: a checkout, an installed wheel or the
frozen workstation folder. The core reads reference data from it (holidays, regions)."""

from __future__ import annotations

import sys
from pathlib import Path


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
