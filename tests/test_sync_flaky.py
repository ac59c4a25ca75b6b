"""A flaky network between desk and server: the desk converges, exactly once.

The proxy drops connections, stalls past the read timeout, cuts answers short, answers
500 before and after the server did the work, and 429 with Retry-After. Small push
batches and pull pages make many requests, so every kind of fault is met.
"""

from __future__ import annotations

import time

import pytest

from desktop.store import QueueFilter
from desktop.sync.account import Account
from desktop.sync.engine import SyncEngine
from desktop.sync.errors import Unreachable
from desktop.sync.retry import RetryPolicy
from tests.flaky_proxy import FlakyProxy
from tests.server_fixtures import op, start_server
from tests.sync_fixtures import assert_exactly_once, make_desk_fixture  # noqa: F401

RATES = {"drop": 0.07, "stall": 0.05, "cut": 0.07, "error_before": 0.05,
         "error_after": 0.08, "throttle": 0.04}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with start_server(tmp_path_factory.mktemp("flaky"), complaints=30) as handle:
        yield handle


def test_desk_converges_over_a_flaky_network(server, make_desk, monkeypatch) -> None:
    with FlakyProxy(server.url, rates=RATES, seed=7, max_faults=45,
                    stall_seconds=(0.2, 1.6), retry_after=1) as proxy:
        desk = make_desk()
        monkeypatch.setenv("XDG_CONFIG_HOME", desk.env["XDG_CONFIG_HOME"])
        proxy.rates = {}  # sign in over a healthy path, then let the network go bad
        desk.login(proxy.url, "pusat.admin", server.password)  # sees every agency
        proxy.rates = dict(RATES)
        # Every kind of fault at least once (two of them on the first push), then dice.
        proxy.script = ["drop", None, "cut", "stall", None, "throttle", "error_before", None]

        account = Account(desk.service)
        client = account.client(retry=RetryPolicy(attempts=6, base=0.05, cap=0.6, budget=8),
                                timeouts=(1.0, 1.0))
        engine = SyncEngine(desk.service, client, push_batch=6, pull_limit=7)

        colleague = server.login("pusat.admin2")
        rounds = _sync_until_done(engine)  # first pull, through the faults
        ids = _ids(desk)
        proxy.script = ["error_after", None, "cut", None, "error_after", "stall"]
        for i in range(12):
            desk.create(title=f"Pengaduan lewat jaringan buruk {i}")
        assert len(ids) >= 10
        for i, cid in enumerate(ids[:10]):
            desk.act("note", cid, text=f"Catatan luring {i}")
            snap = colleague.get(f"/complaints/{cid}").json()
            assert colleague.push_one(op("note", cid, snap["version"],
                                         text="Catatan rekan"))["status"] == "applied"
        rounds += _sync_until_done(engine)
        client.close()

        kinds = {k for k, n in proxy.counts.items() if n}
        assert kinds == set(RATES), proxy.counts  # the network really was bad
        ops = desk.outbox()
        assert len(ops) == 22 and {o["state"] for o in ops} == {"applied"}
        admin = server.login("pusat.admin")
        assert_exactly_once(admin, ops)
        remote = {}
        cursor = None
        while True:
            page = admin.pull(cursor)
            remote.update({c["id"]: c["data"] for c in page["changes"]
                           if c["type"] == "complaint"})
            cursor = page["cursor"]
            if not page["has_more"]:
                break
        assert set(_ids(desk)) == set(remote)
        for cid, snap in remote.items():
            local = desk.service.complaint(cid)
            assert local["version"] == snap["version"]
            assert [e["id"] for e in local["timeline"]] == [e["id"] for e in snap["timeline"]]
        assert rounds < 25


def _sync_until_done(engine: SyncEngine, limit: int = 25) -> int:
    for attempt in range(1, limit + 1):
        try:
            engine.sync_once()
            return attempt
        except Unreachable:
            time.sleep(0.05)
    raise AssertionError("the desk never converged")


def _ids(desk) -> list[str]:
    return desk.service.queue_ids(QueueFilter())
