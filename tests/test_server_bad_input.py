"""Bad input always gets a 4xx with a clear JSON error body, never a 5xx."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from tests.server_fixtures import ApiClient, ServerHandle, create_op, new_id, start_server

MAX_BODY = 64 * 1024


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerHandle]:
    with start_server(tmp_path_factory.mktemp("badinput"),
                      env={"LAPOR_MAX_BODY_BYTES": str(MAX_BODY)}) as handle:
        yield handle


@pytest.fixture(scope="module")
def desk(server: ServerHandle) -> ApiClient:
    return server.login("dinkes.admin")


def assert_clear_4xx(resp: requests.Response, status: int | None = None) -> dict[str, Any]:
    assert 400 <= resp.status_code < 500, (resp.status_code, resp.text[:500])
    if status is not None:
        assert resp.status_code == status, resp.text[:500]
    body = resp.json()
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["message"], str) and body["message"]
    assert "Traceback" not in resp.text
    return body


RAW_BODIES = [
    ("malformed", b'{"ops": [', 400),
    ("not json at all", b"\x00\xff\xfe garbage", 400),
    ("truncated string", b'{"ops": [{"op_id": "abc', 400),
    ("deep nesting", b"[" * 100_000 + b"]" * 100_000, 413),
    ("nesting under limit", b"[" * 30_000 + b"]" * 30_000, 400),
]


@pytest.mark.parametrize(("name", "raw", "status"), RAW_BODIES, ids=[r[0] for r in RAW_BODIES])
def test_malformed_json(desk: ApiClient, name: str, raw: bytes, status: int) -> None:
    resp = desk.post("/sync/push", data=raw, headers={"Content-Type": "application/json"})
    body = assert_clear_4xx(resp)
    assert resp.status_code in (status, 422), name
    if resp.status_code == 400:
        assert body["error"] in ("malformed_json", "bad_request")


WRONG_TYPES: list[Any] = [
    [], "ops", 12, None, {"ops": "semua"}, {"ops": [1, 2]}, {"ops": [{}]},
    {"ops": [{**create_op(), "op_id": "bukan-uuid"}]},
    {"ops": [{**create_op(), "complaint_id": 7}]},
    {"ops": [{**create_op(), "base_version": "satu"}]},
    {"ops": [{**create_op(), "base_version": -1}]},
    {"ops": [{**create_op(), "base_version": 10**30}]},
    {"ops": [{**create_op(), "payload": ["bukan", "objek"]}]},
    {"ops": [{**create_op(), "kind": "hapus_semua"}]},
    {"ops": [{**create_op(), "kind": None}]},
    {"ops": [create_op()], "extra": True},
]


@pytest.mark.parametrize("body", WRONG_TYPES, ids=[f"case{i}" for i in range(len(WRONG_TYPES))])
def test_wrong_types_are_422(desk: ApiClient, body: Any) -> None:
    body_out = assert_clear_4xx(desk.post("/sync/push", json=body), 422)
    assert body_out["error"] == "invalid"
    assert isinstance(body_out["details"], list) and body_out["details"]


def test_unknown_kind_names_the_field(desk: ApiClient) -> None:
    resp = desk.post("/sync/push", json={"ops": [{**create_op(), "kind": "hapus_semua"}]})
    body = assert_clear_4xx(resp, 422)
    assert any(d["loc"][-1] == "kind" for d in body["details"])
    assert "hapus_semua" not in json.dumps(body["details"])  # input is never echoed back


def test_huge_payloads_are_413(desk: ApiClient) -> None:
    big = create_op(content="x" * (MAX_BODY + 10))
    body = assert_clear_4xx(desk.post("/sync/push", json={"ops": [big]}), 413)
    assert body["error"] == "too_large"

    def stream() -> Iterator[bytes]:  # chunked, no Content-Length
        yield b'{"ops": [{"payload": {"content": "'
        for _ in range(40):
            yield b"y" * 4096
        yield b'"}}]}'

    resp = requests.post(desk.url("/sync/push"), data=stream(), timeout=30,
                         headers={**desk.http.headers, "Content-Type": "application/json"})
    assert_clear_4xx(resp, 413)


def test_long_fields_are_invalid_not_errors(desk: ApiClient) -> None:
    results = desk.push([create_op(title="t" * 5000), create_op(content="c" * 20_000)])
    assert [r["reason"] for r in results] == ["invalid", "invalid"]
    assert "title" in results[0]["errors"] and "content" in results[1]["errors"]


@pytest.mark.parametrize("payload", [
    {"title": 123, "content": ["a"], "classification": "keluhan", "channel": "merpati"},
    {"reporter": "bukan objek", "anonymous": "ya"},
    {"incident_date": "kemarin", "region_code": "99.99"},
    {"received_at": "2999-01-01T00:00:00+08:00"},
    {"agency_code": {"x": 1}},
    {"tags": "satu,dua"},
])
def test_bad_create_payloads_are_rejected_invalid(desk: ApiClient, payload: dict) -> None:
    body = create_op()
    body["payload"].update(payload)
    result = desk.push_one(body)
    assert result["status"] == "rejected", result
    assert result["reason"] in ("invalid", "forbidden"), result
    assert result["message"]


@pytest.mark.parametrize("kind", ["dispose", "follow_up", "hold", "reroute", "attach",
                                  "letter_issued", "letter_voided", "privacy_flags",
                                  "mark_duplicate", "reopen", "verify"])
def test_garbage_payloads_for_every_kind(server: ServerHandle, kind: str) -> None:
    central = server.login("pusat.admin")
    created = central.push_one(create_op())
    assert created["status"] == "applied"
    cid = None
    for weird in ({"unit_codes": "YANKES", "agency_code": 5, "sha256": 1, "size": -1,
                   "agenda_number": "abc", "agenda_year": "x", "duplicate_of": {"a": 1},
                   "anonymous": "mungkin", "due_date": "besok", "text": None},
                  {"unit_codes": [None], "agenda_number": -5, "letter_id": ["x"]}):
        cid = cid or central.get("/public/complaints").json()["complaints"][0]["id"]
        result = central.push_one({"op_id": new_id(), "complaint_id": cid, "base_version": 1,
                                   "kind": kind, "payload": weird})
        assert result["status"] in ("rejected", "applied"), result


@pytest.mark.parametrize(("method", "path", "kw"), [
    ("get", "/sync/pull?limit=abc", {}),
    ("get", "/sync/pull?cursor=%FF%FE", {}),
    ("get", "/sync/pull?cursor=" + "A" * 600, {}),
    ("get", "/audit?limit=-5", {}),
    ("get", "/audit?before=abc", {}),
    ("get", "/audit?before=4611686018427387903", {}),  # found by schemathesis: was a 500 on PG
    ("get", "/complaints/999999999999999999", {}),
    ("get", "/public/complaints?offset=-1", {}),
    ("get", "/complaints/" + "x" * 100, {}),
    ("post", "/agenda/reserve", {"json": {"year": 2026, "count": 10**12}}),
    ("post", "/agenda/reserve", {"data": b"year=2026", "headers": {
        "Content-Type": "application/x-www-form-urlencoded"}}),
    ("post", "/auth/login", {"json": {"username": "a", "password": "b", "device_id": "../x"}}),
    ("post", "/auth/login", {"json": {"username": "", "password": "", "device_id": ""}}),
    ("post", "/auth/login", {"json": {"username": "a" * 1000, "password": "b",
                                      "device_id": "d"}}),
    ("post", "/auth/refresh", {"json": {"refresh_token": 5}}),
    ("post", "/sync/push", {"data": b"ops=1", "headers": {"Content-Type": "text/plain"}}),
    ("delete", "/sync/push", {}),
])
def test_other_bad_requests(desk: ApiClient, method: str, path: str, kw: dict) -> None:
    resp = getattr(desk.http, method)(desk.url(path), timeout=30, **kw)
    assert_clear_4xx(resp)


def test_bad_content_length_is_rejected(server: ServerHandle) -> None:
    import socket
    from urllib.parse import urlparse

    where = urlparse(server.url)
    with socket.create_connection((where.hostname, where.port), timeout=10) as sock:
        sock.sendall(b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n"
                     b"Content-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{}")
        reply = sock.recv(4096).decode(errors="replace")
    status = int(reply.split(" ", 2)[1])
    assert 400 <= status < 500, reply


def test_server_log_has_no_unexpected_errors(server: ServerHandle) -> None:
    log = server.log()
    assert "Traceback" not in log, log[-3000:]
