"""No code reads the date or time behind the office clock's back (core/clock.py).

``datetime.now()``, ``date.today()``, ``time.time()``, Qt's ``QDate.currentDate()`` and the
like take the machine's clock and, for dates, the machine's (or UTC's) day instead of the
office's: the defect behind issue 12. This scan (AST, not grep: comments and strings do not
count) fails on any such call in product code, benchmarks, scripts and tests; the clock
module itself and the few places that need real time for a reason are named below.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.dates

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("desktop", "server", "bench", "scripts", "tests")

# (receiver, attribute) pairs that read the machine's clock.
FORBIDDEN = {
    ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"), ("date", "today"),
    ("time", "time"), ("time", "time_ns"), ("time", "localtime"), ("time", "gmtime"),
    ("time", "ctime"), ("QDate", "currentDate"), ("QDateTime", "currentDateTime"),
    ("QDateTime", "currentDateTimeUtc"), ("QDateTime", "currentSecsSinceEpoch"),
    ("QDateTime", "currentMSecsSinceEpoch"), ("QTime", "currentTime"),
}
# Files allowed some of them, and why.
ALLOWED: dict[str, set[tuple[str, str]]] = {
    # The clock itself: the one place that asks the system.
    "core/clock.py": {("time", "time"), ("datetime", "now")},
    # Retry-After as an HTTP date is compared with the real time the server sent it at.
    "desktop/sync/retry.py": {("time", "time")},
    # The pinned-clock tests set anchors in the past on purpose.
    "tests/test_office_clock.py": {("time", "time")},
}


def _python_files() -> list[Path]:
    files: list[Path] = []
    for top in SCANNED:
        folder = ROOT / top
        files += [p for p in folder.rglob("*.py") if "forms" not in p.parts]
        if top == "scripts":  # scripts without the .py suffix
            files += [p for p in folder.iterdir() if p.is_file() and p.suffix == ""
                      and p.read_text(errors="replace").startswith("#!/usr/bin/env python")]
    return files


def _receiver(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):  # datetime.datetime.now, QtCore.QDate.currentDate
        return node.attr
    return None


def clock_reads(source: str) -> list[tuple[int, str, str]]:
    """(line, receiver, attribute) of every call that reads the machine's clock."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            pair = (_receiver(node.func.value), node.func.attr)
            if pair in FORBIDDEN:
                found.append((node.lineno, *pair))
    return found


def test_the_scan_finds_what_it_must():
    sample = ("import datetime as dt\nfrom datetime import date, datetime\nimport time\n"
              "a = datetime.now(WITA)\nb = date.today()\nc = time.time()\n"
              "d = dt.datetime.now()\ne = QDate.currentDate()\n"
              "# datetime.now() in a comment\nf = 'date.today()'\ng = clock().now()\n")
    assert [(line, f"{r}.{a}") for line, r, a in clock_reads(sample)] == [
        (4, "datetime.now"), (5, "date.today"), (6, "time.time"), (7, "datetime.now"),
        (8, "QDate.currentDate")]


def test_nothing_reads_the_machine_clock_behind_the_office_clock():
    offenders = []
    files = _python_files()
    assert len(files) > 200
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        allowed = ALLOWED.get(rel, set())
        for line, receiver, attr in clock_reads(path.read_text(encoding="utf-8")):
            if (receiver, attr) not in allowed:
                offenders.append(f"{rel}:{line}: {receiver}.{attr}()")
    assert not offenders, ("use core.clock.clock() (.now(), .today(), "
                           ".timestamp()) instead:\n" + "\n".join(offenders))
