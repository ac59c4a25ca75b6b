"""The desk-store steps the letter archive uses, in one place (public store API only).

Issuing a letter must allocate an agenda number, record the archived file and queue two
outbox ops (``letter_issued`` and the ``attach`` that carries the PDF) in ONE transaction:
``DeskService.transaction()`` with the row steps of :mod:`desktop.store.rows`. The
archive tables are part of the store's schema (revision 0003): a DeskService is at head.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.domain import Actor, OpKind, apply_op
from desktop.store import rows

if TYPE_CHECKING:
    from desktop.store import DeskService

load_snapshot = rows.load_snapshot
write_local_snapshot = rows.write_local_snapshot


def raw(conn: Any) -> Any:
    """The sqlite3 connection under a SQLAlchemy connection."""
    return conn.connection.driver_connection


@contextmanager
def writing(service: DeskService) -> Iterator[Any]:
    """The store's writer transaction (``BEGIN IMMEDIATE`` under its write lock)."""
    with service.transaction() as conn:
        yield conn


@contextmanager
def reading(service: DeskService) -> Iterator[Any]:
    """One consistent read snapshot."""
    with service.reading() as conn:
        yield conn


def apply_in(service: DeskService, conn: Any, snapshot: Mapping[str, Any], kind: OpKind,
             payload: Mapping[str, Any], actor: Actor, *, op_id: str, now: datetime,
             write: bool = True) -> dict:
    """``apply_local_op`` on a given snapshot inside the caller's transaction: apply, queue
    the op in the outbox and (``write``) store the new snapshot. Returns the new snapshot
    (several ops in a row may be stored once, with ``write_local_snapshot``)."""
    outcome = apply_op(snapshot, kind, dict(payload), actor, now, service.policy,
                       service.calendar, op_id=op_id)
    new = outcome.snapshot
    if write:
        rows.write_local_snapshot(conn, snapshot, new)
    rows.queue_op(conn, op_id=op_id, kind=kind.value, complaint_id=new["id"],
                  payload=dict(payload), base_version=int(snapshot.get("version") or 0),
                  actor=actor.username, event_id=outcome.event.get("id"), now=now)
    return new
