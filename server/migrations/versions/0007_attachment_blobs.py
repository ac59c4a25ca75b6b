"""attachment_blobs: attachment bytes in the database (1 MiB chunks), so several server
machines on one PostgreSQL database serve every file (server/blobstore.py). Files already
on disk stay readable there; ``lapor-server migrate-attachments`` copies them in.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-09 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("chunk", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "chunk", name=op.f("pk_attachment_blobs")),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Photos, PDFs and videos are compressed already: store, do not try again.
        op.execute("ALTER TABLE attachment_blobs ALTER COLUMN data SET STORAGE EXTERNAL")


def downgrade() -> None:
    op.drop_table("attachment_blobs")
