"""The ``sync_state`` key/value table inside the caller's transaction: the sync's cursor,
last sync, errors, the synced directories (JSON values), and raw-text entries such as the
audit anchors (``desktop/sync/audit_anchors.py``).

``DeskService.get_sync_state``/``set_sync_state`` are the one-statement forms; these steps
run in a ``service.transaction()`` (or ``reading()``) so a page and its cursor commit
together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.store import rows as rw
from desktop.store.snapshots import dumps, loads

if TYPE_CHECKING:
    from sqlalchemy import Connection


def read(conn: Connection, key: str, default: Any = None) -> Any:
    """The JSON value of ``key`` (``default`` when absent)."""
    row = rw.raw(conn).execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return default if row is None else loads(row[0])


def write(conn: Connection, key: str, value: Any) -> None:
    """Store ``value`` as JSON under ``key``; ``None`` removes the key."""
    raw = rw.raw(conn)
    if value is None:
        raw.execute("DELETE FROM sync_state WHERE key = ?", (key,))
    else:
        raw.execute("INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) "
                    "DO UPDATE SET value = excluded.value", (key, dumps(value)))


def insert_new(conn: Connection, key: str, text: str) -> bool:
    """Store ``text`` as it is under ``key`` unless the key exists; True if stored."""
    return bool(rw.raw(conn).execute("INSERT INTO sync_state (key, value) VALUES (?, ?) "
                                     "ON CONFLICT(key) DO NOTHING", (key, text)).rowcount)


def read_text(conn: Connection, key: str) -> str | None:
    """The stored text of ``key`` as it is (None when absent)."""
    row = rw.raw(conn).execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def texts_under(conn: Connection, prefix: str) -> list[tuple[str, str]]:
    """``(key, text)`` of every key starting with ``prefix``, in key order."""
    rows = conn.exec_driver_sql(
        "SELECT key, value FROM sync_state WHERE key LIKE ? ORDER BY key",
        (prefix + "%",)).fetchall()
    return [(str(key), str(value)) for key, value in rows]
