"""Small parts of the sync engine: backoff, Retry-After, server URLs, credential stores."""

from __future__ import annotations

import random
import stat
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from desktop.credentials import Credentials, CredentialStore
from desktop.sync.client import ApiClient, normalize_server_url
from desktop.sync.errors import Unreachable
from desktop.sync.retry import RetryPolicy, parse_retry_after
from tests.flaky_proxy import FlakyProxy


def test_backoff_grows_with_jitter_and_respects_the_cap() -> None:
    policy = RetryPolicy(attempts=8, base=0.5, cap=4.0)
    rng = random.Random(1)
    for attempt in range(8):
        ceiling = min(4.0, 0.5 * 2 ** attempt)
        samples = [policy.delay(attempt, rng=rng) for _ in range(200)]
        assert all(0 <= s <= ceiling for s in samples)
        assert max(samples) > ceiling * 0.8  # jitter spreads over the whole range
    # Retry-After wins over a shorter backoff, and may exceed the cap.
    assert policy.delay(0, retry_after=3.0, rng=rng) == 3.0
    assert policy.delay(0, retry_after=10.0, rng=rng) == 10.0


def test_retry_after_in_seconds_or_as_an_http_date() -> None:
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    now = datetime(2026, 11, 28, 1, 0, tzinfo=UTC)
    later = format_datetime(now + timedelta(seconds=30), usegmt=True)
    assert parse_retry_after(later, now=now.timestamp()) == pytest.approx(30, abs=1)
    past = format_datetime(now - timedelta(seconds=30), usegmt=True)
    assert parse_retry_after(past, now=now.timestamp()) == 0.0


@pytest.mark.parametrize(("given", "expected"), [
    ("127.0.0.1:8000", "http://127.0.0.1:8000"),
    ("https://lapor.kalselprov.go.id/", "https://lapor.kalselprov.go.id"),
    ("lapor.kalselprov.go.id", "https://lapor.kalselprov.go.id"),
    ("http://localhost:8000/", "http://localhost:8000"),
    ("https://lapor.example/api/v1", "https://lapor.example"),
])
def test_server_urls_are_normalized(given: str, expected: str) -> None:
    assert normalize_server_url(given) == expected


def test_bad_server_urls_are_refused_in_indonesian() -> None:
    for bad in ("", "ftp://host"):
        with pytest.raises(ValueError, match="server"):
            normalize_server_url(bad)


def test_client_honours_retry_after_and_backs_off_on_errors() -> None:
    """A real HTTP exchange through the proxy: 429 with Retry-After: 2, then 500s."""
    import http.server
    import threading

    class Ok(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            body = b'{"status":"ok"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    upstream = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Ok)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    try:
        with FlakyProxy(f"http://127.0.0.1:{upstream.server_port}", retry_after=2,
                        script=["throttle", "error_before", "drop"]) as proxy:
            waits: list[float] = []
            client = ApiClient(proxy.url, "dev-1", sleep=waits.append,
                               retry=RetryPolicy(attempts=5, base=0.1, cap=1.0, budget=30))
            assert client.health(retry=True)
            assert len(waits) == 3
            assert waits[0] == 2.0  # told by the server
            assert all(w <= 0.4 for w in waits[1:])  # jittered backoff: 0.2, then 0.4 at most
            waits.clear()
            proxy.down = True
            client = ApiClient(proxy.url, "dev-1", sleep=waits.append,
                               retry=RetryPolicy(attempts=3, base=0.1, cap=1.0, budget=30))
            with pytest.raises(Unreachable):
                client._request("GET", "/health", auth=False)
            assert len(waits) == 2
    finally:
        upstream.shutdown()


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def vault(monkeypatch):
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    monkeypatch.delenv("LAPOR_DESK_CREDENTIAL_STORE", raising=False)
    yield backend
    keyring.set_keyring(previous)


CREDS = Credentials("http://127.0.0.1:1", "budi", "akses-rahasia", "segar-rahasia", 1e10)


def test_tokens_go_to_the_os_vault_when_there_is_one(vault, tmp_path) -> None:
    store = CredentialStore("dev-1", directory=tmp_path / "creds")
    assert store.backend == "keyring"
    assert store.save(CREDS) == "keyring"
    assert not store.file_path.exists()
    assert "akses-rahasia" in next(iter(vault.items.values()))
    assert store.load() == CREDS
    store.delete()
    assert store.load() is None and not vault.items


def test_without_a_vault_tokens_go_to_a_private_file(tmp_path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        store = CredentialStore("dev-2", directory=tmp_path / "creds")
        assert store.backend == "file"
        assert store.save(CREDS) == "file"
        assert stat.S_IMODE(store.file_path.stat().st_mode) == 0o600
        assert stat.S_IMODE(store.file_path.parent.stat().st_mode) == 0o700
        assert store.load() == CREDS
        assert "rahasia" not in repr(store.load())
        store.delete()
        assert store.load() is None
    finally:
        keyring.set_keyring(previous)


def test_forcing_the_file_store_for_scheduled_tasks(vault, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("LAPOR_DESK_CREDENTIAL_STORE", "file")
    store = CredentialStore("dev-3", directory=tmp_path / "creds")
    assert store.save(CREDS) == "file" and store.backend == "file"
    assert not vault.items
