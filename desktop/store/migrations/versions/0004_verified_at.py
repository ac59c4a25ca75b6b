"""``complaints.verified_at``: a verified complaint leaves "Perlu Verifikasi" (issue 14).

A complaint stays ``belum_diverifikasi`` until disposition, but once verified it is shown as
"Terverifikasi, Menunggu Disposisi" and has no verification deadline (the domain's
``awaiting_disposition``). The queue's SQL needs ``verified_at`` for that, so it moves from
the texts' ``extra`` JSON (where earlier versions kept the key they had no column for) to a
column of ``complaints``. Complaints verified before this revision keep their stored
``due_date``: it is cleared for those awaiting disposition, as the domain now computes it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

STATEMENTS = [
    "ALTER TABLE complaints ADD COLUMN verified_at TEXT",
    """UPDATE complaints SET verified_at = (
        SELECT json_extract(t.extra, '$.verified_at') FROM complaint_texts t
        WHERE t.rid = complaints.rid AND json_valid(t.extra))""",
    """UPDATE complaint_texts SET extra = nullif(json_remove(extra, '$.verified_at'), '{}')
        WHERE json_valid(extra) AND json_type(extra, '$.verified_at') IS NOT NULL""",
    """UPDATE complaints SET due_date = NULL
        WHERE verified_at IS NOT NULL AND (status = 'belum_diverifikasi'
              OR (status = 'ditunda' AND previous_status = 'belum_diverifikasi'))""",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)
