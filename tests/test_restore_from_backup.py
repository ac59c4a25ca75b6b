"""Issue 21: a server restored from a backup loses nothing and reuses no tracking number.

Real parts throughout: a real server process, two real desk data directories synced with
``lapor-desk sync``, and the guide's own backup and restore (``pg_dump``, ``dropdb``,
``createdb``, ``pg_restore`` into a scratch PostgreSQL database; on SQLite a copy of the
file made with SQLite's backup API). Then ``lapor-server after-restore`` and both desks
sync, in both orders.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.server_fixtures import DEMO_PASSWORD, postgres_url, run_cli, serve
from tests.sync_fixtures import make_desk_fixture  # noqa: F401

AGENCY = "DINKES"


class Database:
    """A server database the test can back up, lose and restore as an operator would."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        base = postgres_url()
        if base:
            self.name = f"lapor_restore_{uuid.uuid4().hex[:10]}"
            self.admin = re.sub(r"^postgresql\+psycopg://", "postgresql://", base)
            self.url = re.sub(r"/[^/?]+(\?.*)?$", f"/{self.name}", base)
            self._pg("createdb", self.name)
        else:
            self.name = ""
            self.path = tmp / "server.sqlite"
            self.url = f"sqlite:///{self.path}"

    @property
    def postgres(self) -> bool:
        return bool(self.name)

    def _pg(self, tool: str, *args: str, stdin: Any = None, stdout: Any = None) -> None:
        from urllib.parse import urlparse

        parts = urlparse(self.admin)
        cmd = [tool, "-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432),
               "-U", parts.username or "postgres", *args]
        subprocess.run(cmd, check=True, stdin=stdin, stdout=stdout, timeout=120,
                       env={**os.environ, "PGCONNECT_TIMEOUT": "10"})

    def backup(self) -> Path:
        if self.postgres:
            dump = self.tmp / "lapor.dump"
            with dump.open("wb") as out:
                self._pg("pg_dump", "--format=custom", self.name, stdout=out)
            return dump
        copy = self.tmp / "backup.sqlite"
        with sqlite3.connect(self.path) as src, sqlite3.connect(copy) as dst:
            src.backup(dst)
        return copy

    def restore(self, backup: Path) -> None:
        """The guide's restore: the database is dropped and made again from the dump."""
        if self.postgres:
            self._pg("dropdb", "--force", self.name)
            self._pg("createdb", self.name)
            with backup.open("rb") as dump:
                self._pg("pg_restore", "--no-owner", f"--dbname={self.name}", stdin=dump)
            return
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(backup, self.path)

    def drop(self) -> None:
        if self.postgres:
            with contextlib.suppress(subprocess.CalledProcessError):
                self._pg("dropdb", "--force", "--if-exists", self.name)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database(tmp_path)
    try:
        run_cli(db.url, "init")
        run_cli(db.url, "seed-demo", "--password", DEMO_PASSWORD, "--complaints", "3")
        yield db
    finally:
        db.drop()


def _sync(desk: Any) -> dict[str, Any]:
    proc = desk.sync()
    return json.loads(proc.stdout)


def _numbers(desk: Any) -> dict[str, int | None]:
    """complaint id -> tracking number, as the desk holds them."""
    with desk.service.reading() as conn:
        rows = conn.exec_driver_sql("SELECT id, tracking_number FROM complaints").fetchall()
    return {row[0]: row[1] for row in rows}


def _server_numbers(server: Any) -> dict[str, int]:
    client = server.login("dinkes.admin")
    found: dict[str, int] = {}
    for change in client.pull_all()[0]:
        if change["type"] == "complaint":
            found[change["id"]] = change["data"]["tracking_number"]
    return found


def _told(desk: Any) -> dict[str, Any]:
    """A sync as a scheduled task logs it, in words: the officer is told of the restore."""
    proc = desk.cli("sync")
    assert proc.returncode == 0, proc.stderr
    assert "Server pusat telah dipulihkan dari cadangan" in proc.stdout, proc.stdout
    return {"reset": True, "reset_reason": "restored"}


@pytest.mark.parametrize("first", ["A", "B"])
def test_restore_loses_no_complaint_and_reuses_no_number(database: Database, tmp_path: Path,
                                                         make_desk, first: str) -> None:
    env = {"LAPOR_ATTACHMENTS_DIR": str(tmp_path / "attachments")}
    with serve(database.url, tmp_path, env=env) as server:
        a, b = make_desk("a"), make_desk("b")
        a.login(server, "dinkes.loket")
        b.login(server, "dinkes.admin")
        before = [a.create(title=f"Sebelum cadangan {i}") for i in range(2)]
        _sync(a)
        _sync(b)
        backup = database.backup()

        # After the dump: desk A logs two more complaints and a note on an older one; both
        # desks sync, so both hold them, confirmed, and citizens hold their receipts.
        lost = [a.create(title=f"Setelah cadangan {i}") for i in range(2)]
        a.act("note", before[0], text="Catatan sesudah cadangan")
        _sync(a)
        _sync(b)
        b.act("verify", lost[0], note="Diverifikasi dari desk B sesudah cadangan")
        _sync(b)
        _sync(a)
        receipts = {cid: _numbers(a)[cid] for cid in lost}
        assert all(receipts.values())
        server.process.kill()
        server.process.wait()

    database.restore(backup)
    if database.postgres:  # a re-created database is recognised and refused
        refused = run_cli(database.url, "run", "--port", "0", check=False, env=env)
        assert refused.returncode == 1 and "after-restore" in refused.stderr
        assert "Traceback" not in refused.stderr
    done = run_cli(database.url, "after-restore", "--json")
    summary = json.loads(done.stdout)
    gap_low, gap_high = summary["tracking_gap"]
    assert gap_low <= min(receipts.values()) and max(receipts.values()) <= gap_high

    port = int(server.url.rsplit(":", 1)[1])  # the desks know the server by its address
    with serve(database.url, tmp_path, env=env, port=port) as server:
        assert not set(lost) & set(_server_numbers(server)), "the dump lacks them"
        if first == "B":  # desk B works first: its new complaints must still reach A
            fresh = [b.create(title=f"Sesudah pemulihan {i}") for i in range(2)]
            reports = {"B": _told(b), "A": _sync(a)}
        else:
            reports = {"A": _sync(a)}
            fresh = [b.create(title=f"Sesudah pemulihan {i}") for i in range(2)]
            reports["B"] = _told(b)
        _sync(a)  # A hears of B's new complaints, B of what A re-sent
        _sync(b)

        # Both desks were told, and A re-sent what it had confirmed.
        for name, report in reports.items():
            assert report["reset"] is True and report["reset_reason"] == "restored", name
        assert reports["A"]["resent"] >= 5  # 4 creates + the note (+ earlier, duplicates)
        assert reports["A"]["renumbered"] == []

        on_server = _server_numbers(server)
        # 1. Nothing lost: the complaints logged after the dump are back, same numbers.
        for cid, number in receipts.items():
            assert on_server.get(cid) == number
        # 2. No number given twice: B's new complaints have fresh numbers past the gap.
        numbers = list(on_server.values())
        assert len(numbers) == len(set(numbers))
        for cid in fresh:
            assert on_server[cid] > gap_high
        # 3. Every desk sees every complaint in scope, as the server has it.
        c = make_desk("c")
        c.login(server, "dinkes.admin")
        _sync(c)
        for desk in (a, b, c):
            held = _numbers(desk)
            for cid in [*before, *lost, *fresh]:
                assert held.get(cid) == on_server[cid], (desk.data_dir.name, cid)
        # The note made after the dump is on the server exactly once.
        client = server.login("dinkes.admin")
        timeline = client.get(f"/complaints/{before[0]}").json()["timeline"]
        notes = [e for e in timeline if e.get("note") == "Catatan sesudah cadangan"
                 or (e.get("data") or {}).get("text") == "Catatan sesudah cadangan"]
        assert len(notes) == 1, timeline
        # Desk B's verification made after the dump came back too, after A's create.
        lost_view = client.get(f"/complaints/{lost[0]}").json()
        assert lost_view.get("verified_at"), lost_view
        assert b.counts().get("rejected", 0) == 0
        # The outbox is settled: nothing pending, nothing rejected.
        assert a.counts().get("pending", 0) == 0 and a.counts().get("rejected", 0) == 0
