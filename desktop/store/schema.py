"""SQLAlchemy Core tables of the desk store at the head revision (for queries and writes).

The migrations own the schema (plain DDL in ``migrations/versions``); this module only
describes it for SQLAlchemy. ``tests/test_store_migrations.py`` checks both agree.
JSON-valued columns hold JSON text; dates are ISO strings (``YYYY-MM-DD``), times ISO 8601
with offset, as in the snapshot.
"""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, Table, Text

metadata = MetaData()

agencies = Table(
    "agencies", metadata,
    Column("code", Text, primary_key=True),
    Column("name", Text, nullable=False),
)

units = Table(
    "units", metadata,
    Column("agency_code", Text, primary_key=True),
    Column("code", Text, primary_key=True),
    Column("name", Text, nullable=False),
)

categories = Table(
    "categories", metadata,
    Column("id", Text, primary_key=True),
    Column("parent_id", Text),
    Column("name", Text, nullable=False),
)

complaints = Table(
    "complaints", metadata,
    Column("rid", Integer, primary_key=True),
    Column("id", Text, nullable=False, unique=True),
    Column("tracking_number", Integer, unique=True),
    Column("provisional_number", Text),
    Column("title", Text, nullable=False),
    Column("classification", Text),
    Column("category_id", Text),
    Column("channel", Text),
    Column("incident_date", Text),
    Column("region_code", Text),
    Column("kabkota_code", Text),
    Column("kecamatan_code", Text),
    Column("region_name", Text, nullable=False),
    Column("anonymous", Integer, nullable=False),
    Column("confidential", Integer, nullable=False),
    Column("agency_code", Text),
    Column("unit_codes", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("previous_status", Text),
    Column("sifat", Text),
    Column("received_at", Text, nullable=False),
    Column("received_ts", Integer, nullable=False),
    Column("updated_at", Text),
    Column("phase_started", Text),
    Column("held_working_days", Integer, nullable=False),
    Column("hold_started", Text),
    Column("due_date", Text),
    Column("due_override", Text),
    Column("version", Integer, nullable=False),
    Column("tags", Text, nullable=False),
    Column("duplicate_of", Text),
    Column("local_dirty", Integer, nullable=False),
    Column("server_version", Integer),
    Column("verified_at", Text),  # revision 0004
    Column("category_sort", Text),  # revision 0005: sort keys kept by triggers
    Column("unit_sort", Text),
)

complaint_texts = Table(
    "complaint_texts", metadata,
    Column("rid", Integer, primary_key=True),
    Column("content", Text, nullable=False),
    Column("location_text", Text),
    Column("reporter_present", Integer, nullable=False),
    Column("reporter_name", Text),
    Column("reporter_nik", Text),
    Column("reporter_phone", Text),
    Column("reporter_email", Text),
    Column("reporter_address", Text),
    Column("extra", Text),
    Column("base_snapshot", Text),
)

complaint_units = Table(
    "complaint_units", metadata,
    Column("unit_code", Text, primary_key=True),
    Column("complaint_rid", Integer, primary_key=True),
)

# The positions a complaint was disposed to through the chain (revision 0006, issue 17).
complaint_positions = Table(
    "complaint_positions", metadata,
    Column("position_code", Text, primary_key=True),
    Column("complaint_rid", Integer, primary_key=True),
)

timeline_events = Table(
    "timeline_events", metadata,
    Column("complaint_id", Text, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("id", Text),
    Column("at", Text, nullable=False),
    Column("actor", Text),
    Column("actor_name", Text),
    Column("kind", Text, nullable=False),
    Column("from_status", Text),
    Column("to_status", Text),
    Column("note", Text),
    Column("data", Text),
    Column("extra", Text),
)

attachments = Table(
    "attachments", metadata,
    Column("complaint_id", Text, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("sha256", Text, nullable=False),
    Column("filename", Text, nullable=False),
    Column("mime", Text),
    Column("size", Integer),
    Column("extra", Text),
)

attachment_files = Table(
    "attachment_files", metadata,
    Column("sha256", Text, primary_key=True),
    Column("path", Text, nullable=False),
    Column("size", Integer),
    Column("stored_at", Text, nullable=False),
)

outbox = Table(
    "outbox", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("op_id", Text, nullable=False, unique=True),
    Column("kind", Text, nullable=False),
    Column("complaint_id", Text, nullable=False),
    Column("payload", Text, nullable=False),
    Column("base_version", Integer),
    Column("actor", Text),
    Column("event_id", Text),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text),
    Column("attempts", Integer, nullable=False),
    Column("last_error", Text),
    Column("state", Text, nullable=False),
    Column("result", Text),
    Column("reject_reason", Text),
    Column("server_state", Text),
)

settings = Table(
    "settings", metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

sync_state = Table(
    "sync_state", metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

saved_views = Table(
    "saved_views", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("filter", Text, nullable=False),
    Column("sort", Text, nullable=False),
    Column("descending", Integer, nullable=False),
    Column("position", Integer, nullable=False),
    Column("created_at", Text, nullable=False),
)

drafts = Table(
    "drafts", metadata,
    Column("complaint_id", Text, primary_key=True),
    Column("kind", Text, primary_key=True),
    Column("payload", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)

# --- revision 0003: the letter archive (desktop/printing) and the outbox audit trail ----

agenda_blocks = Table(
    "agenda_blocks", metadata,
    Column("id", Text, primary_key=True),
    Column("agency_code", Text, nullable=False),
    Column("year", Integer, nullable=False),
    Column("start_number", Integer, nullable=False),
    Column("end_number", Integer, nullable=False),
    Column("next_number", Integer, nullable=False),
    Column("reserved_at", Text, nullable=False),
)

letters = Table(
    "letters", metadata,
    Column("id", Text, primary_key=True),
    Column("complaint_id", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("agency_code", Text, nullable=False),
    Column("agenda_year", Integer, nullable=False),
    Column("agenda_seq", Integer, nullable=False),
    Column("agenda_number", Text, nullable=False),
    Column("sha256", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("paper", Text, nullable=False),
    Column("filename", Text, nullable=False),
    Column("qr_key_id", Text),
    Column("issued_at", Text, nullable=False),
    Column("issued_by", Text, nullable=False),
    Column("op_id", Text, nullable=False, unique=True),
    Column("file_op_id", Text, nullable=False, unique=True),
    Column("voided", Integer, nullable=False),
    Column("voided_at", Text),
    Column("voided_by", Text),
    Column("void_reason", Text),
    Column("void_op_id", Text, unique=True),
)

outbox_audit = Table(
    "outbox_audit", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", Text, nullable=False, unique=True),
    Column("at", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("actor", Text),
    Column("op_id", Text),
    Column("complaint_id", Text),
    Column("entry", Text, nullable=False),
)
