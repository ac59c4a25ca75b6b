"""``lapor-server backup`` / ``verify-backup`` cannot destroy a good backup; a database
migrated by a newer release is refused plainly; ``LAPOR_API_DOCS=0`` (issue 21).

PostgreSQL: a scratch database on the server of ``LAPOR_TEST_DATABASE_URL`` (default
``postgresql://postgres@127.0.0.1:5432/test``; skipped when it does not answer), with the
real ``pg_dump``/``pg_restore``; a fake ``pg_dump`` on PATH plays the failing one.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.app import create_app
from server.config import Settings
from tests.server_fixtures import postgres_url, run_cli

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
NEWER = "Basis data dibuat oleh versi LAPOR! Desk yang lebih baru (revisi 9999_masa_depan)"


def _admin_url() -> str:
    return re.sub(r"^postgresql\+psycopg://", "postgresql://", postgres_url() or DEFAULT_PG)


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """An initialised scratch database with demo data: 3 complaints."""
    import psycopg

    admin = _admin_url()
    name = f"lapor_bk_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL not reachable at {admin}: {exc}")
    url = re.sub(r"/[^/?]*(\?.*)?$", f"/{name}", admin).replace(
        "postgresql://", "postgresql+psycopg://", 1)
    try:
        run_cli(url, "init")
        run_cli(url, "seed-demo", "--password", "sandi-demo-1", "--complaints", "3")
        yield url
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def backup(url: str, out: Path, *args: str, now: str | None = None,
           env: dict[str, str] | None = None, check: bool = True
           ) -> subprocess.CompletedProcess:
    extra = dict(env or {})
    if now:  # no "@anchor": every process starts at this instant (same second, same name)
        extra["LAPOR_NOW"] = now
    return run_cli(url, "backup", "--output-dir", str(out), *args, env=extra, check=check)


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_backups_in_the_same_second_never_overwrite(pg_url: str, tmp_path: Path) -> None:
    at = "2026-12-02T01:30:00+08:00"
    first = backup(pg_url, tmp_path, now=at)
    assert "Cadangan dibuat" in first.stdout
    env = {**os.environ, "LAPOR_DATABASE_URL": pg_url, "LAPOR_NOW": at}
    both = [subprocess.Popen([sys.executable, "-m", "server.cli", "backup", "--output-dir",
                              str(tmp_path)], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    assert [p.wait(timeout=120) for p in both] == [0, 0], [p.stderr.read() for p in both]
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["lapor-nightly-20261202-013000-2.dump",
                     "lapor-nightly-20261202-013000-3.dump",
                     "lapor-nightly-20261202-013000.dump"], names
    for name in names:
        listing = subprocess.run(["pg_restore", "--list", str(tmp_path / name)],
                                 capture_output=True, text=True, check=True)
        assert "TABLE DATA public complaints" in listing.stdout
        assert (tmp_path / name).stat().st_mode & 0o077 == 0  # personal data: owner only


FAKE_PG_DUMP = """#!/bin/sh
printf 'PGDMP partial output of a dump that broke off'
echo "pg_dump: error: query failed: server closed the connection unexpectedly" >&2
exit 1
"""


def test_failing_pg_dump_leaves_earlier_dumps_and_no_partial_file(pg_url: str,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "nightly"
    backup(pg_url, out, now="2026-12-01T01:30:00+08:00")
    before = digests(out)
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "pg_dump").write_text(FAKE_PG_DUMP)
    (fake / "pg_dump").chmod(0o755)
    path = f"{fake}:{os.environ['PATH']}"
    for now in ("2026-12-01T01:30:00+08:00", "2026-12-02T01:30:00+08:00"):  # same name, new
        broken = backup(pg_url, out, "--keep", "1", now=now, env={"PATH": path}, check=False)
        assert broken.returncode == 1, broken.stdout
        assert "pg_dump gagal" in broken.stderr and "Traceback" not in broken.stderr
        assert digests(out) == before  # nothing replaced, pruned or left behind
    wrong_db = re.sub(r"/[^/?]*$", "/tidak_ada_basis_data", pg_url)
    broken = backup(wrong_db, out, "--keep", "1", check=False)
    assert broken.returncode == 1 and "pg_dump gagal" in broken.stderr
    assert digests(out) == before


def test_pg_dump_missing_from_path(pg_url: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    proc = backup(pg_url, tmp_path / "out", env={"PATH": str(empty)}, check=False)
    assert proc.returncode == 1
    assert "pg_dump tidak ditemukan di PATH" in proc.stderr and "Traceback" not in proc.stderr


def test_retention_prunes_only_old_dumps_of_its_own_label(pg_url: str, tmp_path: Path) -> None:
    kept = backup(pg_url, tmp_path, "--label", "pre-upgrade", now="2026-11-20T09:00:00+08:00")
    assert "lapor-pre-upgrade-20261120-090000.dump" in kept.stdout
    (tmp_path / "catatan.txt").write_text("bukan cadangan")
    for day in range(21, 26):
        backup(pg_url, tmp_path, "--keep", "3", now=f"2026-11-{day}T01:30:00+08:00")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["catatan.txt", "lapor-nightly-20261123-013000.dump",
                     "lapor-nightly-20261124-013000.dump", "lapor-nightly-20261125-013000.dump",
                     "lapor-pre-upgrade-20261120-090000.dump"], names
    # The clock went back: the new dump is kept all the same, the newest others with it.
    back = backup(pg_url, tmp_path, "--keep", "2", now="2026-11-01T01:30:00+08:00")
    assert "lapor-nightly-20261123-013000.dump" in back.stdout  # reported as deleted
    nightly = sorted(p.name for p in tmp_path.glob("lapor-nightly-*"))
    assert nightly == ["lapor-nightly-20261101-013000.dump",
                       "lapor-nightly-20261125-013000.dump"], nightly
    refused = backup(pg_url, tmp_path, "--label", "pre-upgrade", "--keep", "1", check=False)
    assert refused.returncode == 1 and "disimpan selamanya" in refused.stderr
    assert (tmp_path / "lapor-pre-upgrade-20261120-090000.dump").exists()


def _verify_dbs() -> set[str]:
    import psycopg

    with psycopg.connect(_admin_url()) as conn:
        rows = conn.execute("SELECT datname FROM pg_database WHERE datname LIKE "
                            "'lapor_verify_%'").fetchall()
    return {r[0] for r in rows}


def test_verify_backup_restores_into_a_scratch_database(pg_url: str, tmp_path: Path) -> None:
    backup(pg_url, tmp_path)
    dump = next(tmp_path.glob("*.dump"))
    before = _verify_dbs()
    good = run_cli(pg_url, "verify-backup", str(dump))
    assert "Cadangan baik" in good.stdout and "3 pengaduan" in good.stdout, good.stdout
    scratch = re.search(r"dipulihkan ke (lapor_verify_\w+)", good.stdout).group(1)
    assert scratch not in _verify_dbs()
    broken = tmp_path / "rusak.dump"
    data = dump.read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    bad = run_cli(pg_url, "verify-backup", str(broken), check=False)
    assert bad.returncode == 1 and "GAGAL diuji" in bad.stderr, bad.stderr
    assert "Traceback" not in bad.stderr
    assert _verify_dbs() == before  # the scratch database is gone after a failure too


def test_sqlite_backup_is_an_online_copy_verified(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'server.sqlite'}"
    run_cli(url, "init")
    run_cli(url, "seed-demo", "--password", "sandi-demo-1", "--complaints", "2")
    made = run_cli(url, "backup", "--output-dir", str(tmp_path / "out"), "--keep", "5")
    copy = next((tmp_path / "out").glob("lapor-nightly-*.sqlite"))
    assert str(copy) in made.stdout
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    good = run_cli(url, "verify-backup", str(copy))
    assert "Cadangan baik" in good.stdout and "2 pengaduan" in good.stdout, good.stdout
    damaged = tmp_path / "rusak.sqlite"
    data = copy.read_bytes()
    damaged.write_bytes(data[: len(data) // 2])  # cut off
    bad = run_cli(url, "verify-backup", str(damaged), check=False)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr, bad.stderr


def _stamp_newer(url: str) -> None:
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_masa_depan'")


def test_newer_schema_is_refused_plainly(pg_url: str, tmp_path: Path) -> None:
    backup(pg_url, tmp_path)  # taken first: the module's other tests use the database too
    dump = next(tmp_path.glob("*.dump"))
    import psycopg

    admin = _admin_url()
    name = f"lapor_bk_new_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = re.sub(r"/[^/?]*$", f"/{name}", pg_url)
    try:
        subprocess.run(["pg_restore", "--no-owner", "--dbname",
                        re.sub(r"/[^/?]*(\?.*)?$", f"/{name}", admin), str(dump)], check=True,
                       capture_output=True)
        _stamp_newer(url)
        for args in (["init"], ["run", "--port", "0"], ["users"]):
            proc = run_cli(url, *args, check=False)
            assert proc.returncode == 1, (args, proc.stdout)
            assert NEWER in proc.stderr and "kode ini hanya mengenal sampai revisi" in \
                proc.stderr, (args, proc.stderr)
            assert "Traceback" not in proc.stderr, proc.stderr
        with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == \
                "9999_masa_depan"  # init left it alone
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.parametrize(("value", "served"), [(None, True), ("1", True), ("0", False),
                                               ("off", False)])
def test_api_docs_setting(value: str | None, served: bool, tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    if value is None:
        monkeypatch.delenv("LAPOR_API_DOCS", raising=False)
    else:
        monkeypatch.setenv("LAPOR_API_DOCS", value)
    monkeypatch.setenv("LAPOR_ATTACHMENTS_DIR", str(tmp_path / "att"))
    settings = Settings.from_env(f"sqlite:///{tmp_path / 'docs.sqlite'}")
    assert settings.api_docs is served
    app = create_app(settings)
    paths = {getattr(route, "path", None) for route in app.routes}
    for path in ("/api/v1/docs", "/api/v1/openapi.json"):
        assert (path in paths) is served, path
    assert app.openapi()["paths"]  # the document still exists for the fuzz tests in-process
