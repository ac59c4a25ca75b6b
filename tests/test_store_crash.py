"""A desk process killed with SIGKILL in the middle of writing leaves a database that opens,
passes PRAGMA integrity_check and holds only whole transactions."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.store import DeskService, QueueFilter, cipher
from desktop.store.cipher import connect as connect_db
from desktop.store.demo import seed_store
from desktop.store.engine import DB_FILE
from desktop.store.errors import StoreError

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

ROOT = Path(__file__).resolve().parent.parent
CHUNK = 5000  # desktop.store.demo.seed_store's default: one transaction per chunk


def _spawn(args: list[str]) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("LAPOR_DESK_DATA_DIR", None)
    return subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def _committed(db: Path) -> int:
    """Complaints committed so far, read by a separate connection (0 before the schema)."""
    if not db.exists():
        return 0
    try:
        con = connect_db(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM complaints").fetchone()[0]
        finally:
            con.close()
    except (cipher.OperationalError, StoreError):
        return 0


def _kill(proc: subprocess.Popen) -> None:
    """SIGKILL the writer itself, then whatever it spawned."""
    proc.kill()
    proc.wait(timeout=30)
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate(timeout=30)


def _assert_consistent(data: Path) -> int:
    with DeskService(data) as service:
        assert service.integrity_check() == "ok"
        total = service.total()
        con = connect_db(service.db_path)
        try:
            # Every complaint came with its texts, timeline and search entry, or not at all.
            assert con.execute("SELECT count(*) FROM complaint_texts").fetchone()[0] == total
            orphans = con.execute(
                "SELECT count(*) FROM complaints c WHERE NOT EXISTS "
                "(SELECT 1 FROM timeline_events e WHERE e.complaint_id = c.id)").fetchone()[0]
            assert orphans == 0
            assert con.execute("SELECT count(*) FROM complaints c WHERE version <> "
                               "(SELECT count(*) FROM timeline_events e "
                               "WHERE e.complaint_id = c.id)").fetchone()[0] == 0
        finally:
            con.close()
        assert len(service.queue_ids(QueueFilter())) == total
        return total


@pytest.mark.parametrize("extra_wait", [0.0, 0.7])
def test_sigkill_during_seed(tmp_path: Path, extra_wait: float) -> None:
    data = tmp_path / "data"
    proc = _spawn(["-m", "desktop", "--data-dir", str(data), "dev", "seed",
                   "--count", "200000", "--seed", "5"])
    try:
        deadline = time.monotonic() + 180
        while _committed(data / DB_FILE) < CHUNK:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "seed did not start writing"
            time.sleep(0.05)
        time.sleep(extra_wait)  # land somewhere inside a later chunk's transaction
    finally:
        _kill(proc)
    assert proc.returncode == -signal.SIGKILL
    total = _assert_consistent(data)
    assert total >= CHUNK and total % CHUNK == 0  # whole chunks only
    assert total < 200_000


WRITER = """
import sys
from datetime import datetime
from core import WITA, Actor, Role
from desktop.store import DeskService, QueueFilter

service = DeskService(sys.argv[1])
actor = Actor("pusat", Role.admin_pusat, "DISKOMINFO", (), "Admin Pusat")
ids = service.queue_ids(QueueFilter())
n = 0
while True:
    cid = ids[n % len(ids)]
    service.apply_local_op(cid, "note", {"text": f"catatan ke-{n} " + "x" * 2000}, actor,
                           op_id=f"op-{n}")
    n += 1
    print(n, flush=True)
"""


def test_sigkill_during_local_ops(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with DeskService(data) as service:
        seed_store(service, 300, seed=9, workers=0)
        versions = {cid: service.complaint(cid)["version"]
                    for cid in service.queue_ids(QueueFilter())}
    proc = _spawn(["-c", WRITER, str(data)])
    done = 0
    try:
        assert proc.stdout is not None
        while done < 150:
            line = proc.stdout.readline()
            assert line, proc.communicate()
            done = int(line)
    finally:
        _kill(proc)
    assert proc.returncode == -signal.SIGKILL
    _assert_consistent(data)
    with DeskService(data) as service:
        ops = service.outbox(states=("pending",))
        # Every op the writer reported is there; at most the one in flight beyond it.
        assert done <= len(ops) <= done + 1
        assert [o["op_id"] for o in ops] == [f"op-{i}" for i in range(len(ops))]
        per_complaint: dict[str, int] = {}
        for op in ops:
            per_complaint[op["complaint_id"]] = per_complaint.get(op["complaint_id"], 0) + 1
        for cid, before in versions.items():
            snap = service.complaint(cid)
            mine = per_complaint.get(cid, 0)
            # Snapshot, timeline event and outbox row were written together or not at all.
            assert snap["version"] == before + mine
            assert sum(1 for e in snap["timeline"] if e["id"].startswith("op-")) == mine
            assert service.local_state(cid)["dirty"] is (mine > 0)
