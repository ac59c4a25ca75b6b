"""Shared set-up of the workflow tests: a real desk store holding complaints in every status.

Complaints are walked to their status by the domain's own ``apply_op`` (as the server would
have done) and stored as server state with ``upsert_snapshots``: no outbox rows, so every
outbox row a test finds was made by the code under test.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from core import (
    Actor,
    DeadlinePolicy,
    OpKind,
    Role,
    Status,
    WorkingCalendar,
    apply_op,
)
from core.clock import clock
from desktop.store import DeskService
from desktop.store.demo import reference_data
from desktop.workflow.actor import set_local_actor

AGENCY, UNIT, OTHER_UNIT = "DINKES", "YANKES", "P2P"
CENTRAL = Actor("pusat.admin", Role.admin_pusat, "DISKOMINFO", (), "Admin Koordinator")
POLICY = DeadlinePolicy()
CAL = WorkingCalendar()

# Ops (by an admin pusat) that take a new complaint to each status.
PATHS: dict[Status, tuple[tuple[OpKind, dict], ...]] = {
    Status.belum_diverifikasi: (),
    Status.didisposisikan: ((OpKind.verify, {}), (OpKind.dispose, {"unit_codes": [UNIT]})),
    Status.ditindaklanjuti: ((OpKind.verify, {}), (OpKind.dispose, {"unit_codes": [UNIT]}),
                             (OpKind.follow_up, {"text": "Sedang kami periksa di lapangan."})),
    Status.menunggu_tanggapan_pelapor: (
        (OpKind.verify, {}), (OpKind.dispose, {"unit_codes": [UNIT]}),
        (OpKind.request_clarification, {"text": "Mohon sebutkan nama puskesmasnya."})),
    Status.selesai: ((OpKind.verify, {}), (OpKind.dispose, {"unit_codes": [UNIT]}),
                     (OpKind.follow_up, {"text": "Antrean sudah ditambah loketnya."}),
                     (OpKind.close, {})),
    Status.ditunda: ((OpKind.hold, {"reason": "Menunggu hasil rapat koordinasi."}),),
    Status.bukan_wewenang: ((OpKind.not_authority, {"reason": "Kewenangan kabupaten."}),),
    Status.diarsipkan: ((OpKind.archive, {"reason": "Laporan ganda."}),),
}


def create_payload(**overrides: Any) -> dict[str, Any]:
    payload = {
        "id": str(uuid.uuid4()),
        "title": "Antrean sangat panjang di puskesmas Banjarbaru",
        "content": "Pasien menunggu lebih dari empat jam untuk diperiksa dokter di puskesmas.",
        "classification": "pengaduan",
        "category_id": "kesehatan",
        "channel": "web",
        "agency_code": AGENCY,
        "region_code": "63.71.01.1001",
        "reporter": {"name": "Siti Aminah", "nik": "6371014501900003",
                     "phone": "+6281234567890", "email": "siti@example.com",
                     "address": "Jl. Veteran No. 5"},
        "anonymous": False,
        "confidential": False,
    }
    payload.update(overrides)
    return payload


def build_snapshot(status: Status, *, days_ago: int = 2, **overrides: Any) -> dict[str, Any]:
    now = clock().now().replace(microsecond=0) - timedelta(days=days_ago)
    snap = apply_op(None, OpKind.create, create_payload(**overrides), CENTRAL, now, POLICY,
                    CAL).snapshot
    snap["tracking_number"] = 1_950_000 + int(uuid.UUID(snap["id"]).int % 49_999)
    for i, (kind, payload) in enumerate(PATHS[status]):
        snap = apply_op(snap, kind, payload, CENTRAL, now + timedelta(minutes=i + 1), POLICY,
                        CAL).snapshot
    assert snap["status"] == status
    return snap


LOCAL_ADMIN = {"username": "petugas.lokal", "role": "admin_pusat", "agency": None,
               "units": [], "full_name": "Petugas Lokal"}


def open_store(folder: Path) -> DeskService:
    store = DeskService(folder, policy=POLICY, calendar=CAL)
    store.merge_reference(**reference_data())
    # These desks act as a configured local Admin Pusat (nobody signed in acts as nobody).
    set_local_actor(store, LOCAL_ADMIN)
    return store


def temporary_store(tmp_path: Path) -> Iterator[DeskService]:
    """Body of a ``store`` fixture: a fresh desk store in ``tmp_path``."""
    service = open_store(tmp_path / "desk")
    yield service
    service.close()


def put(store: DeskService, status: Status, **overrides: Any) -> dict[str, Any]:
    snap = build_snapshot(status, **overrides)
    store.upsert_snapshots([snap])
    return snap


def outbox_ops(store: DeskService, complaint_id: str | None = None) -> list[dict]:
    return store.outbox(states=("pending", "sending", "applied", "rejected"),
                        complaint_id=complaint_id)
