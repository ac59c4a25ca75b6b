"""Letter archive (agenda blocks, letters) and the outbox audit trail as a table.

- ``agenda_blocks``: agenda number blocks the server reserved to this device
  (``next_number`` only moves up); ``letters``: every letter issued on this desk, with
  the SHA-256 of its archived bytes and, once voided, the reason (docs/letters.md).
  Desks that ran the letter prototype already made both tables on first use with this
  very DDL (``CREATE ... IF NOT EXISTS``), so here too every statement tolerates the
  object existing: such a desk upgrades to the same schema a fresh one gets (SQLite
  keeps the CREATE text without ``IF NOT EXISTS``, so both read the same).
- ``outbox_audit``: the officer's decisions on outbox ops ("Buang", "Terapkan lagi",
  "Kirim ulang"), one row each, newest kept (desktop/store/audit.py). Until now they were
  one JSON list in ``sync_state['outbox_audit']`` that grew without limit: its entries
  are moved here in order, unchanged (``entry`` holds each as it was).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

LETTER_STATEMENTS = [
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
]

AUDIT_STATEMENTS = [
    # ``seq`` orders the trail (AUTOINCREMENT: never reused, so pruning keeps order);
    # ``entry`` is the whole entry as JSON, the other columns are for filtering.
    """CREATE TABLE IF NOT EXISTS outbox_audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        actor TEXT,
        op_id TEXT,
        complaint_id TEXT,
        entry TEXT NOT NULL
    )""",
    """INSERT OR IGNORE INTO outbox_audit (id, at, action, actor, op_id, complaint_id, entry)
    SELECT coalesce(json_extract(e.value, '$.id'), lower(hex(randomblob(16)))),
           coalesce(json_extract(e.value, '$.at'), ''),
           coalesce(json_extract(e.value, '$.action'), ''),
           json_extract(e.value, '$.by'), json_extract(e.value, '$.op_id'),
           json_extract(e.value, '$.complaint_id'), e.value
    FROM sync_state s, json_each(s.value) e
    WHERE s.key = 'outbox_audit' AND json_valid(s.value) AND json_type(s.value) = 'array'
      AND e.type = 'object'
    ORDER BY e.key""",
    # Only a list that was moved leaves sync_state (a damaged value stays for inspection).
    """DELETE FROM sync_state WHERE key = 'outbox_audit' AND json_valid(value)
    AND json_type(value) = 'array'""",
]


def upgrade() -> None:
    for statement in LETTER_STATEMENTS + AUDIT_STATEMENTS:
        op.execute(statement)
