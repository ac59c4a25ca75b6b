"""Tamper-evident audit log: hash chains per agency (chain, seq, prev_hash, hash) and
audit_anchors (each chain's head at the end of an office day). Existing entries are chained
here, in id order, with the anchors of the days they cover (server/audit_chain.py).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08 09:00:00
"""

from __future__ import annotations

import os
from datetime import date, tzinfo
from typing import Any

import sqlalchemy as sa
from alembic import op

import server.models
from core.clock import parse_zone
from server import audit_chain as ac
from server.config import ENV_TIMEZONE

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCH = 2000
_LOG = sa.table(
    "audit_log", sa.column("id", sa.Integer), sa.column("at", server.models.Timestamp()),
    *(sa.column(name, sa.String) for name in (
        "username", "agency_code", "device_id", "address", "action", "target_type",
        "target_id", "subject_agency", "details", "chain", "prev_hash", "hash")),
    sa.column("seq", sa.BigInteger))
_COUNTERS = sa.table("counters", sa.column("name", sa.String), sa.column("value", sa.BigInteger))
_NEW_COLUMNS = (("chain", sa.String(length=32)), ("seq", sa.BigInteger()),
                ("prev_hash", sa.String(length=64)), ("hash", sa.String(length=64)))


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    _unguard(sqlite)
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        for name, type_ in _NEW_COLUMNS:
            batch_op.add_column(sa.Column(name, type_, nullable=True))
    anchors = op.create_table(
        "audit_anchors",
        sa.Column("chain", sa.String(length=32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("chain", "day", name=op.f("pk_audit_anchors")),
    )
    heads, days = _chain_existing(parse_zone(os.environ.get(ENV_TIMEZONE) or "Asia/Makassar"))
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        for name, type_ in _NEW_COLUMNS:
            batch_op.alter_column(name, existing_type=type_, nullable=False)
        batch_op.create_unique_constraint(op.f("uq_audit_log_chain"), ["chain", "seq"])
    if days:
        op.bulk_insert(anchors, [{"chain": chain, "day": day, "seq": seq, "hash": hash_}
                                 for (chain, day), (seq, hash_) in sorted(days.items())])
    if heads:
        op.bulk_insert(_COUNTERS, [{"name": ac.counter_name(chain), "value": seq}
                                   for chain, seq in sorted(heads.items())])
    _guard(sqlite, "audit_log")
    _guard(sqlite, "audit_anchors")


def _chain_existing(zone: tzinfo) -> tuple[dict[str, int], dict[tuple[str, date], tuple]]:
    """Chain every entry in id order; returns each chain's last seq and the day anchors."""
    conn = op.get_bind()
    state: dict[str, tuple[int, str, date]] = {}  # chain -> (seq, hash, latest day)
    days: dict[tuple[str, date], tuple[int, str]] = {}
    update = sa.update(_LOG).where(_LOG.c.id == sa.bindparam("b_id")).values(
        chain=sa.bindparam("b_chain"), seq=sa.bindparam("b_seq"),
        prev_hash=sa.bindparam("b_prev"), hash=sa.bindparam("b_hash"))
    last = 0
    while True:
        rows = conn.execute(sa.select(_LOG).where(_LOG.c.id > last).order_by(_LOG.c.id)
                            .limit(BATCH)).mappings().all()
        if not rows:
            break
        params: list[dict[str, Any]] = []
        for row in rows:
            chain = ac.chain_of(row["agency_code"])
            seq, prev, latest = state.get(chain, (0, ac.GENESIS, None))
            entry = {**row, "chain": chain, "seq": seq + 1, "prev_hash": prev}
            entry["hash"] = ac.entry_hash(entry)
            day = ac.office_day(row["at"], zone)
            if latest is not None and day > latest:
                days.setdefault((chain, latest), (seq, prev))
            state[chain] = (seq + 1, entry["hash"], max(day, latest or day))
            params.append({"b_id": row["id"], "b_chain": chain, "b_seq": seq + 1,
                           "b_prev": prev, "b_hash": entry["hash"]})
        conn.execute(update, params)
        last = rows[-1]["id"]
    return {chain: seq for chain, (seq, _h, _d) in state.items()}, days


def _unguard(sqlite: bool) -> None:
    """Let this migration write the chain columns (the triggers come back at the end)."""
    if sqlite:
        for event in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS audit_log_no_{event}")
    else:
        op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")


def _guard(sqlite: bool, table: str) -> None:
    """``table`` only grows (the triggers of revision 0001, for a table of this one too)."""
    if sqlite:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")
        return
    if table == "audit_log":
        op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change")
        return
    op.execute(f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
               "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()")
    op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
               "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()")


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    _unguard(sqlite)
    op.drop_table("audit_anchors")  # its triggers go with it
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("uq_audit_log_chain"), type_="unique")
        for name, _type in reversed(_NEW_COLUMNS):
            batch_op.drop_column(name)
    op.execute(sa.delete(_COUNTERS).where(_COUNTERS.c.name.like(f"{ac.COUNTER_PREFIX}%")))
    if sqlite:
        _guard(sqlite, "audit_log")
    else:
        op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change")
