"""The append-only audit log: who did what, when, from which device and address.

Rows are only ever inserted (database triggers refuse UPDATE and DELETE). Details hold ids
and numbers, never complaint content or reporter identity.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from server.models import AuditEntry, utcnow

_INSERT = sa.insert(AuditEntry.__table__)


def record(session: Session, *, action: str, username: str | None, agency: str | None,
           device_id: str | None = None, address: str | None = None,
           target_type: str | None = None, target_id: str | None = None,
           subject_agency: str | None = None, details: dict[str, Any] | None = None) -> None:
    session.execute(_INSERT, row(
        action=action, username=username, agency=agency, device_id=device_id, address=address,
        target_type=target_type, target_id=target_id, subject_agency=subject_agency,
        details=details))


def row(*, action: str, username: str | None, agency: str | None,
        device_id: str | None = None, address: str | None = None,
        target_type: str | None = None, target_id: str | None = None,
        subject_agency: str | None = None, details: dict[str, Any] | None = None
        ) -> dict[str, Any]:
    """An audit row as ``record`` would write it, for ``record_many``."""
    return {
        "at": utcnow(), "username": username, "agency_code": agency, "device_id": device_id,
        "address": address, "action": action, "target_type": target_type,
        "target_id": target_id, "subject_agency": subject_agency,
        "details": json.dumps(details, ensure_ascii=False, sort_keys=True) if details else None,
    }


def record_many(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert rows made by ``row`` in one executemany (in list order)."""
    if rows:
        session.execute(_INSERT, rows)


def entry_json(entry: AuditEntry) -> dict[str, Any]:
    return {
        "id": entry.id, "at": entry.at.isoformat(), "username": entry.username,
        "agency": entry.agency_code, "device_id": entry.device_id, "address": entry.address,
        "action": entry.action, "target_type": entry.target_type, "target_id": entry.target_id,
        "subject_agency": entry.subject_agency,
        "details": json.loads(entry.details) if entry.details else None,
    }


def query(session: Session, *, agency: str | None, limit: int, before: int | None,
          complaint_id: str | None) -> list[AuditEntry]:
    """Newest first; ``agency`` limits to what that agency's people did or what concerned it."""
    stmt = sa.select(AuditEntry)
    if agency is not None:
        stmt = stmt.where(sa.or_(AuditEntry.agency_code == agency,
                                 AuditEntry.subject_agency == agency))
    if before is not None:
        stmt = stmt.where(AuditEntry.id < before)
    if complaint_id is not None:
        stmt = stmt.where(AuditEntry.target_type == "complaint",
                          AuditEntry.target_id == complaint_id)
    return list(session.execute(stmt.order_by(AuditEntry.id.desc()).limit(limit)).scalars())
