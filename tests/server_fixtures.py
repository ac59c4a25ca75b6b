"""Start a real ``lapor-server`` process for tests and talk to it over HTTP.

Reuse from any test module::

    from tests.server_fixtures import server_fixture

    lapor_server = server_fixture()  # module-scoped; env={...}, workers=N, complaints=N

    def test_something(lapor_server):
        officer = lapor_server.login("dinkes.admin")
        officer.push([...])

or start one with other settings::

    with start_server(tmp_dir, env={"LAPOR_TOKEN_TTL": "2"}) as server: ...

The database is a SQLite file in ``tmp_dir``, or, when ``LAPOR_TEST_DATABASE_URL`` is set,
a fresh PostgreSQL schema that is dropped afterwards. The server is seeded with
``lapor-server seed-demo --complaints N`` (the demo agencies, units and one account per role;
every password is ``DEMO_PASSWORD``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

REPO = Path(__file__).resolve().parent.parent
DEMO_PASSWORD = "uji-server-2026"
PG_ENV = "LAPOR_TEST_DATABASE_URL"
API = "/api/v1"


def postgres_url() -> str | None:
    return os.environ.get(PG_ENV) or None


@contextlib.contextmanager
def fresh_database(tmp_dir: Path) -> Iterator[str]:
    """A database URL no other test uses: a new SQLite file or a new PostgreSQL schema."""
    base = postgres_url()
    if not base:
        yield f"sqlite:///{tmp_dir / 'server.sqlite'}"
        return
    import psycopg

    schema = f"lapor_t_{uuid.uuid4().hex[:12]}"
    plain = re.sub(r"^postgresql\+psycopg://", "postgresql://", base)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def run_cli(database_url: str, *args: str, env: dict[str, str] | None = None,
            check: bool = True, input_text: str | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "LAPOR_DATABASE_URL": database_url, **(env or {})}
    proc = subprocess.run([sys.executable, "-m", "server.cli", *args], cwd=REPO, env=full_env,
                          capture_output=True, text=True, timeout=300, input=input_text)
    if check and proc.returncode != 0:
        raise AssertionError(f"lapor-server {' '.join(args)} failed ({proc.returncode}):\n"
                             f"{proc.stdout}\n{proc.stderr}")
    return proc


class ApiClient:
    """A signed-in desk: a requests session with the bearer token and device id."""

    def __init__(self, base: str, username: str, device_id: str, login: dict[str, Any]) -> None:
        self.base = base
        self.username = username
        self.device_id = device_id
        self.login_body = login
        self.user = login["user"]
        self.http = requests.Session()
        self.set_token(login["access_token"])
        self.refresh_token = login["refresh_token"]

    def set_token(self, token: str) -> None:
        self.token = token
        self.http.headers.update({"Authorization": f"Bearer {token}",
                                  "X-Device-Id": self.device_id})

    def url(self, path: str) -> str:
        return f"{self.base}{API}{path}"

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.http.get(self.url(path), timeout=60, **kw)

    def post(self, path: str, **kw: Any) -> requests.Response:
        return self.http.post(self.url(path), timeout=120, **kw)

    def put(self, path: str, **kw: Any) -> requests.Response:
        return self.http.put(self.url(path), timeout=60, **kw)

    def push(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        resp = self.post("/sync/push", json={"ops": ops})
        assert resp.status_code == 200, resp.text
        return resp.json()["results"]

    def push_one(self, op: dict[str, Any]) -> dict[str, Any]:
        return self.push([op])[0]

    def pull(self, cursor: str | None = None, limit: int = 500) -> dict[str, Any]:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        resp = self.get("/sync/pull", params=params)
        assert resp.status_code == 200, resp.text
        return resp.json()

    def pull_all(self, cursor: str | None = None, limit: int = 500
                 ) -> tuple[list[dict[str, Any]], str]:
        changes: list[dict[str, Any]] = []
        while True:
            page = self.pull(cursor, limit)
            changes.extend(page["changes"])
            cursor = page["cursor"]
            if not page["has_more"]:
                return changes, cursor

    def upload(self, data: bytes, mime: str = "text/plain") -> str:
        sha = hashlib.sha256(data).hexdigest()
        resp = self.put(f"/attachments/{sha}", data=data, headers={"Content-Type": mime})
        assert resp.status_code in (200, 201), resp.text
        return sha


@dataclass
class ServerHandle:
    url: str
    database_url: str
    log_path: Path
    tmp_dir: Path
    password: str = DEMO_PASSWORD
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def api(self) -> str:
        return self.url + API

    def login(self, username: str, device_id: str | None = None,
              password: str | None = None) -> ApiClient:
        device_id = device_id or f"test-{username}-{uuid.uuid4().hex[:8]}"
        resp = requests.post(f"{self.api}/auth/login", timeout=30, json={
            "username": username, "password": password or self.password,
            "device_id": device_id})
        assert resp.status_code == 200, resp.text
        return ApiClient(self.url, username, device_id, resp.json())

    def cli(self, *args: str, **kw: Any) -> subprocess.CompletedProcess:
        return run_cli(self.database_url, *args, **kw)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def _wait_for_url(proc: subprocess.Popen, log_path: Path, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log_path.read_text(errors="replace") if log_path.exists() else ""
        found = re.search(r"listening on (http://\S+)", text)
        if found:
            return found.group(1)
        if proc.poll() is not None:
            raise RuntimeError(f"lapor-server exited early ({proc.returncode}):\n{text}")
        time.sleep(0.05)
    raise RuntimeError(f"lapor-server did not start:\n{log_path.read_text(errors='replace')}")


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"lapor-server exited ({proc.returncode})")
        with contextlib.suppress(requests.RequestException):
            if requests.get(f"{url}{API}/health", timeout=2).status_code == 200:
                return
        time.sleep(0.05)
    raise RuntimeError("lapor-server never became healthy")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)  # the group we created: the server and its workers
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


@contextlib.contextmanager
def serve(database_url: str, tmp_dir: Path, *, env: dict[str, str] | None = None,
          workers: int = 1, port: int = 0) -> Iterator[ServerHandle]:
    """Run ``lapor-server run`` on a loopback port (default: a free one) against an
    initialised database."""
    tmp_dir.mkdir(parents=True, exist_ok=True)  # a PostgreSQL database made no file there
    log_path = tmp_dir / f"server-{uuid.uuid4().hex[:6]}.log"
    full_env = {**os.environ, "LAPOR_DATABASE_URL": database_url,
                "LAPOR_ATTACHMENTS_DIR": str(tmp_dir / "attachments"), **(env or {})}
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "run", "--host", "127.0.0.1", "--port", str(port),
             "--workers", str(workers), "--log-level", "warning"],
            cwd=REPO, env=full_env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
    try:
        url = _wait_for_url(proc, log_path, 60)
        _wait_healthy(url, proc, 60)
        yield ServerHandle(url=url, database_url=database_url, log_path=log_path,
                           tmp_dir=tmp_dir, process=proc)
    finally:
        _stop(proc)


@contextlib.contextmanager
def start_server(tmp_dir: Path, *, env: dict[str, str] | None = None, workers: int = 1,
                 complaints: int = 0, password: str = DEMO_PASSWORD) -> Iterator[ServerHandle]:
    """A fresh database, initialised and seeded, served by a real process."""
    with fresh_database(tmp_dir) as database_url:
        run_cli(database_url, "init")
        run_cli(database_url, "seed-demo", "--password", password, "--complaints",
                str(complaints))
        with serve(database_url, tmp_dir, env=env, workers=workers) as handle:
            handle.password = password
            yield handle


def server_fixture(*, env: dict[str, str] | None = None, workers: int = 1, complaints: int = 0
                   ) -> Any:
    """A module-scoped fixture running its own seeded server. In a test module::

        lapor_server = server_fixture()                       # or env={...}, workers=3
        def test_x(lapor_server): ...
    """

    @pytest.fixture(scope="module")
    def _server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerHandle]:
        with start_server(tmp_path_factory.mktemp("lapor-server"), env=env, workers=workers,
                          complaints=complaints) as handle:
            yield handle

    return _server


# Ready-made, for modules that import it by name (add noqa F401 there).
lapor_server = server_fixture()


# --- helpers to build operations ---------------------------------------------------------

def new_id() -> str:
    return str(uuid.uuid4())


def create_payload(agency: str = "DINKES", **overrides: Any) -> dict[str, Any]:
    payload = {
        "title": "Antrean panjang di puskesmas",
        "content": "Pasien menunggu lebih dari empat jam untuk diperiksa dokter.",
        "classification": "pengaduan",
        "category_id": "kesehatan",
        "channel": "loket",
        "agency_code": agency,
        "region_code": "63.71.01.1001",
        "reporter": {"name": "Siti Aminah", "phone": "081234567890",
                     "email": "siti.aminah@example.com", "address": "Jl. Veteran No. 5"},
        "anonymous": False,
        "confidential": False,
    }
    payload.update(overrides)
    return payload


def op(kind: str, complaint_id: str, base_version: int | None = 0,
       op_id: str | None = None, **payload: Any) -> dict[str, Any]:
    return {"op_id": op_id or new_id(), "complaint_id": complaint_id,
            "base_version": base_version, "kind": kind, "payload": payload}


def create_op(agency: str = "DINKES", complaint_id: str | None = None,
              **overrides: Any) -> dict[str, Any]:
    cid = complaint_id or new_id()
    return {"op_id": new_id(), "complaint_id": cid, "base_version": 0, "kind": "create",
            "payload": create_payload(agency, **overrides)}


def make_complaint(client: ApiClient, agency: str = "DINKES", **overrides: Any
                   ) -> tuple[str, dict[str, Any]]:
    """Create a complaint through push; returns (id, result)."""
    body = create_op(agency, **overrides)
    result = client.push_one(body)
    assert result["status"] == "applied", result
    return body["complaint_id"], result


def dispose(admin: ApiClient, leader: ApiClient, complaint_id: str, version: int,
            units: list[str]) -> int:
    """verify (admin) then dispose (leader) to ``units``; returns the new version."""
    verified = admin.push_one(op("verify", complaint_id, version))
    assert verified["status"] == "applied", verified
    done = leader.push_one(op("dispose", complaint_id, verified["version"], unit_codes=units))
    assert done["status"] == "applied", done
    return done["version"]
