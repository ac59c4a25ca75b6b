"""Initial desk schema: complaints, texts + FTS5, timeline, attachments, outbox, settings.

Written as plain SQLite DDL, frozen: later schema changes go in new revisions, never here.

Layout notes:
- ``complaints`` is kept narrow (what the queue filters, sorts and shows) so the queue
  queries over 100k rows run from the page cache; long text lives in ``complaint_texts``.
- ``rid`` is the stable integer rowid (the FTS index refers to it; an implicit rowid may
  be renumbered by VACUUM). ``id`` (the desk-made uuid) is the key everyone else uses.
- ``complaints_fts`` is an external-content FTS5 index over the view ``complaint_search``,
  kept in step by triggers, so every writer (seed, sync, workflow) keeps it right.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

STATEMENTS = [
    # Reference data (pulled from the server; the seed writes demo values).
    """CREATE TABLE agencies (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL
    )""",
    # Unit codes are unique within their agency only (the server's rule).
    """CREATE TABLE units (
        agency_code TEXT NOT NULL,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (agency_code, code)
    )""",
    """CREATE TABLE categories (
        id TEXT PRIMARY KEY,
        parent_id TEXT,
        name TEXT NOT NULL
    )""",
    """CREATE TABLE complaints (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        tracking_number INTEGER UNIQUE,
        provisional_number TEXT,
        title TEXT NOT NULL,
        classification TEXT,
        category_id TEXT,
        channel TEXT,
        incident_date TEXT,
        region_code TEXT,
        kabkota_code TEXT,
        kecamatan_code TEXT,
        region_name TEXT NOT NULL DEFAULT '',
        anonymous INTEGER NOT NULL DEFAULT 0,
        confidential INTEGER NOT NULL DEFAULT 0,
        agency_code TEXT,
        unit_codes TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL,
        previous_status TEXT,
        sifat TEXT,
        received_at TEXT NOT NULL,
        received_ts INTEGER NOT NULL,
        updated_at TEXT,
        phase_started TEXT,
        held_working_days INTEGER NOT NULL DEFAULT 0,
        hold_started TEXT,
        due_date TEXT,
        due_override TEXT,
        version INTEGER NOT NULL DEFAULT 0,
        tags TEXT NOT NULL DEFAULT '[]',
        duplicate_of TEXT,
        local_dirty INTEGER NOT NULL DEFAULT 0,
        server_version INTEGER
    )""",
    # The queue's default order, covering every column a queue filter tests: most
    # filtered queries are one in-order scan of this index, never touching the table.
    """CREATE INDEX ix_complaints_queue ON complaints (
        received_ts, id, status, due_date, category_id, kabkota_code, kecamatan_code,
        channel, classification, agency_code)""",
    "CREATE INDEX ix_complaints_status_received ON complaints (status, received_ts, id)",
    "CREATE INDEX ix_complaints_status_due ON complaints (status, due_date)",
    "CREATE INDEX ix_complaints_category ON complaints (category_id)",
    "CREATE INDEX ix_complaints_kabkota ON complaints (kabkota_code)",
    "CREATE INDEX ix_complaints_kecamatan ON complaints (kecamatan_code)",
    # Sort keys of the queue, each covering "ORDER BY key, received_ts, id": sorting the
    # whole queue is an index walk. No tracking number yet (recorded here, not synced)
    # sorts as the newest; no deadline as the latest (the expressions must match queue.py).
    """CREATE INDEX ix_complaints_tracking_sort ON complaints (
        ifnull(tracking_number, 9223372036854775807), received_ts, id)""",
    "CREATE INDEX ix_complaints_title ON complaints (title COLLATE NOCASE, received_ts, id)",
    "CREATE INDEX ix_complaints_region_name ON complaints (region_name, received_ts, id)",
    """CREATE INDEX ix_complaints_due ON complaints (
        ifnull(due_date, '9999-12-31'), received_ts, id)""",
    "CREATE INDEX ix_complaints_dirty ON complaints (local_dirty) WHERE local_dirty <> 0",
    """CREATE TABLE complaint_texts (
        rid INTEGER PRIMARY KEY REFERENCES complaints (rid) ON DELETE CASCADE,
        content TEXT NOT NULL DEFAULT '',
        location_text TEXT,
        reporter_present INTEGER NOT NULL DEFAULT 0,
        reporter_name TEXT,
        reporter_nik TEXT,
        reporter_phone TEXT,
        reporter_email TEXT,
        reporter_address TEXT,
        extra TEXT,
        base_snapshot TEXT
    )""",
    # Units a complaint is routed to, for the unit filters (integer keys: the fast join).
    """CREATE TABLE complaint_units (
        unit_code TEXT NOT NULL,
        complaint_rid INTEGER NOT NULL REFERENCES complaints (rid) ON DELETE CASCADE,
        PRIMARY KEY (unit_code, complaint_rid)
    ) WITHOUT ROWID""",
    "CREATE INDEX ix_complaint_units_rid ON complaint_units (complaint_rid)",
    """CREATE TABLE timeline_events (
        complaint_id TEXT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        id TEXT,
        at TEXT NOT NULL,
        actor TEXT,
        actor_name TEXT,
        kind TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT,
        note TEXT,
        data TEXT,
        extra TEXT,
        PRIMARY KEY (complaint_id, position)
    ) WITHOUT ROWID""",
    """CREATE TABLE attachments (
        complaint_id TEXT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        filename TEXT NOT NULL,
        mime TEXT,
        size INTEGER,
        extra TEXT,
        PRIMARY KEY (complaint_id, position)
    )""",
    "CREATE INDEX ix_attachments_sha256 ON attachments (sha256)",
    # Local copies of attachment files by content hash: survives snapshot replacement.
    """CREATE TABLE attachment_files (
        sha256 TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        size INTEGER,
        stored_at TEXT NOT NULL
    )""",
    """CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        op_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        complaint_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        base_version INTEGER,
        actor TEXT,
        event_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        state TEXT NOT NULL DEFAULT 'pending'
            CHECK (state IN ('pending', 'sending', 'applied', 'rejected')),
        result TEXT,
        reject_reason TEXT,
        server_state TEXT
    )""",
    "CREATE INDEX ix_outbox_state ON outbox (state, seq)",
    "CREATE INDEX ix_outbox_complaint ON outbox (complaint_id, seq)",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    # Full-text search: numbers, title, content and the (already redacted) reporter fields.
    """CREATE VIEW complaint_search AS
        SELECT c.rid AS rid, c.tracking_number AS tracking_number,
               c.provisional_number AS provisional_number, c.title AS title,
               t.content AS content, t.reporter_name AS reporter_name,
               t.reporter_phone AS reporter_phone
        FROM complaints c JOIN complaint_texts t ON t.rid = c.rid""",
    """CREATE VIRTUAL TABLE complaints_fts USING fts5 (
        tracking_number, provisional_number, title, content, reporter_name, reporter_phone,
        content = 'complaint_search', content_rowid = 'rid',
        tokenize = 'unicode61 remove_diacritics 2', detail = 'none', columnsize = 0
    )""",
    # The index entry of a complaint exists iff its complaint_texts row exists; the text row
    # is written after the complaint row and removed before it (see the BEFORE DELETE).
    """CREATE TRIGGER complaint_texts_ai AFTER INSERT ON complaint_texts BEGIN
        INSERT INTO complaints_fts (rowid, tracking_number, provisional_number, title,
                                    content, reporter_name, reporter_phone)
        SELECT c.rid, c.tracking_number, c.provisional_number, c.title,
               NEW.content, NEW.reporter_name, NEW.reporter_phone
        FROM complaints c WHERE c.rid = NEW.rid;
    END""",
    """CREATE TRIGGER complaint_texts_ad AFTER DELETE ON complaint_texts BEGIN
        INSERT INTO complaints_fts (complaints_fts, rowid, tracking_number, provisional_number,
                                    title, content, reporter_name, reporter_phone)
        SELECT 'delete', c.rid, c.tracking_number, c.provisional_number, c.title,
               OLD.content, OLD.reporter_name, OLD.reporter_phone
        FROM complaints c WHERE c.rid = OLD.rid;
    END""",
    """CREATE TRIGGER complaint_texts_au AFTER UPDATE OF content, reporter_name, reporter_phone
        ON complaint_texts
        WHEN OLD.content IS NOT NEW.content OR OLD.reporter_name IS NOT NEW.reporter_name
             OR OLD.reporter_phone IS NOT NEW.reporter_phone
    BEGIN
        INSERT INTO complaints_fts (complaints_fts, rowid, tracking_number, provisional_number,
                                    title, content, reporter_name, reporter_phone)
        SELECT 'delete', c.rid, c.tracking_number, c.provisional_number, c.title,
               OLD.content, OLD.reporter_name, OLD.reporter_phone
        FROM complaints c WHERE c.rid = OLD.rid;
        INSERT INTO complaints_fts (rowid, tracking_number, provisional_number, title,
                                    content, reporter_name, reporter_phone)
        SELECT c.rid, c.tracking_number, c.provisional_number, c.title,
               NEW.content, NEW.reporter_name, NEW.reporter_phone
        FROM complaints c WHERE c.rid = NEW.rid;
    END""",
    """CREATE TRIGGER complaints_au_search
        AFTER UPDATE OF tracking_number, provisional_number, title ON complaints
        WHEN OLD.tracking_number IS NOT NEW.tracking_number
             OR OLD.provisional_number IS NOT NEW.provisional_number
             OR OLD.title IS NOT NEW.title
    BEGIN
        INSERT INTO complaints_fts (complaints_fts, rowid, tracking_number, provisional_number,
                                    title, content, reporter_name, reporter_phone)
        SELECT 'delete', OLD.rid, OLD.tracking_number, OLD.provisional_number, OLD.title,
               t.content, t.reporter_name, t.reporter_phone
        FROM complaint_texts t WHERE t.rid = OLD.rid;
        INSERT INTO complaints_fts (rowid, tracking_number, provisional_number, title,
                                    content, reporter_name, reporter_phone)
        SELECT NEW.rid, NEW.tracking_number, NEW.provisional_number, NEW.title,
               t.content, t.reporter_name, t.reporter_phone
        FROM complaint_texts t WHERE t.rid = NEW.rid;
    END""",
    """CREATE TRIGGER complaints_bd_texts BEFORE DELETE ON complaints BEGIN
        DELETE FROM complaint_texts WHERE rid = OLD.rid;
    END""",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)
