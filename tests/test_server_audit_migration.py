"""Migration 0006 chains the audit entries written before it, in id order, anchors the days
they cover, and leaves the log append-only (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from core.clock import WITA
from server import migrate
from server.db import make_engine
from server.models import Timestamp
from tests.audit_fixtures import BACKENDS, Attacker, database, verify
from tests.server_fixtures import run_cli

# (agency, office time): written in this id order, DINKES over three days, one entry of
# 28 November stamped before one of 27 November (old rows were stamped before COMMIT).
OLD = [("DINKES", (11, 27, 9)), (None, (11, 27, 9)), ("DINKES", (11, 27, 16)),
       ("PUPR", (11, 28, 8)), ("DINKES", (11, 28, 10)), ("DINKES", (11, 27, 17)),
       ("DINKES", (11, 30, 11)), (None, (11, 30, 12))]


def _at(month: int, day: int, hour: int) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=WITA)


def _upgrade_to(url: str, revision: str) -> None:
    cfg = migrate.alembic_config(url)
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
def test_entries_before_0006_are_chained(backend: str, tmp_path: Path) -> None:
    with database(backend, tmp_path) as url:
        _upgrade_to(url, "0005")
        log = sa.table("audit_log", sa.column("at", Timestamp()), *(sa.column(c) for c in (
            "username", "agency_code", "action", "details")))
        engine = make_engine(url)
        try:
            with engine.begin() as conn:
                for index, (agency, when) in enumerate(OLD):
                    conn.execute(sa.insert(log).values(
                        at=_at(*when),
                        username=f"petugas{index}", agency_code=agency, action="login",
                        details=f'{{"n": {index}}}'))
        finally:
            engine.dispose()

        run_cli(url, "init")  # 0005 -> head
        code, report = verify(url)
        assert code == 0, report["problems"]
        chains = {c["chain"]: c for c in report["chains"]}
        assert {k: chains[k]["entries"] for k in chains} == {"DINKES": 5, "*": 2, "PUPR": 1}
        attacker = Attacker(url)  # only reads
        try:
            dinkes = attacker.rows("DINKES")
            with attacker.engine.connect() as conn:
                anchors = conn.exec_driver_sql(
                    "SELECT chain, day, seq FROM audit_anchors ORDER BY chain, day").all()
                counters = dict(conn.execute(sa.text(
                    "SELECT name, value FROM counters WHERE name LIKE 'audit:%'")).all())
        finally:
            attacker.close()
        assert [r["username"] for r in dinkes] == ["petugas0", "petugas2", "petugas4",
                                                    "petugas5", "petugas6"]
        assert [r["seq"] for r in dinkes] == [1, 2, 3, 4, 5]
        # The day of 27 November ends at seq 2, 28 November at seq 4 (the late-stamped
        # entry of the 27th belongs to it by id order); 30 November is not over yet.
        assert [(a[0], str(a[1]), a[2]) for a in anchors] == [
            ("*", "2026-11-27", 1), ("DINKES", "2026-11-27", 2), ("DINKES", "2026-11-28", 4)]
        assert counters == {"audit:DINKES": 5, "audit:*": 2, "audit:PUPR": 1}

        # The server goes on from there; the day of 30 November is anchored now.
        run_cli(url, "create-agency", "DINKES", "--name", "Dinas Kesehatan")
        code, report = verify(url)
        assert code == 0 and report["anchors"] == 4, report["problems"]
        assert {c["chain"]: c["head_seq"] for c in report["chains"]}["DINKES"] == 6

        engine = make_engine(url)
        try:
            for statement in ("UPDATE audit_log SET action = 'diubah'",
                              "DELETE FROM audit_anchors"):
                with engine.connect() as conn, pytest.raises(sa.exc.DatabaseError):
                    conn.execute(sa.text(statement))
                    conn.commit()
        finally:
            engine.dispose()

