"""Server settings: command-line flags beat environment variables beat defaults.

Workers started by uvicorn re-import the app in fresh processes, so everything a worker
needs travels through the environment (the CLI writes its flags there before starting).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

ENV_DATABASE_URL = "LAPOR_DATABASE_URL"
ENV_TOKEN_TTL = "LAPOR_TOKEN_TTL"
ENV_REFRESH_TTL = "LAPOR_REFRESH_TTL"
ENV_REFRESH_GRACE = "LAPOR_REFRESH_GRACE"
ENV_ATTACHMENTS_DIR = "LAPOR_ATTACHMENTS_DIR"
# Where attachment bytes live: "database" (table attachment_blobs; the default on
# PostgreSQL, so every server machine sees every file) or "disk" (LAPOR_ATTACHMENTS_DIR;
# the default on SQLite). server/blobstore.py.
ENV_ATTACHMENT_STORE = "LAPOR_ATTACHMENT_STORE"
# The longest a pull with ``wait`` is held open, in seconds (server/pull_wait.py).
ENV_PULL_MAX_WAIT = "LAPOR_PULL_MAX_WAIT"
# A desk's change-event stream (server/change_events.py): seconds between keep-alive pings,
# and the longest it stays open before the desk opens a new one.
ENV_EVENTS_PING = "LAPOR_EVENTS_PING"
ENV_EVENTS_MAX_OPEN = "LAPOR_EVENTS_MAX_OPEN"
ENV_MAX_ATTACHMENT = "LAPOR_MAX_ATTACHMENT_BYTES"
ENV_MAX_BODY = "LAPOR_MAX_BODY_BYTES"
ENV_LOGIN_MAX_FAILURES = "LAPOR_LOGIN_MAX_FAILURES"
ENV_LOGIN_MAX_FAILURES_ADDRESS = "LAPOR_LOGIN_MAX_FAILURES_ADDRESS"
ENV_TIMEZONE = "LAPOR_TIMEZONE"
ENV_LOCAL_HOLIDAYS = "LAPOR_LOCAL_HOLIDAYS"
ENV_FOLLOW_UP_DAYS = "LAPOR_FOLLOW_UP_DAYS"
ENV_BACKDATE_DAYS = "LAPOR_BACKDATE_DAYS"
# "0" (or false/no/off) turns off /api/v1/docs and /api/v1/openapi.json (production).
ENV_API_DOCS = "LAPOR_API_DOCS"
# QR keys of disposition sheets (server/qr_keys.py): a secret file, or the secret itself.
ENV_QR_SECRET_FILE = "LAPOR_QR_SECRET_FILE"
ENV_QR_SECRET = "LAPOR_QR_SECRET"
ENV_QR_KEY_ID = "LAPOR_QR_KEY_ID"
ENV_QR_SECRET_OLD = "LAPOR_QR_SECRET_OLD"
# Test-only fault injection for the concurrency proof (never set in production).
ENV_TEST_COMMIT_DELAY = "LAPOR_TEST_COMMIT_DELAY_MS"
ENV_TEST_UNSAFE_FEED = "LAPOR_TEST_UNSAFE_FEED"
ENV_TEST_UNSAFE_AUDIT = "LAPOR_TEST_UNSAFE_AUDIT"

MAX_PUSH_OPS = 500
MAX_PULL_LIMIT = 2000
DEFAULT_PULL_LIMIT = 500
DEFAULT_PULL_MAX_WAIT = 25  # below nginx's proxy_read_timeout (docs/deployment.md)
DEFAULT_EVENTS_PING = 15  # likewise: an idle stream is cut after proxy_read_timeout
DEFAULT_EVENTS_MAX_OPEN = 600
ATTACHMENT_STORES = ("database", "disk")


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("LaporServer", "LaporPaman"))


def default_database_url() -> str:
    path = default_data_dir() / "lapor-server.sqlite"
    return f"sqlite:///{path}"


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise SystemExit(f"{name} harus berupa bilangan bulat, bukan {raw!r}") from exc


@dataclass(frozen=True)
class Settings:
    database_url: str
    token_ttl: int = 3600
    refresh_ttl: int = 30 * 24 * 3600
    # Seconds a just-rotated refresh token may be replayed once more (its answer got lost
    # on a dropping network); a replay after that is treated as theft.
    refresh_grace: int = 300
    attachments_dir: Path = field(default_factory=lambda: default_data_dir() / "attachments")
    # "database" or "disk"; empty: "database" on PostgreSQL, "disk" on SQLite.
    attachment_store: str = ""
    pull_max_wait: int = DEFAULT_PULL_MAX_WAIT
    events_ping: int = DEFAULT_EVENTS_PING
    events_max_open: int = DEFAULT_EVENTS_MAX_OPEN
    max_attachment_bytes: int = 20 * 1024 * 1024
    max_body_bytes: int = 8 * 1024 * 1024
    login_max_failures: int = 5
    login_max_failures_address: int = 30
    timezone: str = "Asia/Makassar"
    local_holidays: str | None = None
    follow_up_days: int | None = None
    # How many days before now a create's received_at may be (paper logs come late).
    backdate_days: int = 180
    # Only the path: secrets never sit in Settings (a repr or log line must not show them).
    qr_secret_file: Path = field(default_factory=lambda: default_data_dir() / "qr-secret.json")
    # The interactive API documentation and the OpenAPI document (LAPOR_API_DOCS).
    api_docs: bool = True
    test_commit_delay_ms: int = 0
    test_unsafe_feed: bool = False
    test_unsafe_audit: bool = False

    @classmethod
    def from_env(cls, database_url: str | None = None) -> Settings:
        url = database_url or os.environ.get(ENV_DATABASE_URL) or default_database_url()
        attachments = os.environ.get(ENV_ATTACHMENTS_DIR)
        qr_file = os.environ.get(ENV_QR_SECRET_FILE)
        return cls(
            database_url=url,
            token_ttl=_int_env(ENV_TOKEN_TTL, 3600),
            refresh_ttl=_int_env(ENV_REFRESH_TTL, 30 * 24 * 3600),
            refresh_grace=_int_env(ENV_REFRESH_GRACE, 300),
            attachments_dir=Path(attachments) if attachments else default_attachments_dir(url),
            attachment_store=attachment_store_from_env(url),
            pull_max_wait=max(0, _int_env(ENV_PULL_MAX_WAIT, DEFAULT_PULL_MAX_WAIT)),
            events_ping=max(1, _int_env(ENV_EVENTS_PING, DEFAULT_EVENTS_PING)),
            events_max_open=max(1, _int_env(ENV_EVENTS_MAX_OPEN, DEFAULT_EVENTS_MAX_OPEN)),
            max_attachment_bytes=_int_env(ENV_MAX_ATTACHMENT, 20 * 1024 * 1024),
            max_body_bytes=_int_env(ENV_MAX_BODY, 8 * 1024 * 1024),
            login_max_failures=_int_env(ENV_LOGIN_MAX_FAILURES, 5),
            login_max_failures_address=_int_env(ENV_LOGIN_MAX_FAILURES_ADDRESS, 30),
            timezone=os.environ.get(ENV_TIMEZONE) or "Asia/Makassar",
            local_holidays=os.environ.get(ENV_LOCAL_HOLIDAYS) or None,
            follow_up_days=_int_env(ENV_FOLLOW_UP_DAYS, 0) or None,
            backdate_days=_int_env(ENV_BACKDATE_DAYS, 180),
            qr_secret_file=Path(qr_file) if qr_file else default_qr_secret_file(url),
            api_docs=os.environ.get(ENV_API_DOCS, "").strip().lower()
            not in ("0", "false", "no", "off"),
            test_commit_delay_ms=_int_env(ENV_TEST_COMMIT_DELAY, 0),
            test_unsafe_feed=os.environ.get(ENV_TEST_UNSAFE_FEED) == "1",
            test_unsafe_audit=os.environ.get(ENV_TEST_UNSAFE_AUDIT) == "1",
        )


def attachment_store_from_env(database_url: str) -> str:
    """``LAPOR_ATTACHMENT_STORE``, else "database" on PostgreSQL and "disk" on SQLite."""
    raw = os.environ.get(ENV_ATTACHMENT_STORE, "").strip().lower()
    if not raw:
        return "disk" if database_url.startswith("sqlite") else "database"
    if raw not in ATTACHMENT_STORES:
        raise SystemExit(f"{ENV_ATTACHMENT_STORE} harus salah satu dari "
                         f"{', '.join(ATTACHMENT_STORES)}, bukan {raw!r}")
    return raw


def default_attachments_dir(database_url: str) -> Path:
    """Beside the SQLite file when there is one, else in the server's data directory."""
    if database_url.startswith("sqlite:///") and ":memory:" not in database_url:
        db_path = Path(database_url.removeprefix("sqlite:///").split("?", 1)[0])
        return db_path.parent / (db_path.stem + "-attachments")
    return default_data_dir() / "attachments"


def default_qr_secret_file(database_url: str) -> Path:
    """Beside the SQLite file (backed up with it), else in the server's data directory."""
    if database_url.startswith("sqlite:///") and ":memory:" not in database_url:
        db_path = Path(database_url.removeprefix("sqlite:///").split("?", 1)[0])
        return db_path.parent / (db_path.stem + "-qr-secret.json")
    return default_data_dir() / "qr-secret.json"
