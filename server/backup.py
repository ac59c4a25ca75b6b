"""Database backups that cannot destroy a good backup (``lapor-server backup``).

``lapor-server backup --output-dir DIR [--keep N] [--label LABEL]`` writes one new file per
run, named after the office time of the run (``core/clock.py``)::

    DIR/lapor-nightly-20261202-013000.dump       PostgreSQL: pg_dump's custom format
    DIR/lapor-nightly-20261202-013000-2.dump     a second run within the same second
    DIR/lapor-nightly-20261202-013000.sqlite     SQLite: a copy made with SQLite's backup API

- The dump is written to a hidden temporary file in DIR (mode 0600), checked (not empty;
  PostgreSQL: ``pg_restore --list`` reads it and it holds ``alembic_version``; SQLite:
  ``PRAGMA integrity_check``), synced to disk and only then given its name, with a hard link
  that fails rather than replace an existing file. A failing ``pg_dump`` leaves no file
  behind and every earlier dump as it was.
- ``--keep N``: after a good dump, delete the oldest dumps *of the same label* in DIR so that
  the newest N remain (the one just written always among them). Dumps with another label
  are never touched. ``--label`` (default ``nightly``; letters, digits and ``-``) names the
  series: ``pre-upgrade`` and ``pre-restore`` are kept forever (``--keep`` is refused).
- PostgreSQL needs ``pg_dump`` and ``pg_restore`` on PATH (Debian: package
  ``postgresql-client``, the server's major version or newer). The connection comes from
  the database URL; its password travels in ``PGPASSWORD``, never on a command line.

``lapor-server verify-backup FILE`` is the restore test: server/backup_verify.py.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from core.clock import clock, parse_zone
from server.config import Settings
from server.db import is_sqlite, normalize_url

DEFAULT_LABEL = "nightly"
# Series that retention never deletes: the dump taken before an upgrade or a restore is
# the way back, whatever happens to the nightly rotation.
KEPT_FOREVER = frozenset({"pre-upgrade", "pre-restore"})
LABEL_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
NAME_RE = re.compile(r"^lapor-(?P<label>[a-z0-9-]+?)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?"
                     r"\.(?P<ext>dump|sqlite)$")
PG_MAGIC = b"PGDMP"
SQLITE_MAGIC = b"SQLite format 3\x00"


class BackupError(Exception):
    """A backup or a restore test failed; the message is for the operator (Indonesian)."""


@dataclass
class BackupResult:
    path: Path
    size: int
    removed: list[Path] = field(default_factory=list)


def tool(name: str) -> str:
    """The path of a PostgreSQL client program, or a BackupError saying how to get it."""
    found = shutil.which(name)
    if not found:
        raise BackupError(f"Program {name} tidak ditemukan di PATH. Pasang klien PostgreSQL "
                          "(Debian: apt-get install postgresql-client) dengan versi yang sama "
                          "dengan server PostgreSQL atau lebih baru.")
    return found


def libpq_target(database_url: str, database: str | None = None) -> tuple[str, dict[str, str]]:
    """(libpq connection URI without the password, environment with ``PGPASSWORD``) for
    ``pg_dump``/``pg_restore``; ``database`` replaces the URL's database name."""
    url: URL = make_url(normalize_url(database_url))
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    if database is not None:
        plain = plain.set(database=database)
    return plain.render_as_string(hide_password=False), env


def tail(text: str, lines: int = 6) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def check_label(label: str, keep: int | None) -> None:
    if not LABEL_RE.match(label):
        raise BackupError(f"Label cadangan tidak sah: {label!r} (huruf kecil, angka dan '-').")
    if keep is not None and keep < 1:
        raise BackupError("--keep harus bilangan bulat 1 atau lebih.")
    if keep is not None and label in KEPT_FOREVER:
        raise BackupError(f"Cadangan berlabel {label} disimpan selamanya: --keep tidak "
                          "berlaku untuknya.")


def backup(database_url: str, output_dir: Path, *, label: str = DEFAULT_LABEL,
           keep: int | None = None, timezone: str = "Asia/Makassar") -> BackupResult:
    """Dump the database into a new file in ``output_dir``; see the module docstring."""
    check_label(label, keep)
    sqlite = is_sqlite(normalize_url(database_url))
    ext = "sqlite" if sqlite else "dump"
    stamp = clock().with_zone(parse_zone(timezone)).now().strftime("%Y%m%d-%H%M%S")
    try:
        output_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise BackupError(f"Folder cadangan {output_dir} tidak dapat dibuat: {exc}") from exc
    temp = output_dir / f".lapor-{label}-{stamp}.{uuid.uuid4().hex[:8]}.partial"
    try:
        if sqlite:
            _sqlite_copy(database_url, temp)
        else:
            _pg_dump(database_url, temp)
        size = temp.stat().st_size
        final = _publish(temp, output_dir, f"lapor-{label}-{stamp}", ext)
    except OSError as exc:
        raise BackupError(f"Cadangan tidak dapat ditulis di {output_dir}: {exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    removed = prune(output_dir, label, keep, final) if keep else []
    return BackupResult(final, size, removed)


def _pg_dump(database_url: str, temp: Path) -> None:
    pg_dump, pg_restore = tool("pg_dump"), tool("pg_restore")
    target, env = libpq_target(database_url)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        proc = subprocess.run([pg_dump, "--format=custom", "--dbname", target], stdout=out,
                              stderr=subprocess.PIPE, env=env, check=False)
        if proc.returncode != 0:
            raise BackupError(f"pg_dump gagal (kode {proc.returncode}); tidak ada cadangan "
                              "yang ditulis atau ditimpa:\n"
                              + tail(proc.stderr.decode(errors="replace")))
        out.flush()
        os.fsync(out.fileno())
    if temp.stat().st_size == 0:
        raise BackupError("pg_dump tidak menghasilkan apa pun; tidak ada cadangan yang ditulis.")
    listing = subprocess.run([pg_restore, "--list", str(temp)], capture_output=True,
                             env=env, check=False)
    text = listing.stdout.decode(errors="replace")
    if listing.returncode != 0 or "alembic_version" not in text:
        raise BackupError("Hasil pg_dump tidak terbaca sebagai cadangan LAPOR! Desk "
                          "(pg_restore --list); tidak ada cadangan yang ditulis:\n"
                          + tail(listing.stderr.decode(errors="replace") or text))


def sqlite_path(database_url: str) -> Path:
    database = make_url(normalize_url(database_url)).database
    if not database or database == ":memory:":
        raise BackupError("Basis data SQLite di memori tidak dapat dicadangkan.")
    return Path(database)


def _sqlite_copy(database_url: str, temp: Path) -> None:
    source = sqlite_path(database_url)
    if not source.is_file():
        raise BackupError(f"Basis data {source} tidak ada.")
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(temp)
    try:
        src.backup(dst)  # online: a consistent copy while the server keeps writing
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        problem = sqlite_problem(dst)
    except sqlite3.Error as exc:
        raise BackupError(f"Salinan SQLite gagal: {exc}") from exc
    finally:
        dst.close()
        src.close()
    if problem:
        raise BackupError(f"Salinan SQLite rusak ({problem}); tidak ada cadangan yang ditulis.")
    with open(temp, "rb+") as copy:
        os.fsync(copy.fileno())


def sqlite_problem(conn: sqlite3.Connection) -> str | None:
    """None when ``PRAGMA integrity_check`` passes and the LAPOR schema is there."""
    result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        return "; ".join(result[:5])
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    return None if "alembic_version" in tables else "tabel alembic_version tidak ada"


def _publish(temp: Path, directory: Path, base: str, ext: str) -> Path:
    """Give ``temp`` its final name without ever replacing a file: a hard link fails if the
    name is taken, then the next suffix (-2, -3, ...) is tried."""
    for n in range(1, 1000):
        final = directory / (f"{base}.{ext}" if n == 1 else f"{base}-{n}.{ext}")
        try:
            os.link(temp, final)
        except FileExistsError:
            continue
        except OSError as exc:
            raise BackupError(f"Cadangan tidak dapat diberi nama {final}: {exc}") from exc
        _sync_dir(directory)
        return final
    raise BackupError(f"Terlalu banyak cadangan bernama {base} di {directory}.")


def _sync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can fsync a directory
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def series(directory: Path, label: str) -> list[Path]:
    """The dumps of one label in ``directory``, oldest first."""
    found = []
    for path in directory.iterdir():
        match = NAME_RE.match(path.name)
        if match and match["label"] == label and path.is_file():
            found.append((match["stamp"], int(match["n"] or 1), path))
    return [path for _stamp, _n, path in sorted(found)]


def prune(directory: Path, label: str, keep: int, just_written: Path) -> list[Path]:
    """Delete the oldest dumps of ``label`` beyond the newest ``keep`` (``just_written``
    always stays, even if the clock went back); returns what was deleted."""
    if label in KEPT_FOREVER:
        return []
    others = [p for p in series(directory, label) if p != just_written]
    doomed = others[:max(0, len(others) - (keep - 1))]
    for path in doomed:
        try:
            path.unlink()
        except OSError as exc:
            raise BackupError(f"Cadangan {just_written} dibuat, tetapi cadangan lama {path} "
                              f"tidak dapat dihapus: {exc}") from exc
    return doomed


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def run_command(output_dir: str, label: str, keep: int | None, settings: Settings) -> int:
    """``lapor-server backup``: exit 0 with the new file's name, or 1 with the reason."""
    try:
        result = backup(settings.database_url, Path(output_dir), label=label, keep=keep,
                        timezone=settings.timezone)
    except BackupError as exc:
        print(f"lapor-server: {exc}", file=sys.stderr)
        return 1
    print(f"Cadangan dibuat: {result.path} ({_size(result.size)}).")
    for path in result.removed:
        print(f"Cadangan lama dihapus (--keep {keep}): {path.name}")
    return 0
