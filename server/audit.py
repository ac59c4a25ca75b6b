"""The append-only audit log: who did what, when, from which device and address.

Rows are only ever inserted (database triggers refuse UPDATE and DELETE), and each is
hash-chained to the one before it in its agency's chain (server/audit_chain.py). ``record``
and ``record_many`` only queue a row in the session; ``flush`` chains and inserts the queue
right before COMMIT (ServerContext's pre-commit; a session committed without it flushes in
``before_commit``). A SAVEPOINT rolled back does not take back a queued row: record only what
the transaction will keep. Details hold ids and numbers, never complaint content or reporter
identity.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from server import audit_chain
from server.models import AuditEntry, utcnow

_PENDING = "lapor_audit_pending"


def record(session: Session, *, action: str, username: str | None, agency: str | None,
           device_id: str | None = None, address: str | None = None,
           target_type: str | None = None, target_id: str | None = None,
           subject_agency: str | None = None, details: dict[str, Any] | None = None) -> None:
    record_many(session, [row(
        action=action, username=username, agency=agency, device_id=device_id, address=address,
        target_type=target_type, target_id=target_id, subject_agency=subject_agency,
        details=details)])


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
    """Queue rows made by ``row``; they are chained and inserted in list order at COMMIT."""
    if rows:
        session.info.setdefault(_PENDING, []).extend(rows)


def flush(session: Session, *, commit_delay_ms: int = 0, unsafe: bool = False) -> None:
    """Chain and insert the queued rows. Call right before COMMIT (after feed.flush)."""
    audit_chain.append(session, session.info.pop(_PENDING, []),
                       commit_delay_ms=commit_delay_ms, unsafe=unsafe)


@event.listens_for(Session, "before_commit")
def _flush_left_over(session: Session) -> None:
    """A session committed without ServerContext's pre-commit still writes its entries."""
    if session.info.get(_PENDING):
        flush(session)


def entry_json(entry: AuditEntry) -> dict[str, Any]:
    return {
        "id": entry.id, "at": entry.at.isoformat(), "username": entry.username,
        "agency": entry.agency_code, "device_id": entry.device_id, "address": entry.address,
        "action": entry.action, "target_type": entry.target_type, "target_id": entry.target_id,
        "subject_agency": entry.subject_agency,
        "details": json.loads(entry.details) if entry.details else None,
    }


def query(session: Session, *, agency: str | None, limit: int, before: int | None,
          complaint_id: str | None, username: str | None = None, action: str | None = None,
          since: datetime | None = None, until: datetime | None = None) -> list[AuditEntry]:
    """Newest first; ``agency`` limits to what that agency's people did or what concerned it.
    ``since`` (inclusive) and ``until`` (exclusive) bound the entry's time."""
    stmt = sa.select(AuditEntry)
    if agency is not None:
        stmt = stmt.where(sa.or_(AuditEntry.agency_code == agency,
                                 AuditEntry.subject_agency == agency))
    if before is not None:
        stmt = stmt.where(AuditEntry.id < before)
    if complaint_id is not None:
        stmt = stmt.where(AuditEntry.target_type == "complaint",
                          AuditEntry.target_id == complaint_id)
    if username is not None:
        stmt = stmt.where(AuditEntry.username == username)
    if action is not None:
        stmt = stmt.where(AuditEntry.action == action)
    if since is not None:
        stmt = stmt.where(AuditEntry.at >= since)
    if until is not None:
        stmt = stmt.where(AuditEntry.at < until)
    return list(session.execute(stmt.order_by(AuditEntry.id.desc()).limit(limit)).scalars())
