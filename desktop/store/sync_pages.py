"""A pulled sync page inside the caller's transaction (``desktop/sync/local.py`` and
``desktop/sync/page_apply.py`` drive it): the full pull's clean-up, removed complaints,
reference tables, the server versions a page must not step back from, the rebase of a
complaint under the officer's open ops, and the requeue of confirmed ops after the server
was restored from a backup.

Snapshots themselves are written with :func:`desktop.store.rows.write_prepared` /
``write_snapshots``; the page's cursor with :mod:`desktop.store.sync_state`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from desktop.store import rows as rw
from desktop.store.rows import chunks, placeholders
from desktop.store.snapshots import loads

if TYPE_CHECKING:
    from sqlalchemy import Connection


def keep_only_open(conn: Connection) -> None:
    """Before a full pull: drop every complaint without a local change or an open op
    (what the pull delivers comes back)."""
    rw.raw(conn).execute(
        "DELETE FROM complaints WHERE local_dirty = 0 AND id NOT IN "
        "(SELECT complaint_id FROM outbox WHERE state IN ('pending', 'sending'))")


def merge_reference(conn: Connection, *, categories: Sequence[tuple] = (),
                    agencies: Sequence[tuple] = (), units: Sequence[tuple] = ()) -> None:
    """Insert or update rows of the reference tables: categories ``(id, parent_id,
    name)``, agencies ``(code, name)``, units ``(agency_code, code, name)``."""
    raw = rw.raw(conn)
    if categories:
        raw.executemany(
            "INSERT INTO categories (id, parent_id, name) VALUES (?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id, "
            "name = excluded.name", categories)
    if agencies:
        raw.executemany(
            "INSERT INTO agencies (code, name) VALUES (?, ?) ON CONFLICT(code) "
            "DO UPDATE SET name = excluded.name", agencies)
    if units:
        raw.executemany(
            "INSERT INTO units (agency_code, code, name) VALUES (?, ?, ?) "
            "ON CONFLICT(agency_code, code) DO UPDATE SET name = excluded.name", units)


def remove_complaints(conn: Connection, ids: Sequence[str]) -> None:
    for chunk in chunks(ids):
        rw.raw(conn).execute(f"DELETE FROM complaints WHERE id IN ({placeholders(chunk)})",
                             list(chunk))


def server_versions(conn: Connection, ids: Sequence[str]) -> dict[str, int]:
    """The stored server version of those of ``ids`` that have one."""
    out: dict[str, int] = {}
    for chunk in chunks(ids):
        for cid, stored in rw.raw(conn).execute(
                "SELECT id, server_version FROM complaints WHERE server_version IS NOT NULL "
                f"AND id IN ({placeholders(chunk)})", list(chunk)):
            out[cid] = stored
    return out


def server_version(conn: Connection, complaint_id: str) -> int | None:
    """The last server version stored for a complaint (None: absent or never on it)."""
    row = rw.raw(conn).execute("SELECT server_version FROM complaints WHERE id = ?",
                               (complaint_id,)).fetchone()
    return row[0] if row and row[0] is not None else None


def stored_base(conn: Connection, complaint_id: str) -> dict[str, Any] | None:
    """The last server snapshot of a complaint as stored (None: never on the server)."""
    row = rw.raw(conn).execute(
        "SELECT c.local_dirty, t.base_snapshot FROM complaints c "
        "LEFT JOIN complaint_texts t ON t.rid = c.rid WHERE c.id = ?",
        (complaint_id,)).fetchone()
    if row is None:
        return None
    dirty, base_text = row
    if dirty:
        return loads(base_text)
    return rw.load_snapshot(conn, complaint_id)


def drop_complaint(conn: Connection, complaint_id: str) -> None:
    rw.raw(conn).execute("DELETE FROM complaints WHERE id = ?", (complaint_id,))


def set_server_version(conn: Connection, complaint_id: str, version: int | None) -> None:
    rw.raw(conn).execute("UPDATE complaints SET server_version = ? WHERE id = ?",
                         (version, complaint_id))


def requeue_confirmed(conn: Connection, stamp: str) -> tuple[int, int]:
    """Every ``applied`` op back to ``pending``, its body unchanged, marked ``resent``
    (keeping its old result). Returns (ops, complaints with a re-sent op pending)."""
    raw = rw.raw(conn)
    cur = raw.execute(
        "UPDATE outbox SET state = 'pending', last_error = NULL, updated_at = ?, "
        "result = json_set(COALESCE(result, '{}'), '$.resent', json('true')) "
        "WHERE state = 'applied'", (stamp,))
    count = cur.rowcount
    complaints = raw.execute(
        "SELECT COUNT(DISTINCT complaint_id) FROM outbox WHERE state = 'pending' AND "
        "json_extract(result, '$.resent')").fetchone()[0]
    return count, complaints
