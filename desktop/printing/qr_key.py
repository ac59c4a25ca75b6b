"""The agency's QR key on this desk: a secret file, never the database or a log.

Design (docs/letters.md "QR key"): the server derives one key per agency from its own
secret and hands it to desks of that agency with each agenda block it reserves; the desk
keeps it in ``<data dir>/secrets/qr-<AGENCY>.json`` (mode 0600 in a 0700 folder) and signs
every sheet's QR payload with it, so the server can verify any sheet of the agency.

A desk that has no server key yet (never reserved a block, or an old server) makes a
random key of its own (``key_id`` ``local:...``) so it can still print; such sheets do not
verify on the server (``/letters/verify`` answers ``forged``). A server key, once received
(``server:v1``; after a rotation ``server:v2``), replaces it for new sheets.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from desktop.atomic_file import write_atomically

SECRETS_DIR = "secrets"
_AGENCY_RE = re.compile(r"^[A-Za-z0-9_.-]{1,32}$")


@dataclass(frozen=True)
class QrKey:
    key: bytes
    key_id: str  # "server:<id>" or "local:<random>"

    @property
    def from_server(self) -> bool:
        return self.key_id.startswith("server:")

    def __repr__(self) -> str:  # never print the key, even in a traceback
        return f"QrKey(key_id={self.key_id!r})"


def _path(data_dir: Path, agency: str) -> Path:
    if not _AGENCY_RE.match(agency or ""):
        raise ValueError(f"kode instansi tidak valid untuk kunci QR: {agency!r}")
    return Path(data_dir) / SECRETS_DIR / f"qr-{agency}.json"


def load(data_dir: Path, agency: str) -> QrKey | None:
    try:
        data = json.loads(_path(data_dir, agency).read_text(encoding="utf-8"))
        return QrKey(base64.b64decode(data["key"], validate=True), str(data["key_id"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save(data_dir: Path, agency: str, key: QrKey) -> None:
    """Atomically write the key readable by the owner only."""
    if not key.key:
        raise ValueError("kunci QR kosong")
    target = _path(data_dir, agency)
    text = json.dumps({"agency": agency, "key_id": key.key_id,
                       "key": base64.b64encode(key.key).decode("ascii")})
    write_atomically(target, text, private=True)


def from_server(value: object, key_id: object) -> QrKey | None:
    """The key in a server answer (base64), None when absent or malformed."""
    if not isinstance(value, str) or not value:
        return None
    try:
        key = base64.b64decode(value, validate=True)
    except ValueError:
        return None
    if len(key) < 16:
        return None
    return QrKey(key, f"server:{key_id or 'v1'}")


def ensure(data_dir: Path, agency: str) -> QrKey:
    """The key to sign with: the stored one, else a new local key (stored)."""
    found = load(data_dir, agency)
    if found is not None:
        return found
    key = QrKey(secrets.token_bytes(32), f"local:{secrets.token_hex(4)}")
    save(data_dir, agency, key)
    return key
