"""Account maintenance commands (`lapor-server deactivate-user` …) against a running server,
and the readiness endpoint."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from tests.server_fixtures import ServerHandle, start_server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerHandle]:
    with start_server(tmp_path_factory.mktemp("accounts")) as handle:
        yield handle


def _login(server: ServerHandle, username: str, password: str) -> requests.Response:
    return requests.post(f"{server.api}/auth/login", timeout=30, json={
        "username": username, "password": password, "device_id": "acct-test"})


def test_deactivate_ends_sessions_and_blocks_sign_in(server: ServerHandle) -> None:
    client = server.login("dishub.loket")
    assert client.get("/users").status_code == 200
    out = server.cli("deactivate-user", "dishub.loket").stdout
    assert "dinonaktifkan" in out and "1 sesi" in out
    assert client.get("/users").status_code == 401
    assert _login(server, "dishub.loket", server.password).status_code == 401
    server.cli("activate-user", "dishub.loket")
    assert _login(server, "dishub.loket", server.password).status_code == 200
    users = server.cli("users", "--json").stdout
    assert '"username": "dishub.loket"' in users


def test_set_password_replaces_the_old_one(server: ServerHandle) -> None:
    client = server.login("dishub.pimpinan")
    server.cli("set-password", "dishub.pimpinan", env={"LAPOR_PASSWORD": "kata-baru-2026"})
    assert client.get("/users").status_code == 401
    assert _login(server, "dishub.pimpinan", server.password).status_code == 401
    assert _login(server, "dishub.pimpinan", "kata-baru-2026").status_code == 200
    short = server.cli("set-password", "dishub.pimpinan", env={"LAPOR_PASSWORD": "pendek"},
                       check=False)
    assert short.returncode == 1 and "minimal 8 karakter" in short.stderr


def test_sign_out_user_and_everyone(server: ServerHandle) -> None:
    one, two = server.login("dinkes.loket"), server.login("dinkes.admin")
    server.cli("sign-out-user", "dinkes.loket")
    assert one.get("/users").status_code == 401
    assert two.get("/users").status_code == 200
    assert "sesi diakhiri" in server.cli("sign-out-all").stdout
    assert two.get("/users").status_code == 401


def test_update_user_role_change_ends_sessions(server: ServerHandle) -> None:
    client = server.login("dinkes.admin")
    server.cli("update-user", "dinkes.admin", "--jabatan", "Kepala Seksi Pengaduan")
    assert client.get("/users").status_code == 200  # a jabatan change keeps sessions
    server.cli("update-user", "dinkes.admin", "--role", "pimpinan")
    assert client.get("/users").status_code == 401
    again = server.login("dinkes.admin")
    assert again.user["role"] == "pimpinan"
    bad = server.cli("update-user", "dinkes.admin", "--role", "petugas_unit", check=False)
    assert bad.returncode == 1 and "wajib punya unit" in bad.stderr
    missing = server.cli("deactivate-user", "tidak.ada", check=False)
    assert missing.returncode == 1 and "tidak ditemukan" in missing.stderr


def test_ready_checks_the_database(server: ServerHandle) -> None:
    body = requests.get(f"{server.api}/ready", timeout=10).json()
    assert body == {"status": "ok", "database": "ok", "message": "Siap."}
