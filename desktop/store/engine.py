"""SQLite engine of the desk store: WAL, foreign keys, explicit transactions.

pysqlite's own transaction handling is switched off (it never wraps DDL and only begins
lazily before DML), and SQLAlchemy's ``begin`` event emits ``BEGIN`` itself, so a
migration or a write is one real SQLite transaction: a crash at any line rolls it back.
Writers pass ``execution_options(sqlite_begin="IMMEDIATE")`` to take the write lock up
front instead of failing to upgrade a read lock later.

Connections come from ``desktop.store.cipher.connect`` (SQLCipher, keyed before SQLAlchemy
sees them) through ``create_engine``'s public ``creator`` and ``module`` arguments, so
SQLAlchemy wraps the binding's exceptions as it does the standard library's.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool, QueuePool

from desktop.store import cipher
from desktop.store.cipher import DeskKey

DB_FILE = "desk.sqlite"
BUSY_TIMEOUT_MS = 10_000
# Per-connection page cache. The narrow queue table of 100k complaints is ~25 MB, so the
# hot queries run from memory; FTS and text pages come from the OS cache as needed.
CACHE_KIB = 32 * 1024


def _on_connect(dbapi_conn: cipher.Connection, _record: object, *, foreign_keys: bool) -> None:
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed officer action survives a power cut, not only a killed process.
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    # An INSERT OR REPLACE deletes the old row: let that run the delete triggers too, so
    # the search index can never keep entries of a replaced complaint.
    cur.execute("PRAGMA recursive_triggers = ON")
    cur.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    cur.execute("PRAGMA temp_store = MEMORY")
    cur.close()


def _on_begin(conn) -> None:  # noqa: ANN001 - sqlalchemy.Connection
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(db_path: Path, key: DeskKey | None, *, foreign_keys: bool = True,
                pooled: bool = True) -> Engine:
    """An engine for one database file opened with ``key`` (None: a plain file, for
    benchmarks and tests); ``pooled`` keeps a few connections (and their caches).

    Connections may move between threads (``check_same_thread=False``) but are used by one
    thread at a time: the pool hands each checkout to a single caller.
    """
    def connect() -> cipher.Connection:
        return cipher.connect(db_path, key, timeout=BUSY_TIMEOUT_MS / 1000,
                              check_same_thread=False)

    engine = create_engine(
        f"sqlite:///{db_path}",
        module=cipher.DBAPI,
        creator=connect,
        poolclass=QueuePool if pooled else NullPool,
        **({"pool_size": 3, "max_overflow": 5} if pooled else {}),
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, record):  # noqa: ANN001
        _on_connect(dbapi_conn, record, foreign_keys=foreign_keys)

    event.listen(engine, "begin", _on_begin)
    return engine
