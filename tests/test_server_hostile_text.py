"""Text a desk or a stranger can send that once turned into a 500 (issue 13).

Unicode digits where numbers are expected (``"²".isdigit()`` is True but ``int("²")``
raises), booleans taken for integers, and characters the databases cannot store (NUL, which
PostgreSQL text refuses; lone surrogates, which no UTF-8 store takes). Every one must get a
4xx with the documented error body, on SQLite and on PostgreSQL (``LAPOR_TEST_DATABASE_URL``).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from core.qr_payload import make_qr_payload
from server.qr_keys import derive
from tests.server_fixtures import (
    ApiClient,
    ServerHandle,
    create_op,
    dispose,
    make_complaint,
    new_id,
    op,
    start_server,
)

pytestmark = pytest.mark.timeout(300)
QR_SECRET = "uji-rahasia-qr-untuk-teks-aneh-0123456789"
UNICODE_DIGITS = ["²", "①", "1²", "٣", "１２", "²⁰²⁶"]
NOT_NUMBERS = [*UNICODE_DIGITS, 10**30, "9" * 30, True, 2.5]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerHandle]:
    with start_server(tmp_path_factory.mktemp("hostile"),
                      env={"LAPOR_QR_SECRET": QR_SECRET}) as handle:
        yield handle


@pytest.fixture(scope="module")
def admin(server: ServerHandle) -> ApiClient:
    return server.login("dinkes.admin")


@pytest.fixture(scope="module")
def disposed(server: ServerHandle, admin: ApiClient) -> tuple[str, int, int]:
    """(id, version, tracking number) of a DINKES complaint disposed to YANKES."""
    cid, result = make_complaint(admin)
    version = dispose(admin, server.login("dinkes.pimpinan"), cid, result["version"],
                      ["YANKES"])
    return cid, version, result["tracking_number"]


def assert_error_body(resp: requests.Response, status: int | None = None,
                      code: str | None = None) -> dict[str, Any]:
    assert 400 <= resp.status_code < 500, (resp.status_code, resp.text[:500])
    if status is not None:
        assert resp.status_code == status, resp.text[:500]
    body = resp.json()
    assert set(body) == {"error", "message", "details"}, body
    assert isinstance(body["message"], str) and body["message"]
    if code is not None:
        assert body["error"] == code, body
    assert "Traceback" not in resp.text
    return body


# --- numbers only from ASCII digits -------------------------------------------------------

@pytest.mark.parametrize("digits", NOT_NUMBERS)
@pytest.mark.parametrize("field", ["agenda_number", "agenda_year"])
def test_unicode_digits_in_letter_issued_are_invalid(
        admin: ApiClient, disposed: tuple[str, int, int], field: str, digits: str) -> None:
    cid, version, _ = disposed
    payload: dict[str, Any] = {"letter_id": new_id(), "agenda_number": "7",
                               "agenda_year": "2026", field: digits}
    resp = admin.post("/sync/push", json={"ops": [op("letter_issued", cid, version, **payload)]})
    assert resp.status_code == 200, resp.text  # the batch is answered, op by op
    result = resp.json()["results"][0]
    assert result["status"] == "rejected" and result["reason"] == "invalid", result
    assert field in result["errors"], result


@pytest.mark.parametrize("digits", NOT_NUMBERS)
def test_unicode_digits_in_letter_voided_are_invalid(
        admin: ApiClient, disposed: tuple[str, int, int], digits: str) -> None:
    cid, version, _ = disposed
    ops = [op("letter_voided", cid, version, agenda_number=digits, reason="salah ketik"),
           op("letter_voided", cid, version, agenda_number="1", agenda_year=digits,
              reason="salah ketik")]
    resp = admin.post("/sync/push", json={"ops": ops})
    assert resp.status_code == 200, resp.text
    for result in resp.json()["results"]:
        assert result["status"] == "rejected" and result["reason"] == "invalid", result


def test_a_bad_letter_op_does_not_fail_its_batch(
        admin: ApiClient, disposed: tuple[str, int, int]) -> None:
    cid, version, _ = disposed
    ops = [create_op(), op("letter_issued", cid, version, agenda_number="²"), create_op()]
    results = admin.push(ops)
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"], results


@pytest.mark.parametrize("key", ["%C2%B2", "1%C2%B2", "%E2%91%A0", "%D9%A3", "%EF%BC%91"])
def test_unicode_digits_as_complaint_key_are_404(admin: ApiClient, key: str) -> None:
    assert_error_body(admin.get(f"/complaints/{key}"), 404, "not_found")


def _cursor(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


@pytest.mark.parametrize("seq", [True, False, 1.5, "3", None, -1, [1]])
def test_cursor_position_must_be_a_real_integer(admin: ApiClient, seq: Any) -> None:
    fingerprint = json.loads(base64.urlsafe_b64decode(
        admin.pull()["cursor"] + "==="))["f"]
    resp = admin.get("/sync/pull", params={"cursor": _cursor({"v": 1, "s": seq,
                                                               "f": fingerprint})})
    assert_error_body(resp, 400, "invalid_cursor")


@pytest.mark.parametrize("version", [True, 1.0, "1"])
def test_cursor_version_must_be_a_real_integer(admin: ApiClient, version: Any) -> None:
    resp = admin.get("/sync/pull", params={"cursor": _cursor({"v": version, "s": 0,
                                                               "f": "x"})})
    assert_error_body(resp, 400, "invalid_cursor")


@pytest.mark.parametrize(("seq", "number"), list(enumerate(["²", "1²", "①", "٣", "2000001²"])))
def test_verify_with_unicode_digit_complaint_number(
        server: ServerHandle, admin: ApiClient, disposed: tuple[str, int, int],
        seq: int, number: str) -> None:
    cid, version, tracking = disposed
    agenda = f"{900 + seq}/DISP/DINKES/XII/2026"
    issued = admin.push_one(op("letter_issued", cid, version, letter_id=new_id(),
                               agenda_text=agenda))
    assert issued["status"] == "applied", issued
    key = derive(QR_SECRET.encode(), "v1", "DINKES")
    resp = requests.get(f"{server.api}/letters/verify", timeout=30,
                        params={"payload": make_qr_payload("DINKES", agenda, number, key)})
    assert resp.status_code == 200, resp.text
    assert resp.json()["status"] == "unknown"  # signed, but it names another complaint
    genuine = requests.get(f"{server.api}/letters/verify", timeout=30, params={
        "payload": make_qr_payload("DINKES", agenda, str(tracking), key)})
    assert genuine.json()["status"] == "valid", genuine.text


@pytest.mark.parametrize(("agency", "agenda", "number"), [
    ("DINKES", "001/DISP/\x00/2026", "2000001"),
    ("DINKES", "001/DISP/DINKES/XII/2026", "2000\x001"),
    ("DIN\x00KES", "001/DISP/DINKES/XII/2026", "2000001"),
])
def test_verify_with_nul_inside_a_signed_payload(server: ServerHandle, agency: str, agenda: str,
                                                 number: str) -> None:
    # Found by the fuzz on PostgreSQL: the payload's fields are percent-encoded, so a NUL
    # appears only after the server decodes them (the query parameter itself holds "%00").
    payload = make_qr_payload(agency, agenda, number, derive(QR_SECRET.encode(), "v1", agency))
    assert "\x00" not in payload
    resp = requests.get(f"{server.api}/letters/verify", params={"payload": payload}, timeout=30)
    assert_error_body(resp, 400, "invalid_qr")


# --- characters no database column can hold -----------------------------------------------

@pytest.mark.parametrize("path", [
    "/complaints/%00", "/complaints/a%00b", "/users?agency=%00", "/users?agency=DIN%00KES",
    "/audit?complaint_id=%00", "/sync/pull?cursor=%00", "/attachments/%00",
    "/letters/verify?payload=LPD1%7C%00%7C1%7C2%7CAAAA",
])
def test_nul_in_path_or_query_is_refused(server: ServerHandle, path: str) -> None:
    central = server.login("pusat.admin")
    body = assert_error_body(central.get(path), 422, "invalid")
    assert isinstance(body["details"], list) and body["details"]
    assert "\x00" not in json.dumps(body)


def test_nul_in_login_username_is_refused(server: ServerHandle) -> None:
    for username, password in (("dinkes\x00.admin", "x"), ("dinkes.admin", "ra\x00hasia")):
        resp = requests.post(f"{server.api}/auth/login", timeout=30, json={
            "username": username, "password": password, "device_id": "desk-nul"})
        assert_error_body(resp, 422, "invalid")


def _nul_ops(cid: str, version: int) -> list[dict[str, Any]]:
    return [
        create_op(category_id="kes\x00ehatan"),
        create_op(title="Judul\x00"),
        create_op(agency_code="DIN\x00KES"),
        {**create_op(), "payload": {**create_op()["payload"], "tags": ["a\x00"]}},
        op("dispose", cid, version, unit_codes=["YAN\x00KES"]),
        op("letter_issued", cid, version, letter_id="surat\x001"),
        op("letter_issued", cid, version, agenda_text="001/\x00/2026"),
        op("letter_voided", cid, version, letter_id="\x00", reason="x"),
        op("note", cid, version, text="catatan\x00"),
        op("mark_duplicate", cid, version, duplicate_of="\x00"),
        op("attach", cid, version, sha256="\x00" * 64, filename="a", mime="text/plain"),
        op("note", cid, version, **{"te\x00xt": "kunci aneh"}),
    ]


@pytest.mark.parametrize("index", range(12))
def test_nul_anywhere_in_a_push_is_refused(
        admin: ApiClient, disposed: tuple[str, int, int], index: int) -> None:
    cid, version, _ = disposed
    bad = _nul_ops(cid, version)[index]
    resp = admin.post("/sync/push", json={"ops": [create_op(), bad]})
    body = assert_error_body(resp, 422, "invalid")
    assert any(d["loc"][:2] == ["body", "ops"] for d in body["details"]), body
    assert "\x00" not in json.dumps(body)


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "a\\udc00b", "\\ud83d x"])
def test_lone_surrogates_in_a_push_are_refused(admin: ApiClient, escape: str) -> None:
    raw = json.dumps({"ops": [create_op(title="TITLE")]}).replace("TITLE", escape)
    resp = admin.post("/sync/push", data=raw.encode(),
                      headers={"Content-Type": "application/json"})
    assert_error_body(resp, 422, "invalid")


def test_escaped_backslash_before_u0000_is_plain_text(admin: ApiClient) -> None:
    # JSON "\\u0000" is a backslash followed by "u0000": harmless text, not a NUL.
    raw = json.dumps({"ops": [create_op(title="Judul \\u0000 dan \\ud800 emoji 😀")]})
    resp = admin.post("/sync/push", data=raw.encode(),
                      headers={"Content-Type": "application/json"})
    assert resp.status_code == 200, resp.text
    assert resp.json()["results"][0]["status"] == "applied"


def test_agenda_reserve_and_refresh_refuse_nul(server: ServerHandle) -> None:
    leader = server.login("dinkes.pimpinan")
    resp = requests.post(f"{server.api}/auth/refresh", timeout=30,
                         json={"refresh_token": "x\x00y"},
                         headers={"X-Device-Id": leader.device_id})
    assert_error_body(resp, 422, "invalid")


def test_server_log_has_no_tracebacks(server: ServerHandle) -> None:
    log = server.log()
    assert "Traceback" not in log, log[-3000:]
