"""Reading and writing complaint snapshots (the snapshot JSON is the truth, columns index it).

Writes use Core statements (no ORM unit of work) and are collected per transaction
(``Writes``): a push applies thousands of ops, and sending each op's rows as their own
statements made database round trips the bulk of its time.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from core import Role, redact_for
from core.validation import parse_int
from server import feed, org
from server.models import AttachmentRef, Complaint, ComplaintView, TimelineEvent
from server.sqlutil import insert_ignore_many, next_counter

TRACKING_COUNTER = "tracking_number"
# Tracking numbers continue LAPOR!'s plain-integer style (e.g. #1916449).
TRACKING_BASE = 2_000_000
_PENDING_VIEWS = "lapor_views_pending"
_COMPLAINTS = Complaint.__table__
_EVENTS = TimelineEvent.__table__
_VIEWS = ComplaintView.__table__
# Built once: executed with a parameter dict, they compile once and are cached.
_INSERT_COMPLAINT = sa.insert(_COMPLAINTS)
_UPDATE_COMPLAINT = sa.update(_COMPLAINTS).where(_COMPLAINTS.c.id == sa.bindparam("b_id"))
_INSERT_EVENT = sa.insert(_EVENTS)


def next_tracking_numbers(session: Session, count: int) -> list[int]:
    """``count`` new unique tracking numbers.

    PostgreSQL: a sequence, so concurrent pushes never wait on each other for numbers (a
    rolled-back push leaves a gap; numbers are unique, not gap-free). SQLite: a counter row
    (writers are serialized there anyway).
    """
    if session.get_bind().dialect.name == "postgresql":
        values = session.execute(sa.text(
            "SELECT nextval('tracking_number_seq') FROM generate_series(1, :n)"), {"n": count})
        return sorted(TRACKING_BASE + int(v) for v in values.scalars())
    first = next_counter(session, TRACKING_COUNTER, count)
    return [TRACKING_BASE + first + i for i in range(count)]


def dumps(snapshot: dict[str, Any]) -> str:
    return json.dumps(snapshot, ensure_ascii=False, separators=(",", ":"))


def load_snapshot(session: Session, complaint_id: str) -> dict[str, Any] | None:
    text = session.execute(sa.select(Complaint.snapshot)
                           .where(Complaint.id == complaint_id)).scalar()
    return json.loads(text) if text is not None else None


def lock_snapshots(session: Session, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Current snapshots of ``ids``, their rows locked until the transaction ends.

    Locked in id order, so two transactions locking overlapping sets cannot deadlock.
    """
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = sorted(ids)[start:start + 500]
        rows = session.execute(sa.select(Complaint.id, Complaint.snapshot)
                               .where(Complaint.id.in_(chunk)).order_by(Complaint.id)
                               .with_for_update())
        out.update((cid, json.loads(text)) for cid, text in rows)
    return out


def load_by_key(session: Session, key: str) -> dict[str, Any] | None:
    """A snapshot by id (UUID) or by tracking number (digits)."""
    number = parse_int(key)
    if number is not None:
        text = session.execute(sa.select(Complaint.snapshot)
                               .where(Complaint.tracking_number == number)).scalar()
        return json.loads(text) if text is not None else None
    return load_snapshot(session, key)


def _parse_time(value: str | None, fallback: datetime) -> datetime:
    if not value:
        return fallback
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return fallback
    return parsed if parsed.tzinfo else fallback


class Writes:
    """The complaint rows, timeline events and attachment references of one transaction,
    sent by ``flush`` as one executemany per table.

    ``save`` only queues: a complaint saved several times is written once with its last
    snapshot (an INSERT for a new one), while every timeline event gets its row. Views and
    feed entries are noted on the session as they always were (written right before COMMIT).
    Reading any of these tables after ``save`` needs a ``flush`` first.
    """

    def __init__(self) -> None:
        self._new: dict[str, tuple[dict[str, Any], str, datetime]] = {}
        self._changed: dict[str, tuple[dict[str, Any], datetime]] = {}
        self._events: list[dict[str, Any]] = []
        self._refs: dict[tuple[str, str], None] = {}  # an ordered set

    def save(self, session: Session, snapshot: dict[str, Any], event: dict[str, Any] | None,
             *, created_by: str, now: datetime, op_id: str | None = None,
             old_snapshot: dict[str, Any] | None = None) -> None:
        """Queue an insert (``old_snapshot`` None) or update of a complaint from a snapshot
        apply_op made, with its timeline event, attachment references and feed note.

        The snapshot must not be changed afterwards (it is serialized at ``flush``).
        """
        cid = snapshot["id"]
        if old_snapshot is None:
            self._new[cid] = (snapshot, created_by, now)
        elif cid in self._new:  # created in this transaction and not yet flushed
            self._new[cid] = (snapshot, self._new[cid][1], now)
        else:
            self._changed[cid] = (snapshot, now)
        if event is not None:
            self._events.append({
                "id": event["id"], "complaint_id": cid,
                "position": len(snapshot.get("timeline") or ()) - 1,
                "at": event.get("at") or "", "actor": event.get("actor") or "",
                "kind": event.get("kind") or "", "op_id": op_id, "data": dumps(event)})
        old_refs = {a.get("sha256") for a in (old_snapshot or {}).get("attachments") or ()}
        for item in snapshot.get("attachments") or ():
            sha = item.get("sha256")
            if sha and sha not in old_refs:
                self._refs[(sha, cid)] = None
        views: dict[str, dict[str, Any]] = session.info.setdefault(_PENDING_VIEWS, {})
        views[cid] = snapshot  # redacted once per transaction, at commit (flush_views)
        audience = feed.complaint_audience(snapshot) | org.recipient_keys(snapshot)
        if old_snapshot is not None:  # those who lose sight of it hear that too
            audience |= feed.complaint_audience(old_snapshot) | org.recipient_keys(old_snapshot)
        feed.note_change(session, "complaint", cid, audience)

    def flush(self, session: Session) -> None:
        """Write what was queued. New complaints go in id order, so two transactions racing
        to create the same ones wait on each other instead of deadlocking."""
        if self._new:
            session.execute(_INSERT_COMPLAINT, [
                {"id": cid, "tracking_number": snap["tracking_number"], "created_by": by,
                 "received_at": _parse_time(snap.get("received_at"), now),
                 **_columns(snap, now)}
                for cid, (snap, by, now) in sorted(self._new.items())])
        if self._changed:
            session.execute(_UPDATE_COMPLAINT, [
                {"b_id": cid, **_columns(snap, now)}
                for cid, (snap, now) in sorted(self._changed.items())])
        if self._events:  # after the complaints they reference
            session.execute(_INSERT_EVENT, self._events)
        insert_ignore_many(session, AttachmentRef.__table__,
                           [{"sha256": sha, "complaint_id": cid} for sha, cid in self._refs])
        self._new, self._changed, self._events, self._refs = {}, {}, [], {}


def _columns(snapshot: dict[str, Any], now: datetime) -> dict[str, Any]:
    """The indexed columns of a complaint row, and the snapshot itself."""
    return {
        "agency_code": snapshot.get("agency_code") or "",
        "status": snapshot.get("status") or "",
        "confidential": bool(snapshot.get("confidential")),
        "anonymous": bool(snapshot.get("anonymous")),
        "version": int(snapshot.get("version") or 0),
        "updated_at": _parse_time(snapshot.get("updated_at"), now),
        "snapshot": dumps(snapshot),
    }


def save(session: Session, snapshot: dict[str, Any], event: dict[str, Any] | None, *,
         created_by: str, now: datetime, op_id: str | None = None,
         old_snapshot: dict[str, Any] | None = None) -> None:
    """``Writes.save`` and flush at once (for a single complaint, or seeding)."""
    writes = Writes()
    writes.save(session, snapshot, event, created_by=created_by, now=now, op_id=op_id,
                old_snapshot=old_snapshot)
    writes.flush(session)


def flush_views(session: Session) -> None:
    """Store each role's redacted view where it differs from the full snapshot.

    Runs right before COMMIT, once per complaint changed in the transaction (its last
    snapshot), not once per operation.
    """
    pending: dict[str, dict[str, Any]] = session.info.pop(_PENDING_VIEWS, {})
    if not pending:
        return
    ids = list(pending)
    for start in range(0, len(ids), 500):
        session.execute(sa.delete(_VIEWS).where(_VIEWS.c.complaint_id.in_(ids[start:start + 500])))
    rows = [row for cid, snapshot in pending.items() for row in view_rows(cid, snapshot)]
    if rows:
        session.execute(sa.insert(_VIEWS), rows)


def view_rows(complaint_id: str, snapshot: dict[str, Any]) -> list[dict[str, str]]:
    """``complaint_views`` rows: each role's redacted view where it differs from the full
    snapshot (also used by migration 0004 to rewrite every stored view)."""
    rows = []
    for role in Role:
        view = redact_for(snapshot, role)
        if view != snapshot:
            rows.append({"complaint_id": complaint_id, "role": role.value, "body": dumps(view)})
    return rows


def load_views(session: Session, ids: list[str], role: str) -> dict[str, tuple[str, str]]:
    """id -> (full snapshot JSON, JSON as ``role`` may see it), straight from the columns."""
    out: dict[str, tuple[str, str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = session.execute(
            sa.select(Complaint.id, Complaint.snapshot, ComplaintView.body)
            .outerjoin(ComplaintView, sa.and_(ComplaintView.complaint_id == Complaint.id,
                                              ComplaintView.role == role))
            .where(Complaint.id.in_(chunk)))
        for cid, snapshot, view in rows:
            out[cid] = (snapshot, view or snapshot)
    return out


def load_snapshots(session: Session, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(sa.select(Complaint.id, Complaint.snapshot)
                               .where(Complaint.id.in_(ids[start:start + 500])))
        out.update((cid, json.loads(text)) for cid, text in rows)
    return out
