"""Record new complaints at the desk: number, ops, outbox, files and draft in ONE transaction.

For each request, inside the store's writer transaction:
  1. already recorded (its op id in the outbox, or its complaint id in the store)? -> report
     the stored complaint, change nothing (a double click, a re-import, a retry after a
     crash all land here);
  2. allocate the next provisional number (``numbers.Allocator``);
  3. ``apply_op`` create, then one ``attach`` per staged file and an optional internal
     ``note`` naming the unit the reporter addressed;
  4. write the snapshot and one pending outbox row per op (the files themselves were
     cached when staged; the sync engine uploads them before pushing each ``attach``).
A crash at any line leaves either all of it or none of it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from core import Actor, OpKind, apply_op, local_date
from core.clock import clock
from desktop.intake.numbers import Allocator, ensure_desk_id
from desktop.store import rows as rw
from desktop.store.schema import complaints, outbox

if TYPE_CHECKING:
    from desktop.store import DeskService

# Op ids of the ops that follow a create derive from the create's op id, so a retried
# submission produces the very same ops.
_OP_NAMESPACE = uuid.UUID("0b7f4d1e-2a2c-4b8e-9a51-5c1f0e6d2b94")


def derived_op_id(op_id: str, what: str) -> str:
    return str(uuid.uuid5(_OP_NAMESPACE, f"{op_id}/{what}"))


@dataclass(frozen=True)
class StagedFile:
    """An attachment already copied into the desk's attachment cache (``attachments.stage``)."""

    sha256: str
    filename: str
    mime: str
    size: int
    path: str

    def op_payload(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "filename": self.filename, "mime": self.mime,
                "size": self.size}


@dataclass(frozen=True)
class CreateRequest:
    payload: Mapping[str, Any]  # a create payload with its "id"
    op_id: str
    files: Sequence[StagedFile] = ()
    unit_note: str | None = None


@dataclass(frozen=True)
class Created:
    complaint_id: str
    op_id: str
    provisional_number: str | None
    snapshot: dict = field(repr=False)
    duplicate: bool = False  # recorded before: nothing was written this time


def already_recorded(conn: Connection, op_id: str, complaint_id: str) -> str | None:
    """The complaint id when this create was recorded before (by op id or complaint id).
    Within one ``create_complaints`` call the snapshots are written at the end, so a
    repeated request in the same batch is caught by its op id in the outbox."""
    row = conn.execute(select(outbox.c.complaint_id).where(outbox.c.op_id == op_id)).first()
    if row is not None:
        return row[0]
    row = conn.execute(select(complaints.c.id).where(complaints.c.id == complaint_id)).first()
    return row[0] if row is not None else None


def create_complaints(service: DeskService, requests: Sequence[CreateRequest], actor: Actor, *,
                      now: datetime | None = None,
                      clear_draft: tuple[str, str] | None = None) -> list[Created]:
    """Record ``requests`` in one transaction; results in request order. Raises the domain's
    errors (nothing is written then). ``clear_draft``: (key, kind) of a draft to delete in
    the same transaction, so a restored draft can never record the complaint twice."""
    now = now or clock().now()
    out: list[Created] = []
    with service.transaction() as conn:
        allocator = Allocator(conn, ensure_desk_id(conn))
        for request in requests:
            out.append(_create_one(service, conn, allocator, request, actor, now))
        new = [c.snapshot for c in out if not c.duplicate]
        if new:  # made on this desk: dirty (not yet on the server), no server base
            rw.write_snapshots(conn, new, dirty=True)
        if clear_draft is not None:
            conn.exec_driver_sql("DELETE FROM drafts WHERE complaint_id = ? AND kind = ?",
                                 clear_draft)
    return out


def _create_one(service: DeskService, conn: Connection, allocator: Allocator,
                request: CreateRequest, actor: Actor, now: datetime) -> Created:
    complaint_id = str(request.payload["id"])
    found = already_recorded(conn, request.op_id, complaint_id)
    if found is not None:
        snap = rw.load_snapshot(conn, found) or {}
        return Created(found, request.op_id, snap.get("provisional_number"), snap, True)

    # The moment the clerk recorded it travels with the op: a walk-in logged offline on
    # Friday keeps Friday's time (and deadline) when it reaches the server on Monday.
    payload = {"received_at": now.isoformat(timespec="seconds"), **request.payload,
               "provisional_number": allocator.next(local_date(now))}
    steps: list[tuple[OpKind, str, dict[str, Any]]] = [(OpKind.create, request.op_id, payload)]
    steps += [(OpKind.attach, derived_op_id(request.op_id, f"attach/{f.sha256}"), f.op_payload())
              for f in request.files]
    if request.unit_note:
        steps.append((OpKind.note, derived_op_id(request.op_id, "unit"),
                      {"text": request.unit_note, "visibility": "internal"}))

    snap: dict | None = None
    queued: list[tuple[OpKind, str, dict[str, Any], int, str]] = []
    for kind, op_id, op_payload in steps:
        base = int((snap or {}).get("version") or 0)
        outcome = apply_op(snap, kind, op_payload, actor, now, service.policy,
                           service.calendar, op_id=op_id)
        snap = outcome.snapshot
        queued.append((kind, op_id, op_payload, base, outcome.event["id"]))
    assert snap is not None
    for kind, op_id, op_payload, base, event_id in queued:
        rw.queue_op(conn, op_id=op_id, kind=kind.value, complaint_id=snap["id"],
                    payload=op_payload, base_version=base, actor=actor.username,
                    event_id=event_id, now=now)
    return Created(snap["id"], request.op_id, snap.get("provisional_number"), snap)
