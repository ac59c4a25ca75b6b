"""DeskService: the only door between the desk's SQLite store and the rest of the app.

Widgets and the sync engine never see SQLAlchemy: every method returns plain dataclasses,
dicts and lists. Thread model (see desktop/tasks.py): one writer thread plus any number of
reader threads. The engine is per service; each call checks a pooled connection out for
its own use, writes are serialised by a lock and run as one ``BEGIN IMMEDIATE``
transaction each, readers see a consistent WAL snapshot.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from core import (
    Actor,
    DeadlinePolicy,
    OpKind,
    WorkingCalendar,
    apply_op,
)
from core.clock import clock
from core.validation import parse_int
from desktop.paths import tighten_data_dir
from desktop.store import audit, nik
from desktop.store import queue as q
from desktop.store import queue_read as qr
from desktop.store import rows as rw
from desktop.store import snapshots as sn
from desktop.store.encryption import prepare as prepare_encrypted
from desktop.store.engine import DB_FILE, make_engine
from desktop.store.errors import StoreError
from desktop.store.migrate import MigrationResult, upgrade
from desktop.store.queue import QueueFilter, QueueRow
from desktop.store.sealed import FileSealer

__all__ = ["DeskService", "LocalOpResult", "QueueFilter", "QueueRow"]

log = logging.getLogger(__name__)

_ROW_CHUNK = qr.ROW_CHUNK  # ids per IN (...) when reading rows
_POLICY_KEY = qr.POLICY_KEY
_HOLIDAYS_KEY = qr.HOLIDAYS_KEY
ZONE_KEY = qr.ZONE_KEY  # the office's time zone (desktop/store/queue_read.py)
_ACTOR_KEY = qr.ACTOR_KEY


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


def _office_today() -> date:
    return clock().today()


class DeskService:
    def __init__(self, data_dir: Path, *, today: Callable[[], date] | None = None,
                 policy: DeadlinePolicy | None = None,
                 calendar: WorkingCalendar | None = None, plaintext: bool = False) -> None:
        """Open (creating, encrypting or upgrading first) ``desk.sqlite`` in ``data_dir``.

        ``today`` fixes the date for deadline views (tests); ``policy`` / ``calendar``
        override the ones kept in settings (``deadline_policy``, ``local_holidays``).
        ``plaintext``: an unencrypted database, as earlier versions kept it (benchmarks and
        migration tests only; the app never passes it).
        """
        self.data_dir = Path(data_dir)
        tighten_data_dir(self.data_dir)  # 0700, its files 0600 (POSIX; desktop/paths.py)
        self.db_path = self.data_dir / DB_FILE
        key = None if plaintext else prepare_encrypted(self.db_path)
        self.encrypted = key is not None
        # Archived letters and attachments under data_dir are sealed with the same key.
        self.files = FileSealer(key)
        self.migration: MigrationResult = upgrade(self.db_path, key=key)
        self._engine = make_engine(self.db_path, key)
        self._today = today or _office_today
        self._write_lock = threading.RLock()
        self._cache_lock = threading.Lock()
        self._categories: dict[str, dict] | None = None
        self._units: dict[tuple[str, str], dict] | None = None
        self._fixed_policy = policy
        self._fixed_calendar = calendar
        self._policy = policy or DeadlinePolicy()
        self._calendar = calendar or WorkingCalendar()
        self._load_deadline_settings()

    # --- plumbing ----------------------------------------------------------------------

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> DeskService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """A connection in one deferred transaction: every query sees the same snapshot."""
        with self._engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One writer at a time; the block is one transaction, rolled back on any error."""
        with self._write_lock, self._engine.connect() as conn:
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                yield conn

    @staticmethod
    def _raw(conn: Connection):  # noqa: ANN205 - sqlite3.Connection
        """The DB-API connection, for the hot paths (100k rows without per-row wrappers)."""
        return conn.connection.driver_connection

    @property
    def policy(self) -> DeadlinePolicy:
        return self._policy

    @property
    def calendar(self) -> WorkingCalendar:
        return self._calendar

    def today(self) -> date:
        return self._today()

    def _load_deadline_settings(self) -> None:
        """Policy and local holidays from settings; a damaged value falls back to the
        default (logged) instead of keeping the desk from starting."""
        qr.apply_office_zone(self.get_setting(ZONE_KEY))
        if self._fixed_policy is None:
            self._policy = qr.policy_from(self.get_setting(_POLICY_KEY))
        if self._fixed_calendar is None:
            self._calendar = qr.calendar_from(self.get_setting(_HOLIDAYS_KEY))

    # --- the queue ---------------------------------------------------------------------

    def _category_ids(self, category_id: str | None) -> list[str] | None:
        """``category_id`` and all its descendants (filtering a parent shows its children)."""
        return qr.category_ids(self._category_map(), category_id) if category_id else None

    def _me(self) -> tuple[str | None, tuple[str, ...]]:
        return qr.me_from(self.get_sync_state(_ACTOR_KEY))

    def _where(self, flt: QueueFilter, *, with_view: bool,
               broad_search: bool = False) -> q.WhereBuilder:
        if not with_view:
            return qr.where(flt, self._category_map(), broad_search=broad_search)
        cut = q.DeadlineCutoffs.compute(self._today(), self._policy, self._calendar)
        return qr.where(flt, self._category_map(), cut=cut, me=self._me(),
                        broad_search=broad_search)

    def queue_ids(self, flt: QueueFilter, sort: str = "received_at",
                  descending: bool = True) -> list[str]:
        """Ids of every complaint matching ``flt``, in order. SQL filters and sorts."""
        with self._read() as conn:
            raw = self._raw(conn)
            w = self._where(flt, with_view=True, broad_search=qr.broad_search(raw, flt))
            return qr.select_ids(raw, w, sort, descending)

    def view_counts(self, flt: QueueFilter) -> dict[str, int]:
        """Complaints per view with the other filters of ``flt`` applied (``flt.view`` ignored)."""
        w = self._where(flt, with_view=False, broad_search=True)  # a covering scan counts
        cut = q.DeadlineCutoffs.compute(self._today(), self._policy, self._calendar)
        me = self._me()
        with self._read() as conn:
            return qr.count_views(self._raw(conn), w, cut, me)

    def rows(self, ids: Sequence[str]) -> list[QueueRow]:
        """Queue rows for ``ids``, in the given order (unknown ids are skipped)."""
        if not ids:
            return []
        cats, units = self._category_map(), self._unit_map()
        with self._read() as conn:
            return qr.read_rows(self._raw(conn), ids, categories=cats, units=units,
                                today=self._today(), policy=self._policy,
                                calendar=self._calendar)

    def list_items(self, ids: Sequence[str]) -> list[dict]:
        """Plain dicts for ``lapor-desk list``: id, numbers, title, status, agency, units."""
        found: dict[str, dict] = {}
        with self._read() as conn:
            raw = self._raw(conn)
            for start in range(0, len(ids), _ROW_CHUNK):
                chunk = list(ids[start:start + _ROW_CHUNK])
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
            return self._raw(conn).execute(
                "SELECT coalesce(max(tracking_number), 0) FROM complaints").fetchone()[0]

    def total(self) -> int:
        with self._read() as conn:
            return self._raw(conn).execute("SELECT count(*) FROM complaints").fetchone()[0]

    # --- one complaint -----------------------------------------------------------------

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

    # --- writes ------------------------------------------------------------------------

    def upsert_snapshots(self, snapshots: Sequence[Mapping[str, Any]]) -> int:
        """Store server snapshots (insert or replace, one transaction, bulk statements).

        Timeline, attachments and units of those complaints are replaced. The rows become
        the server state: ``local_dirty`` cleared, ``server_version`` = ``version``. The
        sync engine re-applies still-pending outbox ops afterwards (``apply_local_op``).
        """
        return self.write_prepared(sn.prepare(snapshots))

    def write_prepared(self, rows: sn.Prepared) -> int:
        """Write rows made by ``desktop.store.snapshots.prepare`` in one transaction (bulk
        path: the rows may be prepared in another thread or process). Returns the count."""
        if not len(rows):
            return 0
        with self._write() as conn:
            rw.write_prepared(conn, rows)
        return len(rows)

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
        outcome = apply_op(current, kind, payload, actor, now, self._policy, self._calendar,
                           op_id=op_id)
        new = outcome.snapshot
        rw.write_local_snapshot(conn, current, new)
        rw.queue_op(conn, op_id=op_id, kind=kind.value, complaint_id=new["id"],
                    payload=payload, base_version=int((current or {}).get("version") or 0),
                    actor=actor.username, event_id=outcome.event.get("id"), now=now)
        return LocalOpResult(op_id, new["id"], int(new["version"]), new["status"],
                             outcome.event, new)

    # --- transactions for the sync, intake and letter code --------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """The writer transaction (``BEGIN IMMEDIATE`` under the writer lock) for work that
        must commit together: pass the connection to ``apply_local_op(conn=...)``,
        ``write_snapshots_in``, ``load_snapshot``, ``append_outbox_audit`` and the row steps
        of :mod:`desktop.store.rows` (``queue_op``, ``write_local_snapshot``,
        ``write_prepared``...). Rolled back on any error. Never for GUI code."""
        with self._write() as conn:
            yield conn

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """One consistent read snapshot (a deferred transaction)."""
        with self._read() as conn:
            yield conn

    def load_snapshot(self, complaint_id: str, conn: Connection | None = None) -> dict | None:
        """The stored snapshot (no ``cached_path``), inside ``conn``'s transaction if given."""
        if conn is not None:
            return rw.load_snapshot(conn, complaint_id)
        with self._read() as own:
            return rw.load_snapshot(own, complaint_id)

    def write_snapshots_in(self, conn: Connection, snapshots: Sequence[Mapping[str, Any]], *,
                           dirty: bool = False, base_snapshot: str | None = None,
                           keep_base: bool = False) -> None:
        """``upsert_snapshots`` inside the caller's ``transaction()``."""
        rw.write_snapshots(conn, snapshots, dirty=dirty, base_snapshot=base_snapshot,
                           keep_base=keep_base)

    def invalidate_reference_cache(self) -> None:
        """Forget cached categories/units (after writing them inside a ``transaction()``)."""
        with self._cache_lock:
            self._categories = self._units = None

    def remove_complaints(self, ids: Sequence[str]) -> int:
        """Delete complaints (e.g. the server says they left this desk's scope), with their
        texts, search entries, units, timeline and attachments. Outbox rows are kept."""
        removed = 0
        with self._write() as conn:
            for start in range(0, len(ids), _ROW_CHUNK):
                chunk = list(ids[start:start + _ROW_CHUNK])
                removed += conn.exec_driver_sql(
                    f"DELETE FROM complaints WHERE id IN ({q.placeholders(chunk)})",
                    tuple(chunk)).rowcount
        return removed

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

    # --- outbox (read side; the sync engine drives the states) ---------------------------

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
            return audit.entries(self._raw(conn), limit)

    def append_outbox_audit(self, conn: Connection, entries: Sequence[Mapping[str, Any]]
                            ) -> None:
        """Record audit entries inside the caller's ``transaction()`` (with the decision)."""
        audit.append(self._raw(conn), entries)

    def outbox_counts(self) -> dict[str, int]:
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT state, count(*) FROM outbox GROUP BY state").all()
        return {state: n for state, n in rows}

    # --- reference data ----------------------------------------------------------------

    def replace_reference(self, *, categories: Sequence[Mapping] | None = None,
                          agencies: Sequence[Mapping] | None = None,
                          units: Sequence[Mapping] | None = None) -> None:
        """Replace the given reference tables wholesale (lists of dicts), one transaction.

        Accepts the server's spellings too: ``parent`` for ``parent_id``, ``agency`` for
        ``agency_code``.
        """
        self._write_reference(categories, agencies, units, replace=True)

    def merge_reference(self, *, categories: Sequence[Mapping] | None = None,
                        agencies: Sequence[Mapping] | None = None,
                        units: Sequence[Mapping] | None = None) -> None:
        """Insert or update the given reference rows, keeping the others."""
        self._write_reference(categories, agencies, units, replace=False)

    def _write_reference(self, categories: Sequence[Mapping] | None,
                         agencies: Sequence[Mapping] | None, units: Sequence[Mapping] | None,
                         *, replace: bool) -> None:
        tables = (
            ("categories", ("id", "parent_id", "name"), ("id",), categories,
             lambda c: (c["id"], c.get("parent_id", c.get("parent")), c["name"])),
            ("agencies", ("code", "name"), ("code",), agencies,
             lambda a: (a["code"], a["name"])),
            ("units", ("agency_code", "code", "name"), ("agency_code", "code"), units,
             lambda u: (u.get("agency_code", u.get("agency")) or "", u["code"], u["name"])),
        )
        with self._write() as conn:
            for table, cols, key, items, row in tables:
                if items is None:
                    continue
                if replace:
                    conn.exec_driver_sql(f"DELETE FROM {table}")
                updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c not in key)
                rows = [row(item) for item in items]
                if rows:
                    conn.exec_driver_sql(
                        f"INSERT INTO {table} ({', '.join(cols)}) "
                        f"VALUES ({', '.join('?' for _ in cols)}) "
                        f"ON CONFLICT({', '.join(key)}) DO UPDATE SET {updates}", rows)
        self.invalidate_reference_cache()

    def _category_map(self) -> dict[str, dict]:
        cats = self._categories
        if cats is None:
            with self._read() as conn:
                cats = qr.read_categories(self._raw(conn))
            with self._cache_lock:
                self._categories = cats
        return cats

    def _unit_map(self) -> dict[tuple[str, str], dict]:
        """``(agency_code, code) -> unit``: unit codes are unique within an agency only."""
        units = self._units
        if units is None:
            with self._read() as conn:
                units = qr.read_units(self._raw(conn))
            with self._cache_lock:
                self._units = units
        return units

    def categories(self) -> list[dict]:
        """``[{"id", "parent_id", "name"}]`` in server order."""
        return [dict(c) for c in self._category_map().values()]

    def units(self) -> list[dict]:
        """``[{"agency_code", "code", "name"}]`` by name."""
        return [dict(u) for u in self._unit_map().values()]

    def agencies(self) -> list[dict]:
        with self._read() as conn:
            rows = conn.exec_driver_sql("SELECT code, name FROM agencies ORDER BY name")
            return [dict(r) for r in rows.mappings()]

    # --- settings and sync state (JSON values) -------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        return self._get_kv("settings", key, default)

    def set_setting(self, key: str, value: Any) -> None:
        self._set_kv("settings", key, value)
        if key in (_POLICY_KEY, _HOLIDAYS_KEY, ZONE_KEY):
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
        self.set_sync_state(_ACTOR_KEY, actor)
        if actor is not None and nik.needs_scrub(actor.get("role")):
            with self.transaction() as conn:  # no full NIK stays behind a masked-NIK role
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

    # --- saved views and drafts (revision 0002) ------------------------------------------

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

    # --- attachments cache -------------------------------------------------------------

    def set_attachment_file(self, sha256: str, path: Path, size: int | None = None) -> None:
        """Record where a downloaded/attached file with this content hash is kept."""
        with self._write() as conn:
            conn.exec_driver_sql(
                "INSERT INTO attachment_files (sha256, path, size, stored_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(sha256) DO UPDATE SET path = excluded.path, size = excluded.size,"
                " stored_at = excluded.stored_at",
                (sha256, str(path), size, clock().now().isoformat(timespec="seconds")))

    # --- health ------------------------------------------------------------------------

    def integrity_check(self) -> str:
        """``"ok"`` or SQLite's list of problems; also checks the FTS index against its rows."""
        with self._read() as conn:
            raw = self._raw(conn)
            problems = [r[0] for r in raw.execute("PRAGMA integrity_check").fetchall()]
            if problems != ["ok"]:
                return "\n".join(problems)
            fk = raw.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            return f"foreign_key_check: {len(fk)} rows without parent"
        try:
            with self._write() as conn:  # the FTS check is an INSERT command: needs the lock
                conn.exec_driver_sql("INSERT INTO complaints_fts (complaints_fts, rank) "
                                     "VALUES ('integrity-check', 1)")
        except Exception as exc:  # noqa: BLE001 - report, don't raise: this IS the check
            return f"fts: {exc}"
        return "ok"


# --- module helpers ---------------------------------------------------------------------

def filter_to_json(flt: QueueFilter) -> str:
    return sn.dumps({k: v for k, v in asdict(flt).items() if v is not None})


def filter_from_json(text: str) -> QueueFilter:
    data = sn.loads(text, {}) or {}
    for key in ("date_from", "date_to"):
        if data.get(key):
            data[key] = date.fromisoformat(data[key])
    known = QueueFilter.__dataclass_fields__
    return QueueFilter(**{k: v for k, v in data.items() if k in known})
