"""Push writes in bulk: statements per push grow sub-linearly, and batching keeps semantics.

The statement counts run the server's push code in this process against a real database
(a SQLite file, or a fresh PostgreSQL schema with LAPOR_TEST_DATABASE_URL) so that a
listener on the engine sees every statement; the behaviour tests use a real server process.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from tests.server_fixtures import (
    DEMO_PASSWORD,
    ServerHandle,
    create_op,
    fresh_database,
    make_complaint,
    op,
    run_cli,
    server_fixture,
)

lapor_server = server_fixture()


# --- structure: statements per push ------------------------------------------------------

@dataclasses.dataclass
class Pusher:
    ctx: Any
    principal: Any

    def statements(self, ops: list[dict[str, Any]]) -> int:
        """Statements sent to the database while pushing ``ops`` (all must apply).

        An executemany counts once: the driver sends it as one batch.
        """
        from server import sync_push
        from server.schemas import OpIn

        count = 0

        def on_execute(*_args: Any) -> None:
            nonlocal count
            count += 1

        event.listen(self.ctx.db.engine, "before_cursor_execute", on_execute)
        try:
            results = sync_push.push(self.ctx, self.principal,
                                     [OpIn.model_validate(body) for body in ops])
        finally:
            event.remove(self.ctx.db.engine, "before_cursor_execute", on_execute)
        assert [r["status"] for r in results] == ["applied"] * len(ops), results
        return count


@pytest.fixture(scope="module")
def pusher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pusher]:
    from server.auth import Principal
    from server.config import Settings
    from server.context import ServerContext
    from server.models import User

    tmp: Path = tmp_path_factory.mktemp("push-statements")
    with fresh_database(tmp) as url:
        run_cli(url, "init")
        run_cli(url, "seed-demo", "--password", DEMO_PASSWORD, "--complaints", "0")
        settings = dataclasses.replace(Settings.from_env(url), attachments_dir=tmp / "files")
        ctx = ServerContext(settings, pool_size=2)
        try:
            with ctx.db.read() as session:
                user = session.execute(
                    sa.select(User).where(User.username == "dinkes.admin")).scalar_one()
                principal = Principal(
                    user_id=user.id, username=user.username, full_name=user.full_name,
                    role=user.role, agency=user.agency_code, unit=user.unit_code,
                    device_id="test-statements", session_id="none", address="127.0.0.1")
            yield Pusher(ctx, principal)
        finally:
            ctx.close()


def _creates(count: int) -> list[dict[str, Any]]:
    # Every third reporter anonymous: those complaints also get redacted views.
    return [create_op("DINKES", anonymous=i % 3 == 0) for i in range(count)]


def test_statements_per_push_grow_sub_linearly(pusher: Pusher) -> None:
    small, large = _creates(20), _creates(200)
    created = {n: pusher.statements(ops) for n, ops in ((20, small), (200, large))}
    # Ops on existing complaints: updates rather than inserts.
    noted = {n: pusher.statements([op("note", body["complaint_id"], 1, text="Catatan petugas.")
                                   for body in ops])
             for n, ops in ((20, small), (200, large))}
    for counts in (created, noted):
        assert counts[200] < 3 * counts[20], (created, noted)
        assert counts[200] < 200 / 2, (created, noted)  # far fewer statements than ops


def test_ops_on_one_complaint_in_a_batch_cost_no_extra_statements(pusher: Pusher) -> None:
    one = create_op("DINKES")
    cid = one["complaint_id"]
    alone = pusher.statements([one])
    chained = create_op("DINKES")
    other = chained["complaint_id"]
    batch = [chained, op("verify", other, 1, note="Lengkap."),
             *[op("note", other, 2 + i, text=f"Catatan ke-{i}.") for i in range(30)]]
    assert pusher.statements(batch) <= alone + 1, cid  # + the complaint UPDATE at most


# --- behaviour over HTTP -----------------------------------------------------------------

def test_identical_batches_pushed_at_once_apply_each_op_once(lapor_server: ServerHandle) -> None:
    """A desk retrying a batch while the first try still runs (and two more besides): the
    creates race on the same ids; every op is applied exactly once and the others see it."""
    batch = [create_op("DINKES") for _ in range(150)]  # two transactions' worth
    desks = [lapor_server.login("dinkes.loket") for _ in range(3)]
    with ThreadPoolExecutor(3) as pool:
        answers = list(pool.map(lambda desk: desk.push(batch), desks))
    for index, body in enumerate(batch):
        mine = [answer[index] for answer in answers]
        assert all(r["op_id"] == body["op_id"] for r in mine)
        assert sorted(r["status"] for r in mine) == ["applied", "duplicate", "duplicate"], mine
        assert len({(r["version"], r["tracking_number"]) for r in mine}) == 1, mine
    numbers = [r["tracking_number"] for r in answers[0]]
    assert len(set(numbers)) == len(batch)
    snap = desks[0].get(f"/complaints/{batch[-1]['complaint_id']}").json()
    assert [e["kind"] for e in snap["timeline"]] == ["create"]


def test_a_batch_reads_its_own_earlier_writes(lapor_server: ServerHandle) -> None:
    """An attach by someone who did not upload the file is checked against the database
    (which complaints reference it), so the batch's earlier rows are written first; the
    ops after it still build on the same complaint."""
    loket = lapor_server.login("dinkes.loket")
    sha = loket.upload(b"foto jalan berlubang\n")
    first, res = make_complaint(loket)
    assert loket.push_one(op("attach", first, res["version"], sha256=sha, filename="a.txt",
                             mime="text/plain", size=1))["status"] == "applied"
    admin = lapor_server.login("dinkes.admin")  # not the uploader; may see ``first``
    cid = create_op("DINKES")["complaint_id"]
    batch = [create_op("DINKES", complaint_id=cid),
             op("verify", cid, 1, note="Lengkap."),
             op("attach", cid, 2, sha256=sha, filename="foto.txt", mime="text/plain", size=1),
             op("note", cid, 3, text="Sesudah lampiran."),
             op("hold", cid, 4, reason="Menunggu data."),
             op("attach", cid, 5, sha256="ab" * 32, filename="x.txt", mime="text/plain",
                size=1),
             op("create", cid, 0)]
    results = admin.push(batch)
    assert [r["status"] for r in results] == ["applied"] * 5 + ["rejected"] * 2, results
    assert [r["version"] for r in results[:5]] == [1, 2, 3, 4, 5]
    assert results[5]["reason"] == "invalid" and "sha256" in results[5]["errors"]
    assert results[6]["reason"] == "conflict"
    assert results[6]["server_state"]["version"] == 5  # the state as of that op
    snap = admin.get(f"/complaints/{cid}").json()
    assert [e["kind"] for e in snap["timeline"]] == ["create", "verify", "attach", "note",
                                                     "hold"]
    assert snap["version"] == 5 and snap["status"] == "ditunda"
    assert [a["sha256"] for a in snap["attachments"]] == [sha]
    changes, _ = admin.pull_all()
    pulled = [c["data"] for c in changes if c["type"] == "complaint" and c["id"] == cid]
    assert pulled == [snap]
    assert admin.get(f"/attachments/{sha}").status_code == 200
    assert admin.push(batch[:3]) == [
        {**r, "status": "duplicate"} for r in results[:3]]  # a retry applies nothing


def test_a_rejected_letter_in_a_batch_takes_no_agenda_number(lapor_server: ServerHandle) -> None:
    """Letter checks write (the agenda counter): a rejected letter op must undo that, while
    the ops around it in the same transaction stay."""
    leader = lapor_server.login("pupr.pimpinan")
    block = leader.post("/agenda/reserve", json={"year": 2026, "count": 5}).json()
    cid, res = make_complaint(lapor_server.login("pupr.loket"), "PUPR")
    results = leader.push([
        op("note", cid, res["version"], text="Sebelum surat."),
        op("letter_issued", cid, 1, letter_kind="x" * 60),  # too long: invalid
        op("letter_issued", cid, 1, letter_kind="disposisi"),
        op("letter_voided", cid, 1, letter_id="tidak-ada", reason="Salah ketik."),
    ])
    assert [r["status"] for r in results] == ["applied", "rejected", "applied", "rejected"]
    assert results[1]["reason"] == results[3]["reason"] == "invalid"
    timeline = leader.get(f"/complaints/{cid}").json()["timeline"]
    assert [e["kind"] for e in timeline] == ["create", "note", "letter_issued"]
    assert int(timeline[-1]["data"]["agenda_number"]) == block["end"] + 1
