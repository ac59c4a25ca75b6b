"""Schema migrations of the desk store: fresh databases, upgrades that keep every row."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.store import DeskService, QueueFilter, StoreError
from desktop.store.cipher import connect as connect_db
from desktop.store.engine import DB_FILE
from desktop.store.migrate import current_revision, head_revision, upgrade
from desktop.store.schema import metadata
from tests.fixtures.make_desk_v1 import C1, C2, C3, SHA

FIXTURE = Path(__file__).parent / "fixtures" / "desk_v1.sqlite"


def _tables(db: Path) -> dict[str, list[str]]:
    con = connect_db(db)
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {n: [c[1] for c in con.execute(f"PRAGMA table_info('{n}')")] for n in names}
    finally:
        con.close()


def _v1_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(FIXTURE, data / DB_FILE)
    return data


def test_fresh_database_is_created_at_head_in_wal_mode(tmp_path: Path) -> None:
    with DeskService(tmp_path) as service:
        assert service.migration.from_revision is None
        assert service.migration.backup is None
        assert service.integrity_check() == "ok"
    db = tmp_path / DB_FILE
    assert current_revision(db) == head_revision() == "0006"
    con = connect_db(db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_schema_module_matches_the_migrated_schema(tmp_path: Path) -> None:
    """desktop/store/schema.py (used for queries) describes what the migrations build."""
    upgrade(tmp_path / DB_FILE)
    actual = _tables(tmp_path / DB_FILE)
    for table in metadata.sorted_tables:
        assert table.name in actual, table.name
        assert [c.name for c in table.columns] == actual[table.name], table.name


def test_fixture_is_a_first_version_database() -> None:
    assert current_revision(FIXTURE) == "0001"
    assert "saved_views" not in _tables(FIXTURE)


def test_revision_0001_is_frozen(tmp_path: Path) -> None:
    """Migration 0001 still builds exactly the schema shipped desks have (the fixture):
    schema changes go into new revisions, never into an old one."""
    upgrade(tmp_path / DB_FILE, "0001")

    def schema(db: Path) -> list[tuple]:
        con = connect_db(db)
        try:
            return sorted(con.execute("SELECT type, name, sql FROM sqlite_master"))
        finally:
            con.close()

    assert schema(tmp_path / DB_FILE) == schema(FIXTURE)


def test_upgrade_from_first_version_keeps_every_row(tmp_path: Path) -> None:
    data = _v1_copy(tmp_path)
    before = {t: connect_db(data / DB_FILE).execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("complaints", "complaint_texts", "complaint_units", "timeline_events",
                        "attachments", "attachment_files", "outbox", "settings", "sync_state",
                        "categories", "agencies", "units")}
    with DeskService(data) as service:
        assert service.migration.from_revision == "0001"
        assert service.migration.to_revision == "0006"
        backup = service.migration.backup
        assert backup is not None and backup.parent == data
        assert service.integrity_check() == "ok"

        con = connect_db(data / DB_FILE)
        after = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in before}
        con.close()
        assert after == before

        c1 = service.complaint(C1)
        assert c1["tracking_number"] == 1916449
        assert c1["title"] == "Jalan rusak parah di Sungai Miai"
        assert c1["reporter"]["nik"] == "6371045708900001"
        assert c1["unit_codes"] == ["BM"] and c1["tags"] == ["prioritas"]
        assert c1["verified_at"] == "2026-11-21T08:00:00+08:00"  # an extra key, kept
        assert [e["kind"] for e in c1["timeline"]] == ["create", "dispose"]
        assert c1["timeline"][1]["data"] == {"unit_codes": ["BM"], "sifat": "segera"}
        assert c1["attachments"] == [{"sha256": SHA, "filename": "foto_lokasi.jpg",
                                      "mime": "image/jpeg", "size": 245760,
                                      "cached_path": f"attachments/{SHA}"}]
        c2 = service.complaint(C2)
        assert c2["reporter"] is None and c2["anonymous"] and c2["confidential"]
        c3 = service.complaint(C3)
        assert c3["tracking_number"] is None
        assert c3["provisional_number"] == "L-D1-20261127-0001"
        assert service.local_state(C3)["dirty"] is True
        assert [(o["op_id"], o["kind"], o["state"]) for o in service.outbox()] == [
            ("e3000000-0000-4000-8000-000000000001", "create", "pending")]
        assert service.get_setting("paper") == "f4"
        assert service.get_sync_state("cursor") == "c-000123"

        # Search, filters and the new tables work on the upgraded database.
        assert service.queue_ids(QueueFilter(search="lampu lalu")) == [C3]
        assert service.queue_ids(QueueFilter(unit_code="BM")) == [C1]
        assert service.queue_ids(QueueFilter(view="untuk_unit_saya")) == []  # LLAJ: none
        view_id = service.save_view("Jalan", QueueFilter(search="jalan"), "title", False)
        assert service.saved_views()[0]["id"] == view_id
        service.save_draft(C1, "follow_up", {"text": "Sedang ditinjau"})
        assert service.get_draft(C1, "follow_up") == {"text": "Sedang ditinjau"}

    # The backup is the untouched first-version database.
    assert current_revision(backup) == "0001"
    assert connect_db(backup).execute("SELECT count(*) FROM complaints").fetchone()[0] == 3
    # Opening again: nothing pending, no second backup.
    with DeskService(data) as service:
        assert service.migration.backup is None
    assert len(list(data.glob("*.bak"))) == 1


def test_failed_upgrade_rolls_back_completely(tmp_path: Path, monkeypatch) -> None:
    """The upgrade is one transaction: a failure after the DDL ran leaves revision 0001."""
    data = _v1_copy(tmp_path)
    from alembic import command

    real_upgrade = command.upgrade

    def upgrade_then_fail(cfg, target):  # noqa: ANN001
        real_upgrade(cfg, target)
        raise RuntimeError("power cut")

    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    with pytest.raises(RuntimeError):
        DeskService(data)
    monkeypatch.undo()
    assert current_revision(data / DB_FILE) == "0001"
    assert "saved_views" not in _tables(data / DB_FILE)
    assert "letters" not in _tables(data / DB_FILE)
    with DeskService(data) as service:  # and the next start upgrades it properly
        assert service.migration.from_revision == "0001"
        assert service.total() == 3


def test_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    with DeskService(tmp_path):
        pass
    con = connect_db(tmp_path / DB_FILE)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as err:
        DeskService(tmp_path)
    assert err.value.code == "newer_schema"
    assert "lebih baru" in err.value.message


def test_foreign_file_is_refused_untouched(tmp_path: Path) -> None:
    (tmp_path / DB_FILE).write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError) as err:
        DeskService(tmp_path)
    assert err.value.code == "not_a_database"
    con = connect_db(tmp_path / "other.sqlite")
    con.execute("CREATE TABLE notes (x)")
    con.commit()
    con.close()
    other = tmp_path / "db2"
    other.mkdir()
    shutil.copyfile(tmp_path / "other.sqlite", other / DB_FILE)
    with pytest.raises(StoreError) as err:
        DeskService(other)
    assert err.value.code == "unknown_database"
