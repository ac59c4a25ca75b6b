"""complaint_views: recompute every role's view under the privacy rules of issue 13

The NIK is now masked (6371********0001) for every role but the loket and the agency
admin, admin_pusat included, and views are stored wherever they differ from the full
snapshot. Views written under the old rules would keep serving the full NIK: rewrite them
all from the snapshots, in batches. Idempotent (a rerun writes the same rows).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 01:00:00
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_BATCH = 500
complaints = sa.table("complaints", sa.column("id", sa.String), sa.column("snapshot", sa.Text))
views = sa.table("complaint_views", sa.column("complaint_id", sa.String),
                 sa.column("role", sa.String), sa.column("body", sa.Text))


def upgrade() -> None:
    from server.complaint_store import view_rows

    bind = op.get_bind()
    last = ""
    while True:
        rows = bind.execute(sa.select(complaints.c.id, complaints.c.snapshot)
                            .where(complaints.c.id > last).order_by(complaints.c.id)
                            .limit(_BATCH)).all()
        if not rows:
            break
        ids = [cid for cid, _ in rows]
        bind.execute(sa.delete(views).where(views.c.complaint_id.in_(ids)))
        fresh = [row for cid, text in rows for row in view_rows(cid, json.loads(text))]
        if fresh:
            bind.execute(sa.insert(views), fresh)
        last = ids[-1]


def downgrade() -> None:
    pass  # the views stay valid under the older, looser rules
