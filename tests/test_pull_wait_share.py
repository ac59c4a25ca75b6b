"""Issue 20: waiting pulls woken together share one read, and only within one account.

- In-process: ``pull_wait.shared_read`` reads once for the desks (sessions) of one account
  with the same cursor and limit after the same wake-up; another account, another cursor,
  another limit or a later wake-up reads on its own.
- A real server (SQLite, or PostgreSQL with LAPOR_TEST_DATABASE_URL): desks of several
  accounts and roles wait at the feed's end, one anonymous complaint is pushed; each desk's
  answer is exactly what its own account's ordinary pull from the same cursor returns (the
  reporter's name reaches the central admin only), and a unit officer without a
  disposition is not woken at all.
"""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import replace
from typing import Any

from server import pull_wait, sync_pull
from server.auth import Principal
from tests.server_fixtures import create_op, server_fixture

lapor_server = server_fixture(workers=1)


class _Waker:
    def __init__(self) -> None:
        self.generation = 0
        self.reads: dict[Any, Any] = {}


class _Ctx:
    def __init__(self) -> None:
        self.waker = _Waker()


def _principal(user_id: int, username: str, device: str, role: str = "loket") -> Principal:
    return Principal(user_id=user_id, username=username, full_name="Petugas", role=role,
                     agency="DINKES", unit=None, device_id=device, session_id=device,
                     address="127.0.0.1")


def test_one_read_per_account_cursor_and_wake_up(monkeypatch) -> None:
    calls: list[tuple[str, str, int]] = []

    def fake_pull(ctx: Any, principal: Principal, cursor: str, limit: int) -> Any:
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


def test_each_waiting_desk_gets_its_own_accounts_page(lapor_server) -> None:
    accounts = ["dinkes.loket", "dinkes.loket", "dinkes.admin", "dinkes.pimpinan",
                "pusat.admin"]
    desks = [lapor_server.login(name) for name in accounts]
    unit = lapor_server.login("dinkes.yankes")
    cursors = [d.pull_all()[1] for d in desks]
    unit_cursor = unit.pull_all()[1]
    answers: dict[int, dict[str, Any]] = {}

    def wait(i: int, client: Any, cursor: str, seconds: int) -> None:
        resp = client.get("/sync/pull", params={"cursor": cursor, "wait": seconds})
        assert resp.status_code == 200, resp.text
        answers[i] = resp.json()

    threads = [threading.Thread(target=wait, args=(i, d, c, 20))
               for i, (d, c) in enumerate(zip(desks, cursors, strict=True))]
    threads.append(threading.Thread(target=wait, args=(-1, unit, unit_cursor, 3)))
    for t in threads:
        t.start()
    time.sleep(1.0)  # every desk is waiting
    body = create_op("DINKES", anonymous=True, reporter={
        "name": "Zulkarnain Rahasia", "phone": "081299990000", "address": "Jl. Sepi No. 1"})
    assert desks[0].push_one(body)["status"] == "applied"
    for t in threads:
        t.join(timeout=30)
    assert answers[-1]["changes"] == []  # not in the unit's scope: not woken, empty at the end
    for i, desk in enumerate(desks):
        own = desk.pull(cursors[i])  # what this account sees from that cursor, not waiting
        assert answers[i]["changes"] == own["changes"], accounts[i]
        assert [c["id"] for c in answers[i]["changes"]] == [body["complaint_id"]]
    names = {accounts[i]: "Zulkarnain Rahasia" in str(answers[i]["changes"])
             for i in range(len(desks))}
    assert names == {"dinkes.loket": False, "dinkes.admin": False, "dinkes.pimpinan": False,
                     "pusat.admin": True}
