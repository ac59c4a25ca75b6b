"""SQLCipher connections to the desk database: the one way anything opens ``desk.sqlite``.

The database is encrypted page by page with SQLCipher 4 (AES-256, HMAC-SHA512 per page)
through the ``sqlcipher3`` binding, a drop-in DB-API module with its own SQLite (FTS5 and
JSON built in). The key is a random 256-bit raw key, so no passphrase derivation runs on
a connect; it lives in the OS credential vault (``desktop/store/keyvault.py``), never in
the database, a log or a message.

A database names its key: SQLCipher writes the salt in the file's first 16 bytes, and we
choose the salt when the database is made (raw key ``x'<key><salt>'``), so the salt is the
key's id in the vault. Copies and backups of a database (same key, same salt) open with
the same entry, wherever the file is moved.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlcipher3 import dbapi2

from desktop.store.errors import StoreError

# The DB-API of every desk database connection (SQLAlchemy is given this module too).
DBAPI = dbapi2
if TYPE_CHECKING:  # sqlcipher3 ships no type hints; its connection is sqlite3's API
    from sqlite3 import Connection
else:
    Connection = dbapi2.Connection
Error = dbapi2.Error
DatabaseError = dbapi2.DatabaseError
OperationalError = dbapi2.OperationalError
IntegrityError = dbapi2.IntegrityError

PLAIN_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32
SALT_BYTES = 16
FileState = Literal["missing", "empty", "plain", "encrypted"]


@dataclass(frozen=True, repr=False)
class DeskKey:
    """A database key: 32 secret bytes and the 16-byte salt that is also its id."""

    secret: bytes
    salt: bytes

    @classmethod
    def generate(cls) -> DeskKey:
        return cls(secrets.token_bytes(KEY_BYTES), secrets.token_bytes(SALT_BYTES))

    @property
    def key_id(self) -> str:
        return self.salt.hex()

    def pragma_value(self) -> str:
        """SQLCipher's raw key with explicit salt: no key derivation on connect."""
        return f"x'{self.secret.hex()}{self.salt.hex()}'"

    def __repr__(self) -> str:  # never print the secret, even in a traceback
        return f"DeskKey(key_id={self.key_id!r})"


def file_state(path: Path) -> FileState:
    """What ``path`` holds: nothing, an empty file, a plain SQLite file, or anything else
    (an encrypted database, or a foreign file that will fail to open as one)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return "missing"
    if not head:
        return "empty"
    return "plain" if head == PLAIN_HEADER else "encrypted"


def key_id_of(path: Path) -> str | None:
    """The key id (salt) an encrypted database names in its first bytes."""
    try:
        with open(path, "rb") as handle:
            salt = handle.read(SALT_BYTES)
    except OSError:
        return None
    return salt.hex() if len(salt) == SALT_BYTES and salt != PLAIN_HEADER else None


def looks_like_database(path: Path) -> bool:
    """An encrypted database is whole pages (512 bytes at least): a file of another size
    is something else, whatever key we hold."""
    try:
        size = path.stat().st_size
    except OSError:
        return False
    return size >= 512 and size % 512 == 0


def connect(path: Path | str, key: DeskKey | None | Literal["auto"] = "auto", *,
            timeout: float = 10.0, check_same_thread: bool = True,
            isolation_level: str | None = "", uri: bool = False) -> Connection:
    """A DB-API connection to a desk database, keyed and checked.

    ``key``: the database's key; ``None`` opens a plain (unencrypted) file; ``"auto"``
    (tests, tools) looks the key up in the vault by the id in the file. Raises StoreError
    (Indonesian) when the key is missing or does not open the file.
    """
    target = Path(str(path).removeprefix("file:").split("?", 1)[0]) if uri else Path(path)
    if key == "auto":
        key = key_for_file(target)
    if not uri:
        _create_private(target)
    con = dbapi2.connect(str(path), timeout=timeout, check_same_thread=check_same_thread,
                         isolation_level=isolation_level, uri=uri)
    try:
        con.execute("PRAGMA cipher_log_level = NONE")  # errors are ours to report
        if key is not None:
            con.execute(f'PRAGMA key = "{key.pragma_value()}"')
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi2.DatabaseError as exc:
        con.close()
        if "not a database" not in str(exc):
            raise
        if key is None or not looks_like_database(target):
            raise not_a_database(target, exc) from None
        raise StoreError(
            "wrong_key",
            f"Kunci enkripsi tidak cocok dengan basis data {target}, atau berkasnya rusak. "
            "Berkas tidak diubah; hubungi admin.") from None
    except BaseException:
        con.close()
        raise
    return con


def key_for_file(path: Path) -> DeskKey | None:
    """The vault's key for the database at ``path`` (None for a plain or missing file)."""
    if file_state(path) != "encrypted":
        return None
    from desktop.store import keyvault

    key_id = key_id_of(path)
    key = keyvault.load(key_id) if key_id and looks_like_database(path) else None
    if key is None:
        if not looks_like_database(path):
            raise not_a_database(path, None)
        raise missing_key(path)
    return key


def not_a_database(path: Path, exc: BaseException | None) -> StoreError:
    detail = f" ({exc})" if exc is not None else ""
    return StoreError("not_a_database",
                      f"Berkas {path} bukan basis data LAPOR! Desk atau rusak{detail}.")


def missing_key(path: Path) -> StoreError:
    from desktop.store import keyvault

    return StoreError(
        "key_missing",
        f"Basis data {path} terenkripsi, tetapi kuncinya tidak ada di "
        f"{keyvault.describe_store()} pengguna komputer ini. Buka LAPOR! Desk dengan akun "
        "yang sama dengan yang membuat basis data itu, atau hubungi admin. Berkas tidak "
        "diubah.")


def _create_private(path: Path) -> None:
    """Make a new database file 0600 before SQLite opens it (SQLite gives its -wal, -shm
    and -journal files the database's mode), so no umask ever leaves it world-readable."""
    if str(path) in ("", ":memory:") or not path.parent.is_dir():
        return  # SQLite reports a missing folder itself
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except OSError:
        return  # SQLite will say what is wrong
    os.close(fd)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
