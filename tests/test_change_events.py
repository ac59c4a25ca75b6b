"""Issue 20.4: a desk's change-event stream, ``GET /sync/events?cursor=`` (server side).

A real server process (two workers; SQLite, or PostgreSQL when LAPOR_TEST_DATABASE_URL is
set), read with a plain streaming HTTP client:

- A change in the desk's scope is announced within 2 s; a change in another agency's scope
  is not. One ``change`` per change, and the stream stays open across them.
- A desk whose cursor is behind hears ``change`` at once; so does one whose cursor was made
  for another account (its pull answers with a reset).
- Pings keep an idle stream alive, and the stream ends after ``LAPOR_EVENTS_MAX_OPEN``.
- Bad requests are refused before any stream opens (401, 400 invalid_cursor).
- SIGTERM ends every open stream at once, so a server stops promptly under 2,000 desks.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from tests.server_fixtures import (
    API,
    ServerHandle,
    create_op,
    op,
    server_fixture,
    start_server,
)

PROPAGATION_S = 2.0

lapor_server = server_fixture(workers=2, complaints=4)


class Stream:
    """One open event stream, read on a thread: (seconds since open, what) for every event
    (its name) and comment (``:`` and its text)."""

    def __init__(self, client: Any, cursor: str) -> None:
        self.opened = time.monotonic()
        self.response = client.http.get(client.url("/sync/events"), params={"cursor": cursor},
                                        stream=True, timeout=(10, 30))
        assert self.response.status_code == 200, self.response.text
        assert self.response.headers["content-type"].startswith("text/event-stream")
        self.seen: list[tuple[float, str]] = []
        self.ended: float | None = None
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        event = ""
        try:
            for raw in self.response.iter_lines(chunk_size=None, decode_unicode=True):
                line = raw or ""
                now = time.monotonic() - self.opened
                if line.startswith(":"):
                    self.seen.append((now, line))
                elif line.startswith("event:"):
                    event = line.partition(":")[2].strip()
                elif not line and event:
                    self.seen.append((now, event))
                    event = ""
        except Exception:  # noqa: BLE001 - closed under the reader (close())
            pass
        self.ended = time.monotonic() - self.opened

    def changes(self) -> list[float]:
        return [t for t, what in self.seen if what == "change"]

    def wait_changes(self, count: int, timeout: float) -> list[float]:
        deadline = time.monotonic() + timeout
        while len(self.changes()) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.changes()

    def close(self) -> None:
        self.response.close()


@pytest.fixture
def streams() -> Iterator[list[Stream]]:
    opened: list[Stream] = []
    yield opened
    for stream in opened:
        stream.close()


def at_end(server: ServerHandle, username: str) -> tuple[Any, str]:
    client = server.login(username)
    _, cursor = client.pull_all()
    return client, cursor


def test_changes_in_scope_are_announced_and_others_are_not(lapor_server, streams) -> None:
    client, cursor = at_end(lapor_server, "disdukcapil.loket")
    stream = Stream(client, cursor)
    streams.append(stream)
    time.sleep(1.0)
    assert stream.changes() == []  # at the feed's end: nothing to say

    other = lapor_server.login("pupr.loket")
    assert other.push_one(create_op("PUPR"))["status"] == "applied"
    time.sleep(1.5)
    assert stream.changes() == []  # another agency's change

    colleague = lapor_server.login("disdukcapil.admin")
    body = create_op("DISDUKCAPIL")
    for n in range(2):
        pushed = time.monotonic()
        if n == 0:
            assert colleague.push_one(body)["status"] == "applied"
        else:
            note = op("note", body["complaint_id"], 1, text="Petugas menghubungi pelapor.")
            assert colleague.push_one(note)["status"] == "applied"
        got = stream.wait_changes(n + 1, 10)
        assert len(got) == n + 1, stream.seen
        assert stream.opened + got[n] - pushed <= PROPAGATION_S
    time.sleep(1.0)
    assert len(stream.changes()) == 2 and stream.ended is None  # one each, still open
    # What the change announced is what the desk's next pull brings.
    changes, _ = client.pull_all(cursor)
    assert [c["id"] for c in changes if c["type"] == "complaint"] == [body["complaint_id"]]


def test_a_desk_behind_or_with_another_accounts_cursor_hears_at_once(lapor_server,
                                                                     streams) -> None:
    client = lapor_server.login("disdukcapil.loket")
    first = client.pull(limit=1)
    assert first["has_more"]  # the seeded complaints lie ahead of this cursor
    behind = Stream(client, first["cursor"])
    streams.append(behind)
    assert behind.wait_changes(1, 5), behind.seen

    _, foreign = at_end(lapor_server, "pupr.loket")
    other_scope = Stream(client, foreign)  # pulling from it answers with a reset
    streams.append(other_scope)
    assert other_scope.wait_changes(1, 5), other_scope.seen
    assert client.pull(foreign)["reset"] is True


def test_errors_come_before_any_stream(lapor_server) -> None:
    url = f"{lapor_server.api}/sync/events"
    anonymous = requests.get(url, params={"cursor": "x"}, timeout=10)
    assert anonymous.status_code == 401
    client = lapor_server.login("disdukcapil.loket")
    bad = client.get("/sync/events", params={"cursor": "bukan-kursor"})
    assert bad.status_code == 400 and bad.json()["error"] == "invalid_cursor"
    missing = client.get("/sync/events")
    assert missing.status_code in (400, 422)
    assert not missing.headers["content-type"].startswith("text/event-stream")


def test_pings_keep_it_alive_and_it_ends_after_its_time(tmp_path, streams) -> None:
    env = {"LAPOR_EVENTS_PING": "1", "LAPOR_EVENTS_MAX_OPEN": "4"}
    with start_server(tmp_path, env=env) as server:
        client, cursor = at_end(server, "dinkes.loket")
        stream = Stream(client, cursor)
        streams.append(stream)
        deadline = time.monotonic() + 15
        while stream.ended is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert stream.ended is not None, stream.seen
        assert 3.4 <= stream.ended <= 6.0, stream.ended  # 4 s, less up to a tenth
        pings = [t for t, what in stream.seen if what == ": ping"]
        assert len(pings) >= 2 and all(b - a < 1.6 for a, b in zip(pings, pings[1:], strict=False))
        assert stream.changes() == []
        # The desk opens the next one; it is as good as the first.
        again = Stream(client, cursor)
        streams.append(again)
        assert server.login("dinkes.admin").push_one(create_op("DINKES"))["status"] == \
            "applied"
        assert again.wait_changes(1, 5), again.seen


def test_sigterm_ends_open_streams_at_once(tmp_path, streams) -> None:
    with start_server(tmp_path, workers=2) as server:
        opened = []
        for name in ("dinkes.loket", "dinkes.admin", "pupr.loket"):
            client, cursor = at_end(server, name)
            opened.append(Stream(client, cursor))
        streams.extend(opened)
        time.sleep(0.5)
        assert server.process is not None
        started = time.monotonic()
        os.killpg(server.process.pid, signal.SIGTERM)
        server.process.wait(timeout=10)
        assert time.monotonic() - started < 5.0
        for stream in opened:
            deadline = time.monotonic() + 5
            while stream.ended is None and time.monotonic() < deadline:
                time.sleep(0.05)
            assert stream.ended is not None


def test_the_stream_is_in_the_api_document(lapor_server) -> None:
    doc = requests.get(f"{lapor_server.url}{API}/openapi.json", timeout=10).json()
    answer = doc["paths"]["/api/v1/sync/events"]["get"]["responses"]["200"]
    assert "text/event-stream" in answer["content"]


def test_after_restore_every_stream_hears_at_once(tmp_path, streams) -> None:
    """``lapor-server after-restore`` changes what every cursor means: each open stream
    says ``change`` (the pull answers with the reset "restored"), and after that follows
    the restored feed (one ``change`` for the next change, not a reset loop)."""
    with start_server(tmp_path, complaints=2) as server:
        client, cursor = at_end(server, "dinkes.loket")
        stream = Stream(client, cursor)
        streams.append(stream)
        time.sleep(1.0)
        assert stream.changes() == []
        started = time.monotonic()
        server.cli("after-restore")
        assert stream.wait_changes(1, 8), "the restore did not reach the open stream"
        assert time.monotonic() - started < 8
        page = client.pull(cursor)
        assert page["reset"] is True and page["reset_reason"] == "restored"
        time.sleep(1.5)
        assert len(stream.changes()) == 1
        assert server.login("dinkes.admin").push_one(create_op("DINKES"))["status"] == \
            "applied"
        assert len(stream.wait_changes(2, 5)) == 2
        time.sleep(1.0)
        assert len(stream.changes()) == 2


def test_a_desks_own_push_is_not_announced_to_it(tmp_path, streams) -> None:
    """Its round pulls right after pushing; another desk of the same account is told."""
    with start_server(tmp_path) as server:
        client, cursor = at_end(server, "disdukcapil.loket")
        stream = Stream(client, cursor)
        streams.append(stream)
        time.sleep(0.5)
        assert client.push_one(create_op("DISDUKCAPIL"))["status"] == "applied"
        time.sleep(1.5)
        assert stream.changes() == []
        other_desk = server.login("disdukcapil.loket")  # same account, another device
        assert other_desk.device_id != client.device_id
        assert other_desk.push_one(create_op("DISDUKCAPIL"))["status"] == "applied"
        assert len(stream.wait_changes(1, 5)) == 1
