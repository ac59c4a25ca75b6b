"""The positions (jabatan) a complaint was disposed to through the chain (issue 17), so the
queue's "Jabatan" filter and ``lapor-desk report --position`` find them by index instead of
reading every snapshot's chain JSON.

``complaint_positions (position_code, complaint_rid)``: one row per position that received a
disposition of the complaint (not a tembusan, not withdrawn), kept where the complaint rows
are written (``desktop.store.rows.write_prepared``, from ``snapshots.prepare``), filled here
from the chains already stored in ``complaint_texts.extra``.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

STATEMENTS = [
    """CREATE TABLE complaint_positions (
        position_code TEXT NOT NULL,
        complaint_rid INTEGER NOT NULL REFERENCES complaints (rid) ON DELETE CASCADE,
        PRIMARY KEY (position_code, complaint_rid)
    ) WITHOUT ROWID""",
    "CREATE INDEX ix_complaint_positions_rid ON complaint_positions (complaint_rid)",
    """INSERT OR IGNORE INTO complaint_positions (position_code, complaint_rid)
       SELECT json_extract(e.value, '$.to_position'), t.rid
       FROM complaint_texts t, json_each(t.extra, '$.chain') e
       WHERE json_valid(t.extra) AND json_type(t.extra, '$.chain') = 'array'
         AND json_extract(e.value, '$.to_position') IS NOT NULL
         AND coalesce(json_extract(e.value, '$.tembusan'), 0) = 0
         AND coalesce(json_extract(e.value, '$.state'), '') <> 'withdrawn'
         AND t.rid IN (SELECT rid FROM complaints)""",
]

DOWNGRADE_STATEMENTS = ["DROP TABLE complaint_positions"]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    for statement in DOWNGRADE_STATEMENTS:
        op.execute(statement)
