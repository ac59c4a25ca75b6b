"""Revision 0003 (letter archive, outbox audit table) and the start-up revision check."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from desktop.printing import agenda
from desktop.store import DeskService, audit
from desktop.store.cipher import connect as connect_db
from desktop.store.engine import DB_FILE
from desktop.store.migrate import (
    HEAD_REVISION,
    MIGRATIONS_DIR,
    current_revision,
    script_head_revision,
    upgrade,
)

FIXTURE = Path(__file__).parent / "fixtures" / "desk_v1.sqlite"
ARCHIVE_OBJECTS = {"agenda_blocks", "ix_agenda_blocks_free", "letters", "ix_letters_complaint"}

# What the letter prototype ran on first use (desktop/printing/schema.py before revision
# 0003), frozen here: desks in the field have these tables at revision 0002.
OLD_PATH_DDL = (
    """CREATE TABLE IF NOT EXISTS agenda_blocks (
        id TEXT PRIMARY KEY,
        agency_code TEXT NOT NULL,
        year INTEGER NOT NULL,
        start_number INTEGER NOT NULL,
        end_number INTEGER NOT NULL,
        next_number INTEGER NOT NULL,
        reserved_at TEXT NOT NULL,
        CHECK (start_number > 0 AND end_number >= start_number),
        CHECK (next_number BETWEEN start_number AND end_number + 1)
    )""",
    "CREATE INDEX IF NOT EXISTS ix_agenda_blocks_free ON agenda_blocks "
    "(agency_code, year, start_number)",
    """CREATE TABLE IF NOT EXISTS letters (
        id TEXT PRIMARY KEY,
        complaint_id TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'disposisi',
        agency_code TEXT NOT NULL,
        agenda_year INTEGER NOT NULL,
        agenda_seq INTEGER NOT NULL,
        agenda_number TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        paper TEXT NOT NULL,
        filename TEXT NOT NULL,
        qr_key_id TEXT,
        issued_at TEXT NOT NULL,
        issued_by TEXT NOT NULL,
        op_id TEXT NOT NULL UNIQUE,
        file_op_id TEXT NOT NULL UNIQUE,
        voided INTEGER NOT NULL DEFAULT 0,
        voided_at TEXT,
        voided_by TEXT,
        void_reason TEXT,
        void_op_id TEXT UNIQUE,
        UNIQUE (agency_code, agenda_year, agenda_seq)
    )""",
    "CREATE INDEX IF NOT EXISTS ix_letters_complaint ON letters (complaint_id, issued_at)",
)
AUDIT_V2 = [
    {"id": "a1", "at": "2026-11-20T10:00:00+08:00", "action": "discard", "by": "dinkes.admin",
     "op_id": "op-1", "kind": "note", "complaint_id": "c-1", "payload": {"text": "keliru"}},
    {"id": "a2", "at": "2026-11-21T10:00:00+08:00", "action": "requeue", "op_ids": ["op-2"]},
    {"id": "a3", "at": "2026-11-22T10:00:00+08:00", "action": "reapply", "by": "dinkes.admin",
     "op_id": "op-3", "kind": "dispose", "complaint_id": "c-2", "new_op_id": "op-4"},
]


def _schema(db: Path) -> list[tuple]:
    con = connect_db(db)
    try:
        return sorted(con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    finally:
        con.close()


def _fresh_head(tmp_path: Path) -> Path:
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    upgrade(fresh / DB_FILE)
    return fresh / DB_FILE


def test_head_constant_is_the_newest_revision() -> None:
    """The start-up check compares with HEAD_REVISION without Alembic: it must be the
    head Alembic finds in migrations/versions (bump it with each new revision)."""
    assert HEAD_REVISION == script_head_revision()
    newest = max(p.name.split("_")[0] for p in (MIGRATIONS_DIR / "versions").glob("0*.py"))
    assert newest == HEAD_REVISION


def test_upgrade_from_v1_creates_the_archive_and_audit_tables(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(FIXTURE, data / DB_FILE)
    with DeskService(data) as service:
        assert service.migration.from_revision == "0001"
        assert service.migration.to_revision == HEAD_REVISION
        assert service.outbox_audit() == []
        with service.transaction() as conn:  # the archive tables take rows
            raw = conn.connection.driver_connection
            assert agenda.add_block(raw, block_id="b1", agency="DPUPR", year=2026, start=1,
                                    end=5, reserved_at="2026-11-28T08:00:00+08:00")
            assert agenda.take_number(raw, "DPUPR", 2026) == 1
        assert service.integrity_check() == "ok"
    names = {row[1] for row in _schema(data / DB_FILE)}
    assert ARCHIVE_OBJECTS | {"outbox_audit"} <= names
    assert current_revision(data / DB_FILE) == HEAD_REVISION
    # Same objects, same DDL as a database created at head.
    assert _schema(data / DB_FILE) == _schema(_fresh_head(tmp_path))


def _old_path_desk(tmp_path: Path, audit_value: str) -> Path:
    """A revision-0002 desk on which the letter prototype made its tables, holding a
    block, a letter and the audit list in sync_state."""
    data = tmp_path / "old"
    data.mkdir()
    db = data / DB_FILE
    upgrade(db, "0002")
    con = connect_db(db)
    with con:
        for statement in OLD_PATH_DDL:
            con.execute(statement)
        con.execute("INSERT INTO agenda_blocks VALUES ('blk', 'DINKES', 2026, 41, 90, 46, "
                    "'2026-11-27T08:00:00+08:00')")
        con.execute(
            "INSERT INTO letters (id, complaint_id, agency_code, agenda_year, agenda_seq, "
            "agenda_number, sha256, size, paper, filename, issued_at, issued_by, op_id, "
            "file_op_id) VALUES ('L1', 'c-1', 'DINKES', 2026, 45, '045/DISP/DINKES/XI/2026', "
            "'ab', 10, 'f4', 'x.pdf', '2026-11-27T09:00:00+08:00', 'dinkes.pimpinan', 'o1', "
            "'o2')")
        con.execute("INSERT INTO sync_state VALUES ('outbox_audit', ?)", (audit_value,))
        con.execute("INSERT INTO sync_state VALUES ('cursor', '\"c-9\"')")
    con.close()
    assert current_revision(db) == "0002"
    return data


def test_desk_with_tables_from_the_old_path_upgrades_cleanly(tmp_path: Path) -> None:
    data = _old_path_desk(tmp_path, json.dumps(AUDIT_V2))
    with DeskService(data) as service:
        assert service.migration.from_revision == "0002"
        assert service.migration.backup is not None
        # Nothing of the prototype's rows is lost; numbering goes on where it was.
        with service.reading() as conn:
            raw = conn.connection.driver_connection
            assert agenda.free_numbers(raw, "DINKES", 2026) == 45
            assert raw.execute("SELECT agenda_number FROM letters").fetchall() == [
                ("045/DISP/DINKES/XI/2026",)]
        # The audit list moved into its table, in order and unchanged, and left sync_state.
        assert service.outbox_audit() == AUDIT_V2
        assert service.outbox_audit(limit=2) == AUDIT_V2[1:]
        assert service.get_sync_state("outbox_audit") is None
        assert service.get_sync_state("cursor") == "c-9"
        assert service.integrity_check() == "ok"
    assert _schema(data / DB_FILE) == _schema(_fresh_head(tmp_path))


def test_a_damaged_audit_value_stays_for_inspection(tmp_path: Path) -> None:
    data = _old_path_desk(tmp_path, "{not json")
    with DeskService(data) as service:
        assert service.migration.to_revision == HEAD_REVISION
        assert service.outbox_audit() == []
    con = connect_db(data / DB_FILE)
    assert con.execute("SELECT value FROM sync_state WHERE key = 'outbox_audit'"
                       ).fetchone() == ("{not json",)
    con.close()


def test_audit_keeps_the_newest_entries(tmp_path: Path) -> None:
    with DeskService(tmp_path) as service:
        for n in range(4):
            with service.transaction() as conn:
                audit.append(conn.connection.driver_connection,
                             [{"at": f"t{n}{i}", "action": "requeue", "n": n * 3 + i}
                              for i in range(3)], keep=5)
        assert [e["n"] for e in service.outbox_audit()] == [7, 8, 9, 10, 11]
        assert all(e["id"] for e in service.outbox_audit())
        with service.transaction() as conn:  # the service's own hook keeps the default cap
            service.append_outbox_audit(conn, [{"at": "t5", "action": "discard", "n": 12}])
        assert [e["n"] for e in service.outbox_audit()][-2:] == [11, 12]


def test_opening_a_database_at_head_does_not_import_alembic(tmp_path: Path) -> None:
    """The usual start reads alembic_version with one query; Alembic loads only when an
    upgrade is due (the first start here)."""
    probe = ("import sys; from desktop.store import DeskService; "
             "s = DeskService(sys.argv[1]); s.total(); s.close(); "
             "print(s.migration.from_revision, 'alembic' in sys.modules, "
             "'mako' in sys.modules)")

    def start() -> str:
        proc = subprocess.run([sys.executable, "-c", probe, str(tmp_path)],
                              capture_output=True, text=True, timeout=120, check=True)
        return proc.stdout.strip()

    assert start() == "None True True"  # created: the Alembic path
    assert start() == f"{HEAD_REVISION} False False"
