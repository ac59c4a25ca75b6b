"""server_state (the epoch every sync cursor carries) and restore_gaps (numbers handed out
before a restore, set aside for the complaints and letters desks re-send)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 09:00:00
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    state = op.create_table(
        "server_state",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_server_state")),
    )
    op.create_table(
        "restore_gaps",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("counter", sa.String(length=100), nullable=False),
        sa.Column("low", sa.BigInteger(), nullable=False),
        sa.Column("high", sa.BigInteger(), nullable=False),
        sa.Column("epoch", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_restore_gaps")),
    )
    op.create_index("ix_restore_gaps_counter", "restore_gaps", ["counter", "low"])
    # The first epoch: cursors made before this revision (no epoch) belong to it.
    epoch = uuid.uuid4().hex[:16]
    op.bulk_insert(state, [{"key": "epoch", "value": epoch},
                           {"key": "initial_epoch", "value": epoch}])


def downgrade() -> None:
    op.drop_index("ix_restore_gaps_counter", table_name="restore_gaps")
    op.drop_table("restore_gaps")
    op.drop_table("server_state")
