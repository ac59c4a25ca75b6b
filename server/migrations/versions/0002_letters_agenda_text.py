"""letters: the agenda number as printed (what a QR payload names)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 04:33:49.335952
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import server.models  # noqa: F401  (Timestamp type)

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agenda_text", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_letters_agency_text", ["agency_code", "agenda_text"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.drop_index("ix_letters_agency_text")
        batch_op.drop_column("agenda_text")
