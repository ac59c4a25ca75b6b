"""``DeskService``'s queue: ids in order, view counts, rows, list items, one complaint by
id or number, totals. The SQL lives in ``queue_read`` (shared with the light reader)."""

from __future__ import annotations

from collections.abc import Sequence

from core.validation import parse_int
from desktop.store import queue as q
from desktop.store import queue_read as qr
from desktop.store import rows as rw
from desktop.store import snapshots as sn
from desktop.store.desk_base import DeskParts
from desktop.store.queue import QueueFilter, QueueRow


class QueueParts(DeskParts):
    def _me(self) -> qr.Me:
        return qr.me_from(self.get_sync_state(qr.ACTOR_KEY))

    def _where(self, flt: QueueFilter, *, with_view: bool,
               broad_search: bool = False) -> q.WhereBuilder:
        if not with_view:
            return qr.where(flt, self._category_map(), broad_search=broad_search)
        cut = q.DeadlineCutoffs.compute(self.today(), self.policy, self.calendar)
        return qr.where(flt, self._category_map(), cut=cut, me=self._me(),
                        broad_search=broad_search)

    def queue_ids(self, flt: QueueFilter, sort: str = "received_at",
                  descending: bool = True) -> list[str]:
        """Ids of every complaint matching ``flt``, in order. SQL filters and sorts."""
        with self._read() as conn:
            raw = rw.raw(conn)
            w = self._where(flt, with_view=True, broad_search=qr.broad_search(raw, flt))
            return qr.select_ids(raw, w, sort, descending)

    def view_counts(self, flt: QueueFilter) -> dict[str, int]:
        """Complaints per view with the other filters of ``flt`` applied (``flt.view`` ignored)."""
        w = self._where(flt, with_view=False, broad_search=True)  # a covering scan counts
        cut = q.DeadlineCutoffs.compute(self.today(), self.policy, self.calendar)
        me = self._me()
        with self._read() as conn:
            return qr.count_views(rw.raw(conn), w, cut, me)

    def rows(self, ids: Sequence[str]) -> list[QueueRow]:
        """Queue rows for ``ids``, in the given order (unknown ids are skipped)."""
        if not ids:
            return []
        cats, units = self._category_map(), self._unit_map()
        with self._read() as conn:
            return qr.read_rows(rw.raw(conn), ids, categories=cats, units=units,
                                today=self.today(), policy=self.policy,
                                calendar=self.calendar)

    def list_items(self, ids: Sequence[str]) -> list[dict]:
        """Plain dicts for ``lapor-desk list``: id, numbers, title, status, agency, units."""
        found: dict[str, dict] = {}
        with self._read() as conn:
            raw = rw.raw(conn)
            for part in rw.chunks(ids):
                chunk = list(part)
                for row in raw.execute(
                        "SELECT id, tracking_number, provisional_number, title, status, "
                        f"agency_code, unit_codes FROM complaints WHERE id IN "
                        f"({q.placeholders(chunk)})", chunk):
                    found[row[0]] = {
                        "id": row[0], "tracking_number": row[1], "provisional_number": row[2],
                        "title": row[3], "status": row[4], "agency_code": row[5],
                        "unit_codes": sn.loads(row[6], []),
                    }
        return [found[i] for i in ids if i in found]

    def max_tracking_number(self) -> int:
        """The highest tracking number stored (0 when none)."""
        with self._read() as conn:
            return int(rw.raw(conn).execute(
                "SELECT coalesce(max(tracking_number), 0) FROM complaints").fetchone()[0])

    def total(self) -> int:
        with self._read() as conn:
            return int(rw.raw(conn).execute("SELECT count(*) FROM complaints").fetchone()[0])

    # --- one complaint -------------------------------------------------------------------

    def complaint(self, complaint_id: str) -> dict | None:
        """The full snapshot (timeline and attachments included), or None."""
        with self._read() as conn:
            return rw.load_snapshot(conn, complaint_id, with_cache_paths=True)

    def complaint_by_number(self, number: int | str) -> dict | None:
        """By tracking number (``1916449`` / ``#1916449``) or provisional number."""
        text = str(number).strip().lstrip("#")
        with self._read() as conn:
            tracking = parse_int(text)
            arg: int | str
            if tracking is not None:
                sql, arg = "SELECT id FROM complaints WHERE tracking_number = ?", tracking
            else:
                sql, arg = "SELECT id FROM complaints WHERE provisional_number = ?", text
            row = conn.exec_driver_sql(sql, (arg,)).first()
            return rw.load_snapshot(conn, row[0], with_cache_paths=True) if row else None
