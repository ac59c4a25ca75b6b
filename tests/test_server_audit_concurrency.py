"""PostgreSQL, three server processes, desks pushing and signing in at once: every audit
chain still verifies (chain order is commit order).

The control run takes each chain's numbers outside the transaction
(LAPOR_TEST_UNSAFE_AUDIT), so a transaction may read its chain's head before the entry
below it commits, and shows that ``audit verify`` catches the broken links that makes.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.audit_fixtures import verify
from tests.server_fixtures import ServerHandle, create_op, op, postgres_url, start_server

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not postgres_url(), reason="needs LAPOR_TEST_DATABASE_URL (PostgreSQL)"),
]

# Three desks on the DINKES chain, one each on two others.
DESKS = [("dinkes.loket", "DINKES"), ("dinkes.admin", "DINKES"), ("dinkes.loket", "DINKES"),
         ("pupr.loket", "PUPR"), ("dishub.loket", "DISHUB")]


def _desk(server: ServerHandle, username: str, agency: str, rounds: int) -> list[Any]:
    problems: list[Any] = []
    client = server.login(username)
    mine: dict[str, int] = {}
    for index in range(rounds):
        ops = [create_op(agency)]
        ops += [op("note", cid, version, text=f"catatan {index}")
                for cid, version in list(mine.items())[-2:]]
        for body, result in zip(ops, client.push(ops), strict=True):
            if result["status"] != "applied":
                problems.append(result)
            else:
                mine[body["complaint_id"]] = result["version"]
        if index % 3 == 2:  # sign in again: login entries interleave with the ops
            client = server.login(username)
    return problems


def _storm(server: ServerHandle, rounds: int) -> None:
    with ThreadPoolExecutor(len(DESKS)) as pool:
        jobs = [pool.submit(_desk, server, name, agency, rounds) for name, agency in DESKS]
        assert [job.result() for job in jobs] == [[]] * len(DESKS)


def test_concurrent_pushes_leave_chains_that_verify(tmp_path: Path) -> None:
    with start_server(tmp_path, env={"LAPOR_TEST_COMMIT_DELAY_MS": "6"}, workers=3) as server:
        _storm(server, rounds=10)
        log = server.log()
        code, report = verify(server.database_url)
    assert code == 0, report["problems"]
    chains = {c["chain"]: c["entries"] for c in report["chains"]}
    assert chains["DINKES"] >= 3 * 10 * 2  # the ops and the sign-ins, all chained
    assert "Traceback" not in log


def test_the_check_catches_chains_built_outside_the_lock(tmp_path: Path) -> None:
    env = {"LAPOR_TEST_COMMIT_DELAY_MS": "40", "LAPOR_TEST_UNSAFE_AUDIT": "1"}
    with start_server(tmp_path, env=env, workers=3) as server:
        for _ in range(3):  # a race: give it a few chances to show
            _storm(server, rounds=6)
            code, report = verify(server.database_url)
            if code:
                break
    assert code == 1, "chains built outside the lock went unnoticed: the check is too weak"
    assert {p["kind"] for p in report["problems"]} <= {"changed", "inserted"}
    assert any("DINKES" == p["chain"] for p in report["problems"])
