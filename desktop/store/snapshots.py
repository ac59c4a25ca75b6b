"""Complaint snapshot dict <-> store rows (docs/architecture.md "Complaint snapshot").

Every snapshot key the desk does not know is kept in an ``extra`` JSON column and given
back unchanged, so a newer server's fields survive a round trip through an older desk.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from core import Regions, awaiting_disposition
from core.clock import clock

# Snapshot keys stored in columns of complaints / complaint_texts, in snapshot order.
COMPLAINT_KEYS = (
    "id", "tracking_number", "provisional_number", "title", "content", "classification",
    "category_id", "channel", "incident_date", "region_code", "location_text", "reporter",
    "anonymous", "confidential", "agency_code", "unit_codes", "status", "previous_status",
    "sifat", "tags", "duplicate_of", "received_at", "updated_at", "verified_at",
    "phase_started", "held_working_days", "hold_started", "due_date", "due_override", "version",
)
REPORTER_KEYS = ("name", "nik", "phone", "email", "address")
EVENT_KEYS = ("id", "at", "actor", "actor_name", "kind", "from_status", "to_status", "note", "data")
ATTACHMENT_KEYS = ("sha256", "filename", "mime", "size")
_KNOWN = frozenset(COMPLAINT_KEYS) | {"timeline", "attachments"}

# Column order of the write statements (see service._write_snapshots).
COMPLAINT_COLUMNS = (
    "id", "tracking_number", "provisional_number", "title", "classification", "category_id",
    "channel", "incident_date", "region_code", "kabkota_code", "kecamatan_code", "region_name",
    "anonymous", "confidential", "agency_code", "unit_codes", "status", "previous_status",
    "sifat", "received_at", "received_ts", "updated_at", "phase_started",
    "held_working_days", "hold_started", "due_date", "due_override", "verified_at", "version",
    "tags", "duplicate_of", "local_dirty", "server_version",
)
TEXT_COLUMNS = (
    "content", "location_text", "reporter_present", "reporter_name", "reporter_nik",
    "reporter_phone", "reporter_email", "reporter_address", "extra", "base_snapshot",
)
EVENT_COLUMNS = (
    "complaint_id", "position", "id", "at", "actor", "actor_name", "kind", "from_status",
    "to_status", "note", "data", "extra",
)
ATTACHMENT_COLUMNS = ("complaint_id", "position", "sha256", "filename", "mime", "size", "extra")


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


# One encoder for all: json.dumps with options builds a new encoder on every call.
dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"),
                         default=_json_default).encode


def loads(text: str | None, default: Any = None) -> Any:
    return default if text is None else json.loads(text)


def iso(value: Any) -> str | None:
    """ISO text of a date/datetime (strings pass through; enums give their value)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def parse_datetime(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=clock().zone)


def region_parts(region_code: str | None) -> tuple[str | None, str | None, str]:
    """(kabkota code, kecamatan code, display name "Kecamatan, Kabupaten/Kota")."""
    if not region_code:
        return None, None, ""
    parts = region_code.split(".")
    kabkota = ".".join(parts[:2]) if len(parts) >= 2 else None
    kecamatan = ".".join(parts[:3]) if len(parts) >= 3 else None
    regions = Regions.load()
    names = [regions.name(code) for code in (kecamatan, kabkota) if code]
    name = ", ".join(n for n in names if n)
    return kabkota, kecamatan, name or region_code


def _int(value: Any, default: int | None = None) -> int | None:
    return default if value is None or value == "" else int(value)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def complaint_row(snap: Mapping[str, Any], *, local_dirty: bool, server_version: int | None,
                  region_cache: dict[str, tuple] | None = None) -> tuple:
    """Values of ``COMPLAINT_COLUMNS`` for one snapshot."""
    region_code = snap.get("region_code") or None
    if region_cache is not None:
        parts = region_cache.get(region_code or "")
        if parts is None:
            parts = region_cache[region_code or ""] = region_parts(region_code)
    else:
        parts = region_parts(region_code)
    received = parse_datetime(snap["received_at"])
    return (
        str(snap["id"]),
        _int(snap.get("tracking_number")),
        _text(snap.get("provisional_number")),
        str(snap.get("title") or ""),
        _text(snap.get("classification")),
        _text(snap.get("category_id")),
        _text(snap.get("channel")),
        iso(snap.get("incident_date")),
        region_code,
        parts[0],
        parts[1],
        parts[2],
        int(bool(snap.get("anonymous"))),
        int(bool(snap.get("confidential"))),
        _text(snap.get("agency_code")),
        dumps(list(snap.get("unit_codes") or [])),
        str(snap["status"]),
        _text(snap.get("previous_status")),
        _text(snap.get("sifat")),
        iso(snap["received_at"]),
        int(received.timestamp()),
        iso(snap.get("updated_at")),
        iso(snap.get("phase_started")),
        _int(snap.get("held_working_days"), 0),
        iso(snap.get("hold_started")),
        # A verified complaint awaiting disposition has no clock, also in snapshots a
        # server computed before it knew that (the queue's SQL reads this column).
        None if awaiting_disposition(snap) else iso(snap.get("due_date")),
        iso(snap.get("due_override")),
        _text(snap.get("verified_at")),
        _int(snap.get("version"), 0),
        dumps(list(snap.get("tags") or [])),
        _text(snap.get("duplicate_of")),
        int(local_dirty),
        server_version,
    )


def text_row(snap: Mapping[str, Any], *, base_snapshot: str | None) -> tuple:
    """Values of ``TEXT_COLUMNS``; unknown keys (top level and reporter) go to ``extra``."""
    reporter = snap.get("reporter")
    extra = {k: v for k, v in snap.items() if k not in _KNOWN}
    if isinstance(reporter, Mapping):
        unknown = {k: v for k, v in reporter.items() if k not in REPORTER_KEYS}
        if unknown:
            extra["\x00reporter"] = unknown
        fields = [_text(reporter.get(k)) for k in REPORTER_KEYS]
    else:
        fields = [None] * len(REPORTER_KEYS)
    return (
        str(snap.get("content") or ""),
        _text(snap.get("location_text")),
        int(isinstance(reporter, Mapping)),
        *fields,
        dumps(extra) if extra else None,
        base_snapshot,
    )


def event_rows(complaint_id: str, events: list[Mapping[str, Any]] | None) -> list[tuple]:
    rows = []
    for position, ev in enumerate(events or ()):
        extra = {k: v for k, v in ev.items() if k not in EVENT_KEYS}
        data = ev.get("data")
        rows.append((
            complaint_id, position, _text(ev.get("id")), iso(ev.get("at")) or "",
            _text(ev.get("actor")), _text(ev.get("actor_name")), str(ev.get("kind") or ""),
            _text(ev.get("from_status")), _text(ev.get("to_status")), _text(ev.get("note")),
            None if data is None else dumps(data), dumps(extra) if extra else None,
        ))
    return rows


def attachment_rows(complaint_id: str, items: list[Mapping[str, Any]] | None) -> list[tuple]:
    rows = []
    for position, att in enumerate(items or ()):
        extra = {k: v for k, v in att.items() if k not in ATTACHMENT_KEYS and k != "cached_path"}
        rows.append((
            complaint_id, position, str(att["sha256"]), str(att.get("filename") or ""),
            _text(att.get("mime")), _int(att.get("size")), dumps(extra) if extra else None,
        ))
    return rows


def build_snapshot(c: Mapping[Any, Any], t: Mapping[Any, Any] | None,
                   events: Sequence[Mapping[Any, Any]], atts: Sequence[Mapping[Any, Any]]
                   ) -> dict:
    """The snapshot dict from a complaints row, its texts row, events and attachments."""
    t = t or {}
    extra = loads(t.get("extra"), {}) or {}
    reporter_extra = extra.pop("\x00reporter", {})
    reporter = None
    if t.get("reporter_present"):
        reporter = {k: t.get(f"reporter_{k}") for k in REPORTER_KEYS}
        reporter.update(reporter_extra)
    values = {
        "id": c["id"],
        "tracking_number": c["tracking_number"],
        "provisional_number": c["provisional_number"],
        "title": c["title"],
        "content": t.get("content", ""),
        "classification": c["classification"],
        "category_id": c["category_id"],
        "channel": c["channel"],
        "incident_date": c["incident_date"],
        "region_code": c["region_code"],
        "location_text": t.get("location_text"),
        "reporter": reporter,
        "anonymous": bool(c["anonymous"]),
        "confidential": bool(c["confidential"]),
        "agency_code": c["agency_code"],
        "unit_codes": loads(c["unit_codes"], []),
        "status": c["status"],
        "previous_status": c["previous_status"],
        "sifat": c["sifat"],
        "tags": loads(c["tags"], []),
        "duplicate_of": c["duplicate_of"],
        "received_at": c["received_at"],
        "updated_at": c["updated_at"],
        "verified_at": c["verified_at"],
        "phase_started": c["phase_started"],
        "held_working_days": c["held_working_days"],
        "hold_started": c["hold_started"],
        "due_date": c["due_date"],
        "due_override": c["due_override"],
        "version": c["version"],
    }
    snap = {k: values[k] for k in COMPLAINT_KEYS}
    snap.update(extra)
    snap["timeline"] = [event_dict(e) for e in events]
    snap["attachments"] = [attachment_dict(a) for a in atts]
    return snap


def event_dict(e: Mapping[str, Any]) -> dict:
    ev = {k: e[k] for k in EVENT_KEYS if k != "data"}
    ev["data"] = loads(e["data"], None)
    ev.update(loads(e["extra"], {}) or {})
    return ev


def attachment_dict(a: Mapping[str, Any]) -> dict:
    att = {k: a[k] for k in ATTACHMENT_KEYS}
    att.update(loads(a["extra"], {}) or {})
    if a.get("cached_path"):
        att["cached_path"] = a["cached_path"]
    return att


def chain_positions(snap: Mapping[str, Any]) -> list[str]:
    """The positions the complaint was disposed to through the chain (issue 17): not a
    tembusan, not withdrawn; the queue's "Jabatan" filter (``complaint_positions``)."""
    found = [str(e["to_position"]) for e in snap.get("chain") or ()
             if isinstance(e, Mapping) and e.get("to_position") and not e.get("tembusan")
             and e.get("state") != "withdrawn"]
    return list(dict.fromkeys(found))


@dataclass
class Prepared:
    """Rows for a bulk write of snapshots, made anywhere (another thread or process) and
    written by the one writer (``DeskService.write_prepared``). Picklable."""

    dirty: bool = False
    keep_base: bool = False
    ids: list[tuple] = field(default_factory=list)
    complaints: list[tuple] = field(default_factory=list)
    texts: list[tuple] = field(default_factory=list)
    units: list[tuple] = field(default_factory=list)
    positions: list[tuple] = field(default_factory=list)  # (position code, complaint id)
    events: list[tuple] = field(default_factory=list)
    attachments: list[tuple] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)


def prepare(snapshots: Sequence[Mapping[str, Any]], *, dirty: bool = False,
            base_snapshot: str | None = None, keep_base: bool = False) -> Prepared:
    """Turn snapshots into table rows. ``dirty``: a local change not yet on the server."""
    out = Prepared(dirty=dirty, keep_base=keep_base)
    region_cache: dict[str, tuple] = {}
    for snap in snapshots:
        cid = str(snap["id"])
        out.ids.append((cid,))
        version = int(snap.get("version") or 0)
        out.complaints.append(complaint_row(
            snap, local_dirty=dirty, server_version=None if dirty else version,
            region_cache=region_cache))
        out.texts.append((*text_row(snap, base_snapshot=base_snapshot), cid))
        out.units.extend((code, cid) for code in dict.fromkeys(snap.get("unit_codes") or ()))
        out.positions.extend((code, cid) for code in chain_positions(snap))
        out.events.extend(event_rows(cid, snap.get("timeline")))
        out.attachments.extend(attachment_rows(cid, snap.get("attachments")))
    return out
