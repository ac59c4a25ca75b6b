"""Issue 14.11 through real widgets on a real SQLite desk: officers read names, not codes
(Instansi/Unit in the detail pane and in Perlu Perhatian), and no "versi 1/versi 2"."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from core import Actor, DomainError, OpKind, Status, apply_op  # noqa: E402
from core.operations import check_base_version  # noqa: E402
from desktop.store.demo import reference_data  # noqa: E402
from desktop.store.service import DeskService  # noqa: E402
from desktop.sync.engine import SyncReport  # noqa: E402
from desktop.sync.local import SyncLocal  # noqa: E402
from desktop.workflow.actor import set_local_actor  # noqa: E402
from tests.test_workflow_fixtures import (  # noqa: E402
    CAL,
    CENTRAL,
    LOCAL_ADMIN,
    POLICY,
    build_snapshot,
)
from tests.test_workflow_gui import WAIT_MS, open_desk, show  # noqa: E402

pytestmark = pytest.mark.dates

YANKES = "Bidang Pelayanan Kesehatan"
P2P = "Bidang Pencegahan dan Pengendalian Penyakit"


@pytest.fixture
def bare_dir(tmp_path: Path) -> Path:
    """A desk before its first sync: complaints, but no agencies or units yet."""
    folder = tmp_path / "desk"
    store = DeskService(folder, policy=POLICY, calendar=CAL)
    set_local_actor(store, LOCAL_ADMIN)
    store.close()
    return folder


def test_detail_names_agency_and_units_once_the_sync_brings_them(qtbot, bare_dir):
    store = DeskService(bare_dir)
    snap = build_snapshot(Status.didisposisikan)  # DINKES, disposed to YANKES
    store.upsert_snapshots([snap])
    store.close()
    desk = open_desk(qtbot, bare_dir)
    try:
        show(qtbot, desk, snap["id"])
        detail = desk.window.workflow.detail
        assert detail.fact_values["units"].text() == "YANKES"  # nothing better known yet
        # The first sync round writes the reference data and reports it.
        desk.window.service.merge_reference(**reference_data())
        desk.window.sync.controller.synced.emit(SyncReport(reference=40))
        qtbot.waitUntil(lambda: detail.fact_values["units"].text() == YANKES, timeout=WAIT_MS)
        assert detail.fact_values["agency"].text() == "Dinas Kesehatan"
        timeline = detail.timeline_label.text()
        assert YANKES in timeline and "YANKES" not in timeline
    finally:
        desk.close()


def _rejected_dispose(store: DeskService) -> dict:
    """An officer disposed to P2P offline while a colleague changed the complaint on the
    server: the server's answer, made with the domain's own rule, rejects it."""
    snap = build_snapshot(Status.didisposisikan)
    store.upsert_snapshots([snap])
    actor = Actor(LOCAL_ADMIN["username"], LOCAL_ADMIN["role"], None, (),
                  LOCAL_ADMIN["full_name"])
    store.apply_local_op(snap["id"], OpKind.dispose,
                         {"unit_codes": ["P2P"], "sifat": "segera"}, actor)
    server = apply_op(snap, OpKind.note, {"text": "Sudah ditelepon."}, CENTRAL,
                      datetime.fromisoformat(snap["updated_at"]), POLICY, CAL).snapshot
    local = SyncLocal(store)
    ops = local.take_batch(0, 10)
    try:
        check_base_version(server, ops[0].kind, ops[0].base_version)
    except DomainError as exc:
        message = exc.message
    local.record_results(ops, [{"op_id": ops[0].op_id, "status": "rejected",
                                "reason": "conflict", "message": message,
                                "server_state": server}])
    return snap


def test_needs_attention_names_units_and_speaks_of_changes_not_versions(qtbot, bare_dir):
    store = DeskService(bare_dir)
    store.merge_reference(**reference_data())
    _rejected_dispose(store)
    store.close()
    desk = open_desk(qtbot, bare_dir)
    try:
        attention = desk.window.sync.attention_page
        attention.reload()
        qtbot.waitUntil(lambda: attention.current() is not None, timeout=WAIT_MS)
        mine, theirs = attention.mine.text(), attention.theirs.text()
        reason = attention.reason.text()
        assert P2P in mine and "P2P" not in mine.replace(P2P, "")
        for text in (mine, theirs, reason):
            assert "versi" not in text.lower() and "version" not in text.lower(), text
        assert "1 perubahan" in theirs  # the colleague's note, since the officer looked
        assert "diubah oleh petugas lain" in reason
    finally:
        desk.close()
