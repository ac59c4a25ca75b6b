"""The few desk-store internals the letter archive needs, in one place.

Issuing a letter must allocate an agenda number, record the archived file and queue two
outbox ops (``letter_issued`` and the ``attach`` that carries the PDF) in ONE transaction,
which ``DeskService.apply_local_op`` (one op, its own transaction) cannot give. Until the
store offers a public hook (``DeskService.transaction()`` plus ``apply_local_op(conn=...)``;
see docs/letters.md), this module borrows the store's writer transaction and row writers,
exactly as ``desktop.intake.storage`` and ``desktop.sync.storeaccess`` do.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.domain import Actor, OpKind, apply_op
from desktop.store import service as _store

if TYPE_CHECKING:
    from desktop.store import DeskService


def raw(conn: Any) -> Any:
    """The sqlite3 connection under a SQLAlchemy connection."""
    return conn.connection.driver_connection


@contextmanager
def writing(service: DeskService) -> Iterator[Any]:
    """The store's writer transaction (``BEGIN IMMEDIATE`` under its write lock). The
    archive tables come with the store's schema (revision 0003): a DeskService is at head."""
    with service.transaction() as conn:
        yield conn


@contextmanager
def reading(service: DeskService) -> Iterator[Any]:
    """One consistent read snapshot."""
    with service.reading() as conn:
        yield conn


def load_snapshot(conn: Any, complaint_id: str) -> dict | None:
    return _store._load_snapshot(conn, complaint_id)  # noqa: SLF001


def apply_in(service: DeskService, conn: Any, snapshot: Mapping[str, Any], kind: OpKind,
             payload: Mapping[str, Any], actor: Actor, *, op_id: str, now: datetime,
             write: bool = True) -> dict:
    """``apply_local_op`` inside the caller's transaction: apply, queue the op in the
    outbox and (``write``) store the new snapshot. Returns the new snapshot."""
    outcome = apply_op(snapshot, kind, dict(payload), actor, now, service.policy,
                       service.calendar, op_id=op_id)
    new = outcome.snapshot
    if write:
        write_local_snapshot(conn, snapshot, new)
    _store._insert_outbox(  # noqa: SLF001
        conn, op_id=op_id, kind=kind.value, complaint_id=new["id"], payload=dict(payload),
        base_version=int(snapshot.get("version") or 0), actor=actor.username,
        event_id=outcome.event.get("id"), now=now)
    return new


def write_local_snapshot(conn: Any, before: Mapping[str, Any], after: Mapping[str, Any]) -> None:
    """Store a locally changed snapshot as ``apply_local_op`` does (keeps the server base)."""
    dirty_before = _store._is_dirty(conn, str(after["id"]))  # noqa: SLF001
    base = None if dirty_before else _store.sn.dumps(dict(before))
    _store._write_prepared(conn, _store.sn.prepare(  # noqa: SLF001
        [after], dirty=True, base_snapshot=base, keep_base=dirty_before))
