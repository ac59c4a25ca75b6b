"""Sign-in, expiry, renewal, revocation, throttling; tokens never stored or logged."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator

import pytest
import requests
import sqlalchemy as sa

from tests.server_fixtures import ServerHandle, start_server

TTL = 3
GRACE = 2


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerHandle]:
    env = {"LAPOR_TOKEN_TTL": str(TTL), "LAPOR_LOGIN_MAX_FAILURES": "3",
           "LAPOR_REFRESH_GRACE": str(GRACE)}
    with start_server(tmp_path_factory.mktemp("auth"), env=env) as handle:
        yield handle


def login_raw(server: ServerHandle, username: str, password: str, device: str = "dev-1",
              headers: dict | None = None) -> requests.Response:
    return requests.post(f"{server.api}/auth/login", timeout=30, headers=headers or {},
                         json={"username": username, "password": password, "device_id": device})


def test_health_and_version_need_no_token(server: ServerHandle) -> None:
    assert requests.get(f"{server.api}/health", timeout=5).json() == {"status": "ok"}
    body = requests.get(f"{server.api}/version", timeout=5).json()
    assert body["api"] == 1 and isinstance(body["version"], str)


def test_login_returns_tokens_and_user(server: ServerHandle) -> None:
    resp = login_raw(server, "dinkes.yankes", server.password)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["expires_in"] == TTL
    assert body["access_token"] and body["refresh_token"]
    assert body["access_token"] != body["refresh_token"]
    user = body["user"]
    assert user["username"] == "dinkes.yankes"
    assert (user["role"], user["agency"], user["unit"]) == ("petugas_unit", "DINKES", "YANKES")
    assert user["full_name"]


def test_wrong_password_and_unknown_user_look_the_same(server: ServerHandle) -> None:
    wrong = login_raw(server, "dishub.admin", "salah-sekali")
    unknown = login_raw(server, "tidak.ada", "salah-sekali")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["error"] == unknown.json()["error"] == "invalid_credentials"
    assert wrong.json()["message"] == unknown.json()["message"]


def test_access_token_expires_and_refresh_renews(server: ServerHandle) -> None:
    client = server.login("dinkes.admin")
    assert client.get("/users").status_code == 200
    time.sleep(TTL + 0.5)
    expired = client.get("/users")
    assert expired.status_code == 401
    assert expired.json()["error"] == "token_expired"

    old_refresh = client.refresh_token
    resp = requests.post(f"{server.api}/auth/refresh", json={"refresh_token": old_refresh},
                         headers={"X-Device-Id": client.device_id}, timeout=10)
    assert resp.status_code == 200, resp.text
    renewed = resp.json()
    assert renewed["refresh_token"] != old_refresh
    assert renewed["user"]["username"] == "dinkes.admin"
    client.set_token(renewed["access_token"])
    assert client.get("/users").status_code == 200

    # Rotated: once the grace window has passed, the old one no longer works.
    time.sleep(GRACE + 0.5)
    again = requests.post(f"{server.api}/auth/refresh", json={"refresh_token": old_refresh},
                          timeout=10)
    assert again.status_code == 401
    assert again.json()["error"] == "invalid_refresh_token"


def _refresh(server: ServerHandle, token: str, device: str) -> requests.Response:
    return requests.post(f"{server.api}/auth/refresh", json={"refresh_token": token},
                         headers={"X-Device-Id": device}, timeout=10)


def test_lost_refresh_answer_can_be_replayed_within_grace(server: ServerHandle) -> None:
    client = server.login("dinkes.loket")
    first = client.refresh_token
    lost = _refresh(server, first, client.device_id)  # the answer never reaches the desk
    assert lost.status_code == 200, lost.text
    replay = _refresh(server, first, client.device_id)
    assert replay.status_code == 200, replay.text
    renewed = replay.json()
    assert renewed["refresh_token"] not in (first, lost.json()["refresh_token"])
    # The pair in the lost answer died with the replay; the replayed pair works.
    assert _refresh(server, lost.json()["refresh_token"], client.device_id).status_code == 401
    client.set_token(renewed["access_token"])
    assert client.get("/users").status_code == 200
    later = _refresh(server, renewed["refresh_token"], client.device_id)
    assert later.status_code == 200, later.text


def test_refresh_replay_after_grace_revokes_the_session(server: ServerHandle) -> None:
    client = server.login("dinkes.pimpinan", device_id="desk-stolen")
    stolen = client.refresh_token
    renewed = _refresh(server, stolen, client.device_id).json()
    time.sleep(GRACE + 0.5)
    reuse = _refresh(server, stolen, client.device_id)
    assert reuse.status_code == 401
    # Two parties held the token: the whole session ends, the honest pair included.
    assert _refresh(server, renewed["refresh_token"], client.device_id).status_code == 401
    client.set_token(renewed["access_token"])
    assert client.get("/users").status_code == 401


def test_refresh_from_another_device_is_refused(server: ServerHandle) -> None:
    client = server.login("dinkes.pimpinan")
    resp = requests.post(f"{server.api}/auth/refresh",
                         json={"refresh_token": client.refresh_token},
                         headers={"X-Device-Id": "someone-else"}, timeout=10)
    assert resp.status_code == 401
    assert resp.json()["error"] == "device_mismatch"


def test_logout_revokes_access_and_refresh(server: ServerHandle) -> None:
    client = server.login("pupr.admin")
    assert client.get("/users").status_code == 200
    out = client.post("/auth/logout")
    assert out.status_code == 204
    after = client.get("/users")
    assert after.status_code == 401
    assert after.json()["error"] == "token_invalid"
    refresh = requests.post(f"{server.api}/auth/refresh",
                            json={"refresh_token": client.refresh_token}, timeout=10)
    assert refresh.status_code == 401


def test_token_is_bound_to_its_device(server: ServerHandle) -> None:
    client = server.login("pupr.loket", device_id="desk-a")
    resp = requests.get(f"{server.api}/users", timeout=10, headers={
        "Authorization": f"Bearer {client.token}", "X-Device-Id": "desk-b"})
    assert resp.status_code == 401
    assert resp.json()["error"] == "device_mismatch"


def test_token_without_device_id_is_refused(server: ServerHandle) -> None:
    client = server.login("pupr.loket", device_id="desk-a")
    bearer = {"Authorization": f"Bearer {client.token}"}
    for headers in (bearer, {**bearer, "X-Device-Id": ""}):
        resp = requests.get(f"{server.api}/users", timeout=10, headers=headers)
        assert resp.status_code == 401
        body = resp.json()
        assert set(body) == {"error", "message", "details"}
        assert body["error"] == "device_mismatch" and "X-Device-Id" in body["message"]
    assert client.get("/users").status_code == 200  # the token itself still works


def test_refresh_without_or_with_another_device_id_is_refused(server: ServerHandle) -> None:
    client = server.login("pupr.pimpinan", device_id="desk-p")
    for headers in ({}, {"X-Device-Id": ""}, {"X-Device-Id": "desk-q"}):
        resp = requests.post(f"{server.api}/auth/refresh", timeout=10, headers=headers,
                             json={"refresh_token": client.refresh_token})
        assert resp.status_code == 401, resp.text
        assert resp.json()["error"] == "device_mismatch"
    # The refused attempts consumed nothing: the owner renews with the same token.
    resp = requests.post(f"{server.api}/auth/refresh", timeout=10,
                         headers={"X-Device-Id": "desk-p"},
                         json={"refresh_token": client.refresh_token})
    assert resp.status_code == 200, resp.text


def test_expired_token_from_another_device_is_not_told_to_renew(server: ServerHandle) -> None:
    client = server.login("pupr.admin", device_id="desk-e")
    time.sleep(TTL + 0.5)
    foreign = requests.get(f"{server.api}/users", timeout=10, headers={
        "Authorization": f"Bearer {client.token}", "X-Device-Id": "desk-f"})
    assert foreign.status_code == 401 and foreign.json()["error"] == "device_mismatch"
    assert client.get("/users").json()["error"] == "token_expired"


def test_openapi_marks_the_device_header_required(server: ServerHandle) -> None:
    schema = requests.get(f"{server.api}/openapi.json", timeout=10).json()
    for path in ("/api/v1/sync/pull", "/api/v1/users"):
        params = schema["paths"][path]["get"]["parameters"]
        device = [p for p in params if p["name"] == "X-Device-Id"]
        assert device and device[0]["required"] is True and device[0]["in"] == "header"
    refresh = schema["paths"]["/api/v1/auth/refresh"]["post"]["parameters"]
    assert [p["required"] for p in refresh if p["name"] == "X-Device-Id"] == [True]


def test_desk_client_sends_its_device_id_on_every_request(server: ServerHandle) -> None:
    from desktop.sync.client import ApiClient as DeskClient

    client = DeskClient(server.url, "desk-client-1")
    sent: list[tuple[str, str | None]] = []
    client.session.hooks["response"].append(
        lambda r, *_a, **_k: sent.append((r.request.path_url, r.request.headers.get(
            "X-Device-Id"))))
    try:
        assert client.health()
        client.login("dinkes.pimpinan", server.password)
        page = client.pull(None, 50)
        assert client.push([]) == []
        sha = hashlib.sha256(b"isi berkas").hexdigest()
        client.upload(sha, b"isi berkas", "text/plain")
        assert b"".join(client.download(sha)) == b"isi berkas"
        client.reserve_agenda(2026, 2)
        time.sleep(TTL + 0.5)  # the access token expires: the client renews and retries
        assert client.pull(page.cursor, 50).cursor
    finally:
        client.close()
    paths = {path.split("?")[0].removeprefix("/api/v1") for path, _ in sent}
    assert {"/health", "/auth/login", "/sync/pull", "/sync/push", f"/attachments/{sha}",
            "/agenda/reserve", "/auth/refresh"} <= paths
    assert {device for _, device in sent} == {"desk-client-1"}


@pytest.mark.parametrize("header", ["", "Bearer", "Bearer   ", "Basic abc", "Bearer nonsense"])
def test_bad_authorization_headers_are_401(server: ServerHandle, header: str) -> None:
    resp = requests.get(f"{server.api}/users", headers={"Authorization": header}, timeout=10)
    assert resp.status_code == 401
    body = resp.json()
    assert body["error"] in ("token_missing", "token_invalid") and body["message"]


def test_repeated_failures_slow_the_account(server: ServerHandle) -> None:
    for _ in range(3):
        assert login_raw(server, "dishub.loket", "bukan-ini").status_code == 401
    blocked = login_raw(server, "dishub.loket", server.password)
    assert blocked.status_code == 429
    assert blocked.json()["error"] == "login_throttled"
    wait = int(blocked.headers["Retry-After"])
    assert 1 <= wait <= 5
    # Another account from the same address is not blocked by this account's failures.
    assert login_raw(server, "dishub.admin", server.password).status_code == 200
    time.sleep(wait + 0.2)
    assert login_raw(server, "dishub.loket", server.password).status_code == 200


def test_repeated_failures_slow_the_address(tmp_path_factory: pytest.TempPathFactory) -> None:
    env = {"LAPOR_LOGIN_MAX_FAILURES": "50", "LAPOR_LOGIN_MAX_FAILURES_ADDRESS": "4"}
    with start_server(tmp_path_factory.mktemp("auth-addr"), env=env) as srv:
        for name in ("a.satu", "b.dua", "c.tiga", "d.empat"):
            assert login_raw(srv, name, "tebakan").status_code == 401
        blocked = login_raw(srv, "dinkes.admin", srv.password)
        assert blocked.status_code == 429
        assert blocked.json()["error"] == "login_throttled"


def test_tokens_are_stored_only_as_hashes(server: ServerHandle) -> None:
    client = server.login("disdukcapil.admin")
    engine = sa.create_engine(server.database_url)
    try:
        with engine.connect() as conn:
            for table in ("auth_sessions", "audit_log", "login_throttle"):
                rows = conn.execute(sa.text(f"SELECT * FROM {table}")).all()
                dump = repr(rows)
                assert client.token not in dump and client.refresh_token not in dump, table
    finally:
        engine.dispose()
    log = server.log()
    assert client.token not in log and client.refresh_token not in log
    assert server.password not in log
