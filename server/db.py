"""Engine and transactions for SQLite (one machine) and PostgreSQL (several workers).

SQLite: WAL so readers never block the writer, and every write transaction starts with
``BEGIN IMMEDIATE`` so two writers queue on the busy timeout instead of deadlocking on a
lock upgrade. PostgreSQL: READ COMMITTED; the few rows that need ordering are locked
explicitly (see ``feed.py``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

PING_IDLE_S = 5.0  # a pooled PostgreSQL connection idle this long is checked before use


def normalize_url(url: str) -> str:
    """Accept plain ``postgresql://`` and ``postgres://`` and use psycopg 3 for both."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def is_sqlite(url_or_engine: str | Engine) -> bool:
    url = url_or_engine.url if isinstance(url_or_engine, Engine) else make_url(url_or_engine)
    return url.get_backend_name() == "sqlite"


def make_engine(url: str, *, pool_size: int = 5) -> Engine:
    url = normalize_url(url)
    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(
            url,
            connect_args={"timeout": 30, "isolation_level": None, "check_same_thread": False},
            pool_size=pool_size,
            max_overflow=10,
        )
        _sqlite_setup(engine)
        return engine
    # Several workers share PostgreSQL's connection limit: keep each pool modest.
    engine = sa.create_engine(url, pool_size=min(pool_size, 5), max_overflow=5)
    _ping_when_idle(engine)
    return engine


def _ping_when_idle(engine: Engine) -> None:
    """Check a pooled connection before use only if it sat idle for ``PING_IDLE_S``: one
    that died meanwhile (PostgreSQL restarted, a firewall dropped it) is replaced, as
    ``pool_pre_ping`` would, without a round trip on every checkout of a busy server (a
    desk's request checks out twice; ~0.75 ms each). Raising DisconnectionError from a
    checkout listener is SQLAlchemy's documented way to have the pool retry."""

    @event.listens_for(engine, "checkin")
    def _checkin(_dbapi_conn, record) -> None:  # type: ignore[no-untyped-def]
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_conn, record, _proxy) -> None:  # type: ignore[no-untyped-def]
        since = record.info.get("idle_since")
        if since is None or time.monotonic() - since < PING_IDLE_S:
            return
        try:
            cursor = dbapi_conn.cursor()
            cursor.execute("SELECT 1")
            cursor.close()
            dbapi_conn.rollback()  # the ping's implicit transaction
        except Exception as exc:  # noqa: BLE001 - any failure: take a fresh connection
            raise sa.exc.DisconnectionError(f"idle connection failed its ping: {exc}") from exc


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        # The driver runs in autocommit mode; we open the transaction ourselves.
        write = conn.get_execution_options().get("lapor_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


class Database:
    """One engine plus the two kinds of unit of work the server uses."""

    def __init__(self, url: str, *, pool_size: int = 5) -> None:
        self.url = normalize_url(url)
        self.engine = make_engine(self.url, pool_size=pool_size)
        self.sqlite = is_sqlite(self.url)
        # Runs inside every write transaction right before COMMIT (the feed numbering).
        self.pre_commit: Callable[[Session], None] | None = None
        # Runs after a successful COMMIT (waking this process's waiting pulls on SQLite).
        self.post_commit: Callable[[Session], None] | None = None
        self._factory = sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        # PostgreSQL: every statement on its own (autocommit), for the hot reads of each
        # request (sign-in check, pull). Under READ COMMITTED a statement sees the latest
        # commits either way; the request saves the BEGIN and ROLLBACK round trips.
        self._lookup_factory = self._factory if self.sqlite else sessionmaker(
            self.engine.execution_options(isolation_level="AUTOCOMMIT"),
            expire_on_commit=False, autoflush=False)
        self._write_factory = sessionmaker(
            self.engine.execution_options(lapor_write=True), expire_on_commit=False, autoflush=False
        )

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._factory() as session:
            yield session  # closing the session ends the read transaction

    @contextmanager
    def lookup(self) -> Iterator[Session]:
        """Plain reads, each statement on its own (PostgreSQL autocommit; SQLite: ``read``).
        Not for server-side cursors (``yield_per``), which need a transaction."""
        with self._lookup_factory() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back on any error."""
        with self._write_factory() as session:
            try:
                yield session
                if self.pre_commit is not None:
                    self.pre_commit(session)
                session.commit()
            except BaseException:
                session.rollback()
                raise
            if self.post_commit is not None:
                self.post_commit(session)

    def dispose(self) -> None:
        self.engine.dispose()
