"""Row steps on an open connection: the public helpers for work inside the caller's
``DeskService.transaction()`` (or ``reading()`` for :func:`load_snapshot`).

A letter issue, a front-desk intake or a pulled sync page must write several things in ONE
transaction (numbers, snapshots, outbox ops, their own tables), which single-purpose
service methods cannot give. They open ``service.transaction()`` and use these steps, the
same ones ``DeskService`` itself uses, so the rules (a local change keeps the server's base
snapshot, an op is queued ``pending``) live once, here. :func:`raw` gives the sqlite3
connection of the same transaction for their own bulk statements.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from core.clock import clock
from desktop.store import snapshots as sn

if TYPE_CHECKING:
    from sqlalchemy import Connection

_COMPLAINT_UPSERT = (
    f"INSERT INTO complaints ({', '.join(sn.COMPLAINT_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in sn.COMPLAINT_COLUMNS)}) "
    "ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in sn.COMPLAINT_COLUMNS if c != "id")
)
_TEXT_UPSERT = (
    f"INSERT INTO complaint_texts (rid, {', '.join(sn.TEXT_COLUMNS)}) "
    f"SELECT rid, {', '.join('?' for _ in sn.TEXT_COLUMNS)} FROM complaints WHERE id = ? "
    "ON CONFLICT(rid) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in sn.TEXT_COLUMNS)
)
CHUNK = 900  # bound variables a statement (SQLite's old limit is 999)
_TEXT_UPSERT_KEEP_BASE = _TEXT_UPSERT.replace(
    "base_snapshot = excluded.base_snapshot", "base_snapshot = complaint_texts.base_snapshot")


def raw(conn: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under ``conn`` (same transaction): bulk statements without
    per-row SQLAlchemy wrappers."""
    driver = conn.connection.driver_connection
    assert driver is not None  # an open SQLAlchemy connection always has one
    return driver  # type: ignore[no-any-return]


def placeholders(items: Sequence[Any]) -> str:
    return ", ".join("?" for _ in items)


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    """``items`` in slices that stay below SQLite's bound-parameter limit."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _stored_ids(conn: Connection, ids: Sequence[str]) -> set[str]:
    """Those of ``ids`` with a complaints row."""
    out: set[str] = set()
    for chunk in chunks(ids):
        out.update(r[0] for r in raw(conn).execute(
            f"SELECT id FROM complaints WHERE id IN ({placeholders(chunk)})", list(chunk)))
    return out


def write_prepared(conn: Connection, rows: sn.Prepared) -> None:
    """Insert or replace complaints (rows from ``snapshots.prepare``) with their texts,
    units, timeline and attachments."""
    if not rows.ids:
        return
    sql = _COMPLAINT_UPSERT
    if rows.dirty:  # a local op keeps the last server version it started from
        sql = sql.replace("server_version = excluded.server_version",
                          "server_version = complaints.server_version")
    # Child rows to replace exist only for complaints already stored (foreign keys cascade
    # a deleted complaint's), so a page of new complaints skips 4 deletes a row.
    present = _stored_ids(conn, [key for (key,) in rows.ids])
    stored = [(key,) for (key,) in rows.ids if key in present]
    conn.exec_driver_sql(sql, rows.complaints)
    conn.exec_driver_sql(_TEXT_UPSERT_KEEP_BASE if rows.keep_base else _TEXT_UPSERT, rows.texts)
    if stored:
        for table in ("complaint_units", "complaint_positions"):
            conn.exec_driver_sql(f"DELETE FROM {table} WHERE complaint_rid = "
                                 "(SELECT rid FROM complaints WHERE id = ?)", stored)
        for table in ("timeline_events", "attachments"):
            conn.exec_driver_sql(f"DELETE FROM {table} WHERE complaint_id = ?", stored)
    if rows.units:
        conn.exec_driver_sql(
            "INSERT INTO complaint_units (unit_code, complaint_rid) "
            "SELECT ?, rid FROM complaints WHERE id = ?", rows.units)
    if rows.positions:
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO complaint_positions (position_code, complaint_rid) "
            "SELECT ?, rid FROM complaints WHERE id = ?", rows.positions)
    if rows.events:
        conn.exec_driver_sql(
            f"INSERT INTO timeline_events ({', '.join(sn.EVENT_COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in sn.EVENT_COLUMNS)})", rows.events)
    if rows.attachments:
        conn.exec_driver_sql(
            f"INSERT INTO attachments ({', '.join(sn.ATTACHMENT_COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in sn.ATTACHMENT_COLUMNS)})", rows.attachments)


def queue_op(conn: Connection, *, op_id: str, kind: str, complaint_id: str,
                   payload: Mapping, base_version: int, actor: str, event_id: str | None,
                   now: datetime) -> None:
    stamp = now.astimezone(clock().zone).isoformat(timespec="seconds")
    conn.exec_driver_sql(
        "INSERT INTO outbox (op_id, kind, complaint_id, payload, base_version, actor, event_id,"
        " created_at, updated_at, attempts, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0,"
        " 'pending')",
        (op_id, kind, complaint_id, sn.dumps(dict(payload)), base_version, actor, event_id,
         stamp, stamp))


def is_dirty(conn: Connection, complaint_id: str) -> bool:
    row = conn.exec_driver_sql(
        "SELECT local_dirty FROM complaints WHERE id = ?", (complaint_id,)).first()
    return bool(row and row[0])


def load_snapshot(conn: Connection, complaint_id: str | None, *,
                   with_cache_paths: bool = False) -> dict | None:
    if not complaint_id:
        return None
    c = conn.exec_driver_sql("SELECT * FROM complaints WHERE id = ?", (complaint_id,)
                             ).mappings().first()
    if c is None:
        return None
    t = conn.exec_driver_sql("SELECT * FROM complaint_texts WHERE rid = ?", (c["rid"],)
                             ).mappings().first()
    events = conn.exec_driver_sql(
        "SELECT * FROM timeline_events WHERE complaint_id = ? ORDER BY position",
        (complaint_id,)).mappings().all()
    att_sql = ("SELECT a.*, f.path AS cached_path FROM attachments a LEFT JOIN attachment_files f"
               " ON f.sha256 = a.sha256" if with_cache_paths else "SELECT a.* FROM attachments a")
    atts = conn.exec_driver_sql(
        f"{att_sql} WHERE a.complaint_id = ? ORDER BY a.position", (complaint_id,)
    ).mappings().all()
    return sn.build_snapshot(c, t, events, atts)


def write_snapshots(conn: Connection, snapshots: Sequence[Mapping[str, Any]], *,
                    dirty: bool = False, base_snapshot: str | None = None,
                    keep_base: bool = False) -> None:
    """Prepare and write snapshots (see ``snapshots.prepare`` for the flags)."""
    write_prepared(conn, sn.prepare(snapshots, dirty=dirty, base_snapshot=base_snapshot,
                                    keep_base=keep_base))


def write_local_snapshot(conn: Connection, before: Mapping[str, Any] | None,
                         after: Mapping[str, Any]) -> None:
    """Store a snapshot changed by local ops as ``apply_local_op`` does: dirty, and the
    server's state from before the first pending op (``before``) kept as the base a
    rejection returns to."""
    dirty_before = is_dirty(conn, str(after["id"]))
    base = None if dirty_before or before is None else sn.dumps(dict(before))
    write_prepared(conn, sn.prepare([after], dirty=True, base_snapshot=base,
                                    keep_base=dirty_before))
