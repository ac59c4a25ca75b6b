"""The disposition chain (disposisi berjenjang): Kepala Dinas -> Kabid -> Kasi -> pelaksana,
each level with instructions, catatan and a deadline, read state, withdrawal and reports back.

The chain lives in the complaint snapshot (``snapshot["chain"]``, one entry per recipient),
so it syncs, conflicts and replays like every other action. Who holds a position is not in
the snapshot: ``resolve`` fills a payload from the agency's ``OrgChart`` (the server always
does, overwriting what a desk sent; the desk does for its optimistic apply) and
``apply_op`` then checks everything the snapshot alone can decide.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from .clock import clock
from .enums import OpKind, Status
from .errors import DomainError, ValidationError
from .org import OrgChart

SENT, READ, WITHDRAWN, REPORTED, CLOSED = "sent", "read", "withdrawn", "reported", "closed"
ACTIVE_STATES = frozenset({SENT, READ})
STATE_LABELS = {SENT: "Belum dibaca", READ: "Dibaca", WITHDRAWN: "Ditarik",
                REPORTED: "Dilaporkan", CLOSED: "Selesai"}
CHAIN_KINDS = frozenset({OpKind.chain_dispose, OpKind.chain_read, OpKind.chain_withdraw,
                         OpKind.chain_report})
# A Lembar Disposisi for a chain disposition: its recipient issues (and voids) it whatever
# his role (``letter_by_position``), so these are resolved against the structure too.
LETTER_KINDS = frozenset({OpKind.letter_issued, OpKind.letter_voided})
RESOLVED_KINDS = CHAIN_KINDS | LETTER_KINDS
MAX_DEADLINE_DAYS = 60
TEXT_MAX = 4000


def entries(snapshot: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    return list((snapshot or {}).get("chain") or ())


def find(snapshot: Mapping[str, Any], entry_id: Any) -> dict[str, Any] | None:
    for entry in entries(snapshot):
        if entry.get("id") == entry_id:
            return entry
    return None


def addressed_to(snapshot: Mapping[str, Any] | None, username: str) -> bool:
    """Whether an active disposition (or tembusan) names ``username`` as a recipient."""
    return any(e.get("state") in ACTIVE_STATES and username in (e.get("to_users") or ())
               for e in entries(snapshot))


def ended_message(snapshot: Mapping[str, Any] | None, username: str) -> str | None:
    """Why a recipient whose disposition ended no longer reaches the complaint."""
    mine = [e for e in entries(snapshot) if username in (e.get("to_users") or ())]
    if not mine:
        return None
    if mine[-1].get("state") == WITHDRAWN:
        return "Disposisi ini telah ditarik oleh pengirimnya sebelum Anda membacanya."
    return "Disposisi kepada Anda untuk pengaduan ini sudah selesai."


def may_see_catatan(entry: Mapping[str, Any], username: str) -> bool:
    return username == entry.get("by") or username in (entry.get("to_users") or ())


def redact_chain(snapshot: dict[str, Any], username: str) -> dict[str, Any]:
    """The snapshot without the catatan of dispositions ``username`` neither sent nor
    received (only recipients and the sender read a disposition's catatan)."""
    chain = entries(snapshot)
    if not any(e.get("catatan") and not may_see_catatan(e, username) for e in chain):
        return snapshot
    out = dict(snapshot)
    out["chain"] = [e if not e.get("catatan") or may_see_catatan(e, username)
                    else {**e, "catatan": None, "catatan_hidden": True} for e in chain]
    return out


# --- resolution against the organisation structure (server and desk) ----------------------

def _recipient(chart: OrgChart, sender: str, raw: Any, day: date, *, copy_only: bool,
               errors: dict[str, str]) -> dict[str, Any] | None:
    key = "tembusan" if copy_only else "recipients"
    if not isinstance(raw, Mapping):
        errors[key] = "Penerima disposisi tidak valid."
        return None
    code = raw.get("position")
    if not code and raw.get("user"):
        code = chart.position_of_user(str(raw["user"]), day)
        if code is None:
            errors[key] = f"{raw['user']} tidak memegang jabatan di instansi ini."
            return None
    pos = chart.get(str(code or ""))
    if pos is None:
        errors[key] = f"Jabatan {code} tidak dikenal."
        return None
    if copy_only:
        if pos.code == sender:
            errors[key] = "Tembusan tidak dapat dikirim ke jabatan pengirim."
            return None
    elif not chart.may_receive(sender, pos.code):
        errors[key] = (f"{pos.title} bukan jabatan di bawah langsung jabatan pengirim."
                       if not chart.any_level else
                       f"{pos.title} bukan jabatan di bawah jabatan pengirim.")
        return None
    users = chart.holders(pos.code, day)
    if raw.get("user"):
        users = [str(raw["user"])] if str(raw["user"]) in users else []
    if not users:
        errors[key] = f"Jabatan {pos.title} sedang kosong (tanpa pejabat atau Plt./Plh.)."
        return None
    return {"id": raw.get("id"), "position": pos.code, "title": pos.title, "users": users}


def resolve(kind: OpKind, payload: Mapping[str, Any], snapshot: Mapping[str, Any] | None,
            chart: OrgChart, username: str, day: date) -> dict[str, Any]:
    """The payload ``apply_op`` trusts: recipients' titles and holders from the chart, and
    ``acting_for`` (the position through which ``username`` acts) checked against it.
    Raises ``DomainError("forbidden")`` when ``username`` does not hold the sending
    position, ``ValidationError`` for recipients the structure does not allow."""
    out = dict(payload)
    out.pop("acting_for", None)
    if kind in LETTER_KINDS:
        entry = letter_entry(kind, out, snapshot)
        if entry is not None and (username in (entry.get("to_users") or ()) or chart.holds(
                username, str(entry.get("to_position") or ""), day)):
            out["acting_for"] = entry.get("to_position")
        return out
    if kind is OpKind.chain_dispose:
        sender = str(out.get("from_position") or "")
        if chart.get(sender) is None:
            raise ValidationError({"from_position": "Jabatan pengirim tidak dikenal."})
        if not chart.holds(username, sender, day):
            raise DomainError("forbidden", f"Anda bukan pejabat atau Plt./Plh. "
                                           f"{chart.positions[sender].title}.")
        out["from_title"] = chart.positions[sender].title
        errors: dict[str, str] = {}
        for key, copy_only in (("recipients", False), ("tembusan", True)):
            raw = out.get(key) or []
            if not isinstance(raw, list):
                errors[key] = "Daftar penerima tidak valid."
                continue
            resolved = [_recipient(chart, sender, r, day, copy_only=copy_only, errors=errors)
                        for r in raw]
            out[key] = [r for r in resolved if r is not None]
        if errors:
            raise ValidationError(errors)
        return out
    entry = find(snapshot or {}, out.get("entry_id"))
    if entry is not None:
        position = entry.get("from_position") if kind is OpKind.chain_withdraw \
            else entry.get("to_position")
        if position and chart.holds(username, position, day):
            out["acting_for"] = position
    return out


# --- the Lembar Disposisi of one level ----------------------------------------------------

def letter_level(kind: OpKind, payload: Mapping[str, Any],
                 snapshot: Mapping[str, Any] | None) -> str | None:
    """The chain disposition a letter op is for: ``letter_issued``'s ``chain_entry``; for
    ``letter_voided`` the one its letter was issued for (that letter's ``letter_issued``
    event, found by ``letter_id`` or else by agenda number). None: the complaint's own."""
    if kind is OpKind.letter_issued:
        raw = payload.get("chain_entry")
        return str(raw) if raw else None
    if kind is not OpKind.letter_voided:
        return None
    letter_id, number = payload.get("letter_id"), payload.get("agenda_number")
    for event in reversed(list((snapshot or {}).get("timeline") or ())):
        data = event.get("data") or {}
        if event.get("kind") != OpKind.letter_issued.value:
            continue
        if (data.get("letter_id") == letter_id) if letter_id else (
                number is not None and str(data.get("agenda_number")) == str(number)):
            return str(data["chain_entry"]) if data.get("chain_entry") else None
    return None


def letter_entry(kind: OpKind, payload: Mapping[str, Any],
                 snapshot: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The chain entry (a disposition, not a tembusan) a letter op is for, if any."""
    level = letter_level(kind, payload, snapshot)
    entry = find(snapshot or {}, level) if level else None
    return entry if entry is not None and not entry.get("tembusan") else None


def letter_by_position(kind: OpKind, payload: Mapping[str, Any],
                       snapshot: Mapping[str, Any] | None) -> bool:
    """Whether a letter op is made through the position its chain disposition was sent to
    (``acting_for`` as ``resolve`` set it): then the role does not matter, as in the chain.
    Never for the complaint's own letter, nor for another level's."""
    if kind not in LETTER_KINDS:
        return False
    entry = letter_entry(kind, payload, snapshot)
    acting = payload.get("acting_for")
    return entry is not None and bool(acting) and acting == entry.get("to_position")


# --- apply_op handlers --------------------------------------------------------------------

def _iso(moment: datetime) -> str:
    return moment.astimezone(clock().zone).isoformat(timespec="seconds")


def _entry_id(raw: Any, taken: set[str], errors: dict[str, str]) -> str | None:
    try:
        value = str(uuid.UUID(str(raw)))
    except ValueError:
        errors["recipients"] = "Setiap penerima disposisi perlu id (UUID)."
        return None
    if value in taken:
        errors["recipients"] = "Id disposisi sudah dipakai."
        return None
    taken.add(value)
    return value


def _text(value: Any, field: str, label: str, errors: dict[str, str], *,
          required: bool) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors[field] = f"{label} wajib diisi."
        return None
    if not isinstance(value, str) or len(value.strip()) > TEXT_MAX:
        errors[field] = f"{label} berupa teks, maksimal {TEXT_MAX} karakter."
        return None
    return value.strip()


def _instructions(raw: Any, errors: dict[str, str]) -> list[str]:
    if not isinstance(raw, list | tuple) or any(
            not isinstance(i, str) or len(i.strip()) > 300 for i in raw):
        errors["instructions"] = "Instruksi disposisi berupa daftar teks, maksimal 300 karakter."
        return []
    return [i.strip() for i in raw if i.strip()]


def _recipient_active(entry: Mapping[str, Any], actor: str, acting_for: Any) -> bool:
    return actor in (entry.get("to_users") or ()) or (
        bool(acting_for) and acting_for == entry.get("to_position"))


def _mark_read(entry: dict[str, Any], actor: str, now: datetime) -> None:
    if entry.get("read_at") is None:
        entry["read_at"], entry["read_by"] = _iso(now), actor
    if entry.get("state") == SENT:
        entry["state"] = READ


def dispose(snap: dict[str, Any], payload: Mapping[str, Any], actor: str, actor_name: str,
            now: datetime, today: date, cal: Any, errors: dict[str, str]
            ) -> tuple[None, dict[str, Any]]:
    chain = [copy.deepcopy(e) for e in entries(snap)]
    sender = str(payload.get("from_position") or "")
    if not sender:
        errors["from_position"] = "Jabatan pengirim wajib diisi."
    parent_id = payload.get("parent_id")
    parent = None
    if parent_id:
        parent = next((e for e in chain if e.get("id") == parent_id), None)
        if parent is None or parent.get("tembusan"):
            errors["parent_id"] = "Disposisi asal tidak ditemukan."
        elif parent.get("to_position") != sender:
            errors["parent_id"] = "Disposisi asal tidak ditujukan ke jabatan pengirim."
        elif parent.get("state") not in ACTIVE_STATES:
            raise DomainError("conflict", "Disposisi yang Anda terima sudah "
                              f"{STATE_LABELS.get(str(parent.get('state')), '').lower()}; "
                              "tidak dapat didisposisikan lebih lanjut.")
    days = payload.get("deadline_days")
    due: date | None = date.fromisoformat(parent["due_date"]) if parent and parent.get(
        "due_date") else None
    if days is not None:
        if isinstance(days, bool) or not isinstance(days, int) or not \
                1 <= days <= MAX_DEADLINE_DAYS:
            errors["deadline_days"] = f"Batas waktu 1 sampai {MAX_DEADLINE_DAYS} hari kerja."
        else:
            mine = cal.add_working_days(today, days)
            if due is not None and mine > due:
                errors["deadline_days"] = ("Batas waktu tidak boleh melewati batas waktu "
                                           f"disposisi di atasnya ({due.isoformat()}).")
            due = mine
    instructions = _instructions(payload.get("instructions") or [], errors)
    catatan = _text(payload.get("catatan"), "catatan", "Catatan disposisi", errors,
                    required=False)
    taken = {str(e.get("id")) for e in chain}
    made: list[dict[str, Any]] = []
    recipients = payload.get("recipients") or []
    if not recipients:
        errors["recipients"] = "Pilih minimal satu penerima disposisi."
    for key, copy_only in (("recipients", False), ("tembusan", True)):
        for r in payload.get(key) or []:
            if not isinstance(r, Mapping) or not r.get("position") or not r.get("users"):
                errors[key] = "Penerima disposisi tidak valid."
                continue
            entry_id = _entry_id(r.get("id"), taken, errors)
            made.append({
                "id": entry_id, "parent_id": parent_id or None, "from_position": sender,
                "from_title": payload.get("from_title") or sender, "by": actor,
                "by_name": actor_name, "to_position": r["position"],
                "to_title": r.get("title") or r["position"],
                "to_users": [str(u) for u in r["users"]], "tembusan": copy_only,
                "instructions": instructions, "catatan": catatan,
                "due_date": due.isoformat() if due else None, "sent_at": _iso(now),
                "state": SENT, "read_at": None, "read_by": None, "withdrawn_at": None,
                "report": None})
    if errors:
        return None, {}
    if parent is not None:
        _mark_read(parent, actor, now)
    snap["chain"] = chain + made
    return None, {"from_position": sender, "parent_id": parent_id or None,
                  "entry_ids": [e["id"] for e in made],
                  "to": [e["to_title"] for e in made if not e["tembusan"]],
                  "tembusan": [e["to_title"] for e in made if e["tembusan"]],
                  "instructions": instructions, "due_date": due.isoformat() if due else None}


def _target(snap: dict[str, Any], payload: Mapping[str, Any]
            ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    chain = [copy.deepcopy(e) for e in entries(snap)]
    entry = next((e for e in chain if e.get("id") == payload.get("entry_id")), None)
    if entry is None:
        raise ValidationError({"entry_id": "Disposisi tidak ditemukan."})
    return chain, entry


def read(snap: dict[str, Any], payload: Mapping[str, Any], actor: str,
         now: datetime) -> tuple[None, dict[str, Any]]:
    chain, entry = _target(snap, payload)
    if not _recipient_active(entry, actor, payload.get("acting_for")):
        raise DomainError("forbidden", "Disposisi ini tidak ditujukan kepada Anda.")
    if entry["state"] == WITHDRAWN:
        raise DomainError("conflict", "Disposisi ini telah ditarik oleh pengirimnya "
                                      "sebelum Anda membacanya.")
    first = entry.get("read_at") is None
    _mark_read(entry, actor, now)
    snap["chain"] = chain
    return None, {"entry_id": entry["id"], "first_read": first}


def withdraw(snap: dict[str, Any], payload: Mapping[str, Any], actor: str,
             now: datetime) -> tuple[None, dict[str, Any]]:
    chain, entry = _target(snap, payload)
    acting = payload.get("acting_for")
    if actor != entry.get("by") and not (acting and acting == entry.get("from_position")):
        raise DomainError("forbidden", "Hanya pengirim disposisi yang dapat menariknya.")
    if entry.get("read_at") is not None:
        raise DomainError("conflict", f"Disposisi sudah dibaca oleh {entry.get('read_by')} "
                                      f"pada {entry['read_at']}; tidak dapat ditarik lagi.")
    if entry["state"] != SENT:
        raise DomainError("conflict", "Disposisi ini sudah "
                          f"{STATE_LABELS.get(entry['state'], '').lower()}.")
    entry["state"], entry["withdrawn_at"] = WITHDRAWN, _iso(now)
    snap["chain"] = chain
    return None, {"entry_id": entry["id"]}


def report(snap: dict[str, Any], payload: Mapping[str, Any], actor: str, actor_name: str,
           now: datetime, errors: dict[str, str]) -> tuple[str | None, dict[str, Any]]:
    chain, entry = _target(snap, payload)
    if not _recipient_active(entry, actor, payload.get("acting_for")) or entry.get("tembusan"):
        raise DomainError("forbidden", "Hanya penerima disposisi yang dapat melaporkannya.")
    if entry["state"] not in ACTIVE_STATES:
        raise DomainError("conflict", "Disposisi ini sudah "
                          f"{STATE_LABELS.get(entry['state'], '').lower()}.")
    text = _text(payload.get("text"), "text", "Laporan tindak lanjut", errors, required=True)
    if errors:
        return None, {}
    _mark_read(entry, actor, now)
    entry["state"] = REPORTED
    entry["report"] = {"text": text, "at": _iso(now), "by": actor, "by_name": actor_name}
    snap["chain"] = chain
    return text, {"entry_id": entry["id"], "to_position": entry.get("from_position")}


def close_chain(snap: dict[str, Any], now: datetime) -> None:
    """The follow-up to the reporter closes what is still open in the chain."""
    if not any(e.get("state") in ACTIVE_STATES for e in entries(snap)):
        return
    snap["chain"] = [{**e, "state": CLOSED, "closed_at": _iso(now)}
                     if e.get("state") in ACTIVE_STATES else e for e in entries(snap)]


def late_entries(snapshot: Mapping[str, Any], today: date) -> list[dict[str, Any]]:
    """Open dispositions whose deadline has passed: where in the chain the complaint is late."""
    return [e for e in entries(snapshot) if e.get("state") in ACTIVE_STATES
            and not e.get("tembusan") and e.get("due_date")
            and date.fromisoformat(e["due_date"]) < today]


def target_status(from_status: Status) -> Status | None:
    """A chain disposition of a complaint awaiting disposition starts the follow-up."""
    return Status.didisposisikan if from_status is Status.belum_diverifikasi else None


def tree(snapshot: Mapping[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """The chain as (depth, entry) rows in tree order, for the detail pane."""
    chain = entries(snapshot)
    children: dict[Any, list[dict[str, Any]]] = {}
    for e in chain:
        children.setdefault(e.get("parent_id"), []).append(e)
    out: list[tuple[int, dict[str, Any]]] = []

    def walk(parent: Any, depth: int) -> None:
        for e in children.get(parent, []):
            out.append((depth, e))
            walk(e.get("id"), depth + 1)

    walk(None, 0)
    known = {id(e) for _, e in out}
    out += [(0, e) for e in chain if id(e) not in known]  # parent lost: still shown
    return out


def above(snapshot: Mapping[str, Any], entry_id: str) -> list[dict[str, Any]]:
    """The dispositions above ``entry_id`` (top first) and the entry itself: what a Lembar
    Disposisi for that level shows."""
    by_id = {e.get("id"): e for e in entries(snapshot)}
    path: list[dict[str, Any]] = []
    current = by_id.get(entry_id)
    while current is not None and current not in path:
        path.append(current)
        current = by_id.get(current.get("parent_id"))
    return list(reversed(path))
