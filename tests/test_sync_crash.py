"""The desk process SIGKILLed at random moments during sync, over and over.

Each round starts ``python -m desktop --data-dir D sync`` (what a scheduled task runs) and
kills it with SIGKILL after a random delay, while the officer keeps working in the same
database and another officer keeps changing complaints on the server. At the end one
clean sync must leave: every op on the server exactly once, nothing lost, the local
database intact and equal to the server.
"""

from __future__ import annotations

import random
import signal
import time

import pytest

from desktop.store.cipher import connect as connect_db
from tests.server_fixtures import op, start_server
from tests.sync_fixtures import assert_exactly_once, make_desk_fixture  # noqa: F401

KILLS = 22  # SIGKILLs that landed while the sync was running
MAX_ROUNDS = 80  # a sync that ends before its kill is a round that does not count


@pytest.mark.slow
def test_desk_killed_at_random_moments_during_sync(tmp_path, make_desk) -> None:
    rng = random.Random(4)
    env = {"LAPOR_TEST_COMMIT_DELAY_MS": "12"}  # a push of a few dozen ops takes a moment
    with start_server(tmp_path, env=env, complaints=25) as server:
        colleague = server.login("dinkes.pimpinan")
        desk = make_desk(separate=True)
        desk.login(server, "dinkes.admin")
        desk.cli("sync", separate=False)
        in_scope = _local_ids(desk)
        assert in_scope, "the seeded server should give the desk some complaints"

        def more_work(n: int) -> None:
            for i in range(n):
                if rng.random() < 0.5:
                    desk.create(title=f"Pengaduan luring nomor {rng.randint(1, 99999)}")
                else:
                    desk.act("note", rng.choice(in_scope), text=f"Catatan petugas {i}")

        def colleague_work(n: int) -> None:
            for _ in range(n):
                cid = rng.choice(in_scope)
                snap = colleague.get(f"/complaints/{cid}").json()
                result = colleague.push_one(op("note", cid, snap["version"],
                                               text="Catatan pimpinan"))
                assert result["status"] == "applied", result

        # How long a whole sync run takes here (process start-up included): kills are aimed
        # inside that span, so a faster machine or a faster server still gets its kills.
        span = _timed_sync(desk)
        more_work(60)
        killed = killed_while_sending = finished = 0
        for _round in range(MAX_ROUNDS):
            if killed >= KILLS:
                break
            more_work(rng.randint(8, 20))
            colleague_work(rng.randint(0, 4))
            started = time.monotonic()
            proc = desk.popen("sync")
            if rng.random() < 0.6:  # while a batch is out: the server may have applied some
                _wait_for_sending(desk, proc)
                time.sleep(rng.uniform(0, 0.05))
            else:  # any moment: start-up, recovery, push, pull, page apply
                time.sleep(rng.uniform(0.05, 0.95) * span)
            proc.send_signal(signal.SIGKILL)
            code = proc.wait(timeout=60)
            if code == -signal.SIGKILL:
                killed += 1
            else:
                finished += 1
                span = min(span, time.monotonic() - started)
            with connect_db(desk.data_dir / "desk.sqlite") as db:
                assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
                sending = db.execute(
                    "SELECT count(*) FROM outbox WHERE state = 'sending'").fetchone()[0]
            killed_while_sending += bool(sending)
        assert killed >= KILLS, (killed, finished)
        assert killed_while_sending >= 3, "no kill landed in the middle of a push"

        # The officer's desk runs again, undisturbed.
        desk.sync()
        assert desk.service.integrity_check() == "ok"
        ops = desk.outbox()
        assert ops and {o["state"] for o in ops} == {"applied"}, {o["state"] for o in ops}
        assert_exactly_once(server.login("dinkes.admin"), ops)
        # Nothing lost, nothing doubled: the desk holds exactly what the server holds.
        admin = server.login("dinkes.admin")
        remote = {}
        cursor = None
        while True:
            page = admin.pull(cursor)
            for change in page["changes"]:
                if change["type"] == "complaint":
                    remote[change["id"]] = change["data"]
            cursor = page["cursor"]
            if not page["has_more"]:
                break
        assert set(_local_ids(desk)) == set(remote)
        for cid, snap in remote.items():
            local = desk.service.complaint(cid)
            assert local["version"] == snap["version"], cid
            assert [e["id"] for e in local["timeline"]] == [e["id"] for e in snap["timeline"]]


def _timed_sync(desk) -> float:
    started = time.monotonic()
    proc = desk.popen("sync")
    assert proc.wait(timeout=60) == 0, proc.stderr.read().decode() if proc.stderr else ""
    return time.monotonic() - started


def _wait_for_sending(desk, proc, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    with connect_db(desk.data_dir / "desk.sqlite", timeout=30) as db:
        while time.monotonic() < deadline and proc.poll() is None:
            if db.execute("SELECT 1 FROM outbox WHERE state = 'sending' LIMIT 1").fetchone():
                return
            time.sleep(0.005)


def _local_ids(desk) -> list[str]:
    with connect_db(desk.data_dir / "desk.sqlite") as db:
        return [r[0] for r in db.execute("SELECT id FROM complaints ORDER BY rid")]
