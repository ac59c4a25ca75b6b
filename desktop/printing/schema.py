"""The two tables of the letter archive (plain DDL, SQLite).

``agenda_blocks``: number blocks the server reserved to this device (``next_number`` only
moves up). ``letters``: every letter issued on this desk, with the SHA-256 of its archived
bytes (``<data dir>/letters/<sha256>.pdf``) and, once voided, the reason.

These statements become the store's Alembic revision once the store package is open for
it; until then :func:`create_tables` creates them on first use (``IF NOT EXISTS``, so the
later migration and this prototype agree on one schema).
"""

from __future__ import annotations

from typing import Any

STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS agenda_blocks (
        id TEXT PRIMARY KEY,
        agency_code TEXT NOT NULL,
        year INTEGER NOT NULL,
        start_number INTEGER NOT NULL,
        end_number INTEGER NOT NULL,
        next_number INTEGER NOT NULL,
        reserved_at TEXT NOT NULL,
        CHECK (start_number > 0 AND end_number >= start_number),
        CHECK (next_number BETWEEN start_number AND end_number + 1)
    )""",
    "CREATE INDEX IF NOT EXISTS ix_agenda_blocks_free ON agenda_blocks "
    "(agency_code, year, start_number)",
    """CREATE TABLE IF NOT EXISTS letters (
        id TEXT PRIMARY KEY,
        complaint_id TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'disposisi',
        agency_code TEXT NOT NULL,
        agenda_year INTEGER NOT NULL,
        agenda_seq INTEGER NOT NULL,
        agenda_number TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        paper TEXT NOT NULL,
        filename TEXT NOT NULL,
        qr_key_id TEXT,
        issued_at TEXT NOT NULL,
        issued_by TEXT NOT NULL,
        op_id TEXT NOT NULL UNIQUE,
        file_op_id TEXT NOT NULL UNIQUE,
        voided INTEGER NOT NULL DEFAULT 0,
        voided_at TEXT,
        voided_by TEXT,
        void_reason TEXT,
        void_op_id TEXT UNIQUE,
        UNIQUE (agency_code, agenda_year, agenda_seq)
    )""",
    "CREATE INDEX IF NOT EXISTS ix_letters_complaint ON letters (complaint_id, issued_at)",
)

_ready: set[str] = set()


def tables_ready(db_key: str) -> bool:
    return db_key in _ready


def mark_ready(db_key: str) -> None:
    _ready.add(db_key)


def create_tables(raw: Any) -> None:
    """Create the tables if missing (inside the caller's write transaction)."""
    for statement in STATEMENTS:
        raw.execute(statement)
