"""positions and org_policies: each agency's structure of jabatan (a tree, holders, acting
holders Plt./Plh.) and whether a position may dispose to any level below it, for the
disposition chain (issue 17, core/chain.py).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 07:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import server.models  # noqa: F401  (Timestamp type)

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "positions",
        sa.Column("agency_code", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("parent_code", sa.String(length=40), nullable=True),
        sa.Column("holder", sa.String(length=64), nullable=True),
        sa.Column("actings", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", server.models.Timestamp(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["agency_code"], ["agencies.code"],
                                name=op.f("fk_positions_agency_code_agencies")),
        sa.PrimaryKeyConstraint("agency_code", "code", name=op.f("pk_positions")),
    )
    op.create_table(
        "org_policies",
        sa.Column("agency_code", sa.String(length=32), nullable=False),
        sa.Column("any_level", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["agency_code"], ["agencies.code"],
                                name=op.f("fk_org_policies_agency_code_agencies")),
        sa.PrimaryKeyConstraint("agency_code", name=op.f("pk_org_policies")),
    )


def downgrade() -> None:
    op.drop_table("org_policies")
    op.drop_table("positions")
