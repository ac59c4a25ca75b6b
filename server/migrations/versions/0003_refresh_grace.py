"""auth_sessions: the refresh token replaced last and its grace window

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("auth_sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prev_refresh_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("prev_refresh_until", sa.Float(), nullable=True))
        batch_op.create_unique_constraint("uq_auth_sessions_prev_refresh_hash",
                                          ["prev_refresh_hash"])


def downgrade() -> None:
    with op.batch_alter_table("auth_sessions", schema=None) as batch_op:
        batch_op.drop_constraint("uq_auth_sessions_prev_refresh_hash", type_="unique")
        batch_op.drop_column("prev_refresh_until")
        batch_op.drop_column("prev_refresh_hash")
