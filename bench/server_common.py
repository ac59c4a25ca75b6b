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


# -- many desks against one server (server_load, propagation) --------------------------------

AGENCIES = {"dinkes": "DINKES", "pupr": "PUPR", "dishub": "DISHUB", "disdikbud": "DISDIKBUD",
            "disdukcapil": "DISDUKCAPIL"}
DESK_USERS = [f"{a}.{r}" for a in AGENCIES for r in ("loket", "admin")]


def agency_of(username: str) -> str:
    return AGENCIES[username.split(".")[0]]


@contextmanager
def seeded_server(database_url: str | None, workers: int, complaints: int):  # type: ignore[no-untyped-def]
    """A fresh PostgreSQL schema with the demo seed, served by ``workers`` workers."""
    import tempfile

    from tests.server_fixtures import DEMO_PASSWORD, run_cli, serve

    with tempfile.TemporaryDirectory() as tmp, database(Path(tmp), database_url or True) as url:
        run_cli(url, "init")
        run_cli(url, "seed-demo", "--password", DEMO_PASSWORD, "--complaints", str(complaints))
        with serve(url, Path(tmp), workers=workers) as server:
            yield server


def desk_accounts(database_url: str, count: int) -> list[str]:
    """``count`` agency-wide accounts (loket and admin_instansi, spread over the agencies):
    the demo's ten, then more made like them (``dinkes.loket7``)."""
    names = DESK_USERS[:count]
    extra = [f"{DESK_USERS[i % len(DESK_USERS)]}{i // len(DESK_USERS)}"
             for i in range(len(DESK_USERS), count)]
    if extra:
        from server import directory
        from server.config import Settings
        from server.context import ServerContext

        ctx = ServerContext(Settings.from_env(database_url), pool_size=2)
        try:
            with ctx.db.write() as session:
                for name in extra:
                    role = "loket" if ".loket" in name else "admin_instansi"
                    directory.create_user(session, name, role=role, agency=agency_of(name),
                                          unit=None, password="", password_hash="!",
                                          full_name=f"Petugas {name}")
        finally:
            ctx.close()
    return names + extra


def issue_sessions(database_url: str, desks: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Signed-in sessions for (username, device id) pairs, as ``/auth/login`` answers them.

    Made by the server's own token code in one transaction: 2,000 argon2 verifications
    through ``/auth/login`` take minutes of both cores and are not what the benches
    measure. Every desk still has its own session and device, checked on every request.
    """
    import sqlalchemy as sa

    from server import auth
    from server.config import Settings
    from server.context import ServerContext
    from server.models import AuthSession, User

    ctx = ServerContext(Settings.from_env(database_url), pool_size=2)
    out: list[dict[str, Any]] = []
    try:
        with ctx.db.write() as session:
            names = sorted({name for name, _ in desks})
            users = {u.username: u for u in session.execute(
                sa.select(User).where(User.username.in_(names))).scalars()}
            for name, device_id in desks:
                row = AuthSession(id=str(uuid.uuid4()), user_id=users[name].id,
                                  device_id=device_id)
                out.append(auth._issue(session, ctx, row, users[name]))
                session.add(row)
    finally:
        ctx.close()
    return out


def server_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its children (the uvicorn workers), in MiB."""
    total = 0
    for one in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _children(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in children.read_text().split()] if children.exists() else []


def _cpu_s(pids: list[int]) -> float:
    """CPU of ``pids`` and of their children that ended (PostgreSQL's postmaster reaps the
    backends of closed connections: their time lands in its cutime)."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def postgres_pids() -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    out.append(int(entry.name))
            except OSError:
                pass
    return out


class CpuMeter:
    """CPU seconds used meanwhile by this bench (the simulated desks), the server's
    processes, and PostgreSQL (all its backends: other users of the cluster count too)."""

    def __init__(self, server_pid: int | None) -> None:
        self.server = [server_pid, *_children(server_pid)] if server_pid else []
        self.start = self._now()
        self.started = time.monotonic()

    def _now(self) -> tuple[float, float, float]:
        return (_cpu_s([os.getpid()]), _cpu_s(self.server), _cpu_s(postgres_pids()))

    def report(self) -> str:
        end, wall = self._now(), time.monotonic() - self.started
        bench, srv, pg = (b - a for a, b in zip(self.start, end, strict=True))
        return (f"CPU over {wall:.0f} s (2 cores = {2 * wall:.0f} CPU s): bench client "
                f"{bench:.1f} s, server {srv:.1f} s, PostgreSQL {pg:.1f} s; "
                f"load average {os.getloadavg()[0]:.1f}")
