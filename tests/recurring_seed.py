"""A desk store holding the recurring-problem seed (tests/fixtures/recurring_complaints.json):
every complaint created with the domain's ``apply_op`` on its day at 09.00 WITA, its status
and tracking number set as the server would have them. "Today" is the fixture's."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from core import WITA, Actor, DeadlinePolicy, OpKind, Role, WorkingCalendar, apply_op
from desktop.store import DeskService
from desktop.store.demo import reference_data

FIXTURE = Path(__file__).parent / "fixtures" / "recurring_complaints.json"
ADMIN = Actor("pusat.admin", Role.admin_pusat, "DISKOMINFO", (), "Admin Koordinator")
FIRST_NUMBER = 1_950_001


def seed() -> dict[str, Any]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def today() -> date:
    return date.fromisoformat(seed()["today"])


def snapshots() -> list[dict[str, Any]]:
    out = []
    for n, row in enumerate(seed()["complaints"]):
        received = datetime.combine(date.fromisoformat(row["received"]), time(9), WITA)
        payload = {
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, row["id"])), "title": row["title"],
            "content": row["content"], "classification": "pengaduan",
            "category_id": row["category_id"], "channel": "web", "agency_code": "DINKES",
            "region_code": row["region_code"], "anonymous": False, "confidential": False,
            "reporter": {"name": "Warga", "phone": "+6281234567890"}}
        snap = apply_op(None, OpKind.create, payload, ADMIN, received, DeadlinePolicy(),
                        WorkingCalendar()).snapshot
        snap["tracking_number"] = FIRST_NUMBER + n
        snap["status"] = row["status"]
        out.append(snap)
    return out


def seed_id(snapshot_id: str) -> str:
    """The fixture id (``seed-001``) of a stored complaint."""
    return {str(uuid.uuid5(uuid.NAMESPACE_URL, row["id"])): row["id"]
            for row in seed()["complaints"]}[snapshot_id]


def fill(folder: Path) -> None:
    with DeskService(folder) as store:
        store.merge_reference(**reference_data())
        store.upsert_snapshots(snapshots())
