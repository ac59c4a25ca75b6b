"""PostgreSQL, several workers, concurrent pushers and pullers: no cursor misses a change.

A cursor skips a change when a transaction that took a lower feed number commits after a
reader already moved past a higher one. The server injects a random pause between taking
feed numbers and COMMIT (LAPOR_TEST_COMMIT_DELAY_MS) to make that window wide. Every puller
records the newest version it received of every complaint; after the pushers stop and each
puller catches up from its own cursor, every puller must hold every complaint at its final
version. A skipped last change would leave a stale version behind for good.

The control run switches the server to a deliberately broken numbering
(LAPOR_TEST_UNSAFE_FEED: numbers taken outside the transaction, like a plain sequence) and
shows that this very check does catch the misses that produces.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.server_fixtures import (
    ApiClient,
    ServerHandle,
    create_op,
    op,
    postgres_url,
    start_server,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not postgres_url(), reason="needs LAPOR_TEST_DATABASE_URL (PostgreSQL)"),
]

PUSHERS = ["dinkes.loket", "pupr.loket", "dishub.loket", "disdikbud.loket", "dinkes.admin",
           "disdukcapil.loket"]
AGENCY = {"dinkes": "DINKES", "pupr": "PUPR", "dishub": "DISHUB", "disdikbud": "DISDIKBUD",
          "disdukcapil": "DISDUKCAPIL"}


def _pusher(client: ApiClient, rounds: int, final: dict[str, int], lock: threading.Lock,
            errors: list[str]) -> None:
    agency = AGENCY[client.username.split(".")[0]]
    mine: dict[str, int] = {}
    for index in range(rounds):
        ops = [create_op(agency)]
        for cid, version in list(mine.items())[-2:]:
            ops.append(op("note", cid, version, text=f"catatan ke-{index} dari {client.username}"))
        for body, result in zip(ops, client.push(ops), strict=True):
            if result["status"] != "applied":
                errors.append(repr(result))
                continue
            mine[body["complaint_id"]] = result["version"]
    with lock:
        final.update(mine)


def _puller(client: ApiClient, stop: threading.Event, seen: dict[str, int]) -> str | None:
    cursor = None
    while not stop.is_set():
        page = client.pull(cursor, limit=15)
        for change in page["changes"]:
            if change["type"] == "complaint":
                seen[change["id"]] = max(seen.get(change["id"], 0), change["data"]["version"])
        cursor = page["cursor"]
    return cursor


def run_storm(server: ServerHandle, rounds: int = 12, pullers: int = 4) -> dict[str, object]:
    """Push and pull at the same time; return what every puller missed."""
    pushers = [server.login(name) for name in PUSHERS]
    readers = [server.login("pusat.admin") for _ in range(pullers)]
    final: dict[str, int] = {}
    errors: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()
    seen: list[dict[str, int]] = [{} for _ in readers]
    with ThreadPoolExecutor(len(pushers) + len(readers)) as pool:
        reading = [pool.submit(_puller, r, stop, s) for r, s in zip(readers, seen, strict=True)]
        writing = [pool.submit(_pusher, p, rounds, final, lock, errors) for p in pushers]
        for job in writing:
            job.result()
        time.sleep(0.3)
        stop.set()
        cursors = [job.result() for job in reading]
    # Catch up from each puller's own cursor: what the cursor skipped never comes back.
    for reader, cursor, mine in zip(readers, cursors, seen, strict=True):
        changes, _ = reader.pull_all(cursor)
        for change in changes:
            if change["type"] == "complaint":
                mine[change["id"]] = max(mine.get(change["id"], 0), change["data"]["version"])
    missed = [sum(1 for cid, version in final.items() if mine.get(cid) != version)
              for mine in seen]
    return {"final": final, "errors": errors, "missed": missed}


def test_no_cursor_misses_a_change(tmp_path: Path) -> None:
    env = {"LAPOR_TEST_COMMIT_DELAY_MS": "6"}
    with start_server(tmp_path, env=env, workers=3) as server:
        outcome = run_storm(server)
        log = server.log()
    assert outcome["errors"] == []
    assert len(outcome["final"]) == len(PUSHERS) * 12
    assert outcome["missed"] == [0, 0, 0, 0], outcome["missed"]
    assert "Traceback" not in log


def test_the_check_catches_a_broken_feed(tmp_path: Path) -> None:
    env = {"LAPOR_TEST_COMMIT_DELAY_MS": "40", "LAPOR_TEST_UNSAFE_FEED": "1"}
    with start_server(tmp_path, env=env, workers=3) as server:
        total = 0
        for _ in range(3):  # a race: give it a few chances to show
            outcome = run_storm(server, rounds=8)
            total += sum(outcome["missed"])
            if total:
                break
    assert total > 0, "the broken numbering went unnoticed: the check is too weak"
