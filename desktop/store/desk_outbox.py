"""``DeskService``'s outbox: an officer's action applied locally and queued for the server
in one transaction, the outbox rows, the officer's audit trail of them, and one
complaint's sync bookkeeping. The sync engine drives the rows' states."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from core import Actor, OpKind, apply_op
from core.clock import clock
from desktop.store import audit
from desktop.store import queue as q
from desktop.store import rows as rw
from desktop.store import snapshots as sn
from desktop.store.desk_base import DeskParts
from desktop.store.errors import StoreError

if TYPE_CHECKING:
    from sqlalchemy import Connection


@dataclass(frozen=True)
class LocalOpResult:
    """What ``apply_local_op`` did. ``duplicate``: the op_id was already recorded (no-op)."""

    op_id: str
    complaint_id: str
    version: int
    status: str
    event: dict
    snapshot: dict
    duplicate: bool = False


class OutboxParts(DeskParts):
    def apply_local_op(self, complaint_id: str | None, kind: OpKind | str,
                       payload: Mapping[str, Any] | None, actor: Actor, *,
                       op_id: str | None = None, now: datetime | None = None,
                       conn: Connection | None = None) -> LocalOpResult:
        """Apply an officer's action locally and queue it for the server, atomically.

        In ONE transaction: ``core.apply_op`` on the stored snapshot, the new
        snapshot (timeline event included) written, and a ``pending`` outbox row inserted.
        Idempotent by ``op_id``: an op already in the outbox is not applied again.
        Raises the domain's DomainError subclasses (Indonesian messages) unchanged.
        ``conn``: run inside the caller's ``transaction()`` (several ops, one commit).
        """
        kind = OpKind(kind)
        op_id = str(op_id or uuid.uuid4())
        now = now or clock().now()
        payload = dict(payload or {})
        if kind is OpKind.create:
            complaint_id = str(payload.setdefault("id", str(complaint_id or uuid.uuid4())))
            # Received now, here: the server keeps this time rather than its own at sync.
            payload.setdefault("received_at", now.isoformat(timespec="seconds"))
        elif not complaint_id:
            raise StoreError("not_found", "Pengaduan tidak ditemukan.")
        if conn is not None:
            return self._apply_local_op_in(conn, complaint_id, kind, payload, actor, op_id, now)
        with self._write() as own:
            return self._apply_local_op_in(own, complaint_id, kind, payload, actor, op_id, now)

    def _apply_local_op_in(self, conn: Connection, complaint_id: str, kind: OpKind,
                           payload: dict, actor: Actor, op_id: str,
                           now: datetime) -> LocalOpResult:
        done = conn.exec_driver_sql(
            "SELECT complaint_id FROM outbox WHERE op_id = ?", (op_id,)).first()
        if done is not None:
            snap = rw.load_snapshot(conn, done[0]) or {}
            event: dict[str, Any] = next(
                (e for e in snap.get("timeline", ()) if e.get("id") == op_id), {})
            return LocalOpResult(op_id, done[0], int(snap.get("version") or 0),
                                 str(snap.get("status") or ""), event, snap, duplicate=True)
        current = rw.load_snapshot(conn, complaint_id)
        if kind is OpKind.create and current is not None:
            raise StoreError("exists", "Pengaduan dengan id ini sudah tercatat.")
        outcome = apply_op(current, kind, payload, actor, now, self.policy, self.calendar,
                           op_id=op_id)
        new = outcome.snapshot
        rw.write_local_snapshot(conn, current, new)
        rw.queue_op(conn, op_id=op_id, kind=kind.value, complaint_id=new["id"],
                    payload=payload, base_version=int((current or {}).get("version") or 0),
                    actor=actor.username, event_id=outcome.event.get("id"), now=now)
        return LocalOpResult(op_id, new["id"], int(new["version"]), new["status"],
                             outcome.event, new)

    def local_state(self, complaint_id: str) -> dict | None:
        """Sync bookkeeping of one complaint: ``dirty`` (local ops not yet confirmed),
        ``server_version`` (last version the server confirmed, None if never synced) and
        ``base_snapshot`` (the server's snapshot from before the first pending local op)."""
        with self._read() as conn:
            row = conn.exec_driver_sql(
                "SELECT c.local_dirty, c.server_version, t.base_snapshot FROM complaints c"
                " LEFT JOIN complaint_texts t ON t.rid = c.rid WHERE c.id = ?",
                (complaint_id,)).first()
        if row is None:
            return None
        return {"dirty": bool(row[0]), "server_version": row[1],
                "base_snapshot": sn.loads(row[2])}

    # --- the outbox rows (read side) and the officer's decisions on them ----------------

    def outbox(self, states: Sequence[str] = ("pending", "sending", "rejected"),
               complaint_id: str | None = None) -> list[dict]:
        """Outbox rows in ``seq`` order, JSON columns decoded."""
        sql = f"SELECT * FROM outbox WHERE state IN ({q.placeholders(states)})"
        params: list = list(states)
        if complaint_id:
            sql += " AND complaint_id = ?"
            params.append(complaint_id)
        with self._read() as conn:
            rows = conn.exec_driver_sql(sql + " ORDER BY seq", tuple(params)).mappings().all()
        out = []
        for row in rows:
            item = dict(row)
            for key in ("payload", "result", "server_state"):
                item[key] = sn.loads(item[key])
            out.append(item)
        return out

    def outbox_audit(self, limit: int | None = None) -> list[dict]:
        """The officer's decisions on outbox ops (discard, reapply, requeue), oldest first;
        ``limit``: only the newest ``limit``. Only the newest ``audit.KEEP`` are kept."""
        with self._read() as conn:
            return audit.entries(rw.raw(conn), limit)

    def append_outbox_audit(self, conn: Connection, entries: Sequence[Mapping[str, Any]]
                            ) -> None:
        """Record audit entries inside the caller's ``transaction()`` (with the decision)."""
        audit.append(rw.raw(conn), entries)

    def outbox_counts(self) -> dict[str, int]:
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT state, count(*) FROM outbox GROUP BY state").all()
        return {state: n for state, n in rows}
