"""Desk database keys in the OS credential vault, the store the sign-in tokens use.

One entry per database key, named ``desk-db-<key id>`` (the key id is the database's salt,
``desktop/store/cipher.py``), in Windows Credential Manager, macOS Keychain or the Secret
Service; where none exists, a 0600 file in the tokens' folder
(``desktop/credentials.py``: ``LAPOR_DESK_CREDENTIAL_STORE``,
``LAPOR_DESK_CREDENTIALS_DIR``). Entries are never deleted by the desk: signing out
forgets the tokens, not the key. The key never goes into the database, a log or a message.
"""

from __future__ import annotations

import json
import logging

from desktop.store.cipher import DeskKey
from desktop.store.errors import StoreError

log = logging.getLogger(__name__)

ENTRY_PREFIX = "desk-db-"


def _entry(key_id: str):  # noqa: ANN202 - desktop.credentials.CredentialStore
    from desktop.credentials import CredentialStore

    return CredentialStore(ENTRY_PREFIX + key_id)


def describe_store() -> str:
    """Where keys go, for messages: the OS vault or the private file."""
    from desktop.credentials import keyring_available

    return "brankas kredensial" if keyring_available() else "berkas kunci pribadi"


def load(key_id: str) -> DeskKey | None:
    """The key with this id, or None when the vault (and its file) has none."""
    text = _entry(key_id).load_text()
    if not text:
        return None
    try:
        data = json.loads(text)
        key = DeskKey(bytes.fromhex(data["key"]), bytes.fromhex(key_id))
    except (ValueError, KeyError, TypeError):
        log.warning("database key entry %s is damaged", key_id)
        return None
    return key if len(key.secret) == 32 else None


def create() -> DeskKey:
    """A new random key, stored (and read back) before any data is encrypted with it."""
    key = DeskKey.generate()
    entry = _entry(key.key_id)
    backend = entry.save_text(json.dumps({"key": key.secret.hex(), "kind": "desk-db"}))
    stored = load(key.key_id)
    if stored is None or stored.secret != key.secret:
        raise StoreError("key_unsaved", "Kunci enkripsi basis data tidak dapat disimpan di "
                                        "brankas kredensial; basis data tidak diubah.")
    log.info("new database key %s stored (%s)", key.key_id, backend)
    return key
