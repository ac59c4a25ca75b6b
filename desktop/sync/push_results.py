"""The server's answer to a pushed batch, stored inside the caller's transaction
(desktop/sync/local.py: ``SyncLocal.record_results``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core import OpKind
from desktop.store import sync_outbox, sync_state
from desktop.store.snapshots import dumps
from desktop.sync.outbox_op import OutboxOp, now_iso
from desktop.sync.rebuild import KEEP, rebuild, unchain
from desktop.sync.state_keys import RESTORE_KEY

if TYPE_CHECKING:
    from desktop.store import DeskService

WAITING_FOR_CREATOR = ("Menunggu: server pusat dipulihkan dari cadangan dan belum memiliki "
                       "pengaduan ini; dikirim lagi setelah desk pembuatnya mengirim ulang.")


@dataclass
class PushStats:
    applied: int = 0
    duplicate: int = 0
    rejected: int = 0
    rejected_ops: list[str] = field(default_factory=list)
    renumbered: list[tuple[int, int]] = field(default_factory=list)  # (old, new) tracking


def record(service: DeskService, conn: Any, ops: Sequence[OutboxOp],
           results: Sequence[Mapping[str, Any]]) -> PushStats:
    """See :meth:`desktop.sync.local.SyncLocal.record_results`."""
    stats = PushStats()
    by_id = {op.op_id: op for op in ops}
    stamp = now_iso()
    rebuilds: dict[str, dict[str, Any] | None] = {}
    dropped: list[OutboxOp] = []
    waiting: set[str] = set()  # complaints the restored server does not have yet
    for result in results:
        op = by_id.get(str(result.get("op_id")))
        if op is None:
            continue
        status = result.get("status")
        if status in ("applied", "duplicate"):
            if status == "applied":
                stats.applied += 1
            else:
                stats.duplicate += 1
            outcome = {"status": status, "version": result.get("version"),
                       "tracking_number": result.get("tracking_number")}
            sync_outbox.mark_applied(conn, op.seq, dumps(outcome), stamp)
            tracking = result.get("tracking_number")
            old = (op.result or {}).get("tracking_number") if op.resent else None
            if op.kind == OpKind.create.value and tracking is not None \
                    and old is not None and old != tracking:
                # Re-sent after a restore, its old number was not free: the
                # complaint now has a new one (the officer is told).
                stats.renumbered.append((int(old), int(tracking)))
                sync_outbox.renumber(conn, op.complaint_id, tracking)
                note_renumbered(conn, int(old), int(tracking))
            elif op.kind == OpKind.create.value and tracking is not None:
                sync_outbox.take_tracking_number(conn, op.complaint_id, tracking)
        elif status == "rejected" and op.resent and (
                result.get("reason") == "not_found" or op.complaint_id in waiting):
            # Re-sent after a restore, for a complaint the server does not have yet:
            # its creator's desk has not re-sent it. Wait for it (next round), never
            # reject what the server had once accepted.
            waiting.add(op.complaint_id)
            sync_outbox.wait(conn, op.seq, WAITING_FOR_CREATOR, stamp)
        elif status == "rejected":
            stats.rejected += 1
            stats.rejected_ops.append(op.op_id)
            message = result.get("message") or "Ditolak server."
            errors = result.get("errors")
            if errors:
                message = message + " " + "; ".join(
                    f"{k}: {v}" for k, v in dict(errors).items())
            sync_outbox.mark_rejected(
                conn, op.seq, reason=result.get("reason") or "invalid", message=message,
                server_state=None if result.get("server_state") is None
                else dumps(result["server_state"]),
                result=dumps({"status": "rejected", "errors": errors}), stamp=stamp)
            state = result.get("server_state")
            if op.complaint_id not in rebuilds or state is not None:
                rebuilds[op.complaint_id] = state
            dropped.append(op)
        else:  # unknown answer: keep it for the next round
            sync_outbox.keep_unanswered(conn, op.seq,
                                        f"Jawaban server tidak dikenal: {status}")
    answered = {str(r.get("op_id")) for r in results}
    unanswered = [(stamp, op.seq) for op in ops if op.op_id not in answered]
    if unanswered:  # the server skipped them: they go out again next round
        sync_outbox.resend_skipped(conn, unanswered)
    unchain(conn, dropped, hold=True)
    for complaint_id, state in rebuilds.items():
        base = KEEP if state is None else state
        rebuild(service, conn, complaint_id, base=base, replay_applied=True)
    return stats


def note_renumbered(conn: Any, old: int, new: int) -> None:
    """Tell the officer a re-sent complaint came back under another tracking number."""
    notice = sync_state.read(conn, RESTORE_KEY) or {"at": now_iso(), "resent_ops": 0,
                                                    "complaints": 0, "renumbered": []}
    notice.setdefault("renumbered", []).append([old, new])
    sync_state.write(conn, RESTORE_KEY, notice)
