"""A desk store holding a small, hand-counted set of complaints for the report tests.

Each complaint is walked event by event with the domain's own ``apply_op`` at fixed WITA
times (as the server would have done) and stored as server state. "Today" is
Tuesday 15 December 2026. November 2026 has no national holiday, so the working days below
are plain Monday to Friday. The expected recap of November is worked out by hand in
``EXPECTED``: a test fails if the report disagrees with it.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path
from typing import Any

from core import WITA, Actor, DeadlinePolicy, OpKind, Role, WorkingCalendar, apply_op
from desktop.store import DeskService
from desktop.store.demo import reference_data

TODAY = date(2026, 12, 15)
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))
ADMIN = Actor("pusat.admin", Role.admin_pusat, "DISKOMINFO", (), "Admin Koordinator")
POLICY = DeadlinePolicy()  # verification 3, follow-up 5, auto-close 10 working days
CAL = WorkingCalendar()


def at(day: str, clock: str = "09:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{clock}:00").replace(tzinfo=WITA)


def walk(received: datetime, steps: list[tuple[str, OpKind, dict]], *, channel: str,
         category: str, classification: str = "pengaduan") -> dict[str, Any]:
    """A complaint created at ``received`` and taken through ``steps`` (date, kind, payload)."""
    payload = {
        "id": str(uuid.uuid4()), "title": "Antrean panjang di puskesmas Banjarbaru",
        "content": "Pasien menunggu lebih dari empat jam untuk diperiksa dokter.",
        "classification": classification, "category_id": category, "channel": channel,
        "agency_code": "DINKES", "region_code": "63.71.01.1001", "anonymous": False,
        "confidential": False,
        "reporter": {"name": "Siti Aminah", "phone": "+6281234567890"},
    }
    snap = apply_op(None, OpKind.create, payload, ADMIN, received, POLICY, CAL).snapshot
    for day, kind, data in steps:
        snap = apply_op(snap, kind, data, ADMIN, at(day), POLICY, CAL).snapshot
    return snap


def dispose(*units: str, **extra: Any) -> dict:
    return {"unit_codes": list(units), **extra}


FOLLOW_UP = {"text": "Sudah kami tindak lanjuti di lapangan."}
HOLD = {"reason": "Menunggu hasil rapat koordinasi."}


def complaints() -> dict[str, dict[str, Any]]:
    """Complaints by letter; the comment says what the report must make of each."""
    d, f, c = OpKind.dispose, OpKind.follow_up, OpKind.close
    out = {
        # Closed on time: disposed in 1 of 3 days, answered in 2 of 5; completed (auto)
        # long after the 10-day reporter wait: that wait is not the agency's deadline.
        "A": walk(at("2026-11-02"), [("2026-11-03", d, dispose("YANKES")),
                                      ("2026-11-05", f, FOLLOW_UP),
                                      ("2026-12-01", c, {"auto": True})],
                  channel="web", category="kesehatan"),
        # Closed LATE: disposed to two units on 3 Nov (answer due 10 Nov), answered 16 Nov.
        "B": walk(at("2026-11-02"), [("2026-11-03", d, dispose("YANKES", "P2P")),
                                      ("2026-11-16", f, FOLLOW_UP), ("2026-11-18", c, {})],
                  channel="loket", category="kesehatan"),
        # Closed LATE: verification due 5 Nov, disposed 9 Nov.
        "C": walk(at("2026-11-02"), [("2026-11-09", d, dispose("YANKES")),
                                      ("2026-11-10", f, FOLLOW_UP), ("2026-11-11", c, {})],
                  channel="surat", category="kesehatan"),
        # Closed on time thanks to the hold: answer due 10 Nov + 5 held days = 17 Nov.
        "D": walk(at("2026-11-02"), [("2026-11-03", d, dispose("YANKES")),
                                      ("2026-11-04", OpKind.hold, HOLD),
                                      ("2026-11-11", OpKind.resume, {}),
                                      ("2026-11-13", f, FOLLOW_UP), ("2026-11-16", c, {})],
                  channel="aplikasi", category="kesehatan"),
        # Closed on time thanks to the disposition's own due date (20 Nov, answered 19 Nov).
        "N": walk(at("2026-11-02"), [("2026-11-03", d, dispose("SDK", due_date="2026-11-20")),
                                      ("2026-11-19", f, FOLLOW_UP), ("2026-11-20", c, {})],
                  channel="aplikasi", category="kesehatan", classification="aspirasi"),
        # Running, overdue: disposed 3 Nov, answer was due 10 Nov.
        "E": walk(at("2026-11-02"), [("2026-11-03", d, dispose("P2P"))],
                  channel="sms_1708", category="kesehatan"),
        # Running, within: waiting for the reporter since 8 Dec (until 22 Dec).
        "F": walk(at("2026-11-20"), [("2026-11-23", d, dispose("YANKES")),
                                      ("2026-12-08", OpKind.request_clarification,
                                       {"text": "Mohon sebutkan nama puskesmasnya."})],
                  channel="media_sosial", category="puskesmas_rumah_sakit",
                  classification="permintaan_informasi"),
        # No deadline: not this agency's authority.
        "G": walk(at("2026-11-20"), [("2026-11-23", OpKind.not_authority,
                                      {"reason": "Kewenangan kabupaten."})],
                  channel="web", category="puskesmas_rumah_sakit", classification="aspirasi"),
        # Running, within: on hold since 17 Nov (the clock is paused).
        "I": walk(at("2026-11-16"), [("2026-11-17", OpKind.hold, HOLD)],
                  channel="web", category="pendidikan_kebudayaan"),
        # Period edges (all three overdue: verification was due within days).
        "K": walk(at("2026-11-01", "00:00"), [], channel="loket",
                  category="pendidikan_kebudayaan"),
        "L": walk(at("2026-11-30", "23:59"), [], channel="surat",
                  category="pendidikan_kebudayaan"),
        "K2": walk(at("2026-11-01", "00:30"), [], channel="web",
                   category="pendidikan_kebudayaan"),
        # Outside November.
        "J": walk(at("2026-10-31", "23:59"), [], channel="web", category="kesehatan"),
        "M": walk(at("2026-12-01", "00:00"), [], channel="web", category="kesehatan"),
    }
    # Received written in UTC by another system: still 1 Nov 00:30 WITA.
    out["K2"]["received_at"] = "2026-10-31T16:30:00+00:00"
    return out


# The November recap, counted by hand from the comments above.
EXPECTED = {
    "received": 12, "closed": 5, "closed_on_time": 3, "closed_late": 2, "on_time_pct": 60.0,
    # Working days from receipt to completion: C 7, D 10, B 12, N 14, A 21.
    "median": 12.0,
    "by_deadline": {"selesai_tepat_waktu": 3, "selesai_terlambat": 2,
                    "berjalan_dalam_batas": 2, "berjalan_lewat_batas": 4,
                    "berjalan_perlu_ditutup": 0, "tanpa_batas_waktu": 1},
    "by_status": {"belum_diverifikasi": 3, "didisposisikan": 1, "ditindaklanjuti": 0,
                  "menunggu_tanggapan_pelapor": 1, "selesai": 5, "ditunda": 1,
                  "bukan_wewenang": 1, "diarsipkan": 0},
    # unit: (total, on time, late, within, overdue, no deadline)
    "by_unit": {"YANKES": (5, 2, 2, 1, 0, 0), "P2P": (2, 0, 1, 0, 1, 0),
                "SDK": (1, 1, 0, 0, 0, 0), "": (5, 0, 0, 1, 3, 1)},
    "by_channel": {"web": 4, "sms_1708": 1, "aplikasi": 2, "media_sosial": 1, "loket": 2,
                   "surat": 2},
    "by_category": {"kesehatan": 6, "puskesmas_rumah_sakit": 2, "pendidikan_kebudayaan": 4},
    "by_classification": {"pengaduan": 9, "aspirasi": 2, "permintaan_informasi": 1},
}


def fill(folder: Path) -> dict[str, dict[str, Any]]:
    """Create the desk store in ``folder`` with the crafted complaints; returns them."""
    snaps = complaints()
    with DeskService(folder) as store:
        store.merge_reference(**reference_data())
        store.upsert_snapshots(list(snaps.values()))
    return snaps


def open_store(folder: Path) -> DeskService:
    return DeskService(folder, today=lambda: TODAY, policy=POLICY, calendar=CAL)
