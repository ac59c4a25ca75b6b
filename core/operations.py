"""``apply_op``: the one place an action changes a complaint snapshot.

Pure: takes a snapshot dict, returns a new one (never mutates the input) plus the timeline
event it appended. The desk applies it optimistically, the server authoritatively; passing
the same ``op_id`` makes both produce the same event id.
"""

from __future__ import annotations

import copy
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from . import chain
from .calendar import WorkingCalendar, local_date
from .clock import clock
from .deadlines import DeadlinePolicy, snapshot_due
from .enums import (
    COMMUTING_KINDS,
    Classification,
    OpKind,
    Role,
    Sifat,
    Status,
    Visibility,
    commutes,
)
from .errors import DomainError, ValidationError
from .validation import (
    TEXT_MAX,
    TITLE_MAX,
    TITLE_MIN,
    clean_bool,
    clean_choice,
    clean_date,
    clean_tags,
    clean_text,
    validate_complaint,
)
from .workflow import Actor, check_scope, check_state, check_transition, coerce_kind

__all__ = [
    "Actor",
    "OpOutcome",
    "apply_op",
    "check_base_version",
    "new_complaint",
    "SNAPSHOT_DEFAULTS",
]

# Namespace for ids derived from an op id (create without an explicit complaint id).
_ID_NAMESPACE = uuid.UUID("6f1d2c1e-4a53-4f0e-9d55-3c0a6a4c1d63")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")

# Every key of a snapshot with its default (architecture.md "Complaint snapshot", plus
# verified_at, due_override and disposition which this module maintains).
SNAPSHOT_DEFAULTS: dict[str, Any] = {
    "id": None,
    "tracking_number": None,
    "provisional_number": None,
    "title": None,
    "content": None,
    "classification": None,
    "category_id": None,
    "channel": None,
    "incident_date": None,
    "region_code": None,
    "location_text": None,
    "reporter": None,
    "anonymous": False,
    "confidential": False,
    "agency_code": None,
    "unit_codes": [],
    "status": None,
    "previous_status": None,
    "sifat": Sifat.biasa.value,
    "tags": [],
    "duplicate_of": None,
    "received_at": None,
    "updated_at": None,
    "verified_at": None,
    "phase_started": None,
    "held_working_days": 0,
    "hold_started": None,
    "due_override": None,
    "due_date": None,
    "disposition": None,
    "chain": [],
    "letter_ref": None,
    "version": 0,
    "timeline": [],
    "attachments": [],
}

# Create-payload keys copied into the snapshot (everything else is ignored).
_CREATE_KEYS = (
    "provisional_number", "tracking_number", "title", "content", "classification",
    "category_id", "channel", "incident_date", "region_code", "location_text", "reporter",
    "anonymous", "confidential", "agency_code", "sifat", "tags",
)


class OpOutcome(NamedTuple):
    snapshot: dict[str, Any]
    event: dict[str, Any]


# How far ahead of the applier's clock a desk's received_at may be. Office PCs often run
# minutes to hours fast; beyond a day it is a typing error, not a clock.
CLOCK_SKEW_TOLERANCE = timedelta(days=1)
# A create received earlier than this before it is applied is "back-dated": the event and
# the server's audit trail say so (offline desks sync hours late; paper logs days late).
BACKDATE_NOTICE = timedelta(days=1)
ANONYMITY_REASON_MIN = 10


@dataclass
class _Ctx:
    snap: dict[str, Any]  # the new snapshot, mutable
    payload: Mapping[str, Any]
    actor: Actor
    now: datetime
    today: date
    policy: DeadlinePolicy
    cal: WorkingCalendar
    from_status: Status | None
    errors: dict[str, str]


def _iso(moment: datetime) -> str:
    return moment.astimezone(clock().zone).isoformat(timespec="seconds")


def _aware(now: datetime) -> datetime:
    if not isinstance(now, datetime):
        raise TypeError("now must be a datetime")
    return now if now.tzinfo is not None else now.replace(tzinfo=clock().zone)


def _start_phase(ctx: _Ctx) -> None:
    """A new deadline phase begins today: reset its clock and any override."""
    ctx.snap["phase_started"] = ctx.today.isoformat()
    ctx.snap["held_working_days"] = 0
    ctx.snap["hold_started"] = None
    ctx.snap["due_override"] = None


def _text(ctx: _Ctx, key: str, label: str, *, required: bool, alt: str | None = None
          ) -> str | None:
    value = ctx.payload.get(key)
    if value is None and alt is not None:
        value = ctx.payload.get(alt)
    return clean_text(value, key, label, ctx.errors, required=required, max_len=TEXT_MAX)


def _unit_codes(ctx: _Ctx, *, required: bool) -> list[str] | None:
    raw = ctx.payload.get("unit_codes")
    if raw is None:
        if required:
            ctx.errors["unit_codes"] = "Pilih minimal satu unit tujuan."
        return None
    if isinstance(raw, str) or not isinstance(raw, list | tuple):
        ctx.errors["unit_codes"] = "Unit tujuan harus berupa daftar kode unit."
        return None
    codes: list[str] = []
    for item in raw:
        if not isinstance(item, str) or not item.strip():
            ctx.errors["unit_codes"] = "Kode unit tujuan tidak boleh kosong."
            return None
        if item.strip() not in codes:
            codes.append(item.strip())
    if not codes:
        ctx.errors["unit_codes"] = "Pilih minimal satu unit tujuan."
        return None
    return codes


def _due_override(ctx: _Ctx) -> str | None:
    due = clean_date(ctx.payload.get("due_date"), "due_date", "Batas waktu", ctx.errors)
    if due is not None and date.fromisoformat(due) < ctx.today:
        ctx.errors["due_date"] = "Batas waktu tidak boleh sebelum hari ini."
    return due


# --- handlers: each edits ctx.snap and returns (event note, event data) --------------------

Handler = Callable[[_Ctx], tuple[str | None, dict[str, Any]]]


def _verify(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    p, snap = ctx.payload, ctx.snap
    data: dict[str, Any] = {}
    if "title" in p:
        data["title"] = clean_text(
            p["title"], "title", "Judul", ctx.errors, required=True, min_len=TITLE_MIN,
            max_len=TITLE_MAX,
        )
    if "classification" in p:
        data["classification"] = clean_choice(
            p["classification"], Classification, "classification", "Klasifikasi", ctx.errors,
            required=True,
        )
    if "category_id" in p:
        data["category_id"] = clean_text(
            p["category_id"], "category_id", "Kategori", ctx.errors, required=False, max_len=64
        )
    for key, label in (("anonymous", "Anonim"), ("confidential", "Rahasia")):
        if key in p:
            data[key] = clean_bool(p[key], key, label, ctx.errors)
    if "tags" in p:
        data["tags"] = clean_tags(p["tags"], ctx.errors)
    note = _text(ctx, "note", "Catatan", required=False)
    snap.update(data)
    snap["verified_at"] = _iso(ctx.now)
    return note, data


def _dispose(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    units = _unit_codes(ctx, required=True)
    sifat = clean_choice(
        ctx.payload.get("sifat"), Sifat, "sifat", "Sifat", ctx.errors, required=False
    ) or Sifat.biasa.value
    raw_instr = ctx.payload.get("instructions") or []
    instructions: list[str] = []
    if isinstance(raw_instr, str) or not isinstance(raw_instr, list | tuple):
        ctx.errors["instructions"] = "Instruksi disposisi harus berupa daftar."
    else:
        for item in raw_instr:
            if not isinstance(item, str) or len(item.strip()) > 300:
                ctx.errors["instructions"] = "Setiap instruksi berupa teks, maksimal 300 karakter."
                break
            if item.strip():
                instructions.append(item.strip())
    note = _text(ctx, "note", "Catatan disposisi", required=False)
    override = _due_override(ctx)
    if ctx.errors:
        return None, {}
    snap = ctx.snap
    if ctx.from_status is not Status.didisposisikan:
        _start_phase(ctx)  # re-disposing keeps the running clock: the agency's time is counted
    if override is not None:
        snap["due_override"] = override
    if snap.get("verified_at") is None:
        snap["verified_at"] = _iso(ctx.now)
    snap["unit_codes"] = units
    snap["sifat"] = sifat
    due = snapshot_due(snap, ctx.policy, ctx.cal)
    snap["disposition"] = {
        "unit_codes": list(units or ()),
        "sifat": sifat,
        "instructions": instructions,
        "note": note,
        "due_date": due.isoformat() if due else None,
        "at": _iso(ctx.now),
        "by": ctx.actor.username,
        "by_name": ctx.actor.full_name,
    }
    data = {"unit_codes": list(units or ()), "sifat": sifat, "instructions": instructions,
            "due_date": due.isoformat() if due else None, "due_overridden": override is not None}
    return note, data


def _follow_up(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    text = _text(ctx, "text", "Isi tindak lanjut", required=True)
    visibility = clean_choice(
        ctx.payload.get("visibility"), Visibility, "visibility", "Visibilitas", ctx.errors,
        required=False,
    ) or Visibility.reporter.value
    _start_phase(ctx)  # each follow-up restarts the auto-close clock
    if visibility == Visibility.reporter.value and not ctx.errors:
        chain.close_chain(ctx.snap, ctx.now)  # the answer to the reporter ends the chain
    return text, {"visibility": visibility}


def _request_clarification(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    text = _text(ctx, "text", "Pertanyaan klarifikasi", required=True)
    _start_phase(ctx)
    return text, {"visibility": Visibility.reporter.value}


def _close(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    note = _text(ctx, "note", "Catatan penyelesaian", required=False, alt="text")
    auto = clean_bool(ctx.payload.get("auto"), "auto", "Selesai otomatis", ctx.errors)
    ctx.snap["due_override"] = None
    return note, {"auto": auto}


def _hold(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    reason = _text(ctx, "reason", "Alasan penundaan", required=True)
    ctx.snap["previous_status"] = ctx.from_status.value if ctx.from_status else None
    ctx.snap["hold_started"] = ctx.today.isoformat()
    return reason, {}


def _resume(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    note = _text(ctx, "note", "Catatan", required=False, alt="reason")
    started = ctx.snap.get("hold_started")
    held = 0
    if started:
        held = max(0, ctx.cal.working_days_between(date.fromisoformat(started), ctx.today))
    ctx.snap["held_working_days"] = int(ctx.snap.get("held_working_days") or 0) + held
    ctx.snap["previous_status"] = None
    ctx.snap["hold_started"] = None
    return note, {"held_working_days": held}


def _not_authority(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    reason = _text(ctx, "reason", "Alasan bukan wewenang", required=True)
    suggested = clean_text(
        ctx.payload.get("suggested_agency_code"), "suggested_agency_code",
        "Instansi yang disarankan", ctx.errors, required=False, max_len=32,
    )
    ctx.snap["due_override"] = None
    return reason, ({"suggested_agency_code": suggested} if suggested else {})


def _reroute(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    agency = clean_text(
        ctx.payload.get("agency_code"), "agency_code", "Instansi tujuan", ctx.errors,
        required=True, max_len=32,
    )
    reason = _text(ctx, "reason", "Alasan pengalihan", required=False, alt="note")
    previous = ctx.snap.get("agency_code")
    if agency is not None and agency == previous:
        ctx.errors["agency_code"] = "Instansi tujuan sama dengan instansi saat ini."
    if ctx.errors:
        return None, {}
    ctx.snap["agency_code"] = agency
    ctx.snap["unit_codes"] = []
    ctx.snap["verified_at"] = None
    ctx.snap["disposition"] = None
    _start_phase(ctx)  # the new agency gets its own verification period
    return reason, {"from_agency": previous, "to_agency": agency}


def _archive(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    reason = _text(ctx, "reason", "Alasan pengarsipan", required=False, alt="note")
    ctx.snap["due_override"] = None
    return reason, {}


def _reopen(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    reason = _text(ctx, "reason", "Alasan buka kembali", required=True)
    units = _unit_codes(ctx, required=False)
    override = _due_override(ctx)
    if units is None and "unit_codes" not in ctx.errors and not ctx.snap.get("unit_codes"):
        ctx.errors["unit_codes"] = "Pengaduan belum pernah didisposisikan: pilih unit tujuan."
    if ctx.errors:
        return None, {}
    if units is not None:
        ctx.snap["unit_codes"] = units
    _start_phase(ctx)
    if override is not None:
        ctx.snap["due_override"] = override
    return reason, {"unit_codes": list(ctx.snap["unit_codes"])}


def _note(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    text = _text(ctx, "text", "Isi catatan", required=True)
    visibility = clean_choice(
        ctx.payload.get("visibility"), Visibility, "visibility", "Visibilitas", ctx.errors,
        required=False,
    ) or Visibility.internal.value
    return text, {"visibility": visibility}


def _privacy_flags(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    data: dict[str, bool] = {}
    for key, label in (("anonymous", "Anonim"), ("confidential", "Rahasia")):
        if ctx.payload.get(key) is not None:
            data[key] = clean_bool(ctx.payload[key], key, label, ctx.errors)
    if not data and not ctx.errors:
        ctx.errors["privacy"] = "Pilih penanda Anonim dan/atau Rahasia yang akan diubah."
    note = _text(ctx, "note", "Catatan", required=False, alt="reason")
    ctx.snap.update(data)
    return note, data


def _lift_anonymity(ctx: _Ctx, note: str | None) -> dict[str, Any]:
    """Anonymity is a one-way door for agencies: whatever the op kind or field, only
    admin_pusat may make an Anonim complaint named, and only with a written reason (kept in
    the event and the server's audit trail)."""
    if ctx.actor.role is not Role.admin_pusat:
        raise DomainError(
            "forbidden", "Identitas pelapor Anonim tidak dapat dibuka oleh instansi. Hanya "
            "Admin Pusat yang dapat membukanya, dengan alasan tertulis.")
    if len((note or "").strip()) < ANONYMITY_REASON_MIN:
        ctx.errors["note"] = ("Tuliskan alasan membuka identitas pelapor Anonim (minimal "
                              f"{ANONYMITY_REASON_MIN} karakter).")
    return {"anonymous": False, "anonymity_lifted": True}


def _attach(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    p = ctx.payload
    sha = p.get("sha256")
    if not isinstance(sha, str) or not _SHA256.match(sha.strip().lower()):
        ctx.errors["sha256"] = "Sidik berkas (SHA-256) tidak valid."
        sha = None
    else:
        sha = sha.strip().lower()
    filename = clean_text(p.get("filename"), "filename", "Nama berkas", ctx.errors,
                          required=True, max_len=255)
    if filename is not None:
        filename = re.split(r"[\\/]", filename)[-1]  # never keep a client-side path
    mime = clean_text(p.get("mime"), "mime", "Jenis berkas", ctx.errors, required=False,
                      max_len=100) or "application/octet-stream"
    size = p.get("size")
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        ctx.errors["size"] = "Ukuran berkas tidak valid."
    if ctx.errors:
        return None, {}
    item = {"sha256": sha, "filename": filename, "mime": mime, "size": size}
    attachments = ctx.snap.setdefault("attachments", [])
    if not any(a.get("sha256") == sha for a in attachments):
        attachments.append(item)
    return _text(ctx, "note", "Keterangan", required=False), dict(item)


def _letter_issued(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    p = ctx.payload
    data = {
        "letter_kind": clean_text(p.get("letter_kind"), "letter_kind", "Jenis surat", ctx.errors,
                                  required=False, max_len=50) or "disposisi",
        "letter_id": clean_text(p.get("letter_id"), "letter_id", "Id surat", ctx.errors,
                                required=False, max_len=64),
        "agenda_number": _agenda(ctx),
    }
    # The chain disposition the sheet is for (a level of issue 17's chain): one active
    # letter per complaint and level. A role that issues letters has it kept as sent, never
    # checked against the chain, so a letter issued offline is not lost if that disposition
    # was refused meanwhile; any other officer needs it to be his (check_transition's
    # by_position, chain.letter_by_position).
    entry = clean_text(p.get("chain_entry"), "chain_entry", "Disposisi surat", ctx.errors,
                       required=False, max_len=64)
    if entry:
        data["chain_entry"] = entry
    return _text(ctx, "note", "Catatan", required=False), data


def _letter_voided(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    reason = _text(ctx, "reason", "Alasan pembatalan surat", required=True)
    data = {
        "letter_id": clean_text(ctx.payload.get("letter_id"), "letter_id", "Id surat",
                                ctx.errors, required=False, max_len=64),
        "agenda_number": _agenda(ctx),
    }
    return reason, data


def _agenda(ctx: _Ctx) -> str | None:
    value = ctx.payload.get("agenda_number")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return clean_text(value, "agenda_number", "Nomor agenda", ctx.errors,
                      required=False, max_len=64)


def _mark_duplicate(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    raw = ctx.payload.get("duplicate_of")
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    target = clean_text(raw, "duplicate_of", "Pengaduan asal", ctx.errors,
                        required=False, max_len=64)
    own = {str(ctx.snap.get("id")), str(ctx.snap.get("tracking_number"))}
    if target is not None and target in own:
        ctx.errors["duplicate_of"] = "Pengaduan tidak dapat ditandai sebagai duplikat dirinya."
    ctx.snap["duplicate_of"] = target
    return _text(ctx, "note", "Catatan", required=False), {"duplicate_of": target}


def _chain_dispose(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    note, data = chain.dispose(ctx.snap, ctx.payload, ctx.actor.username, ctx.actor.full_name,
                               ctx.now, ctx.today, ctx.cal, ctx.errors)
    target = chain.target_status(ctx.from_status) if ctx.from_status else None
    if target is not None and not ctx.errors:
        ctx.snap["status"] = target.value  # like a unit disposition: the follow-up starts
        _start_phase(ctx)
        if ctx.snap.get("verified_at") is None:
            ctx.snap["verified_at"] = _iso(ctx.now)
    return note, data


def _chain_read(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    return chain.read(ctx.snap, ctx.payload, ctx.actor.username, ctx.now)


def _chain_withdraw(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    return chain.withdraw(ctx.snap, ctx.payload, ctx.actor.username, ctx.now)


def _chain_report(ctx: _Ctx) -> tuple[str | None, dict[str, Any]]:
    return chain.report(ctx.snap, ctx.payload, ctx.actor.username, ctx.actor.full_name,
                        ctx.now, ctx.errors)


_HANDLERS: dict[OpKind, Handler] = {
    OpKind.chain_dispose: _chain_dispose,
    OpKind.chain_read: _chain_read,
    OpKind.chain_withdraw: _chain_withdraw,
    OpKind.chain_report: _chain_report,
    OpKind.verify: _verify,
    OpKind.dispose: _dispose,
    OpKind.follow_up: _follow_up,
    OpKind.request_clarification: _request_clarification,
    OpKind.close: _close,
    OpKind.hold: _hold,
    OpKind.resume: _resume,
    OpKind.not_authority: _not_authority,
    OpKind.reroute: _reroute,
    OpKind.archive: _archive,
    OpKind.reopen: _reopen,
    OpKind.note: _note,
    OpKind.privacy_flags: _privacy_flags,
    OpKind.attach: _attach,
    OpKind.letter_issued: _letter_issued,
    OpKind.letter_voided: _letter_voided,
    OpKind.mark_duplicate: _mark_duplicate,
}


def _create(ctx: _Ctx, op_id: str | None) -> tuple[str | None, dict[str, Any]]:
    p = ctx.payload
    raw_id = p.get("id")
    if raw_id:
        try:
            complaint_id = str(uuid.UUID(str(raw_id)))
        except ValueError:
            ctx.errors["id"] = "Id pengaduan harus berupa UUID."
            complaint_id = None
    elif op_id:
        complaint_id = str(uuid.uuid5(_ID_NAMESPACE, str(op_id)))
    else:
        complaint_id = str(uuid.uuid4())
    received = p.get("received_at")
    received_at = ctx.now
    if received:
        try:
            received_at = _aware(datetime.fromisoformat(str(received)))
            if received_at > ctx.now + CLOCK_SKEW_TOLERANCE:
                ctx.errors["received_at"] = "Waktu diterima tidak boleh di masa depan."
            elif received_at < ctx.now - timedelta(days=ctx.policy.backdate_days):
                ctx.errors["received_at"] = (
                    "Waktu diterima terlalu jauh di masa lalu: paling lama "
                    f"{ctx.policy.backdate_days} hari sebelum hari ini.")
            elif received_at > ctx.now:
                # The creating desk's clock runs ahead of ours: the complaint was
                # received no later than now, so the deadline clock starts now.
                received_at = ctx.now
        except ValueError:
            ctx.errors["received_at"] = "Waktu diterima tidak valid."
    agency = p.get("agency_code") or ctx.actor.agency
    if not isinstance(agency, str) or not agency.strip():
        ctx.errors["agency_code"] = "Instansi tujuan wajib dipilih."
        agency = None
    else:
        agency = agency.strip()
    sifat = clean_choice(p.get("sifat"), Sifat, "sifat", "Sifat", ctx.errors, required=False)
    tracking = p.get("tracking_number")
    if tracking is not None and (isinstance(tracking, bool) or not isinstance(tracking, int)
                                 or tracking <= 0):
        ctx.errors["tracking_number"] = "Nomor pelacakan harus bilangan bulat positif."
    provisional = clean_text(p.get("provisional_number"), "provisional_number",
                             "Nomor sementara", ctx.errors, required=False, max_len=40)
    try:
        fields = validate_complaint({k: p.get(k) for k in _CREATE_KEYS if k in p}, today=ctx.today)
    except ValidationError as exc:
        ctx.errors.update(exc.errors)
        fields = {}
    letter_ref = _letter_ref(ctx, p.get("letter_ref"), p.get("channel"))
    if ctx.errors:
        return None, {}
    snap = ctx.snap
    snap.update({k: fields[k] for k in _CREATE_KEYS if k in fields})
    snap["letter_ref"] = letter_ref
    snap.update(
        id=complaint_id,
        tracking_number=tracking,
        provisional_number=provisional,
        agency_code=agency,
        sifat=sifat or Sifat.biasa.value,
        tags=fields.get("tags") or [],
        received_at=_iso(received_at),
        unit_codes=[],
    )
    snap["phase_started"] = local_date(received_at).isoformat()
    # Never copy reporter identity into the timeline.
    data: dict[str, Any] = {"channel": snap["channel"]}
    late = ctx.now - received_at
    if late > BACKDATE_NOTICE:
        data["backdated_days"] = late.days
    return None, data


def _letter_ref(ctx: _Ctx, raw: Any, channel: Any) -> dict[str, Any] | None:
    """A complaint that came by letter (kanal Surat): its ``{origin, number, date}`` (asal
    surat, nomor surat, tanggal surat), printed on the Lembar Disposisi."""
    if raw in (None, {}):
        return None
    if not isinstance(raw, Mapping):
        ctx.errors["letter_ref"] = "Data surat tidak valid."
        return None
    if channel != "surat":
        ctx.errors["letter_ref"] = "Asal, nomor dan tanggal surat hanya untuk kanal Surat."
        return None
    origin = clean_text(raw.get("origin"), "letter_origin", "Asal surat", ctx.errors,
                        required=True, max_len=200)
    number = clean_text(raw.get("number"), "letter_number", "Nomor surat", ctx.errors,
                        required=False, max_len=100)
    day = clean_date(raw.get("date"), "letter_date", "Tanggal surat", ctx.errors,
                     not_after=ctx.today)
    return {"origin": origin, "number": number, "date": day}


def apply_op(
    snapshot: Mapping[str, Any] | None,
    kind: OpKind | str,
    payload: Mapping[str, Any] | None,
    actor: Actor,
    now: datetime,
    policy: DeadlinePolicy,
    cal: WorkingCalendar,
    op_id: str | None = None,
) -> OpOutcome:
    """Apply one action; return the new snapshot and the timeline event appended to it.

    Check order: scope (``forbidden``), then role and status (``TransitionError``), then the
    payload (``ValidationError`` listing every bad field). ``snapshot`` is None for
    ``create``; ``op_id`` becomes the event id (and seeds the complaint id on create).
    """
    kind = coerce_kind(kind)
    if not isinstance(actor, Actor):
        raise TypeError("actor must be an Actor")
    now = _aware(now)
    payload = payload or {}
    if not isinstance(payload, Mapping):
        raise ValidationError({"payload": "Data tindakan tidak valid."})

    if kind is OpKind.create:
        check_transition(
            snapshot.get("status") if snapshot is not None else None, kind, actor.role
        )
        from_status = None
        snap = copy.deepcopy(SNAPSHOT_DEFAULTS)
        to_status = Status.belum_diverifikasi
    else:
        if snapshot is None:
            raise DomainError("not_found", "Pengaduan tidak ditemukan.")
        check_scope(snapshot, actor)
        from_status = Status(snapshot["status"])
        to_status = check_transition(
            from_status, kind, actor.role, snapshot.get("previous_status"),
            by_position=chain.letter_by_position(kind, payload, snapshot),
        )
        check_state(snapshot, kind)
        snap = {**copy.deepcopy(SNAPSHOT_DEFAULTS), **copy.deepcopy(dict(snapshot))}

    snap["status"] = to_status.value
    ctx = _Ctx(snap, payload, actor, now, local_date(now), policy, cal, from_status, {})
    if kind is OpKind.create:
        note, data = _create(ctx, op_id)
        if not ctx.errors and actor.role is not Role.admin_pusat and snap["agency_code"] != (
            actor.agency
        ):
            raise DomainError(
                "forbidden", "Anda hanya dapat mencatat pengaduan untuk instansi Anda sendiri."
            )
    else:
        note, data = _HANDLERS[kind](ctx)
        if snapshot is not None and snapshot.get("anonymous") and not snap.get("anonymous"):
            data = {**data, **_lift_anonymity(ctx, note)}
    if ctx.errors:
        raise ValidationError(ctx.errors)

    to_status = Status(snap["status"])  # a chain disposition may start the follow-up
    due = snapshot_due(snap, policy, cal)
    # While on hold the stored due date stays what it was; deadline_info shows the pause.
    if to_status is not Status.ditunda:
        snap["due_date"] = due.isoformat() if due else None
    snap["version"] = int(snap.get("version") or 0) + 1
    snap["updated_at"] = _iso(now)
    event = {
        "id": str(op_id) if op_id else str(uuid.uuid4()),
        "at": _iso(now),
        "actor": actor.username,
        "actor_name": actor.full_name,
        "kind": kind.value,
        "from_status": from_status.value if from_status else None,
        "to_status": to_status.value,
        "note": note,
        "data": data,
    }
    snap["timeline"] = [*snap.get("timeline", []), event]
    return OpOutcome(snap, copy.deepcopy(event))


def _only_commuting_since(snapshot: Mapping[str, Any], kind: OpKind, base_version: int,
                          author: str) -> bool:
    """Whether every event after ``base_version`` is a colleague's change that commutes
    with ``kind`` (enums.commutes). One op makes one version and one event, so the last
    ``version - base`` events are those; a timeline that does not show them all decides
    nothing (conflict). An event of the op's own author after its base means the desk
    counted its own earlier ops into that base differently than they landed, so the base
    says nothing certain about what the officer saw: conflict, as before."""
    current = int(snapshot.get("version") or 0)
    timeline = list(snapshot.get("timeline") or ())
    since = current - base_version
    if base_version < 1 or len(timeline) != current or since > len(timeline):
        return False
    for event in timeline[-since:]:
        try:
            landed = OpKind(event.get("kind"))
        except ValueError:
            return False
        if event.get("actor") == author or not commutes(kind, landed):
            return False
    return True


def check_base_version(snapshot: Mapping[str, Any], kind: OpKind | str, base_version: int,
                       author: str | None = None) -> None:
    """Raise ``DomainError("conflict")`` unless ``kind`` may apply on ``base_version``.

    Commuting kinds (notes, follow-ups, attachments, letters, duplicates) apply on any older
    base; every other kind needs the version the officer saw.
    """
    kind = coerce_kind(kind)
    current = int(snapshot.get("version") or 0)
    if kind in COMMUTING_KINDS:
        if base_version > current:
            raise DomainError("conflict", "Pengaduan yang Anda ubah tidak cocok dengan data di "
                                          "server; muat ulang data.")
        return
    if author and base_version < current and _only_commuting_since(
            snapshot, kind, base_version, author):
        return  # e.g. a verify after a colleague's note: nothing it rests on has changed
    if base_version != current:
        # Officer wording: how many changes came in since they opened it, not version numbers.
        since = (f" sejak Anda membukanya ({current - base_version} perubahan baru)"
                 if current > base_version else "")
        raise DomainError(
            "conflict",
            f"Pengaduan telah diubah oleh petugas lain{since}. Muat ulang lalu ulangi tindakan.",
        )


def new_complaint(
    *,
    title: str,
    content: str,
    classification: str,
    channel: str,
    agency_code: str | None = None,
    reporter: Mapping[str, Any] | None = None,
    id: str | None = None,  # noqa: A002 - the snapshot's field name
    **fields: Any,
) -> dict[str, Any]:
    """A ``create`` payload with a fresh complaint id; extra snapshot fields pass through."""
    unknown = set(fields) - set(_CREATE_KEYS) - {"received_at", "letter_ref"}
    if unknown:
        raise TypeError(f"unknown complaint fields: {sorted(unknown)}")
    payload = {
        "id": id or str(uuid.uuid4()),
        "title": title,
        "content": content,
        "classification": classification,
        "channel": channel,
        "agency_code": agency_code,
        "reporter": dict(reporter) if reporter is not None else None,
        **fields,
    }
    return payload
