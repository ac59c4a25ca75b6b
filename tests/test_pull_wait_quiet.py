"""Waiting pulls of thousands of idle desks stay cheap and still never miss anything
(issue 20.4), on PostgreSQL (LISTEN/NOTIFY):

- A wait nothing in its scope ended answers from what the LISTEN connection knows, without
  reading the feed: the same page an ordinary pull from its cursor gives (empty, its cursor
  past the other agencies' changes).
- ``lapor-server after-restore`` wakes every waiting desk at once (a reset "restored"),
  not when its wait runs out; the waits that follow start from the restored feed's end.
- Long waits end empty at a random point in their last fifth (desks that began waiting
  together, after a server restart, drift apart); short ones last exactly their wait.
- A pooled connection that died while idle is replaced before use (the server checks only
  idle ones, not every checkout).
"""

from __future__ import annotations

import threading
import time
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa

from server import db as server_db
from server import pull_wait
from tests.server_fixtures import create_op, postgres_url, start_server

needs_postgres = pytest.mark.skipif(postgres_url() is None,
                                    reason="LISTEN/NOTIFY: set LAPOR_TEST_DATABASE_URL")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if postgres_url() is None:
        pytest.skip("LISTEN/NOTIFY: set LAPOR_TEST_DATABASE_URL")
    with start_server(tmp_path_factory.mktemp("quiet"), complaints=6) as handle:
        yield handle


def _wait(client: Any, cursor: str, seconds: int) -> dict[str, Any]:
    answer = client.get("/sync/pull", params={"cursor": cursor, "wait": seconds})
    assert answer.status_code == 200, answer.text
    return answer.json()


def _comparable(page: dict[str, Any]) -> tuple:
    return page["changes"], page["cursor"], page["has_more"], page["reset"]


@needs_postgres
def test_a_quiet_wait_answers_what_an_ordinary_pull_answers(server) -> None:
    desk, other = server.login("disdukcapil.loket"), server.login("pupr.loket")
    _, cursor = desk.pull_all()
    _wait(desk, cursor, 1)  # the worker's LISTEN connection is up from here on
    _, cursor = desk.pull_all(cursor)
    answers: dict[str, Any] = {}
    waiting = threading.Thread(target=lambda: answers.update(page=_wait(desk, cursor, 3)))
    started = time.monotonic()
    waiting.start()
    time.sleep(0.5)
    for _ in range(2):  # changes only another agency sees
        assert other.push_one(create_op("PUPR"))["status"] == "applied"
    waiting.join(timeout=40)
    assert 2.5 <= time.monotonic() - started < 20
    quiet = answers["page"]
    plain = desk.pull(cursor)
    assert quiet["changes"] == [] and quiet["cursor"] != cursor
    assert _comparable(quiet) == _comparable(plain)
    # ... and a change it may see still wakes the next wait at once.
    colleague = server.login("disdukcapil.admin")
    waiting = threading.Thread(target=lambda: answers.update(page=_wait(desk, quiet["cursor"],
                                                                        20)))
    waiting.start()
    time.sleep(0.5)
    started = time.monotonic()
    made = create_op("DISDUKCAPIL")
    assert colleague.push_one(made)["status"] == "applied"
    waiting.join(timeout=40)
    assert time.monotonic() - started < 5
    assert [c["id"] for c in answers["page"]["changes"]] == [made["complaint_id"]]


@needs_postgres
def test_after_restore_wakes_every_waiting_desk_at_once(server) -> None:
    desk = server.login("dinkes.loket")
    _, cursor = desk.pull_all()
    _wait(desk, cursor, 1)
    _, cursor = desk.pull_all(cursor)
    answers: dict[str, Any] = {}
    waiting = threading.Thread(target=lambda: answers.update(page=_wait(desk, cursor, 25)))
    waiting.start()
    time.sleep(1.0)
    started = time.monotonic()
    server.cli("after-restore")
    waiting.join(timeout=60)
    assert time.monotonic() - started < 8, "the restore did not wake the waiting desk"
    page = answers["page"]
    assert page["reset"] is True and page["reset_reason"] == "restored"
    _, restored = desk.pull_all(page["cursor"])
    # The next wait starts from the restored feed's end: it waits (no reset loop) ...
    started = time.monotonic()
    quiet = _wait(desk, restored, 2)
    assert time.monotonic() - started >= 1.5 and not quiet["reset"] and quiet["changes"] == []
    assert _comparable(quiet) == _comparable(desk.pull(restored))


def test_long_waits_end_spread_over_their_last_fifth() -> None:
    assert {pull_wait.answer_after(3) for _ in range(50)} == {3.0}
    assert pull_wait.answer_after(pull_wait.SPREAD_FROM_S - 1) == pull_wait.SPREAD_FROM_S - 1
    ends = [pull_wait.answer_after(25) for _ in range(400)]
    assert 20.0 <= min(ends) and max(ends) <= 25.0
    assert max(ends) - min(ends) > 3.0  # spread, not one moment


@needs_postgres
def test_a_connection_that_died_while_idle_is_replaced(monkeypatch) -> None:
    url = postgres_url()
    assert url is not None
    database = server_db.Database(url)
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    try:
        def backend() -> int:
            with database.read() as session:
                return int(session.execute(sa.text("SELECT pg_backend_pid()")).scalar_one())

        def kill(pid: int) -> None:
            with psycopg.connect(plain, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            time.sleep(0.2)

        monkeypatch.setattr(server_db, "PING_IDLE_S", 3600.0)  # never idle long enough
        first = backend()
        kill(first)
        with pytest.raises(sa.exc.OperationalError):
            backend()  # unchecked: the dead connection fails the request
        monkeypatch.setattr(server_db, "PING_IDLE_S", 0.0)  # every pooled one counts as idle
        second = backend()
        kill(second)
        third = backend()  # checked before use and replaced
        assert third not in (first, second)
    finally:
        database.dispose()
