"""Sync, intake and printing reach the desk store through its public API only."""

from __future__ import annotations

import re
from pathlib import Path

DESKTOP = Path(__file__).resolve().parent.parent / "desktop"
# A private member of a store object or module (``service._write``, ``_store._is_dirty``)
# or the service module imported to borrow its internals.
PRIVATE = re.compile(r"\b\w*(?:service|store|_store)\._[a-z]\w*"
                     r"|from desktop\.store import service\b"
                     r"|from desktop\.store\.service import _")


def test_sync_intake_and_printing_use_only_the_public_store_api() -> None:
    found = []
    for package in ("sync", "intake", "printing"):
        for path in sorted((DESKTOP / package).rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if PRIVATE.search(line):
                    found.append(f"{path.relative_to(DESKTOP)}:{number}: {line.strip()}")
    assert found == []


def test_the_pattern_catches_a_reach_in() -> None:
    assert PRIVATE.search("    with service._write() as conn:")
    assert PRIVATE.search("from desktop.store import service as _store")
    assert not PRIVATE.search("    with service.transaction() as conn:")
