"""``lapor-desk sync`` tops up agenda numbers after a successful round (docs/letters.md).

A real server behind the loopback proxy of tests/flaky_proxy.py, which counts every
request path: so "no reserve call" is observed on the wire, not inferred.
"""

from __future__ import annotations

import json
import logging

import pytest

from core.clock import clock
from desktop.printing import agenda
from desktop.printing.reserve import years_needed
from desktop.printing.settings import BLOCK_SIZE
from tests.flaky_proxy import FlakyProxy
from tests.server_fixtures import API, ServerHandle, lapor_server  # noqa: F401
from tests.sync_fixtures import Desk, make_desk_fixture  # noqa: F401

pytestmark = [pytest.mark.dates, pytest.mark.timeout(180)]
RESERVE = f"{API}/agenda/reserve"


@pytest.fixture
def proxy(lapor_server: ServerHandle):  # noqa: F811
    with FlakyProxy(lapor_server.url) as front:
        yield front


def _years() -> list[int]:
    return years_needed(clock().today())


def _blocks(desk: Desk) -> list[agenda.Block]:
    with desk.service.reading() as conn:
        return agenda.blocks(conn.connection.driver_connection)


def _sync(desk: Desk) -> dict:
    return json.loads(desk.sync().stdout)


def test_sync_reserves_agenda_numbers_for_a_role_that_issues_letters(
        lapor_server: ServerHandle, proxy: FlakyProxy, make_desk) -> None:  # noqa: F811
    desk = make_desk("pimpinan")
    desk.login(proxy.url, "dinkes.pimpinan", lapor_server.password)
    body = _sync(desk)
    years = _years()
    assert body["ok"] and body["agenda_reserved"] == len(years)
    assert proxy.requests[RESERVE] == len(years)
    held = _blocks(desk)
    assert [(b.agency_code, b.year, b.free) for b in held] == [
        ("DINKES", y, BLOCK_SIZE) for y in years]
    # The server recorded the block against this desk's device.
    device = desk.status()["device_id"]
    entries = lapor_server.login("dinkes.admin").get("/audit", params={"limit": 200}).json()
    mine = [e for e in entries["entries"] if e["action"] == "agenda_reserve"
            and e["device_id"] == device]
    assert [e["username"] for e in mine] == ["dinkes.pimpinan"] * len(years)
    assert {e["target_id"] for e in mine} == {b.id for b in held}

    # Enough numbers held: the next round does not ask again.
    again = _sync(desk)
    assert again["ok"] and again["agenda_reserved"] == 0
    assert proxy.requests[RESERVE] == len(years) and _blocks(desk) == held


def test_roles_that_issue_no_letters_never_ask_for_numbers(
        lapor_server: ServerHandle, proxy: FlakyProxy, make_desk) -> None:  # noqa: F811
    desk = make_desk("dinkes.loket")  # no letter role, no position in the structure
    desk.login(proxy.url, "dinkes.loket", lapor_server.password)
    body = _sync(desk)
    assert body["ok"] and body["agenda_reserved"] == 0
    assert proxy.requests[f"{API}/sync/pull"] >= 1  # the round did talk to the server
    assert proxy.requests[RESERVE] == 0
    assert _blocks(desk) == []


def test_a_kabid_desk_reserves_numbers_for_his_level(
        lapor_server: ServerHandle, proxy: FlakyProxy, make_desk) -> None:  # noqa: F811
    """The Kabid (petugas_unit) holds KABID-YANKES in the seeded structure: he prints the
    Lembar Disposisi of the dispositions sent to him, so his desk tops up too (issue 17.5)."""
    desk = make_desk("dinkes.yankes")
    desk.login(proxy.url, "dinkes.yankes", lapor_server.password)
    body = _sync(desk)  # the structure comes with the pull, the top-up follows
    assert body["ok"] and body["agenda_reserved"] == len(_years())
    assert proxy.requests[RESERVE] == len(_years())
    assert [(b.agency_code, b.free) for b in _blocks(desk)] == [
        ("DINKES", BLOCK_SIZE)] * len(_years())


def test_a_failed_top_up_never_fails_the_round(lapor_server: ServerHandle,  # noqa: F811
                                                proxy: FlakyProxy, make_desk,
                                                caplog: pytest.LogCaptureFixture) -> None:
    desk = make_desk("admin")
    desk.login(proxy.url, "dinkes.admin", lapor_server.password)

    def server_gone_at_reserve(_method: str, path: str) -> None:
        if path.startswith(RESERVE):
            proxy.down = True  # this request and every retry find no server
            proxy.script.insert(0, "drop")

    proxy.hooks.append(server_gone_at_reserve)
    with caplog.at_level(logging.WARNING, logger="desktop.sync.engine"):
        body = _sync(desk)  # exit code 0 asserted by Desk.sync
    assert body["ok"] and body["agenda_reserved"] == 0 and body["pulled"] >= 0
    assert proxy.requests[RESERVE] >= 1
    assert "after-round step top_up_agenda failed" in caplog.text
    assert _blocks(desk) == []
    status = desk.status()
    assert status["last_sync"] and not status["last_error"]

    # The next round, with the server back, tops up.
    proxy.hooks.clear()
    proxy.down = False
    assert _sync(desk)["agenda_reserved"] == len(_years())
    assert sum(b.free for b in _blocks(desk)) == BLOCK_SIZE * len(_years())
