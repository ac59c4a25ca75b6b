"""A desk whose officer may only see masked NIKs keeps no full NIK (issue 13).

The server already sends such a desk masked snapshots (``redact_for``); this scrubs what an
earlier, more privileged sign-in or an older rule left in the store: the reporter column
and the server's base snapshot kept for rebasing. Pending outbox ops are left alone: they
are this desk's own records on their way to the server, which needs them whole.
"""

from __future__ import annotations

import json
import sqlite3

from core import Role, mask_nik
from core.privacy import NIK_ROLES


def needs_scrub(role: str | Role | None) -> bool:
    try:
        return Role(str(role)) not in NIK_ROLES
    except ValueError:
        return True  # unknown or missing role: the safe side


def scrub(raw: sqlite3.Connection) -> int:
    """Mask every full NIK in the store; returns how many rows changed."""
    changed = 0
    rows = raw.execute(
        "SELECT rid, reporter_nik, base_snapshot FROM complaint_texts "
        "WHERE (reporter_nik IS NOT NULL AND instr(reporter_nik, '*') = 0) "
        "OR (base_snapshot IS NOT NULL AND instr(base_snapshot, '\"nik\"') > 0)").fetchall()
    for rid, nik, base in rows:
        new_nik = mask_nik(nik) if nik else nik
        new_base = base
        if base:
            snapshot = json.loads(base)
            reporter = snapshot.get("reporter")
            if isinstance(reporter, dict) and reporter.get("nik"):
                reporter["nik"] = mask_nik(str(reporter["nik"]))
                new_base = json.dumps(snapshot, ensure_ascii=False, separators=(",", ":"))
        if (new_nik, new_base) != (nik, base):
            raw.execute("UPDATE complaint_texts SET reporter_nik = ?, base_snapshot = ? "
                        "WHERE rid = ?", (new_nik, new_base, rid))
            changed += 1
    return changed
