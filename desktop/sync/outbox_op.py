"""One outbox op as the sync code sees it (rows from desktop/store/sync_outbox.py)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core import OpKind
from core.clock import clock
from desktop.store.snapshots import loads

HELD_MESSAGE = ("Ditahan: tindakan sebelumnya pada pengaduan ini ditolak server. Putuskan "
                "dulu tindakan itu di Perlu Perhatian.")


def now_iso() -> str:
    return clock().now().isoformat(timespec="seconds")


@dataclass(frozen=True)
class OutboxOp:
    seq: int
    op_id: str
    kind: str
    complaint_id: str
    payload: dict[str, Any]
    base_version: int | None
    actor: str | None
    created_at: str
    attempts: int
    state: str
    last_error: str | None = None
    reject_reason: str | None = None
    server_state: dict[str, Any] | None = None
    result: dict[str, Any] | None = None
    updated_at: str | None = None

    def wire(self) -> dict[str, Any]:
        """The op as ``POST /sync/push`` takes it. A create re-sent after the server was
        restored from a backup asks for the tracking number it had (on the receipt)."""
        out = {"op_id": self.op_id, "complaint_id": self.complaint_id,
               "base_version": self.base_version, "kind": self.kind, "payload": self.payload}
        result = self.result or {}
        if self.kind == OpKind.create.value and result.get("resent") \
                and result.get("tracking_number") is not None:
            out["tracking_number"] = result["tracking_number"]
        return out

    @property
    def resent(self) -> bool:
        """Confirmed once, sent again because the server was restored from a backup."""
        return bool((self.result or {}).get("resent"))

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> OutboxOp:
        return cls(
            seq=row["seq"], op_id=row["op_id"], kind=row["kind"],
            complaint_id=row["complaint_id"], payload=loads(row["payload"], {}) or {},
            base_version=row["base_version"], actor=row["actor"], created_at=row["created_at"],
            attempts=row["attempts"], state=row["state"], last_error=row["last_error"],
            reject_reason=row["reject_reason"], server_state=loads(row["server_state"]),
            result=loads(row["result"]), updated_at=row["updated_at"])

    @classmethod
    def from_rows(cls, rows: list[dict[str, Any]]) -> list[OutboxOp]:
        return [cls.from_row(r) for r in rows]


def audit_entry(action: str, op: OutboxOp, by: str | None) -> dict[str, Any]:
    """The outbox audit trail's record of a decision on one op (desktop/store/audit.py)."""
    return {"id": str(uuid.uuid4()), "at": now_iso(), "action": action, "by": by,
            "op_id": op.op_id, "kind": op.kind, "complaint_id": op.complaint_id,
            "state": op.state, "base_version": op.base_version,
            "reject_reason": op.reject_reason, "last_error": op.last_error,
            "created_at": op.created_at, "payload": op.payload}
