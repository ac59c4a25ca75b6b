"""``DeskService``'s drafts: an officer's unfinished input per complaint and form kind
(revision 0002), kept until sent or cleared."""

from __future__ import annotations

from collections.abc import Mapping

from core.clock import clock
from desktop.store import snapshots as sn
from desktop.store.desk_base import DeskParts


class DraftParts(DeskParts):
    def get_draft(self, complaint_id: str, kind: str) -> dict | None:
        with self._read() as conn:
            row = conn.exec_driver_sql(
                "SELECT payload FROM drafts WHERE complaint_id = ? AND kind = ?",
                (complaint_id, kind)).first()
        return None if row is None else sn.loads(row[0])

    def save_draft(self, complaint_id: str, kind: str, payload: Mapping | None) -> None:
        """Keep unfinished input; ``payload=None`` deletes the draft."""
        with self._write() as conn:
            if payload is None:
                conn.exec_driver_sql("DELETE FROM drafts WHERE complaint_id = ? AND kind = ?",
                                     (complaint_id, kind))
            else:
                conn.exec_driver_sql(
                    "INSERT INTO drafts (complaint_id, kind, payload, updated_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT(complaint_id, kind) DO UPDATE SET "
                    "payload = excluded.payload, updated_at = excluded.updated_at",
                    (complaint_id, kind, sn.dumps(dict(payload)),
                     clock().now().isoformat(timespec="seconds")))
