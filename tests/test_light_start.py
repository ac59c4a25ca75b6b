"""The start-up's light reader (desktop/store/light.py) against the full store.

The first screen comes from plain SQLCipher without SQLAlchemy; it must show what the full
store shows (ids in the same order, the same rows), decline every database only the full
store may open, and need none of the heavy imports. Ground truth: a DeskService on the
same file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import cli
from desktop.credentials import CredentialStore
from desktop.store import SORT_KEYS, DeskService, QueueFilter
from desktop.store import light as light_module
from desktop.store import queue_read as qr
from desktop.store.cipher import connect as connect_db
from desktop.store.cipher import key_id_of
from desktop.store.engine import DB_FILE
from desktop.store.keyvault import ENTRY_PREFIX
from desktop.store.light import LightReader

SEED_COUNT = 260
ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("sqlalchemy", "alembic", "holidays", "keyring", "importlib.metadata")


@pytest.fixture(scope="module")
def seeded_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("seeded")
    assert cli.main(["--data-dir", str(folder), "dev", "seed", "--count", str(SEED_COUNT),
                     "--seed", "5"]) == 0
    with DeskService(folder) as service:  # "untuk unit saya" needs an officer with units
        unit = service.units()[0]
        service.set_actor({"username": "petugas", "role": "petugas_unit",
                           "agency": unit["agency_code"], "units": [unit["code"]]})
        # One complaint disposed to a position through the chain: the "Jabatan" filter.
        snap = service.complaint(service.queue_ids(QueueFilter())[1])
        snap["chain"] = [{"id": "7f0c6d4e-1d7a-4c55-9a43-3f1f4f0de001", "parent_id": None,
                          "from_position": "KADIS", "to_position": "KABID-X",
                          "to_users": ["kabid"], "tembusan": False, "state": "sent"}]
        snap["version"] = int(snap.get("version") or 0) + 1
        service.upsert_snapshots([snap])
    return folder


@pytest.fixture
def data_dir(seeded_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    shutil.copytree(seeded_dir, folder)
    return folder


def some_filters(service: DeskService) -> list[QueueFilter]:
    snap = service.complaint(service.queue_ids(QueueFilter())[0])
    unit = service.units()[0]
    return [
        QueueFilter(),
        QueueFilter(view="perlu_verifikasi"),
        QueueFilter(view="untuk_unit_saya"),
        QueueFilter(view="terlambat"),
        QueueFilter(view="jatuh_tempo"),
        QueueFilter(search="jalan"),
        QueueFilter(category_id=snap["category_id"]),
        QueueFilter(kabkota_code=snap["region_code"][:5], status="selesai"),
        QueueFilter(unit_code=unit["code"]),
        QueueFilter(position_code="KABID-X"),
    ]


def test_light_reader_reads_what_the_store_reads(data_dir: Path) -> None:
    reader = LightReader.open(data_dir)
    assert reader is not None
    with DeskService(data_dir) as service:
        for flt in some_filters(service):
            assert reader.view_counts(flt) == service.view_counts(flt), flt
            for sort in SORT_KEYS:
                for descending in (True, False):
                    ids = service.queue_ids(flt, sort=sort, descending=descending)
                    assert reader.queue_ids(flt, sort, descending) == ids, (flt, sort)
                    first, total, rows = reader.first_screen(flt, sort, descending, 100)
                    assert (first, total) == (ids[:100], len(ids)), (flt, sort)
                    assert [r.id for r in rows] == first
            ids = service.queue_ids(flt)
            assert ids, flt  # every filter here finds something: the rows are compared
            assert reader.rows(ids[:100]) == service.rows(ids[:100])
    reader.close()


def test_light_reader_needs_none_of_the_heavy_imports(data_dir: Path) -> None:
    """A fresh interpreter answers the first screen without SQLAlchemy, Alembic, keyring,
    holidays or importlib.metadata (the costs the first paint must not wait for)."""
    script = (
        "import json, sys\n"
        "from desktop.store.light import LightReader\n"
        "from desktop.store.queue import QueueFilter\n"
        f"reader = LightReader.open({str(data_dir)!r})\n"
        "reader.prefetch(QueueFilter())\n"
        "ids, total, rows = reader.first_screen(QueueFilter(), 'received_at', True, 100)\n"
        "reader.view_counts(QueueFilter())\n"
        f"heavy = sorted(m for m in sys.modules\n"
        f"               if m.split('.')[0] in {HEAVY!r} or m in {HEAVY!r})\n"
        "print(json.dumps({'rows': len(rows), 'total': total, 'heavy': heavy}))\n")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=dict(os.environ),
                         capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    assert result == {"rows": 100, "total": SEED_COUNT, "heavy": []}


def test_key_file_is_where_the_credential_store_keeps_it(data_dir: Path) -> None:
    key_id = key_id_of(data_dir / DB_FILE)
    assert key_id is not None
    path = light_module.key_file(key_id)
    assert path == CredentialStore(ENTRY_PREFIX + key_id).file_path
    assert path.is_file()


def test_light_reader_declines_what_only_the_full_store_may_open(tmp_path: Path,
                                                                  data_dir: Path) -> None:
    assert LightReader.open(tmp_path / "nothing-here") is None
    with DeskService(tmp_path / "plain", plaintext=True):
        pass
    assert LightReader.open(tmp_path / "plain") is None  # the full store encrypts it first
    # Behind this build's schema: the full store migrates it first.
    con = connect_db(data_dir / DB_FILE)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '0004'")
    con.close()
    assert LightReader.open(data_dir) is None
    con = connect_db(data_dir / DB_FILE)
    with con:
        con.execute("UPDATE alembic_version SET version_num = (SELECT ?)",
                    (light_module._head_revision(),))
    con.close()
    assert LightReader.open(data_dir) is not None
    # Half encrypted (a crash during the encryption of a plain desk): the store finishes.
    (data_dir / (DB_FILE + ".encrypting")).write_bytes(b"")
    assert LightReader.open(data_dir) is None
    (data_dir / (DB_FILE + ".encrypting")).unlink()
    # No key where the file store keeps it (and no vault on this machine): the store says
    # what is wrong.
    key = light_module.key_file(key_id_of(data_dir / DB_FILE) or "")
    hidden = key.with_suffix(".hidden")
    key.rename(hidden)
    try:
        assert LightReader.open(data_dir) is None
    finally:
        hidden.rename(key)


def test_light_reader_writes_nothing(data_dir: Path) -> None:
    reader = LightReader.open(data_dir)
    assert reader is not None
    reader.queue_ids(QueueFilter())
    with pytest.raises(Exception, match="readonly"):
        reader._con.execute("DELETE FROM settings")  # noqa: SLF001 - the guard itself
    reader.close()


def test_a_broad_search_finds_and_counts_what_a_narrow_one_does(data_dir: Path) -> None:
    """A search matching many complaints is tested from a covering index scan instead of
    row by row (queue_read.broad_search): the same ids in every order, the same counts."""
    reader = LightReader.open(data_dir)
    assert reader is not None
    con = reader._con  # noqa: SLF001 - both query forms on one connection
    categories = qr.read_categories(con)
    with DeskService(data_dir) as service:  # a kabupaten/kota the seed gave such complaints
        hit = service.complaint(service.queue_ids(QueueFilter(search="puskesmas"))[0])
    for flt in (QueueFilter(search="jalan"), QueueFilter(search="jalan", view="selesai"),
                QueueFilter(search="puskesmas", kabkota_code=hit["region_code"][:5])):
        narrow, broad = (qr.where(flt, categories, broad_search=b) for b in (False, True))
        assert broad.sql() != narrow.sql()
        for sort in SORT_KEYS:
            ids = qr.select_ids(con, narrow, sort, True)
            assert ids and qr.select_ids(con, broad, sort, True) == ids, (flt, sort)
    reader.close()
