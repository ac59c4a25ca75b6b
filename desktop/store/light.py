"""The queue's first screen without SQLAlchemy, Alembic, keyring or ``holidays``.

At start-up the window needs the queue's first rows long before the full store
(``DeskService``: SQLAlchemy, the migration and encryption checks, the credential vault
through ``keyring``) is ready: that costs a fresh process ~0.3 s of imports. ``LightReader``
opens ``desk.sqlite`` with the plain SQLCipher binding and the same key, read-only
(``query_only``), and answers the queue's reads (``queue_ids``, ``view_counts``, ``rows``)
with the very code ``DeskService`` runs (``desktop/store/queue_read.py``), so the first
screen shows what the full store will. It never writes and never migrates: ``open`` gives
None (the caller then waits for the full store) unless the database is an encrypted one
already at this build's schema, with no encryption left half done, and its key is found
where the credential store keeps it.

The key: the file store (``desktop/credentials.py``, one 0600 JSON file per entry)
is read directly; only when there is no such file is the OS vault asked, through
``desktop/store/keyvault.py`` (which imports ``keyring``).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from core.clock import clock
from desktop.store import cipher
from desktop.store import queue as q
from desktop.store import queue_read as qr
from desktop.store.cipher import DeskKey
from desktop.store.queue import QueueFilter, QueueRow

log = logging.getLogger(__name__)

DB_FILE = "desk.sqlite"  # desktop/store/engine.py DB_FILE (engine imports SQLAlchemy)
KEY_ENTRY_PREFIX = "desk-db-"  # desktop/store/keyvault.py ENTRY_PREFIX
BUSY_TIMEOUT_S = 10.0
FIRST_ROWS = 100  # the queue's first screen (desktop/views/queue_model.py PAGE_SIZE)
CACHE_KIB = 32 * 1024  # as the full store's connections (desktop/store/engine.py)


FirstScreen = tuple[list[str], int, list[QueueRow]]  # first ids, how many in all, their rows


class LightReader:
    """Read-only queue reads on one SQLCipher connection. Use it on one thread only (the
    DB thread); every call is one read snapshot."""

    def __init__(self, con: cipher.Connection, db_path: Path) -> None:
        self._con = con
        self.db_path = db_path
        self._categories: dict[str, dict[str, Any]] | None = None
        self._units: dict[tuple[str, str], dict[str, Any]] | None = None
        self._prefetched: tuple[tuple[Any, ...], FirstScreen] | None = None
        with self._snapshot():
            qr.apply_office_zone(self._setting(qr.ZONE_KEY))
            self.policy = qr.policy_from(self._setting(qr.POLICY_KEY))
            self.calendar = qr.calendar_from(self._setting(qr.HOLIDAYS_KEY))

    @classmethod
    def open(cls, data_dir: Path) -> LightReader | None:
        """A reader on ``data_dir``'s database, or None when only the full store may open
        it (new, plain, half encrypted, behind this build's schema, key not at hand)."""
        db_path = Path(data_dir) / DB_FILE
        try:
            if cipher.file_state(db_path) != "encrypted" or _unfinished(db_path):
                return None
            key = _key(db_path)
            if key is None:
                return None
            con: Any = cipher.connect(db_path, key, timeout=BUSY_TIMEOUT_S,
                                      isolation_level=None)
        except Exception as exc:  # noqa: BLE001 - the full store will open it and say why
            log.info("first screen from the full store (%s)", type(exc).__name__)
            return None
        try:
            con.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            con.execute("PRAGMA query_only = ON")
            con.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            con.execute("PRAGMA temp_store = MEMORY")
            if _revision(con) != _head_revision():
                con.close()
                return None
            return cls(con, db_path)
        except Exception as exc:  # noqa: BLE001
            con.close()
            log.info("first screen from the full store (%s)", type(exc).__name__)
            return None

    def close(self) -> None:
        self._con.close()

    def today(self) -> date:
        return clock().today()

    # -- the queue's reads (DeskService's signatures) ----------------------------------------
    def queue_ids(self, flt: QueueFilter, sort: str = "received_at",
                  descending: bool = True) -> list[str]:
        with self._snapshot():
            return qr.select_ids(self._con, self._where(flt), sort, descending)

    def first_screen(self, flt: QueueFilter, sort: str, descending: bool,
                     limit: int = FIRST_ROWS) -> FirstScreen:
        """The first ``limit`` ids of ``queue_ids``, how many there are in all and the rows
        of those ids: the table's first rows and its length without reading 100,000 ids
        first. What ``prefetch`` read for the same query is given at once (once)."""
        ready, self._prefetched = self._prefetched, None
        if ready is not None and ready[0] == (flt, sort, descending, limit):
            return ready[1]
        with self._snapshot():
            w = self._where(flt)
            ids = qr.select_ids(self._con, w, sort, descending, limit)
            return ids, qr.count(self._con, w), self.rows(ids)

    def prefetch(self, flt: QueueFilter, sort: str = "received_at", descending: bool = True,
                 limit: int = FIRST_ROWS) -> None:
        """Read the likely first screen now (the DB thread, while the window is built), so
        that the window's first query finds it ready."""
        self._prefetched = ((flt, sort, descending, limit),
                            self.first_screen(flt, sort, descending, limit))

    def view_counts(self, flt: QueueFilter) -> dict[str, int]:
        with self._snapshot():
            cut = q.DeadlineCutoffs.compute(self.today(), self.policy, self.calendar)
            w = qr.where(flt, self._category_map(), broad_search=True)  # a covering scan
            return qr.count_views(self._con, w, cut, self._me())

    def rows(self, ids: Sequence[str]) -> list[QueueRow]:
        if not ids:
            return []
        with self._snapshot():
            return qr.read_rows(self._con, ids, categories=self._category_map(),
                                units=self._unit_map(), today=self.today(),
                                policy=self.policy, calendar=self.calendar)

    # -- plumbing ----------------------------------------------------------------------------
    def _snapshot(self) -> _Snapshot:
        return _Snapshot(self._con)

    def _where(self, flt: QueueFilter) -> q.WhereBuilder:
        """``flt`` with its view (inside a snapshot)."""
        cut = q.DeadlineCutoffs.compute(self.today(), self.policy, self.calendar)
        return qr.where(flt, self._category_map(), cut=cut, me=self._me(),
                        broad_search=qr.broad_search(self._con, flt))

    def _setting(self, key: str) -> Any:
        return qr.read_kv(self._con, "settings", key)

    def _me(self) -> qr.Me:
        return qr.me_from(qr.read_kv(self._con, "sync_state", qr.ACTOR_KEY))

    def _category_map(self) -> dict[str, dict[str, Any]]:
        if self._categories is None:
            self._categories = qr.read_categories(self._con)
        return self._categories

    def _unit_map(self) -> dict[tuple[str, str], dict[str, Any]]:
        if self._units is None:
            self._units = qr.read_units(self._con)
        return self._units


class _Snapshot:
    """One deferred read transaction (nested uses join the outer one)."""

    def __init__(self, con: cipher.Connection) -> None:
        self._con = con
        self._own = False

    def __enter__(self) -> None:
        if not self._con.in_transaction:
            self._con.execute("BEGIN DEFERRED")
            self._own = True

    def __exit__(self, *exc: object) -> None:
        if self._own:
            self._con.execute("COMMIT")


def _unfinished(db_path: Path) -> bool:
    """An encryption left half done (desktop/store/encryption.py finishes it first)."""
    if db_path.with_name(db_path.name + ".encrypting").exists():
        return True
    return any(cipher.file_state(p) == "plain"
               for p in db_path.parent.glob(f"{db_path.name}.*.bak"))


def _key(db_path: Path) -> DeskKey | None:
    key_id = cipher.key_id_of(db_path)
    if not key_id or not cipher.looks_like_database(db_path):
        return None
    path = key_file(key_id)
    if path.is_file():
        return _parse_key(key_id, path.read_text(encoding="utf-8"))
    from desktop.store import keyvault  # the OS vault, through keyring

    return keyvault.load(key_id)


def key_file(key_id: str) -> Path:
    """Where the credential file store keeps the key ``key_id``
    (``desktop.credentials.CredentialStore(...).file_path``, without the vault probe
    its constructor makes)."""
    from desktop import credentials

    override = os.environ.get(credentials.ENV_DIR, "").strip()
    folder = Path(override) if override else credentials.config_dir() / "credentials"
    return folder / f"{KEY_ENTRY_PREFIX}{key_id}.json"


def _parse_key(key_id: str, text: str) -> DeskKey | None:
    """As ``keyvault.load`` reads an entry."""
    try:
        data = json.loads(text)
        key = DeskKey(bytes.fromhex(data["key"]), bytes.fromhex(key_id))
    except (ValueError, KeyError, TypeError):
        return None
    return key if len(key.secret) == cipher.KEY_BYTES else None


def _revision(con: cipher.Connection) -> str | None:
    rows = con.execute("SELECT version_num FROM alembic_version").fetchall()
    return rows[0][0] if len(rows) == 1 else None


def _head_revision() -> str:
    from desktop.store.migrate import HEAD_REVISION

    return HEAD_REVISION
