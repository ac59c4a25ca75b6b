"""Per-agency keys of the QR codes on disposition sheets, derived from a server secret.

``key = HMAC-SHA256(secret, "lapor-qr/<key id>/<agency code>")`` (docs/letters.md "QR key"):
no key table, nothing to back up beyond the secret. Desks of an agency receive the current
key with every agenda block (``/agenda/reserve``) and sign their sheets' QR payloads with
it; ``/letters/verify`` recomputes the keys to check a payload.

Where the secret comes from, first match wins:

1. env ``LAPOR_QR_SECRET`` (the secret as text, at least 32 characters), labelled
   ``LAPOR_QR_KEY_ID`` (default ``v1``); ``LAPOR_QR_SECRET_OLD`` lists retired secrets that
   still verify, as ``id:secret`` pairs separated by commas or spaces;
2. the secret file (``LAPOR_QR_SECRET_FILE``, default beside the SQLite database, else
   ``qr-secret.json`` in the server's data directory), written by ``lapor-server init`` /
   ``run`` on first use (mode 0600) and rotated by ``lapor-server rotate-qr-key``:
   ``{"current": "v2", "secrets": {"v1": "...", "v2": "..."}}``. Every listed secret still
   verifies; the current one signs new sheets.

Secrets never reach the database or a log line: ``QrKeyring`` hides them in its repr.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from core.qr_payload import verify_qr_payload
from server.config import (
    ENV_QR_KEY_ID,
    ENV_QR_SECRET,
    ENV_QR_SECRET_FILE,
    ENV_QR_SECRET_OLD,
)

LABEL_PREFIX = "lapor-qr/"
DEFAULT_KEY_ID = "v1"
KEY_ID_RE = re.compile(r"^[a-z0-9]{1,16}$")
MIN_SECRET_CHARS = 32


class QrSecretError(Exception):
    """The QR secret is missing or unusable (message in Indonesian, never the secret)."""


@dataclass(frozen=True)
class QrKeyring:
    current_id: str
    secrets: dict[str, bytes] = field(repr=False)  # key id -> secret; includes current_id

    def __repr__(self) -> str:  # never print a secret, even in a traceback
        return f"QrKeyring(current_id={self.current_id!r}, ids={sorted(self.secrets)!r})"

    def key_for(self, agency: str, key_id: str | None = None) -> bytes:
        key_id = key_id or self.current_id
        return derive(self.secrets[key_id], key_id, agency)

    def current_key(self, agency: str) -> tuple[str, str]:
        """(base64 key, key id) of ``agency`` to hand to its desks."""
        return base64.b64encode(self.key_for(agency)).decode("ascii"), self.current_id

    def verify(self, payload: str, agency: str) -> str | None:
        """The key id whose key signed ``payload``, None when none did (current first)."""
        ordered = [self.current_id, *sorted(k for k in self.secrets if k != self.current_id)]
        for key_id in ordered:
            if verify_qr_payload(payload, self.key_for(agency, key_id)):
                return key_id
        return None


def derive(secret: bytes, key_id: str, agency: str) -> bytes:
    label = f"{LABEL_PREFIX}{key_id}/{agency}".encode()
    return hmac.new(secret, label, hashlib.sha256).digest()


def _check_id(key_id: str, source: str) -> str:
    if not KEY_ID_RE.match(key_id):
        raise QrSecretError(f"Id kunci QR {key_id!r} di {source} tidak valid (huruf kecil/angka,"
                            " maks. 16 karakter, mis. v2).")
    return key_id


def _check_secret(secret: object, source: str) -> bytes:
    if not isinstance(secret, str) or len(secret.strip()) < MIN_SECRET_CHARS:
        raise QrSecretError(f"Rahasia kunci QR di {source} terlalu pendek (minimal "
                            f"{MIN_SECRET_CHARS} karakter).")
    return secret.strip().encode("utf-8")


def from_env(environ: Mapping[str, str] | None = None) -> QrKeyring | None:
    environ = os.environ if environ is None else environ
    raw = environ.get(ENV_QR_SECRET, "")
    if not raw.strip():
        return None
    current = _check_id(environ.get(ENV_QR_KEY_ID, "").strip() or DEFAULT_KEY_ID, ENV_QR_KEY_ID)
    found = {current: _check_secret(raw, ENV_QR_SECRET)}
    for item in re.split(r"[,\s]+", environ.get(ENV_QR_SECRET_OLD, "").strip()):
        if not item:
            continue
        key_id, sep, secret = item.partition(":")
        if not sep:
            raise QrSecretError(f"{ENV_QR_SECRET_OLD} harus berisi pasangan id:rahasia.")
        key_id = _check_id(key_id.strip(), ENV_QR_SECRET_OLD)
        if key_id != current:
            found[key_id] = _check_secret(secret, ENV_QR_SECRET_OLD)
    return QrKeyring(current, found)


def read_file(path: Path) -> QrKeyring:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        current = str(data["current"])
        stored = dict(data["secrets"])
    except FileNotFoundError:
        raise QrSecretError(f"Berkas rahasia kunci QR {path} belum ada: jalankan "
                            "`lapor-server init`.") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise QrSecretError(f"Berkas rahasia kunci QR {path} tidak dapat dibaca "
                            f"({type(exc).__name__}).") from None
    source = str(path)
    found = {_check_id(str(k), source): _check_secret(v, source) for k, v in stored.items()}
    if current not in found:
        raise QrSecretError(f"Kunci QR aktif {current!r} tidak ada di {source}.")
    return QrKeyring(current, found)


def _write_new(path: Path, current: str, stored: dict[str, str], *, replace: bool) -> bool:
    """Write the file readable by the owner only; without ``replace`` only if it is absent
    (``os.link`` never overwrites, so concurrent first starts keep one secret)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".qr-secret-", dir=path.parent)
    try:
        os.chmod(tmp, 0o600)  # before the secret is written
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"current": current, "secrets": stored}, handle, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(tmp, path)
            return True
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        return True
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def new_secret() -> str:
    return secrets.token_urlsafe(48)


def ensure_file(path: Path) -> bool:
    """Create the secret file with a new ``v1`` secret when it does not exist; True if made.
    Nothing happens when the secret comes from the environment."""
    if os.environ.get(ENV_QR_SECRET, "").strip() or Path(path).exists():
        return False
    return _write_new(Path(path), DEFAULT_KEY_ID, {DEFAULT_KEY_ID: new_secret()}, replace=False)


def rotate(path: Path, new_id: str | None = None) -> str:
    """Add a new current secret to the file, keeping the old ones for verification."""
    if os.environ.get(ENV_QR_SECRET, "").strip():
        raise QrSecretError(f"Rahasia kunci QR diatur lewat env {ENV_QR_SECRET}: ganti di sana "
                            f"dan pindahkan yang lama ke {ENV_QR_SECRET_OLD}.")
    ring = read_file(path)
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    stored: dict[str, str] = dict(data["secrets"])
    if new_id is None:
        numbers = [int(k[1:]) for k in stored if re.fullmatch(r"v\d+", k)]
        new_id = f"v{max(numbers, default=0) + 1}"
    _check_id(new_id, "--id")
    if new_id in ring.secrets:
        raise QrSecretError(f"Id kunci QR {new_id} sudah dipakai.")
    stored[new_id] = new_secret()
    _write_new(Path(path), new_id, stored, replace=True)
    return new_id


def load(path: Path) -> QrKeyring:
    """The keyring of this server: the environment, else the secret file (created if absent,
    so an in-process app works without ``init``)."""
    ring = from_env()
    if ring is not None:
        return ring
    ensure_file(path)
    return read_file(path)


def describe_source(path: Path) -> str:
    return f"env {ENV_QR_SECRET}" if os.environ.get(ENV_QR_SECRET, "").strip() else \
        f"{path} ({ENV_QR_SECRET_FILE})"
