"""Saved queue views and drafts of unfinished officer input.

- ``saved_views``: an officer's own named queue filters (a QueueFilter as JSON + sort).
- ``drafts``: text an officer started (a follow-up, a note, a new complaint at the loket)
  and has not submitted yet; kept per complaint and kind so a crash or a closed window
  loses nothing. Drafts never enter the outbox until submitted.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

STATEMENTS = [
    """CREATE TABLE saved_views (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        filter TEXT NOT NULL,
        sort TEXT NOT NULL DEFAULT 'received_at',
        descending INTEGER NOT NULL DEFAULT 1,
        position INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE drafts (
        complaint_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (complaint_id, kind)
    )""",
    # The sync engine asks "which complaints still have unsent ops" on every round.
    "CREATE INDEX ix_outbox_pending ON outbox (complaint_id) WHERE state IN ('pending', 'sending')",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)
