"""The officer's decisions on rejected or pending ops (Perlu Perhatian, Kotak Keluar),
each inside the caller's transaction together with its audit entry
(desktop/sync/local.py: ``SyncLocal.requeue``/``discard``/``reapply``)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from core import Actor, OpKind
from desktop.store import sync_outbox
from desktop.sync.outbox_op import OutboxOp, audit_entry, now_iso
from desktop.sync.rebuild import KEEP, rebuild, unchain

if TYPE_CHECKING:
    from desktop.store import DeskService


def requeue(service: DeskService, conn: Any, op_ids: Sequence[str]) -> int:
    """See :meth:`desktop.sync.local.SyncLocal.requeue`."""
    count, touched = sync_outbox.requeue(conn, op_ids, now_iso())
    service.append_outbox_audit(conn, [{"id": str(uuid.uuid4()), "at": now_iso(),
                                        "action": "requeue", "op_ids": list(op_ids)}])
    for cid in sorted(touched):
        rebuild(service, conn, cid, base=KEEP, replay_applied=True)
    return count


def discard(service: DeskService, conn: Any, op_ids: Sequence[str],
            by: str | None) -> list[str]:
    """See :meth:`desktop.sync.local.SyncLocal.discard`."""
    chosen = OutboxOp.from_rows(sync_outbox.ops_in(conn, op_ids, ("pending", "rejected")))
    creates = {op.complaint_id for op in chosen if op.kind == OpKind.create.value}
    if creates:
        extra = OutboxOp.from_rows(sync_outbox.pending_or_rejected_of(conn, sorted(creates)))
        seen = {op.op_id for op in chosen}
        chosen += [op for op in extra if op.op_id not in seen]
    if not chosen:
        return []
    entries = [audit_entry("discard", op, by) for op in chosen]
    sync_outbox.delete(conn, [op.seq for op in chosen])
    unchain(conn, [op for op in chosen if op.state == "pending"], hold=False)
    service.append_outbox_audit(conn, entries)
    for cid in sorted({op.complaint_id for op in chosen}):
        rebuild(service, conn, cid, base=KEEP, replay_applied=True)
    return [op.op_id for op in chosen]


def reapply(service: DeskService, conn: Any, old: OutboxOp, complaint_id: str | None,
            payload: Mapping[str, Any], actor: Actor, new_op_id: str) -> None:
    """See :meth:`desktop.sync.local.SyncLocal.reapply`."""
    chosen = OutboxOp.from_rows(sync_outbox.ops_in(conn, [old.op_id], ("rejected",)))
    if not chosen:
        return
    service.apply_local_op(complaint_id, old.kind, payload, actor, op_id=new_op_id, conn=conn)
    entry = audit_entry("reapply", chosen[0], actor.username)
    entry["new_op_id"] = new_op_id
    sync_outbox.delete(conn, [chosen[0].seq])
    service.append_outbox_audit(conn, [entry])
