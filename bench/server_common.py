"""Shared by the server benches: argument handling, bulk seeding, a desk-like local store.

Servers are started as real processes with the test suite's helpers
(``tests/server_fixtures.py``), on SQLite by default or on PostgreSQL with
``--database-url`` / ``LAPOR_TEST_DATABASE_URL`` (a fresh schema, dropped afterwards).
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import sys
import time
import uuid
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def own_args(name: str, argv: list[str] | None) -> list[str]:
    """Arguments after the bench name, whether called by bench/__main__ or as a module."""
    if argv is not None:
        return argv
    args = sys.argv[1:]
    return args[1:] if args and args[0] == name else args


@contextmanager
def database(tmp_dir: Path, postgres: bool | str = False):  # type: ignore[no-untyped-def]
    """A fresh database URL: SQLite in tmp_dir, or a fresh PostgreSQL schema."""
    from tests import server_fixtures

    previous = os.environ.get(server_fixtures.PG_ENV)
    if postgres:
        os.environ[server_fixtures.PG_ENV] = (
            postgres if isinstance(postgres, str)
            else previous or "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    else:
        os.environ.pop(server_fixtures.PG_ENV, None)
    try:
        with server_fixtures.fresh_database(tmp_dir) as url:
            yield url
    finally:
        if previous is None:
            os.environ.pop(server_fixtures.PG_ENV, None)
        else:
            os.environ[server_fixtures.PG_ENV] = previous


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary_ms(values: list[float]) -> str:
    return (f"median {statistics.median(values) * 1000:.1f} ms, "
            f"p95 {percentile(values, 95) * 1000:.1f} ms, max {max(values) * 1000:.1f} ms")


def bulk_seed(database_url: str, count: int, agency: str = "DINKES") -> float:
    """Insert ``count`` complaints made by the domain's apply_op, in bulk (seconds taken).

    Uses the server's own store functions in large transactions: far faster than pushing
    them, and the rows (snapshots, timeline events, feed entries) are the same.
    """
    from core import Actor, apply_op, clock
    from server.complaint_store import next_tracking_numbers, save
    from server.config import Settings
    from server.context import ServerContext

    ctx = ServerContext(Settings.from_env(database_url), pool_size=2)
    actor = Actor(username=f"{agency.lower()}.loket", role="loket", agency=agency,
                  full_name="Petugas Loket")
    started = time.perf_counter()
    now = clock().now() - timedelta(days=1)
    done = 0
    try:
        while done < count:
            chunk = min(2000, count - done)
            with ctx.db.write() as session:
                numbers = next_tracking_numbers(session, chunk)
                for i in range(chunk):
                    payload = {
                        "id": str(uuid.uuid4()),
                        "title": f"Pengaduan uji beban nomor {done + i}",
                        "content": "Jalan di depan puskesmas rusak berat dan membahayakan "
                                   "pengendara, mohon segera diperbaiki. " * 3,
                        "classification": "pengaduan", "category_id": "kesehatan",
                        "channel": "loket", "agency_code": agency,
                        "region_code": "63.71.01.1001", "location_text": "depan pasar",
                        "reporter": {"name": "Siti Aminah", "phone": "081234567890",
                                     "address": "Jl. Veteran No. 5"},
                    }
                    outcome = apply_op(None, "create", payload, actor, now, ctx.policy,
                                       ctx.calendar, op_id=str(uuid.uuid4()))
                    snap = outcome.snapshot
                    snap["tracking_number"] = numbers[i]
                    save(session, snap, outcome.event, created_by=actor.username, now=now)
            done += chunk
    finally:
        ctx.close()
    return time.perf_counter() - started


class LocalStore:
    """What a desk does with pulled changes: upsert snapshots into its SQLite file."""

    def __init__(self, path: Path) -> None:
        path.unlink(missing_ok=True)
        self.conn = sqlite3.connect(path)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("CREATE TABLE complaints (id TEXT PRIMARY KEY, tracking_number "
                          "INTEGER, status TEXT, version INTEGER, snapshot TEXT)")
        self.conn.execute("CREATE TABLE reference (type TEXT, id TEXT, data TEXT, "
                          "PRIMARY KEY (type, id))")

    def apply(self, changes: list[dict[str, Any]]) -> None:
        rows, refs, removed = [], [], []
        for change in changes:
            kind = change["type"]
            if kind == "complaint":
                data = change["data"]
                rows.append((change["id"], data.get("tracking_number"), data.get("status"),
                             data.get("version"), json.dumps(data, ensure_ascii=False)))
            elif kind == "complaint_removed":
                removed.append((change["id"],))
            else:
                refs.append((kind, change["id"], json.dumps(change["data"], ensure_ascii=False)))
        with self.conn:
            self.conn.executemany(
                "INSERT INTO complaints VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "tracking_number=excluded.tracking_number, status=excluded.status, "
                "version=excluded.version, snapshot=excluded.snapshot "
                "WHERE excluded.version >= complaints.version", rows)
            self.conn.executemany("INSERT OR REPLACE INTO reference VALUES (?, ?, ?)", refs)
            self.conn.executemany("DELETE FROM complaints WHERE id = ?", removed)

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM complaints").fetchone()[0])

    def close(self) -> None:
        self.conn.close()
