"""``lapor-server`` commands and the migrated schema (SQLite, or PostgreSQL when configured)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from server.db import make_engine
from server.models import Base
from server.security import verify_password
from tests.server_fixtures import fresh_database, run_cli

ROLES = {"loket", "petugas_unit", "admin_instansi", "pimpinan", "admin_pusat"}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with fresh_database(tmp_path_factory.mktemp("cli")) as url:
        first = run_cli(url, "init")
        assert "36 kategori baru" in first.stdout
        again = run_cli(url, "init")  # upgrading an up-to-date schema changes nothing
        assert "0 kategori baru" in again.stdout
        run_cli(url, "seed-demo", "--password", "sandi-demo-1", "--complaints", "40")
        yield url


def test_commands_refuse_an_uninitialised_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kosong.sqlite'}"
    for args in (["run", "--port", "0"], ["users", "--json"]):
        proc = run_cli(url, *args, check=False)
        assert proc.returncode == 1
        assert "lapor-server init" in proc.stderr


def test_schema_matches_the_models(seeded: str) -> None:
    engine = make_engine(seeded)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_audit_log_is_append_only(seeded: str) -> None:
    engine = make_engine(seeded)
    try:
        for statement in ("UPDATE audit_log SET action = 'diubah'", "DELETE FROM audit_log"):
            with engine.connect() as conn, pytest.raises(sa.exc.DatabaseError):
                conn.execute(sa.text(statement))
                conn.commit()
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM audit_log")).scalar() > 0
    finally:
        engine.dispose()


def test_seed_demo_builds_kalimantan_selatan(seeded: str) -> None:
    users = json.loads(run_cli(seeded, "users", "--json").stdout)
    assert all({"username", "role", "agency", "unit"} <= set(u) for u in users)
    agencies = {u["agency"] for u in users}
    assert {"DISKOMINFO", "PUPR", "DISDIKBUD", "DINKES", "DISHUB", "DISDUKCAPIL"} <= agencies
    for agency in agencies:
        roles = {u["role"] for u in users if u["agency"] == agency}
        assert ROLES - {"admin_pusat"} <= roles, agency
    central = {u["agency"] for u in users if u["role"] == "admin_pusat"}
    assert central == {"DISKOMINFO"}
    assert all(u["unit"] for u in users if u["role"] == "petugas_unit")
    engine = make_engine(seeded)
    try:
        with engine.connect() as conn:
            statuses = dict(conn.execute(sa.text(
                "SELECT status, count(*) FROM complaints GROUP BY status")).all())
            hashes = conn.execute(sa.text("SELECT password_hash FROM users")).scalars().all()
    finally:
        engine.dispose()
    assert sum(statuses.values()) == 40
    assert len(statuses) >= 4
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert verify_password(hashes[0], "sandi-demo-1")


def test_create_agency_unit_and_user(seeded: str) -> None:
    run_cli(seeded, "create-agency", "BPBD", "--name", "Badan Penanggulangan Bencana Daerah "
            "Provinsi Kalimantan Selatan", "--short-name", "BPBD Kalsel")
    run_cli(seeded, "create-unit", "DARURAT", "--agency", "BPBD", "--name",
            "Bidang Kedaruratan dan Logistik")
    made = run_cli(seeded, "create-user", "bpbd.darurat", "--role", "petugas_unit", "--agency",
                   "BPBD", "--unit", "DARURAT", "--full-name", "Rahmadi",
                   env={"LAPOR_PASSWORD": "sandi-rahasia-99"})
    assert "bpbd.darurat" in made.stdout
    users = json.loads(run_cli(seeded, "users", "--json").stdout)
    row = next(u for u in users if u["username"] == "bpbd.darurat")
    assert (row["role"], row["agency"], row["unit"]) == ("petugas_unit", "BPBD", "DARURAT")

    duplicate = run_cli(seeded, "create-user", "bpbd.darurat", "--role", "loket", "--agency",
                        "BPBD", env={"LAPOR_PASSWORD": "sandi-rahasia-99"}, check=False)
    assert duplicate.returncode == 1 and "sudah ada" in duplicate.stderr
    wrong_unit = run_cli(seeded, "create-user", "bpbd.x", "--role", "petugas_unit", "--agency",
                         "BPBD", "--unit", "TIDAKADA", env={"LAPOR_PASSWORD": "sandi-rahasia-99"},
                         check=False)
    assert wrong_unit.returncode == 1 and "TIDAKADA" in wrong_unit.stderr
    not_central = run_cli(seeded, "create-user", "bpbd.pusat", "--role", "admin_pusat",
                          "--agency", "BPBD", env={"LAPOR_PASSWORD": "sandi-rahasia-99"},
                          check=False)
    assert not_central.returncode == 1


def test_password_is_never_an_argument(seeded: str) -> None:
    as_arg = run_cli(seeded, "create-user", "x.y", "--role", "loket", "--agency", "PUPR",
                     "--password", "terlihat-di-ps", check=False)
    assert as_arg.returncode == 2  # argparse: no such option
    no_env = run_cli(seeded, "create-user", "x.y", "--role", "loket", "--agency", "PUPR",
                     env={"LAPOR_PASSWORD": ""}, check=False, input_text="")
    assert no_env.returncode == 1 and "LAPOR_PASSWORD" in no_env.stderr
    short = run_cli(seeded, "create-user", "x.y", "--role", "loket", "--agency", "PUPR",
                    env={"LAPOR_PASSWORD": "pendek"}, check=False)
    assert short.returncode == 1 and "minimal 8" in short.stderr
