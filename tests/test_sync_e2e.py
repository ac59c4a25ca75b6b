"""End-to-end sync against a real server process: offline work, dead server, conflicts."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.flaky_proxy import FlakyProxy
from tests.server_fixtures import (
    fresh_database,
    run_cli,
    serve,
    start_server,
)
from tests.sync_fixtures import assert_exactly_once, make_desk_fixture  # noqa: F401


def _server_client(server, username: str = "dinkes.admin"):
    return server.login(username)


def test_actions_made_while_the_server_is_down_reach_it_exactly_once(tmp_path: Path,
                                                                      make_desk) -> None:
    with fresh_database(tmp_path) as database_url:
        run_cli(database_url, "init")
        run_cli(database_url, "seed-demo", "--password", "uji-server-2026", "--complaints", "5")
        front = FlakyProxy("http://127.0.0.1:9")  # upstream set once the server runs
        front.start()
        with serve(database_url, tmp_path) as server:
            front.upstream = ("127.0.0.1", int(server.url.rsplit(":", 1)[1]))
            desk = make_desk()
            desk.login(front.url, "dinkes.admin", "uji-server-2026")
            desk.sync()
            first = desk.status()
            assert first["complaints"] > 0 and first["server"] == front.url
            assert first["user"] == "dinkes.admin" and first["credential_store"] == "file"
            assert first["last_sync"] and first["pending_ops"] == 0
            server.process.kill()  # the server is really gone
            server.process.wait()

            # A morning of work with no server: every action is visible locally at once.
            made = [desk.create(title=f"Lampu jalan mati nomor {i}") for i in range(3)]
            desk.act("verify", made[0], note="Sudah dicek di lapangan")
            desk.act("note", made[1], text="Pelapor menelepon lagi")
            for cid in made:
                assert desk.service.complaint(cid) is not None
            assert desk.service.complaint(made[0])["timeline"][-1]["kind"] == "verify"

            # What a scheduled task sees: a real process, exit code 3 (server unreachable).
            proc = desk.cli("sync", "--json", separate=True)
            assert proc.returncode == 3, proc.stderr
            body = json.loads(proc.stdout)
            assert body["ok"] is False and body["error"] == "unreachable"
            status = desk.status()
            assert status["pending_ops"] == 5 and status["rejected_ops"] == 0
            assert status["last_error"] and status["last_sync"] == first["last_sync"]
            assert {o["state"] for o in desk.outbox()} == {"pending"}
            provisional = desk.service.complaint(made[2])["provisional_number"]

        # The server comes back (same database, new process and port behind the proxy).
        with serve(database_url, tmp_path) as server2:
            front.upstream = ("127.0.0.1", int(server2.url.rsplit(":", 1)[1]))
            body = json.loads(desk.sync().stdout)
            assert body["applied"] == 5 and body["rejected"] == 0
            assert body["pending_ops"] == 0
            ops = desk.outbox()
            assert {o["state"] for o in ops} == {"applied"}
            client = server2.login("dinkes.admin")
            assert_exactly_once(client, ops)
            # A create got its tracking number; the provisional number still finds it.
            local = desk.service.complaint(made[2])
            assert isinstance(local["tracking_number"], int)
            assert desk.service.complaint_by_number(provisional)["id"] == made[2]
            assert desk.service.complaint_by_number(local["tracking_number"])["id"] == made[2]
            # The desk shows exactly what the server has.
            for cid in made:
                remote = client.get(f"/complaints/{cid}").json()
                assert desk.service.complaint(cid)["version"] == remote["version"]
            # Another round sends nothing again.
            again = json.loads(desk.sync().stdout)
            assert again["pushed"] == 0
            assert_exactly_once(client, ops)
            front.stop()


def test_server_killed_in_the_middle_of_a_push(tmp_path: Path, make_desk) -> None:
    env = {"LAPOR_TEST_COMMIT_DELAY_MS": "8"}  # slow commits: the kill lands mid-batch
    with fresh_database(tmp_path) as database_url:
        run_cli(database_url, "init")
        run_cli(database_url, "seed-demo", "--password", "uji-server-2026", "--complaints", "0")
        front = FlakyProxy("http://127.0.0.1:9")
        front.start()
        with serve(database_url, tmp_path, env=env) as server:
            front.upstream = ("127.0.0.1", int(server.url.rsplit(":", 1)[1]))
            desk = make_desk()
            desk.login(front.url, "dinkes.admin", "uji-server-2026")
            for i in range(120):
                desk.create(title=f"Jalan berlubang di ruas {i}")
            runner = desk.popen("sync", "--json")
            committed = _applied_ops_counter(database_url)
            deadline = time.monotonic() + 60
            while committed() < 5 and time.monotonic() < deadline:
                time.sleep(0.005)
            server.process.kill()  # mid-batch: some ops committed, the answer never sent
            server.process.wait()
            runner.wait(timeout=60)
            assert runner.returncode == 3, runner.stderr.read() if runner.stderr else ""
        with serve(database_url, tmp_path, env=env) as server2:
            front.upstream = ("127.0.0.1", int(server2.url.rsplit(":", 1)[1]))
            body = json.loads(desk.sync().stdout)
            # The ops the dead server had applied come back as duplicates: applied once.
            assert body["duplicate"] > 0, body
            assert body["applied"] + body["duplicate"] == 120
            ops = desk.outbox()
            assert len(ops) == 120 and {o["state"] for o in ops} == {"applied"}
            assert_exactly_once(server2.login("dinkes.admin"), ops)
            front.stop()


def _applied_ops_counter(database_url: str):
    engine = sa.create_engine(database_url)

    def count() -> int:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT count(*) FROM applied_ops")).scalar_one()

    return count


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory):
    with start_server(tmp_path_factory.mktemp("sync-e2e"), complaints=0) as server:
        yield server


def test_two_desks_change_the_same_complaint_offline(shared_server, make_desk) -> None:
    a = make_desk("desk-a")
    b = make_desk("desk-b")
    a.login(shared_server, "dinkes.admin")
    b.login(shared_server, "dinkes.pimpinan")
    cid = a.create(title="Obat tidak tersedia di puskesmas")
    a.sync()
    b.sync()
    assert b.service.complaint(cid)["version"] == 1

    # Both offline, both act on version 1.
    a.act("verify", cid, note="Data pelapor lengkap", tags=["obat"])
    b.act("dispose", cid, unit_codes=["YANKES"], sifat="segera", note="Segera tangani")
    assert b.service.complaint(cid)["status"] == "didisposisikan"  # b sees its own change

    a.sync()
    proc = b.sync(expect=5)  # 5: rejected operations remain
    assert json.loads(proc.stdout)["rejected"] == 1

    rejected = b.outbox("rejected")
    assert len(rejected) == 1
    op = rejected[0]
    assert op["kind"] == "dispose" and op["reject_reason"] == "conflict"
    assert "diubah oleh petugas lain" in op["last_error"]  # officer wording, no "versi"
    # Beside what b meant to do, the server's current state: a's verification.
    assert op["server_state"]["version"] == 2
    assert op["server_state"]["timeline"][-1]["kind"] == "verify"
    # Nothing silently overwritten: the server kept a's change, b's local copy shows it too.
    remote = shared_server.login("dinkes.admin").get(f"/complaints/{cid}").json()
    assert remote["status"] == "belum_diverifikasi" and remote["tags"] == ["obat"]
    local = b.service.complaint(cid)
    assert local["version"] == 2 and local["status"] == "belum_diverifikasi"

    # b applies its disposition again on top of the current state: a new op.
    from desktop.sync.resolve import reapply

    new_op = reapply(b.service, op["op_id"], b.actor())
    assert new_op != op["op_id"]
    assert b.service.complaint(cid)["status"] == "didisposisikan"
    b.sync()
    assert b.outbox("rejected") == []
    remote = shared_server.login("dinkes.admin").get(f"/complaints/{cid}").json()
    assert remote["status"] == "didisposisikan" and remote["version"] == 3
    assert [e["kind"] for e in remote["timeline"]] == ["create", "verify", "dispose"]
    audit = b.service.outbox_audit()
    assert audit[-1]["action"] == "reapply" and audit[-1]["op_id"] == op["op_id"]
