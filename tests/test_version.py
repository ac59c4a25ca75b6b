"""desktop.__version__ is written out (no importlib.metadata at start-up): it must equal the
version pyproject.toml gives the package."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import desktop

REPO = Path(__file__).resolve().parent.parent


def test_version_matches_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert desktop.__version__ == project["version"]


def test_importing_desktop_stays_light():
    code = ("import sys, desktop\n"
            "print(sorted({'importlib.metadata', 'PySide6'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=REPO).stdout.strip()
    assert out == "[]"
