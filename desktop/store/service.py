"""DeskService: the only door between the desk's SQLite store and the rest of the app.

Widgets and the sync engine never see SQLAlchemy: every method returns plain dataclasses,
dicts and lists. Thread model (see desktop/tasks.py): one writer thread plus any number of
reader threads. The engine is per service; each call checks a pooled connection out for
its own use, writes are serialised by a lock and run as one ``BEGIN IMMEDIATE``
transaction each, readers see a consistent WAL snapshot.

This module keeps opening and closing, the engine and its transactions, the clock and
deadline rules, snapshot writes and the health check; the rest is one mixin per
responsibility (typed against ``desk_base.DeskParts``): ``desk_queue``, ``desk_outbox``,
``desk_reference``, ``desk_settings``, ``desk_drafts``, ``desk_attachments``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from core import DeadlinePolicy, WorkingCalendar
from core.clock import clock
from desktop.paths import tighten_data_dir
from desktop.store import bulk_load
from desktop.store import queue as q
from desktop.store import queue_read as qr
from desktop.store import rows as rw
from desktop.store import snapshots as sn
from desktop.store.desk_attachments import AttachmentParts
from desktop.store.desk_drafts import DraftParts
from desktop.store.desk_outbox import LocalOpResult, OutboxParts
from desktop.store.desk_queue import QueueParts
from desktop.store.desk_reference import ReferenceParts
from desktop.store.desk_settings import SettingsParts, filter_from_json, filter_to_json
from desktop.store.encryption import prepare as prepare_encrypted
from desktop.store.engine import DB_FILE, make_engine
from desktop.store.migrate import MigrationResult, upgrade
from desktop.store.queue import QueueFilter, QueueRow
from desktop.store.sealed import FileSealer

__all__ = ["DeskService", "LocalOpResult", "QueueFilter", "QueueRow",
           "filter_from_json", "filter_to_json"]

log = logging.getLogger(__name__)

ZONE_KEY = qr.ZONE_KEY  # the office's time zone (desktop/store/queue_read.py)


def _office_today() -> date:
    return clock().today()


class DeskService(QueueParts, OutboxParts, ReferenceParts, SettingsParts, DraftParts,
                  AttachmentParts):
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
        self._categories = None
        self._units = None
        self._fixed_policy = policy
        self._fixed_calendar = calendar
        self._policy = policy or DeadlinePolicy()
        self._calendar = calendar or WorkingCalendar()
        self._load_deadline_settings()
        self.finish_bulk_load()  # a desk killed during its first full pull

    def finish_bulk_load(self) -> bool:
        """Rebuild the queue's and the search's indexes if a first full pull left them to
        rebuild (``desktop/store/bulk_load.py``); True if it did. One read when not."""
        with self._read() as conn:
            if not bulk_load.running(conn):
                return False
        with self._write() as conn:
            done = bulk_load.finish(conn)
        if done:
            log.info("indexes of an interrupted first pull rebuilt")
        return done

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
            self._policy = qr.policy_from(self.get_setting(qr.POLICY_KEY))
        if self._fixed_calendar is None:
            self._calendar = qr.calendar_from(self.get_setting(qr.HOLIDAYS_KEY))

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

    def remove_complaints(self, ids: Sequence[str]) -> int:
        """Delete complaints (e.g. the server says they left this desk's scope), with their
        texts, search entries, units, timeline and attachments. Outbox rows are kept."""
        removed = 0
        with self._write() as conn:
            for part in rw.chunks(ids):
                chunk = list(part)
                removed += conn.exec_driver_sql(
                    f"DELETE FROM complaints WHERE id IN ({q.placeholders(chunk)})",
                    tuple(chunk)).rowcount
        return removed

    # --- health ------------------------------------------------------------------------

    def integrity_check(self) -> str:
        """``"ok"`` or SQLite's list of problems; also checks the FTS index against its rows."""
        with self._read() as conn:
            raw = rw.raw(conn)
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
