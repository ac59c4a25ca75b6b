"""The restore test an operator can run: ``lapor-server verify-backup FILE``.

- A PostgreSQL dump (``pg_dump --format=custom``, as ``lapor-server backup`` writes it) is
  restored with ``pg_restore --exit-on-error`` into a new scratch database
  (``lapor_verify_<random>``, created on the server of the configured database URL, so its
  role needs ``CREATEDB``), checked, and dropped again, also when something failed.
- A SQLite backup is copied into a temporary folder, checked with ``PRAGMA integrity_check``
  and opened there.

Both then read the schema revision (``alembic_version``) and count the complaints, users
and agencies. The live database is never written to.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from server import backup as bk
from server.config import Settings
from server.db import is_sqlite, normalize_url

COUNTED = ("complaints", "users", "agencies")


@dataclass
class VerifyResult:
    kind: str  # "postgresql" or "sqlite"
    revision: str | None
    counts: dict[str, int]
    scratch: str  # where it was restored to (gone again)


def verify(path: Path, database_url: str) -> VerifyResult:
    """Restore ``path`` somewhere disposable and check it; BackupError when it is not good."""
    try:
        with path.open("rb") as f:
            head = f.read(len(bk.SQLITE_MAGIC))
    except OSError as exc:
        raise bk.BackupError(f"Berkas cadangan tidak dapat dibaca: {exc}") from exc
    if head.startswith(bk.PG_MAGIC):
        return _verify_pg(path, database_url)
    if head == bk.SQLITE_MAGIC:
        return _verify_sqlite(path)
    raise bk.BackupError(f"{path} bukan cadangan LAPOR! Desk (bukan pg_dump --format=custom "
                         "dan bukan berkas SQLite).")


def _read_checks(conn: Any) -> tuple[str | None, dict[str, int]]:
    """Revision and row counts through a DB-API connection (psycopg or sqlite3)."""
    cur = conn.cursor()
    try:
        cur.execute("SELECT version_num FROM alembic_version")
        row = cur.fetchone()
        counts = {}
        for table in COUNTED:
            cur.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - fixed table names
            counts[table] = int(cur.fetchone()[0])
    except Exception as exc:  # noqa: BLE001 - any driver error means a broken backup
        raise bk.BackupError(f"Cadangan terpulihkan tetapi isinya tidak lengkap: {exc}") \
            from exc
    finally:
        cur.close()
    return (row[0] if row else None), counts


def _verify_sqlite(path: Path) -> VerifyResult:
    with tempfile.TemporaryDirectory(prefix="lapor-verify-") as scratch:
        copy = Path(scratch) / "restored.sqlite"
        shutil.copyfile(path, copy)
        conn = sqlite3.connect(copy)
        try:
            problem = bk.sqlite_problem(conn)
            if problem:
                raise bk.BackupError(f"Cadangan SQLite rusak: {problem}")
            revision, counts = _read_checks(conn)
        except sqlite3.Error as exc:
            raise bk.BackupError(f"Cadangan SQLite tidak dapat dibuka: {exc}") from exc
        finally:
            conn.close()
    return VerifyResult("sqlite", revision, counts, str(copy))


def _admin_connection(database_url: str) -> Any:
    """Autocommit connection for CREATE/DROP DATABASE: to the configured database, else (it
    was dropped for a restore) to the server's ``postgres`` database."""
    import psycopg

    problem: Exception | None = None
    for database in (None, "postgres"):
        target, env = bk.libpq_target(database_url, database=database)
        try:
            return psycopg.connect(target, autocommit=True, password=env.get("PGPASSWORD"))
        except psycopg.Error as exc:
            problem = problem or exc
    raise bk.BackupError(f"Tidak dapat membuka basis data: {problem}")


def _verify_pg(path: Path, database_url: str) -> VerifyResult:
    import psycopg

    if is_sqlite(normalize_url(database_url)):
        raise bk.BackupError("Cadangan PostgreSQL hanya dapat diuji dengan LAPOR_DATABASE_URL "
                             "yang menunjuk ke server PostgreSQL (tempat basis data "
                             "sementara dibuat).")
    pg_restore = bk.tool("pg_restore")
    scratch = f"lapor_verify_{uuid.uuid4().hex[:12]}"
    scratch_target, env = bk.libpq_target(database_url, database=scratch)
    with _admin_connection(database_url) as admin:
        try:
            admin.execute(f'CREATE DATABASE "{scratch}" TEMPLATE template0')
        except psycopg.errors.InsufficientPrivilege as exc:
            raise bk.BackupError(
                "Peran basis data ini tidak boleh membuat basis data sementara untuk uji "
                "pemulihan. Sebagai postgres: ALTER ROLE <peran> CREATEDB;") from exc
        try:
            proc = subprocess.run([pg_restore, "--no-owner", "--no-acl", "--exit-on-error",
                                   "--dbname", scratch_target, str(path)],
                                  capture_output=True, env=env, check=False)
            if proc.returncode != 0:
                raise bk.BackupError("Cadangan tidak dapat dipulihkan (pg_restore gagal):\n"
                                     + bk.tail(proc.stderr.decode(errors="replace")))
            with psycopg.connect(scratch_target, password=env.get("PGPASSWORD")) as conn:
                revision, counts = _read_checks(conn)
        finally:
            with contextlib.suppress(psycopg.Error):
                admin.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
    return VerifyResult("postgresql", revision, counts, scratch)


def run_command(file: str, settings: Settings) -> int:
    """``lapor-server verify-backup``: exit 0 when the backup restores and reads back."""
    from server import migrate

    try:
        result = verify(Path(file), settings.database_url)
        if result.revision is None:
            raise bk.BackupError("Cadangan terpulihkan tetapi tanpa revisi skema "
                                 "(basis data yang belum disiapkan dengan init).")
    except bk.BackupError as exc:
        print(f"lapor-server: cadangan {file} GAGAL diuji: {exc}", file=sys.stderr)
        return 1
    counts = result.counts
    print(f"Cadangan baik: {file}")
    print(f"  dipulihkan ke {result.scratch} (sementara, sudah dihapus lagi); revisi skema "
          f"{result.revision}; {counts['complaints']} pengaduan, {counts['users']} pengguna, "
          f"{counts['agencies']} instansi.")
    if result.revision not in migrate.known_revisions():
        print(f"  Catatan: revisi {result.revision} dibuat oleh versi LAPOR! Desk yang lebih "
              "baru; pulihkan dengan versi itu.")
    elif result.revision != migrate.head_revision():
        print("  Catatan: skema lebih lama dari kode ini; `lapor-server init` setelah "
              "pemulihan akan meningkatkannya.")
    return 0
