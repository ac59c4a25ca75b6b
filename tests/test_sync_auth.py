"""Sessions during sync: an expired access token is renewed on the fly; a dead session asks
for a new login and leaves the outbox exactly as it was. Tokens: never in the database."""

from __future__ import annotations

import json
import os
import stat

import pytest
import sqlalchemy as sa

from desktop.sync.account import Account
from desktop.sync.engine import SyncEngine
from desktop.sync.errors import LoginRequired
from tests.flaky_proxy import FlakyProxy
from tests.server_fixtures import start_server
from tests.sync_fixtures import assert_exactly_once, make_desk_fixture  # noqa: F401


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with start_server(tmp_path_factory.mktemp("auth"), complaints=0) as handle:
        yield handle


def _expire(server, device_id: str, *, refresh_too: bool) -> None:
    """Expire the desk's session on the server right now, as time would."""
    engine = sa.create_engine(server.database_url)
    values = "access_expires = 0" + (", refresh_expires = 0" if refresh_too else "")
    with engine.begin() as conn:
        conn.execute(sa.text(f"UPDATE auth_sessions SET {values} WHERE device_id = :d"),
                     {"d": device_id})
    engine.dispose()


def _after_push(proxy: FlakyProxy, n: int, action) -> None:
    """Run ``action`` just before the ``n``-th push request reaches the server."""
    seen = {"push": 0}

    def hook(method: str, path: str) -> None:
        if path.startswith("/api/v1/sync/push"):
            seen["push"] += 1
            if seen["push"] == n:
                action()

    proxy.hooks.append(hook)


def _outbox_rows(desk) -> dict[str, tuple]:
    return {o["op_id"]: (o["state"], o["attempts"], o["last_error"], o["updated_at"],
                         o["base_version"], json.dumps(o["payload"], sort_keys=True))
            for o in desk.outbox()}


def test_session_gone_mid_sync_asks_for_login_and_leaves_the_outbox(server, make_desk,
                                                                     monkeypatch) -> None:
    with FlakyProxy(server.url) as proxy:
        desk = make_desk()
        monkeypatch.setenv("XDG_CONFIG_HOME", desk.env["XDG_CONFIG_HOME"])
        desk.login(proxy.url, "dinkes.admin", server.password)
        made = [desk.create(title=f"Pengaduan sesi habis {i}") for i in range(30)]
        account = Account(desk.service)
        _after_push(proxy, 2, lambda: _expire(server, account.device_id, refresh_too=True))
        client = account.client()
        engine = SyncEngine(desk.service, client, push_batch=10)
        before = _outbox_rows(desk)

        with pytest.raises(LoginRequired):
            engine.sync_once()
        client.close()
        after = _outbox_rows(desk)
        first_batch = [o["op_id"] for o in desk.outbox("applied")]
        assert len(first_batch) == 10  # the batch before the session died went through
        untouched = {k: v for k, v in after.items() if k not in first_batch}
        assert untouched == {k: v for k, v in before.items() if k not in first_batch}
        assert {v[0] for v in untouched.values()} == {"pending"}

        status = desk.status()
        assert status["login_required"] is True and status["pending_ops"] == 20
        # A scheduled sync now says "login required" (exit 4) and changes nothing.
        proc = desk.cli("sync", "--json")
        assert proc.returncode == 4, proc.stdout + proc.stderr
        assert _outbox_rows(desk) == after

        desk.login(proxy.url, "dinkes.admin", server.password)
        assert desk.status()["login_required"] is False
        body = json.loads(desk.sync().stdout)
        assert body["applied"] == 20 and body["rejected"] == 0
        ops = desk.outbox()
        assert {o["state"] for o in ops} == {"applied"} and len(ops) == 30
        assert_exactly_once(server.login("dinkes.admin"), ops)
        assert {o["complaint_id"] for o in ops} == set(made)


def test_expired_access_token_is_renewed_mid_sync(server, make_desk, monkeypatch) -> None:
    with FlakyProxy(server.url) as proxy:
        desk = make_desk()
        monkeypatch.setenv("XDG_CONFIG_HOME", desk.env["XDG_CONFIG_HOME"])
        desk.login(proxy.url, "dinkes.admin", server.password)
        for i in range(25):
            desk.create(title=f"Pengaduan token diperbarui {i}")
        account = Account(desk.service)
        old = account.credentials()
        _after_push(proxy, 2, lambda: _expire(server, account.device_id, refresh_too=False))
        client = account.client()
        report = SyncEngine(desk.service, client, push_batch=10).sync_once()
        client.close()
        assert report.applied == 25
        new = account.credentials()
        # Renewed and stored at once: the old refresh token is spent on the server.
        assert new.access_token != old.access_token
        assert new.refresh_token != old.refresh_token
        assert proxy.requests["/api/v1/auth/refresh"] == 1
        assert_exactly_once(server.login("dinkes.admin"), desk.outbox())


def test_tokens_live_in_a_private_file_and_never_in_the_database(server, make_desk,
                                                                 monkeypatch) -> None:
    desk = make_desk()
    monkeypatch.setenv("XDG_CONFIG_HOME", desk.env["XDG_CONFIG_HOME"])
    desk.login(server, "dinkes.loket")
    desk.create(title="Pengaduan uji token")
    desk.sync()
    status = desk.status()
    assert status["credential_store"] == "file" and status["signed_in"] is True
    account = Account(desk.service)
    creds = account.credentials()
    path = account.store.file_path
    assert path.is_file()
    assert desk.data_dir not in path.parents  # config dir, never the data dir
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    desk.close()
    for name in os.listdir(desk.data_dir):
        target = desk.data_dir / name
        if target.is_file():
            data = target.read_bytes()
            assert creds.access_token.encode() not in data, name
            assert creds.refresh_token.encode() not in data, name
    assert "access_token" not in repr(creds) and creds.access_token not in repr(creds)
    # Logging out forgets the token; server and user stay remembered for the dialog.
    proc = desk.cli("logout")
    assert proc.returncode == 0
    assert not path.exists()
    status = desk.status()
    assert status["signed_in"] is False and status["user"] == "dinkes.loket"
    assert desk.cli("sync").returncode == 4


def test_login_command_exit_codes(server, make_desk, monkeypatch) -> None:
    desk = make_desk()
    monkeypatch.setenv("XDG_CONFIG_HOME", desk.env["XDG_CONFIG_HOME"])
    assert desk.cli("sync").returncode == 4  # never signed in: login required
    wrong = desk.cli("login", "--server", server.url, "--username", "dinkes.admin",
                     password="bukan-sandinya")
    assert wrong.returncode == 4 and "salah" in wrong.stderr
    no_password = desk.cli("login", "--server", server.url, "--username", "dinkes.admin",
                           extra_env={"LAPOR_PASSWORD": ""})
    assert no_password.returncode == 2 and "LAPOR_PASSWORD" in no_password.stderr
    dead = desk.cli("login", "--server", "http://127.0.0.1:9", "--username", "dinkes.admin",
                    password="apa-saja")
    assert dead.returncode == 3 and "tidak dapat dihubungi" in dead.stderr
    ok = desk.cli("login", "--server", server.url, "--username", "dinkes.admin",
                  password=server.password)
    assert ok.returncode == 0 and "berkas pribadi" in ok.stdout


def test_switching_officer_or_server(server, make_desk, monkeypatch) -> None:
    desk = make_desk()
    monkeypatch.setenv("XDG_CONFIG_HOME", desk.env["XDG_CONFIG_HOME"])
    desk.login(server, "dinkes.admin")
    desk.create(title="Pengaduan sebelum ganti petugas")
    desk.sync()
    before = desk.status()["complaints"]
    assert before >= 1
    desk.create(title="Pengaduan yang belum terkirim")
    # Another officer may not sign in while this one's action still waits to be sent.
    other = desk.cli("login", "--server", server.url, "--username", "dinkes.loket",
                     password=server.password)
    assert other.returncode == 1 and "dinkes.admin" in other.stderr
    assert desk.status()["user"] == "dinkes.admin"
    desk.sync()
    # Now the desk is clean: the switch is allowed and the next pull starts afresh.
    desk.login(server, "dinkes.loket")
    assert desk.service.get_sync_state("cursor") is None
    body = json.loads(desk.sync().stdout)
    assert body["reset"] is True
    status = desk.status()
    assert status["user"] == "dinkes.loket" and status["complaints"] == before + 1
