"""Bring a desk database to the schema this build expects, safely.

Run on every start (``DeskService`` does it). The usual start finds the database at
``HEAD_REVISION`` with one plain query on ``alembic_version`` and never imports Alembic
(130-450 ms of start-up); only a database that is behind, missing or unknown takes the
Alembic path. An existing database with pending revisions is first copied next to itself
with SQLite's online backup API; the upgrade then runs as ONE transaction with foreign
keys off (so a table rebuild can never cascade-delete child rows), and is committed only
if ``PRAGMA foreign_key_check`` finds nothing dangling.

Before any of it the file is made an encrypted one (``desktop/store/encryption.py``): a
plain database of an earlier version is encrypted first, so its schema upgrade (and the
backup copy) are encrypted too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from core.clock import clock
from desktop.store import cipher
from desktop.store.cipher import DeskKey
from desktop.store.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions; tests/test_store_migrations.py checks that
# Alembic agrees. Bump it with every new revision.
HEAD_REVISION = "0006"


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    """A Config pointing at the packaged migrations; independent of the working directory."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    return HEAD_REVISION


def script_head_revision() -> str:
    """The head as Alembic reads it from the versions directory (imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None  # the versions directory has revisions
    return head


KeyArg = DeskKey | None | Literal["auto"]


def current_revision(db_path: Path, key: KeyArg = "auto") -> str | None:
    """The revision stamped in ``db_path`` (None: no file, no stamp, or not a database).

    Reads only: a plain file is read as it is, an encrypted one with its key from the vault.
    """
    revisions = _stamped(db_path, key)
    return revisions[0] if revisions else None


def _stamped(db_path: Path, key: KeyArg) -> list[str] | None:
    """Every row of ``alembic_version`` by a plain query; None if it cannot be read."""
    if not db_path.is_file():
        return None
    try:
        con = cipher.connect(db_path, key, timeout=10)
    except (cipher.Error, StoreError):
        return None
    try:
        return [r[0] for r in con.execute("SELECT version_num FROM alembic_version")]
    except cipher.Error:
        return None
    finally:
        con.close()


def backup_database(db_path: Path, label: str, key: KeyArg = "auto") -> Path:
    """A consistent copy (WAL included) beside the database: ``desk.sqlite.<label>-<time>.bak``,
    encrypted with the database's own key."""
    stamp = clock().now().strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.name}.{label}-{stamp}.bak")
    n = 1
    while target.exists():
        n += 1
        target = db_path.with_name(f"{db_path.name}.{label}-{stamp}-{n}.bak")
    if key == "auto":
        key = cipher.key_for_file(db_path)
    src = cipher.connect(db_path, key)
    dst = cipher.connect(target, key)
    try:
        with dst:
            src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def upgrade(db_path: Path, target: str = "head", *, key: KeyArg = "auto") -> MigrationResult:
    """Upgrade ``db_path`` (created if missing) to ``target``; raises StoreError (Indonesian).

    ``key``: ``"auto"`` encrypts the file first if needed and takes its key from the vault
    (``encryption.prepare``); ``None`` keeps a plain file (benchmarks and tests only).
    """
    if key == "auto":
        from desktop.store.encryption import prepare

        key = prepare(db_path)
    if target == "head" and _stamped(db_path, key) == [HEAD_REVISION]:
        return MigrationResult(HEAD_REVISION, HEAD_REVISION, None)  # the usual start
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from sqlalchemy.exc import DatabaseError

    from desktop.store.engine import make_engine

    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head() if target == "head" else target
    assert head is not None  # the versions directory has revisions
    engine = make_engine(db_path, key, foreign_keys=False, pooled=False)
    try:
        try:
            with engine.connect() as conn:
                current = MigrationContext.configure(conn).get_current_revision()
                has_tables = bool(conn.exec_driver_sql(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table'").scalar())
        except DatabaseError as exc:
            raise StoreError(
                "not_a_database",
                f"Berkas {db_path} bukan basis data LAPOR! Desk atau rusak ({exc.orig}).",
            ) from exc
        if current == head:
            return MigrationResult(current, head, None)
        if current is not None and current not in {r.revision for r in script.walk_revisions()}:
            raise StoreError(
                "newer_schema",
                f"Basis data dibuat oleh versi LAPOR! Desk yang lebih baru (skema {current}). "
                "Perbarui aplikasi sebelum membukanya.",
            )
        if current is None and has_tables:
            raise StoreError(
                "unknown_database",
                f"Berkas {db_path} berisi tabel yang tidak dikenal; tidak diubah.",
            )
        backup = (backup_database(db_path, f"pre-{head}-from-{current}", key)
                  if current else None)
        with engine.connect() as conn:
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                if current is not None:  # revisions expect the schema they were written on
                    from desktop.store import bulk_load

                    bulk_load.finish(conn)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target)
                dangling = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if dangling:
                    raise StoreError(
                        "migration_dangling",
                        f"Pembaruan skema dibatalkan: {len(dangling)} baris kehilangan induknya.",
                    )
        return MigrationResult(current, head, backup)
    finally:
        engine.dispose()
