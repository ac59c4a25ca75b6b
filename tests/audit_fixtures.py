"""Helpers for the audit chain tests: a database per backend, the attacker's SQL, verify."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from server.audit_chain import entry_hash
from server.db import make_engine
from tests.server_fixtures import fresh_database, postgres_url, run_cli

BACKENDS = ["sqlite", "postgresql"]
COLUMNS = ("id", "at", "username", "agency_code", "device_id", "address", "action",
           "target_type", "target_id", "subject_agency", "details", "chain", "seq",
           "prev_hash", "hash")


@contextlib.contextmanager
def database(backend: str, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of ``backend`` (PostgreSQL needs LAPOR_TEST_DATABASE_URL)."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.sqlite'}"
        return
    if not postgres_url():
        pytest.skip("needs LAPOR_TEST_DATABASE_URL (PostgreSQL)")
    with fresh_database(tmp_path) as url:
        yield url


def verify(url: str) -> tuple[int, dict[str, Any]]:
    proc = run_cli(url, "audit", "verify", "--json", check=False)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def named(report: dict[str, Any]) -> list[tuple[str, str | None, int | None]]:
    """(kind, chain, id) of every problem, in the order verify lists them."""
    return [(p["kind"], p["chain"], p["id"]) for p in report["problems"]]


class Attacker:
    """Someone with database access: reads, switches the append-only triggers off
    (``unguard``) and writes."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = make_engine(url)
        self.sqlite = self.engine.dialect.name == "sqlite"

    def unguard(self) -> None:
        with self.engine.begin() as conn:
            if self.sqlite:
                for table in ("audit_log", "audit_anchors"):
                    for event in ("update", "delete"):
                        conn.execute(sa.text(f"DROP TRIGGER IF EXISTS {table}_no_{event}"))
            else:
                for table in ("audit_log", "audit_anchors"):
                    conn.execute(sa.text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))

    def close(self) -> None:
        self.engine.dispose()

    def run(self, sql: str, **params: Any) -> None:
        with self.engine.begin() as conn:
            conn.execute(sa.text(sql), params)

    def rows(self, chain: str) -> list[dict[str, Any]]:
        table = _table()
        with self.engine.connect() as conn:
            found = conn.execute(sa.select(table).where(table.c.chain == chain)
                                 .order_by(table.c.seq, table.c.id)).mappings().all()
        return [dict(r) for r in found]

    def insert(self, row: dict[str, Any]) -> None:
        with self.engine.begin() as conn:
            conn.execute(sa.insert(_table()), row)

    def update(self, entry_id: int, **values: Any) -> None:
        table = _table()
        with self.engine.begin() as conn:
            conn.execute(sa.update(table).where(table.c.id == entry_id).values(**values))

    def rehash_from(self, chain: str, seq: int) -> None:
        """Recompute hashes and links from ``seq`` on: a chain rewritten consistently."""
        rows = self.rows(chain)
        prev = next(r["hash"] for r in rows if r["seq"] == seq - 1) if seq > 1 else "0" * 64
        for row in rows:
            if row["seq"] < seq:
                continue
            row["prev_hash"] = prev
            row["hash"] = prev = entry_hash(row)
            self.update(row["id"], prev_hash=row["prev_hash"], hash=row["hash"])


def _table() -> sa.Table:
    from server.models import AuditEntry

    return AuditEntry.__table__
