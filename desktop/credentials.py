"""Where sign-in tokens live: the OS credential vault, else a file only the user can read.

Tokens never go into the desk database or a log. The vault is Windows Credential Manager,
macOS Keychain or the Secret Service through ``keyring``. A headless Linux box running
scheduled syncs usually has none: tokens then go to
``<platform config dir>/LaporDesk/credentials/<device id>.json`` with mode 0600 (the
directory 0700), and ``status`` says so (``"credential_store": "file"``).

One entry per device id: each desk data directory is its own device with its own session.
``LAPOR_DESK_CREDENTIAL_STORE=file`` forces the file (a vault that exists but is locked
for a scheduled task) and ``LAPOR_DESK_CREDENTIALS_DIR`` moves that file (the demo keeps
it in its temporary folder); ``PYTHON_KEYRING_BACKEND`` picks a keyring backend as usual.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from desktop.atomic_file import write_atomically

log = logging.getLogger(__name__)

SERVICE = "LAPOR! Desk"
ENV_STORE = "LAPOR_DESK_CREDENTIAL_STORE"
ENV_DIR = "LAPOR_DESK_CREDENTIALS_DIR"  # where the file store keeps its files (the demo)
Backend = Literal["keyring", "file"]


@dataclass(frozen=True)
class Credentials:
    server_url: str
    username: str
    access_token: str
    refresh_token: str
    expires_at: float  # epoch seconds when the access token expires

    def to_json(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Credentials | None:
        try:
            data = json.loads(text)
            return cls(str(data["server_url"]), str(data["username"]),
                       str(data["access_token"]), str(data["refresh_token"]),
                       float(data["expires_at"]))
        except (ValueError, KeyError, TypeError):
            return None

    def __repr__(self) -> str:  # never print tokens, even in a traceback
        return f"Credentials(server_url={self.server_url!r}, username={self.username!r})"


def config_dir() -> Path:
    from platformdirs import user_config_dir

    from desktop.paths import APP_AUTHOR, APP_NAME

    return Path(user_config_dir(APP_NAME, APP_AUTHOR))


def keyring_available() -> bool:
    """True when ``keyring`` has a real backend (not the fail/null placeholders)."""
    if os.environ.get(ENV_STORE, "").strip().lower() == "file":
        return False
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # noqa: BLE001 - a broken keyring install means "no vault"
        return False
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001
        return False
    if isinstance(backend, fail.Keyring) or type(backend).__module__.endswith(".null"):
        return False
    inner = getattr(backend, "backends", None)
    if inner is not None and not inner:  # a chainer with nothing to chain
        return False
    try:
        return float(getattr(backend, "priority", 1)) > 0
    except Exception:  # noqa: BLE001 - priority is a classproperty that may probe and fail
        return False


class CredentialStore:
    """Load, save and delete the tokens of one device."""

    def __init__(self, device_id: str, *, directory: Path | None = None) -> None:
        self.device_id = device_id
        self._directory = directory
        self._lock = threading.Lock()
        self._use_keyring = keyring_available()

    @property
    def directory(self) -> Path:
        if self._directory is not None:
            return self._directory
        override = os.environ.get(ENV_DIR, "").strip()
        return Path(override) if override else config_dir() / "credentials"

    @property
    def file_path(self) -> Path:
        return self.directory / f"{self.device_id}.json"

    @property
    def backend(self) -> Backend:
        """Where the tokens go (or are): ``keyring`` or ``file``."""
        if self._use_keyring and not self.file_path.exists():
            return "keyring"
        return "file"

    def load(self) -> Credentials | None:
        text = self.load_text()
        return Credentials.from_json(text) if text else None

    def save(self, creds: Credentials) -> Backend:
        """Store ``creds``; returns the backend that took them."""
        return self.save_text(creds.to_json())

    def load_text(self) -> str | None:
        """The stored secret text of this entry (vault first, then the file), or None.

        Also the desk database key's entry (``desktop/store/keyvault.py``)."""
        with self._lock:
            if self._use_keyring:
                text = self._keyring_get()
                if text:
                    return text
            try:
                return self.file_path.read_text(encoding="utf-8")
            except FileNotFoundError:
                return None
            except OSError as exc:
                log.warning("credential file unreadable: %s", type(exc).__name__)
                return None

    def save_text(self, text: str) -> Backend:
        """Store secret ``text`` under this entry; returns the backend that took it."""
        with self._lock:
            if self._use_keyring and self._keyring_set(text):
                self.file_path.unlink(missing_ok=True)  # never two copies
                return "keyring"
            self._write_file(text)
            return "file"

    def delete(self) -> None:
        with self._lock:
            if self._use_keyring:
                try:
                    import keyring

                    keyring.delete_password(SERVICE, self.device_id)
                except Exception:  # noqa: BLE001 - nothing stored, or no vault after all
                    pass
            self.file_path.unlink(missing_ok=True)

    # -- backends -------------------------------------------------------------------------
    def _keyring_get(self) -> str | None:
        try:
            import keyring

            return keyring.get_password(SERVICE, self.device_id)
        except Exception as exc:  # noqa: BLE001 - a locked or vanished vault
            log.warning("credential vault unreadable (%s); using the file", type(exc).__name__)
            return None

    def _keyring_set(self, text: str) -> bool:
        try:
            import keyring

            keyring.set_password(SERVICE, self.device_id, text)
            return True
        except Exception as exc:  # noqa: BLE001 - fall back to the file
            log.warning("credential vault refused the token (%s); using a private file",
                        type(exc).__name__)
            self._use_keyring = False
            return False

    def _write_file(self, text: str) -> None:
        """Atomically write ``text`` readable by the owner only (0600 in a 0700 folder)."""
        write_atomically(self.file_path, text, private=True)
