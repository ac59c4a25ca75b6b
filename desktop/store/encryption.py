"""Make sure ``desk.sqlite`` is encrypted before anything opens it, and give its key.

Run by ``DeskService`` (through ``migrate.upgrade``) on every start. The usual start reads
16 bytes (the key id) and one vault entry. Otherwise, under a lock file shared with any
other desk process on the same data directory:

- no database (or an empty file): a new key goes into the vault (read back first), then an
  empty encrypted database is made beside the target and renamed onto it;
- a plain database of an earlier version (``SQLite format 3`` header): refused untouched
  when it is not a desk database; else a new key is stored, the file is exported with
  ``sqlcipher_export`` into ``desk.sqlite.encrypting`` from one read snapshot, the copy
  is checked from a fresh connection (every table's row count, ``quick_check``), fsynced,
  and only then renamed over the plain file. A crash at any point leaves either the plain
  database (the next start redoes the export) or the verified encrypted one;
- plain backups beside it (``desk.sqlite.*.bak`` from earlier schema upgrades) are
  encrypted the same way with the same key, and the plain files of the letter archive and
  the attachment cache are sealed (``desktop/store/sealed.py``) before the swap.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from desktop.store import cipher, filelock, keyvault, sealed
from desktop.store.cipher import DeskKey
from desktop.store.errors import StoreError

log = logging.getLogger(__name__)

TMP_SUFFIX = ".encrypting"
LOCK_SUFFIX = ".lock"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def _tmp_path(path: Path) -> Path:
    return path.with_name(path.name + TMP_SUFFIX)


def _plain_backups(db_path: Path) -> list[Path]:
    return [p for p in sorted(db_path.parent.glob(f"{db_path.name}.*.bak"))
            if cipher.file_state(p) == "plain"]


def _unfinished(db_path: Path) -> bool:
    return _tmp_path(db_path).exists() or bool(_plain_backups(db_path))


def prepare(db_path: Path) -> DeskKey:
    """The key of ``db_path``, once it holds an encrypted desk database (see the module
    docstring). Raises StoreError (Indonesian) and leaves the file as it was otherwise."""
    if cipher.file_state(db_path) == "encrypted" and not _unfinished(db_path):
        return _existing_key(db_path)  # the usual start
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with filelock.locked(lock_path(db_path)):
        state = cipher.file_state(db_path)  # another process may have done it meanwhile
        if state in ("missing", "empty"):
            key = _create_empty(db_path)
            sealed.seal_existing(db_path.parent, sealed.FileSealer(key))
        elif state == "plain":
            _check_desk_database(db_path)
            key = keyvault.create()
            # Letters and attachments first: a crash before the database's swap redoes it
            # all with a new key, and files sealed under this one still open (their key id).
            sealed.seal_existing(db_path.parent, sealed.FileSealer(key))
            encrypt_file(db_path, key)
            log.info("desk database encrypted (key %s)", key.key_id)
        else:
            key = _existing_key(db_path)
        for backup in _plain_backups(db_path):
            encrypt_file(backup, key)
            log.info("backup %s encrypted", backup.name)
        _remove_with_sides(_tmp_path(db_path))
    return key


def _existing_key(db_path: Path) -> DeskKey:
    key = cipher.key_for_file(db_path)
    if key is None:  # the file changed under us; cannot happen under the lock
        raise cipher.missing_key(db_path)
    return key


def _remove_with_sides(path: Path) -> None:
    for suffix in ("", *SIDE_SUFFIXES):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _remove_sides(path: Path) -> None:
    for suffix in SIDE_SUFFIXES:
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _create_empty(db_path: Path) -> DeskKey:
    """A new key and an empty encrypted database at ``db_path`` (made aside, renamed)."""
    key = keyvault.create()
    tmp = _tmp_path(db_path)
    _remove_with_sides(tmp)
    con = cipher.connect(tmp, key, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode = WAL")  # writes the first (encrypted) page
    finally:
        con.close()
    _swap(tmp, db_path)
    return key


def _check_desk_database(db_path: Path) -> None:
    """A plain file is encrypted only when it is a desk database (or has no tables)."""
    con = cipher.connect(db_path, None, timeout=10.0)
    try:
        tables = {r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        con.close()
    if tables and "alembic_version" not in tables:
        raise StoreError("unknown_database",
                         f"Berkas {db_path} berisi tabel yang tidak dikenal; tidak diubah.")


def _counts(con: cipher.Connection, schema: str) -> dict[str, int]:
    names = [r[0] for r in con.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")]
    return {n: con.execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0] for n in names}


def encrypt_file(path: Path, key: DeskKey) -> None:
    """Replace the plain database ``path`` by an encrypted copy with ``key``, verified and
    durable before the plain file goes (see the module docstring)."""
    tmp = _tmp_path(path)
    _remove_with_sides(tmp)
    plain = cipher.connect(path, None, isolation_level=None, timeout=10.0)
    try:
        # Fold the WAL into the file and leave WAL mode: nothing of the plain database
        # stays in a -wal file that could be replayed onto the encrypted one.
        mode = plain.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise StoreError("busy", "Basis data sedang dipakai program lain. Tutup semua "
                                     "jendela LAPOR! Desk lalu buka lagi.")
        user_version = plain.execute("PRAGMA user_version").fetchone()[0]
        plain.execute("ATTACH DATABASE ? AS enc KEY ?", (str(tmp), key.pragma_value()))
        plain.execute("BEGIN")  # one read snapshot: what is exported is what is counted
        expected = _counts(plain, "main")
        plain.execute("SELECT sqlcipher_export('enc')")
        plain.execute(f"PRAGMA enc.user_version = {int(user_version)}")
        plain.execute("COMMIT")
        plain.execute("DETACH DATABASE enc")
    except cipher.Error as exc:
        _remove_with_sides(tmp)
        raise StoreError("encryption_failed",
                         f"Enkripsi basis data {path.name} gagal ({exc}); berkas lama tidak "
                         "diubah.") from exc
    finally:
        plain.close()
    _verify(tmp, key, expected, path)
    _swap(tmp, path)


def _verify(tmp: Path, key: DeskKey, expected: dict[str, int], original: Path) -> None:
    con = cipher.connect(tmp, key)
    try:
        found = _counts(con, "main")
        problems = [r[0] for r in con.execute("PRAGMA quick_check")]
    finally:
        con.close()
    if found != expected or problems != ["ok"]:
        _remove_with_sides(tmp)
        differ = sorted(n for n in set(found) | set(expected)
                        if found.get(n) != expected.get(n))
        raise StoreError(
            "encryption_failed",
            f"Enkripsi basis data {original.name} dibatalkan: salinan terenkripsi tidak sama "
            f"({', '.join(differ) or '; '.join(problems)}). Berkas lama tidak diubah.")


def _swap(tmp: Path, target: Path) -> None:
    """Durably rename the finished ``tmp`` onto ``target``; no side file of the old one
    may survive (a stale -wal would be replayed onto the new file)."""
    cipher.fsync_file(tmp)
    _remove_sides(tmp)
    _remove_sides(target)
    os.replace(tmp, target)
    cipher.fsync_dir(target.parent)
