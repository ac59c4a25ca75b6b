"""Revision 0004: ``complaints.verified_at`` for complaints verified before it (issue 14)."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from core import Actor, OpKind, Role, Status, apply_op
from core.clock import clock
from desktop.store import DeskService
from desktop.store.cipher import connect as connect_db
from desktop.store.engine import DB_FILE
from desktop.store.migrate import HEAD_REVISION
from desktop.store.service import QueueFilter
from tests.test_workflow_fixtures import CAL, POLICY, build_snapshot, open_store

ADMIN = Actor("admin.pusat", Role.admin_pusat, None, (), "Admin")


def test_complaints_verified_before_0004_leave_needs_verification(tmp_path: Path) -> None:
    data = tmp_path / "desk"
    verified = build_snapshot(Status.belum_diverifikasi, days_ago=10)
    verified = apply_op(verified, OpKind.verify, {}, ADMIN, clock().now(), POLICY, CAL).snapshot
    waiting = build_snapshot(Status.belum_diverifikasi, days_ago=10)
    with open_store(data) as store:
        store.upsert_snapshots([verified, waiting])
    # What a 0003 desk holds: verified_at only in the texts' extra JSON, and the stored
    # due date of the verification phase that used to keep running.
    con = connect_db(data / DB_FILE)
    with con:
        for later in ("0006_complaint_positions", "0005_queue_sort_keys"):
            for statement in importlib.import_module(
                    f"desktop.store.migrations.versions.{later}").DOWNGRADE_STATEMENTS:
                con.execute(statement)  # back to 0004's schema first
        con.execute("UPDATE complaint_texts SET extra = ? WHERE rid = (SELECT rid FROM "
                    "complaints WHERE id = ?)",
                    (json.dumps({"verified_at": verified["verified_at"], "future": 1}),
                     verified["id"]))
        con.execute("UPDATE complaints SET due_date = '2026-11-25'")
        con.execute("ALTER TABLE complaints DROP COLUMN verified_at")
        con.execute("UPDATE alembic_version SET version_num = '0003'")
    con.close()

    with DeskService(data, policy=POLICY, calendar=CAL) as store:
        assert (store.migration.from_revision, store.migration.to_revision) == (
            "0003", HEAD_REVISION)
        snap = store.complaint(verified["id"])
        assert snap["verified_at"] == verified["verified_at"] and snap["future"] == 1
        assert snap["due_date"] is None
        assert store.complaint(waiting["id"])["due_date"] == "2026-11-25"
        assert store.queue_ids(QueueFilter(view="perlu_verifikasi")) == [waiting["id"]]
        assert store.queue_ids(QueueFilter(view="terlambat")) == [waiting["id"]]
        counts = store.view_counts(QueueFilter())
        assert (counts["perlu_verifikasi"], counts["terlambat"]) == (1, 1)
        [row] = store.rows([verified["id"]])
        assert row.verified and row.status_label == "Terverifikasi, Menunggu Disposisi"
        assert row.due_date is None and not row.overdue
        assert store.integrity_check() == "ok"
