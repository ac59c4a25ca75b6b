"""Every compiled form desktop/forms/ui_<name>.py matches what pyside6-uic makes of ui/<name>.ui.

A stale form means the app runs a layout nobody can see in Designer; fix with
``scripts/compile-forms``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORMS = sorted((ROOT / "ui").glob("*.ui"))
# The uic version in the header differs between machines; everything else must match.
VERSION_LINE = re.compile(r"^## Created by: Qt User Interface Compiler version .*$", re.M)


def _uic() -> str:
    for folder in (Path(sys.executable).parent, Path(sys.prefix) / "bin"):
        if (folder / "pyside6-uic").exists():
            return str(folder / "pyside6-uic")
    found = shutil.which("pyside6-uic")
    if not found:
        pytest.fail("pyside6-uic not found beside the interpreter or on PATH")
    return found


def test_forms_exist():
    names = {form.stem for form in FORMS}
    assert {"main_window", "detail_pane"} <= names
    compiled = {p.name[3:-3] for p in (ROOT / "desktop" / "forms").glob("ui_*.py")}
    assert compiled == names, "every ui/*.ui has exactly one desktop/forms/ui_*.py"


@pytest.mark.parametrize("form", FORMS, ids=lambda p: p.name)
def test_compiled_form_is_fresh(form: Path, tmp_path: Path):
    fresh = tmp_path / f"ui_{form.stem}.py"
    subprocess.run([_uic(), str(form), "-o", str(fresh)], check=True)
    committed = ROOT / "desktop" / "forms" / f"ui_{form.stem}.py"
    assert committed.exists(), f"{committed.name} missing: run scripts/compile-forms"
    expected = VERSION_LINE.sub("", fresh.read_text(encoding="utf-8"))
    actual = VERSION_LINE.sub("", committed.read_text(encoding="utf-8"))
    assert "WARNING! All changes made in this file will be lost" in actual
    assert actual == expected, f"{committed.name} is stale: run scripts/compile-forms"
