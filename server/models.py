"""Tables of the central server (SQLAlchemy 2.x). Alembic migrations create them.

A complaint is stored as its full JSON snapshot (the shape in docs/architecture.md) plus
the few columns queries filter on; the snapshot is the truth, the columns are its index.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from core.clock import clock


class Timestamp(TypeDecorator):
    """An aware UTC datetime on every backend (SQLite has no time zones)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):  # type: ignore[no-untyped-def]
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):  # type: ignore[no-untyped-def]
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    """Stamps of server rows, from the one process clock (core/clock.py)."""
    return clock().utcnow()


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING)


class Agency(Base):
    """A SOPD (dinas, badan, biro) or the central Diskominfo."""

    __tablename__ = "agencies"
    code: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    short_name: Mapped[str] = mapped_column(sa.String(80))
    is_central: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    address: Mapped[str | None] = mapped_column(sa.String(300))
    phone: Mapped[str | None] = mapped_column(sa.String(60))
    email: Mapped[str | None] = mapped_column(sa.String(120))
    website: Mapped[str | None] = mapped_column(sa.String(120))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)


class Unit(Base):
    """A bidang, UPT or sekretariat inside an agency; codes are unique per agency."""

    __tablename__ = "units"
    __table_args__ = (sa.UniqueConstraint("agency_code", "code"),)
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    agency_code: Mapped[str] = mapped_column(sa.ForeignKey("agencies.code"))
    code: Mapped[str] = mapped_column(sa.String(32))
    name: Mapped[str] = mapped_column(sa.String(200))
    kind: Mapped[str] = mapped_column(sa.String(20), default="bidang")
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(sa.String(64), unique=True)
    full_name: Mapped[str] = mapped_column(sa.String(120))
    role: Mapped[str] = mapped_column(sa.String(20))
    agency_code: Mapped[str] = mapped_column(sa.ForeignKey("agencies.code"), index=True)
    unit_code: Mapped[str | None] = mapped_column(sa.String(32))
    password_hash: Mapped[str] = mapped_column(sa.String(200))
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    nip: Mapped[str | None] = mapped_column(sa.String(18))
    jabatan: Mapped[str | None] = mapped_column(sa.String(120))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)


class Category(Base):
    """Complaint category tree (id, parent, name)."""

    __tablename__ = "categories"
    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    parent_id: Mapped[str | None] = mapped_column(sa.String(64))
    name: Mapped[str] = mapped_column(sa.String(200))
    sort: Mapped[int] = mapped_column(sa.Integer, default=0)
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)


class Complaint(Base):
    __tablename__ = "complaints"
    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    tracking_number: Mapped[int] = mapped_column(sa.BigInteger, unique=True)
    agency_code: Mapped[str] = mapped_column(sa.String(32), index=True)
    status: Mapped[str] = mapped_column(sa.String(40))
    confidential: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    anonymous: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    version: Mapped[int] = mapped_column(sa.Integer)
    created_by: Mapped[str] = mapped_column(sa.String(64))
    received_at: Mapped[datetime] = mapped_column(Timestamp)
    updated_at: Mapped[datetime] = mapped_column(Timestamp)
    snapshot: Mapped[str] = mapped_column(sa.Text)


class ComplaintView(Base):
    """A complaint as ``redact_for`` shows it to one role, where that differs from the full
    snapshot (e.g. anonymous reporter removed). Written with the snapshot, so a pull sends
    stored JSON instead of redacting 20,000 snapshots per request. Redaction depends only
    on the role (the domain's contract: ``redact_for`` takes an Actor or a role)."""

    __tablename__ = "complaint_views"
    complaint_id: Mapped[str] = mapped_column(sa.ForeignKey("complaints.id"), primary_key=True)
    role: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    body: Mapped[str] = mapped_column(sa.Text)


class TimelineEvent(Base):
    """One row per timeline event, as apply_op produced it (also inside the snapshot)."""

    __tablename__ = "timeline_events"
    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    complaint_id: Mapped[str] = mapped_column(sa.ForeignKey("complaints.id"), index=True)
    position: Mapped[int] = mapped_column(sa.Integer)
    at: Mapped[str] = mapped_column(sa.String(40))
    actor: Mapped[str] = mapped_column(sa.String(64))
    kind: Mapped[str] = mapped_column(sa.String(40))
    op_id: Mapped[str | None] = mapped_column(sa.String(36))
    data: Mapped[str] = mapped_column(sa.Text)


class AppliedOp(Base):
    """Every applied push op: makes a retried op a duplicate instead of a second effect."""

    __tablename__ = "applied_ops"
    op_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    complaint_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    kind: Mapped[str] = mapped_column(sa.String(40))
    username: Mapped[str] = mapped_column(sa.String(64))
    device_id: Mapped[str] = mapped_column(sa.String(64))
    payload_hash: Mapped[str] = mapped_column(sa.String(64))
    version: Mapped[int] = mapped_column(sa.Integer)
    tracking_number: Mapped[int | None] = mapped_column(sa.BigInteger)
    applied_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)


class Attachment(Base):
    """A stored file, addressed by the sha256 of its bytes."""

    __tablename__ = "attachments"
    sha256: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    size: Mapped[int] = mapped_column(sa.BigInteger)
    mime: Mapped[str] = mapped_column(sa.String(100))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)


class AttachmentBlob(Base):
    """The bytes of a stored file in chunks of 1 MiB (attachment store "database",
    server/blobstore.py): every server machine on this database serves every file."""

    __tablename__ = "attachment_blobs"
    sha256: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    chunk: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(sa.LargeBinary)


class AttachmentUploader(Base):
    __tablename__ = "attachment_uploaders"
    sha256: Mapped[str] = mapped_column(sa.ForeignKey("attachments.sha256"), primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), primary_key=True)


class AttachmentRef(Base):
    """Which complaints reference a file: who may see the complaint may download it."""

    __tablename__ = "attachment_refs"
    sha256: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    complaint_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, index=True)


class AgendaBlock(Base):
    """A range of agenda numbers reserved to one device, usable offline."""

    __tablename__ = "agenda_blocks"
    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    agency_code: Mapped[str] = mapped_column(sa.String(32))
    year: Mapped[int] = mapped_column(sa.Integer)
    start_number: Mapped[int] = mapped_column(sa.Integer)
    end_number: Mapped[int] = mapped_column(sa.Integer)
    device_id: Mapped[str] = mapped_column(sa.String(64))
    username: Mapped[str] = mapped_column(sa.String(64))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    __table_args__ = (sa.Index("ix_agenda_blocks_lookup", "agency_code", "year", "device_id"),)


class Letter(Base):
    """A disposition letter record; its agenda number is never reused, even when voided."""

    __tablename__ = "letters"
    __table_args__ = (sa.UniqueConstraint("agency_code", "year", "agenda_number"),
                      sa.Index("ix_letters_agency_text", "agency_code", "agenda_text"))
    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    complaint_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    agency_code: Mapped[str] = mapped_column(sa.String(32))
    year: Mapped[int] = mapped_column(sa.Integer)
    agenda_number: Mapped[int] = mapped_column(sa.Integer)
    # The number as printed (the desk's format, e.g. 045/DISP/DINKES/XI/2026): what a QR
    # payload names. Null when the desk sent none (the server knows only seq and year).
    agenda_text: Mapped[str | None] = mapped_column(sa.String(64))
    issued_by: Mapped[str] = mapped_column(sa.String(64))
    device_id: Mapped[str] = mapped_column(sa.String(64))
    op_id: Mapped[str] = mapped_column(sa.String(36))
    issued_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    voided_at: Mapped[datetime | None] = mapped_column(Timestamp)


class Counter(Base):
    """Named counters (tracking numbers, agenda numbers, the change feed sequence).

    Taken with SELECT ... FOR UPDATE, so numbers are gap-free and handed out in commit order.
    """

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(sa.String(100), primary_key=True)
    value: Mapped[int] = mapped_column(sa.BigInteger)


class ServerState(Base):
    """Small server-wide facts: the epoch (changes on every restore from backup), the
    identity of the database it was recorded in (server/restore.py)."""

    __tablename__ = "server_state"
    key: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    value: Mapped[str] = mapped_column(sa.Text)


class RestoreGap(Base):
    """Numbers of a counter that may have been handed out before a restore from backup and
    were lost with it: never handed out again, only given back to what desks re-send."""

    __tablename__ = "restore_gaps"
    __table_args__ = (sa.Index("ix_restore_gaps_counter", "counter", "low"),)
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    counter: Mapped[str] = mapped_column(sa.String(100))
    low: Mapped[int] = mapped_column(sa.BigInteger)
    high: Mapped[int] = mapped_column(sa.BigInteger)
    epoch: Mapped[str] = mapped_column(sa.String(64))


class FeedEntry(Base):
    """The change feed: one row per entity, moved to a new sequence number on every change.

    ``audience`` accumulates every scope key the entity ever had (``|A:DINKES|U:DINKES/YANKES|``)
    so that whoever lost sight of it still hears about the change (complaint_removed).
    """

    __tablename__ = "feed"
    entity_type: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    entity_id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(sa.BigInteger, unique=True)
    audience: Mapped[str] = mapped_column(sa.Text)


class AuthSession(Base):
    """A signed-in device. Only SHA-256 hashes of its tokens are stored."""

    __tablename__ = "auth_sessions"
    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    device_id: Mapped[str] = mapped_column(sa.String(64))
    access_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    access_expires: Mapped[float] = mapped_column(sa.Float)
    refresh_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    refresh_expires: Mapped[float] = mapped_column(sa.Float)
    # The refresh token replaced last, accepted again until prev_refresh_until (see auth.py).
    prev_refresh_hash: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    prev_refresh_until: Mapped[float | None] = mapped_column(sa.Float)
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(Timestamp)


class LoginThrottle(Base):
    """Failed logins per account (``u:name``) and per address (``a:ip``)."""

    __tablename__ = "login_throttle"
    key: Mapped[str] = mapped_column(sa.String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(sa.Integer, default=0)
    blocked_until: Mapped[float] = mapped_column(sa.Float, default=0.0)
    last_failure: Mapped[float] = mapped_column(sa.Float, default=0.0)


class AuditEntry(Base):
    """Append-only (triggers refuse UPDATE and DELETE): who, when, what, from which device.

    Hash-chained per agency (server/audit_chain.py): ``chain``, ``seq``, ``prev_hash``,
    ``hash``."""

    __tablename__ = "audit_log"
    __table_args__ = (sa.UniqueConstraint("chain", "seq"),)
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    username: Mapped[str | None] = mapped_column(sa.String(64))
    agency_code: Mapped[str | None] = mapped_column(sa.String(32), index=True)
    device_id: Mapped[str | None] = mapped_column(sa.String(64))
    address: Mapped[str | None] = mapped_column(sa.String(64))
    action: Mapped[str] = mapped_column(sa.String(40))
    target_type: Mapped[str | None] = mapped_column(sa.String(20))
    target_id: Mapped[str | None] = mapped_column(sa.String(64))
    subject_agency: Mapped[str | None] = mapped_column(sa.String(32), index=True)
    details: Mapped[str | None] = mapped_column(sa.Text)
    chain: Mapped[str] = mapped_column(sa.String(32))  # agency code, or "*"
    seq: Mapped[int] = mapped_column(sa.BigInteger)  # 1, 2, 3 ... within the chain
    prev_hash: Mapped[str] = mapped_column(sa.String(64))
    hash: Mapped[str] = mapped_column(sa.String(64))


class AuditAnchor(Base):
    """A chain's head at the end of an office day (append-only, like the log)."""

    __tablename__ = "audit_anchors"
    chain: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    day: Mapped[date] = mapped_column(sa.Date, primary_key=True)
    seq: Mapped[int] = mapped_column(sa.BigInteger)
    hash: Mapped[str] = mapped_column(sa.String(64))


class Position(Base):
    """A jabatan in an agency's structure (core/org.py): a tree by ``parent_code``,
    held by one user, with acting holders (Plt./Plh.) as JSON ``[{username, kind, start,
    end}]``. Never deleted (``active`` false), so old dispositions keep their titles."""

    __tablename__ = "positions"
    agency_code: Mapped[str] = mapped_column(sa.ForeignKey("agencies.code"), primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    parent_code: Mapped[str | None] = mapped_column(sa.String(40))
    holder: Mapped[str | None] = mapped_column(sa.String(64))
    actings: Mapped[str] = mapped_column(sa.Text, default="[]")
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)


class OrgPolicy(Base):
    """Per agency: may a position dispose to any level below it (else directly below)."""

    __tablename__ = "org_policies"
    agency_code: Mapped[str] = mapped_column(sa.ForeignKey("agencies.code"), primary_key=True)
    any_level: Mapped[bool] = mapped_column(sa.Boolean, default=False)
