"""Issue 20: waiting pulls woken together share one read, and only within one account.

- In-process: ``pull_wait.shared_read`` reads once for the desks (sessions) of one account
  with the same cursor and limit after the same wake-up; another account, another cursor,
  another limit or a later wake-up reads on its own.
- A real server (SQLite, or PostgreSQL with LAPOR_TEST_DATABASE_URL): desks of several
  accounts and roles wait at the feed's end, one anonymous complaint is pushed; each desk's
  answer is exactly what its own account's ordinary pull from the same cursor returns (the
  reporter's name reaches the central admin only), and a unit officer without a
  disposition is not woken at all. Then it is disposed to one unit: that unit's officer
  gets it, another unit's does not, and again every answer is the account's own pull.
"""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import replace
from typing import Any

from server import pull_wait, sync_pull
from server.auth import Principal
from tests.server_fixtures import create_op, op, server_fixture

lapor_server = server_fixture(workers=1)


class _Waker:
    def __init__(self) -> None:
        self.generation = 0
        self.reads: dict[Any, Any] = {}
        self.postgres, self.listening, self.wake_reads = False, threading.Event(), None


class _Ctx:
    def __init__(self) -> None:
        self.waker = _Waker()


def _principal(user_id: int, username: str, device: str, role: str = "loket") -> Principal:
    return Principal(user_id=user_id, username=username, full_name="Petugas", role=role,
                     agency="DINKES", unit=None, device_id=device, session_id=device,
                     address="127.0.0.1")


def test_one_read_per_account_cursor_and_wake_up(monkeypatch) -> None:
    calls: list[tuple[str, str, int]] = []

    def fake_pull(ctx: Any, principal: Principal, cursor: str, limit: int,
                  reads: Any = None) -> Any:
        calls.append((principal.username, cursor, limit))
        time.sleep(0.05)  # the others arrive while this read is in flight
        return sync_pull.PullPage([f'"{principal.username}"'], cursor, False, False)

    monkeypatch.setattr(sync_pull, "pull", fake_pull)
    ctx = _Ctx()
    a1, a2 = _principal(1, "dinkes.loket", "d1"), _principal(1, "dinkes.loket", "d2")
    b = _principal(2, "dinkes.admin", "d3", role="admin_instansi")

    async def round_of_reads() -> list[sync_pull.PullPage]:
        reads = [pull_wait.shared_read(ctx, p, c, n)  # type: ignore[arg-type]
                 for p, c, n in [(a1, "c1", 500), (a2, "c1", 500), (a1, "c1", 500),
                                 (b, "c1", 500), (a2, "c2", 500), (a2, "c1", 1)]]
        return list(await asyncio.gather(*reads))

    pages = asyncio.run(round_of_reads())
    assert sorted(calls) == sorted([("dinkes.loket", "c1", 500), ("dinkes.admin", "c1", 500),
                                    ("dinkes.loket", "c2", 500), ("dinkes.loket", "c1", 1)])
    assert pages[0] is pages[1] is pages[2]  # two desks of one account: one page
    assert pages[3].parts == ['"dinkes.admin"']
    assert ctx.waker.reads == {}  # nothing kept once read

    # The same role and agency under another account, or the same account after a wake-up,
    # reads again.
    calls.clear()
    other = replace(a1, user_id=3, username="dinkes.loket2")

    async def after_wake_up() -> None:
        first = pull_wait.shared_read(ctx, a1, "c1", 500)  # type: ignore[arg-type]
        task = asyncio.ensure_future(first)
        await asyncio.sleep(0)
        ctx.waker.generation += 1
        await asyncio.gather(task, pull_wait.shared_read(ctx, a2, "c1", 500),  # type: ignore[arg-type]
                             pull_wait.shared_read(ctx, other, "c1", 500))  # type: ignore[arg-type]

    asyncio.run(after_wake_up())
    assert sorted(calls) == sorted([("dinkes.loket", "c1", 500), ("dinkes.loket", "c1", 500),
                                    ("dinkes.loket2", "c1", 500)])


def _wait_all(clients: list[Any], cursors: list[str], seconds: list[int],
              change: Any) -> list[dict[str, Any]]:
    """Every client waits from its cursor; ``change()`` runs once they all wait."""
    answers: dict[int, dict[str, Any]] = {}

    def wait(i: int) -> None:
        resp = clients[i].get("/sync/pull", params={"cursor": cursors[i], "wait": seconds[i]})
        assert resp.status_code == 200, resp.text
        answers[i] = resp.json()

    threads = [threading.Thread(target=wait, args=(i,)) for i in range(len(clients))]
    for t in threads:
        t.start()
    time.sleep(1.0)  # every desk is waiting
    change()
    for t in threads:
        t.join(timeout=30)
    return [answers[i] for i in range(len(clients))]


def test_each_waiting_desk_gets_its_own_accounts_page(lapor_server) -> None:
    accounts = ["dinkes.loket", "dinkes.loket", "dinkes.admin", "dinkes.pimpinan",
                "pusat.admin", "dinkes.yankes", "dinkes.p2p"]
    desks = [lapor_server.login(name) for name in accounts]
    cursors = [d.pull_all()[1] for d in desks]
    body = create_op("DINKES", anonymous=True, reporter={
        "name": "Zulkarnain Rahasia", "phone": "081299990000", "address": "Jl. Sepi No. 1"})
    pushed: list[dict[str, Any]] = []
    answers = _wait_all(desks, cursors, [20] * 5 + [3, 3],
                        lambda: pushed.append(desks[0].push_one(body)))
    assert pushed[0]["status"] == "applied"
    cid = body["complaint_id"]
    for i, desk in enumerate(desks):
        own = desk.pull(cursors[i])  # what this account sees from that cursor, not waiting
        assert answers[i]["changes"] == own["changes"], accounts[i]
        expected = [] if accounts[i] in ("dinkes.yankes", "dinkes.p2p") else [cid]
        assert [c["id"] for c in answers[i]["changes"]] == expected, accounts[i]
    names = {accounts[i]: "Zulkarnain Rahasia" in str(answers[i]["changes"])
             for i in range(5)}
    assert names == {"dinkes.loket": False, "dinkes.admin": False, "dinkes.pimpinan": False,
                     "pusat.admin": True}

    # Disposed to YANKES: its officer is woken and gets it, P2P's is not.
    verified = desks[2].push_one(op("verify", cid, pushed[0]["version"]))
    assert verified["status"] == "applied", verified
    cursors = [d.pull_all(a["cursor"])[1] for d, a in zip(desks, answers, strict=True)]
    answers = _wait_all(desks, cursors, [20] * 6 + [3], lambda: pushed.append(desks[3].push_one(
        op("dispose", cid, verified["version"], unit_codes=["YANKES"]))))
    assert pushed[-1]["status"] == "applied", pushed[-1]
    for i, desk in enumerate(desks):
        own = desk.pull(cursors[i])
        assert answers[i]["changes"] == own["changes"], accounts[i]
        expected = [] if accounts[i] == "dinkes.p2p" else [cid]
        assert sorted({c["id"] for c in answers[i]["changes"]}) == expected, accounts[i]
