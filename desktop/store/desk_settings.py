"""``DeskService``'s key/value stores and saved views: settings (the deadline policy, local
holidays and office zone among them), sync bookkeeping, the signed-in officer, and the
queue filters an officer saved by name."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from datetime import date
from typing import Any

from core import Actor
from core.clock import clock
from desktop.store import nik
from desktop.store import queue as q
from desktop.store import queue_read as qr
from desktop.store import rows as rw
from desktop.store import snapshots as sn
from desktop.store.desk_base import DeskParts
from desktop.store.queue import QueueFilter

# Settings the deadline views depend on: writing one reloads them (service.py).
_DEADLINE_KEYS = (qr.POLICY_KEY, qr.HOLIDAYS_KEY, qr.ZONE_KEY)


class SettingsParts(DeskParts):
    def get_setting(self, key: str, default: Any = None) -> Any:
        return self._get_kv("settings", key, default)

    def set_setting(self, key: str, value: Any) -> None:
        self._set_kv("settings", key, value)
        if key in _DEADLINE_KEYS:
            self._load_deadline_settings()

    def get_sync_state(self, key: str, default: Any = None) -> Any:
        """Sync bookkeeping (cursor, last_sync, server_url, username, actor...). Never tokens."""
        return self._get_kv("sync_state", key, default)

    def set_sync_state(self, key: str, value: Any) -> None:
        self._set_kv("sync_state", key, value)

    def set_actor(self, actor: Actor | Mapping | None) -> None:
        """The signed-in officer (its ``units`` drive the "untuk_unit_saya" view)."""
        if isinstance(actor, Actor):
            actor = {**asdict(actor), "role": str(actor.role), "units": list(actor.units)}
        self.set_sync_state(qr.ACTOR_KEY, actor)
        if actor is not None and nik.needs_scrub(actor.get("role")):
            with self._write() as conn:  # no full NIK stays behind a masked-NIK role
                nik.scrub(rw.raw(conn))

    def _get_kv(self, table: str, key: str, default: Any) -> Any:
        with self._read() as conn:
            row = conn.exec_driver_sql(f"SELECT value FROM {table} WHERE key = ?", (key,)).first()
        return default if row is None else sn.loads(row[0])

    def _set_kv(self, table: str, key: str, value: Any) -> None:
        with self._write() as conn:
            if value is None:
                conn.exec_driver_sql(f"DELETE FROM {table} WHERE key = ?", (key,))
            else:
                conn.exec_driver_sql(
                    f"INSERT INTO {table} (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, sn.dumps(value)))

    # --- saved views (revision 0002) ------------------------------------------------------

    def saved_views(self) -> list[dict]:
        """``[{"id", "name", "filter": QueueFilter, "sort", "descending"}]`` in order."""
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT id, name, filter, sort, descending FROM saved_views "
                "ORDER BY position, id").mappings().all()
        return [{"id": r["id"], "name": r["name"], "filter": filter_from_json(r["filter"]),
                 "sort": r["sort"], "descending": bool(r["descending"])} for r in rows]

    def save_view(self, name: str, flt: QueueFilter, sort: str = "received_at",
                  descending: bool = True) -> int:
        if sort not in q.SORT_KEYS:
            raise ValueError(f"unknown sort key: {sort!r}")
        with self._write() as conn:
            conn.exec_driver_sql(
                "INSERT INTO saved_views (name, filter, sort, descending, position, created_at) "
                "VALUES (?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM saved_views), ?)"
                " ON CONFLICT(name) DO UPDATE SET filter = excluded.filter, sort = excluded.sort,"
                " descending = excluded.descending",
                (name, filter_to_json(flt), sort, int(descending),
                 clock().now().isoformat(timespec="seconds")))
            return conn.exec_driver_sql(
                "SELECT id FROM saved_views WHERE name = ?", (name,)).scalar_one()

    def delete_view(self, view_id: int) -> None:
        with self._write() as conn:
            conn.exec_driver_sql("DELETE FROM saved_views WHERE id = ?", (view_id,))


def filter_to_json(flt: QueueFilter) -> str:
    return sn.dumps({k: v for k, v in asdict(flt).items() if v is not None})


def filter_from_json(text: str) -> QueueFilter:
    data = sn.loads(text, {}) or {}
    for key in ("date_from", "date_to"):
        if data.get(key):
            data[key] = date.fromisoformat(data[key])
    known = QueueFilter.__dataclass_fields__
    return QueueFilter(**{k: v for k, v in data.items() if k in known})
