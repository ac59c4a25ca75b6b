"""Issue, void and reprint disposition letters; the local letter archive.

Issuing is ONE local transaction (the store's writer lock, ``BEGIN IMMEDIATE``):
take the next agenda number from this desk's reserved blocks, render the sheet, write
the PDF to ``<data dir>/letters/<sha256>.pdf`` (sealed with the desk key,
``desktop/store/sealed.py``; the name is the hash of the plain bytes), record the letter
row, and queue two outbox ops on the complaint: ``letter_issued`` (agenda number, letter
id, sha256) and an ``attach`` of the PDF (so the sync engine uploads the exact bytes by
their SHA-256 and every desk that may see the complaint can fetch them). A crash at any
line leaves either all of it or none of it; at worst an orphan PDF file, which the next
issue of the same bytes reuses. The number is used up only when the transaction commits.

A complaint has ONE letter (one agenda number) per level of its disposition chain until
that letter is voided: the sheet of the Kepala Dinas (the complaint's own disposition) and
the sheet a Kabid prints for the chain disposition he received (``chain_entry``, carried
by ``letter_issued``) are separate letters; issuing again at a level, on any paper, reuses
that level's letter. Another paper renders the same letter (same agenda number, same
QR) once, archived like the original and queued as an ``attach`` op whose id derives from
the letter id and the paper (``copy_op_id``), so every desk finds that copy too.

Reprinting never renders again: it returns the archived bytes after checking their
SHA-256, so a reprint is byte-identical to the original. Voiding keeps the number (it is
never given again) and records the reason, locally and through a ``letter_voided`` op.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import WITA, Actor, OpKind, Role, local_date
from core.clock import clock
from core.workflow import can
from desktop.letters import SHEET_PAPERS, get_paper
from desktop.printing import agenda as ag
from desktop.printing import holder, qr_key
from desktop.printing import settings as letter_settings
from desktop.printing.errors import LetterError
from desktop.printing.sheet import DRAFT_AGENDA, build_sheet, received_entry
from desktop.store import rows as rw
from desktop.store.errors import StoreError
from desktop.store.snapshots import loads

if TYPE_CHECKING:
    from desktop.store import DeskService

log = logging.getLogger(__name__)

LETTERS_DIR = "letters"
SERVER_URL_KEY = "server_url"  # sync state, as desktop.sync.account keeps it
LETTER_KIND = "disposisi"
PDF_MIME = "application/pdf"
# Op ids derive from the letter id, so a retried issue queues the very same ops and any
# desk can find the PDF of a letter it learned about through sync (the attach event id).
_NAMESPACE = uuid.UUID("3d6f0c52-8a0e-4a53-b1f2-6c8f0e9a7d41")


def issue_op_id(letter_id: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{letter_id}/issue"))


def file_op_id(letter_id: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{letter_id}/file"))


def copy_op_id(letter_id: str, paper: str) -> str:
    """The ``attach`` op (and timeline event) of the letter's archived copy on ``paper``."""
    return str(uuid.uuid5(_NAMESPACE, f"{letter_id}/copy/{paper}"))


@dataclass(frozen=True)
class LetterRecord:
    """One letter of a complaint. ``local``: issued on this desk (archived here);
    otherwise learned from the complaint's timeline after a sync."""

    letter_id: str
    complaint_id: str
    agenda_number: str
    agenda_seq: int | None
    agenda_year: int | None
    sha256: str | None
    size: int | None
    paper: str | None
    filename: str | None
    issued_at: str
    issued_by: str
    voided: bool = False
    voided_at: str | None = None
    voided_by: str | None = None
    void_reason: str | None = None
    local: bool = True
    qr_key_id: str | None = None
    sync_state: str | None = None  # outbox state of letter_issued: pending/sending/applied/...
    void_sync_state: str | None = None
    agency_code: str | None = None
    chain_entry: str | None = None  # the chain disposition the sheet is for; None: the top

    @property
    def active(self) -> bool:
        return not self.voided


@dataclass(frozen=True)
class IssueOptions:
    paper: str | None = None  # None: the settings' paper
    signer_id: str | None = None  # None: the default signer
    include_content: bool = False  # print the complaint text under Perihal
    letter_id: str | None = None  # a retry with the same id returns the letter already issued


def current_actor(service: DeskService) -> Actor:
    """The signed-in officer (``sync_state["actor"]``); LetterError when there is none."""
    data = service.get_sync_state("actor") or {}
    try:
        return Actor(username=data["username"], role=Role(data["role"]),
                     agency=data.get("agency"), units=tuple(data.get("units") or ()),
                     full_name=data.get("full_name") or data["username"])
    except (KeyError, TypeError, ValueError):
        raise LetterError("not_signed_in", "Belum ada petugas yang masuk di desk ini. Masuk "
                                           "ke server pusat dulu (lapor-desk login).") from None


def letters_dir(service: DeskService) -> Path:
    return Path(service.data_dir) / LETTERS_DIR


def archive_path(service: DeskService, sha256: str) -> Path:
    return letters_dir(service) / f"{sha256}.pdf"


def letter_filename(agenda_number: str, paper: str | None = None) -> str:
    """``Lembar-Disposisi-045-DISP-DINKES-XI-2026.pdf``; a copy on another paper ends in
    the paper (``...-2026-A4.pdf``)."""
    safe = "".join(ch if ch.isalnum() else "-" for ch in agenda_number).strip("-")
    while "--" in safe:
        safe = safe.replace("--", "-")
    suffix = f"-{paper.upper()}" if paper else ""
    return f"Lembar-Disposisi-{safe or 'tanpa-nomor'}{suffix}.pdf"


def _write_archive(service: DeskService, folder: Path, data: bytes) -> tuple[str, Path]:
    """Store ``data`` under its SHA-256, sealed with the desk key (``service.files``; temp
    file + fsync + rename: never a wrong file)."""
    sha = hashlib.sha256(data).hexdigest()
    target = folder / f"{sha}.pdf"
    if target.is_file() and target.stat().st_size == service.files.sealed_size(len(data)):
        return sha, target
    service.files.write_file(target, data)
    return sha, target


def _desk_id(raw: Any) -> str:
    row = raw.execute("SELECT value FROM settings WHERE key = 'desk_id'").fetchone()
    if row is None:
        return ""
    value = loads(row[0])  # JSON text of the settings table
    return str(value or "")


def verify_base(service: DeskService) -> str:
    """The desk's server (``https://host[:port]``, stored at sign-in): the sheet's QR opens
    its verification page. "" for a desk that never signed in (offline demo)."""
    return str(service.get_sync_state(SERVER_URL_KEY) or "")


def _check_ready(settings: letter_settings.LetterSettings, actor: Actor,
                 signer_id: str | None = None) -> None:
    errors = settings.errors()
    if errors:
        raise LetterError("profile_missing", "Pengaturan kop surat belum lengkap: "
                          f"{next(iter(errors.values()))} Lengkapi di Pengaturan \u203a "
                          "Kop Surat.")
    problems = settings.issue_problems(signer_id)
    if problems:
        raise LetterError("profile_missing", "Kop surat belum lengkap, surat tidak "
                          f"diterbitkan. Yang belum diisi: {'; '.join(problems)}. Lengkapi di "
                          "Pengaturan \u203a Kop Surat.")
    if actor.role is not Role.admin_pusat and settings.agency_code != actor.agency:
        raise LetterError(
            "profile_mismatch",
            f"Kop surat di desk ini untuk instansi {settings.agency_code}, sedangkan Anda "
            f"masuk sebagai petugas {actor.agency}. Periksa Pengaturan \u203a Kop surat.")


def issue_letter(service: DeskService, complaint_id: str, actor: Actor | None = None, *,
                 options: IssueOptions | None = None, now: datetime | None = None,
                 settings: letter_settings.LetterSettings | None = None) -> LetterRecord:
    """Issue a disposition letter for one complaint (see the module docstring).

    The sheet is for the officer's level (``level_for``). A level whose letter is not
    voided keeps that letter: it is returned on the requested paper (``letter_on_paper``)
    and no number is taken; a new number needs the old letter voided first. Letters of
    other levels do not count.

    Raises LetterError (no agenda number left, settings incomplete, ...) or the domain's
    errors (e.g. the officer's role may not issue letters); nothing is written then.
    """
    options = options or IssueOptions()
    actor = actor or current_actor(service)
    level = level_for(service, complaint_id, actor.username)
    if not holder.may(service, OpKind.letter_issued, {"chain_entry": level} if level else {},
                      service.complaint(complaint_id), actor):
        raise LetterError("forbidden", "Peran Anda tidak menerbitkan lembar disposisi; "
                                       "minta pimpinan atau admin instansi.")
    settings = settings or letter_settings.load(service)
    _check_ready(settings, actor, options.signer_id)
    paper = get_paper(options.paper or settings.paper, SHEET_PAPERS).key
    now = (now or clock().now()).astimezone(clock().zone).replace(microsecond=0)
    agency = settings.agency_code
    year = local_date(now).year
    key = qr_key.ensure(Path(service.data_dir), agency)
    letter_id = options.letter_id or str(uuid.uuid4())
    units = service.units()
    server_url = verify_base(service)
    chart = holder.chart_of(service, service.complaint(complaint_id), actor.agency)
    held = chart.positions_of(actor.username, service.today())
    if options.letter_id is None or letter(service, options.letter_id) is None:
        current = active_letter(service, complaint_id, level=level)
        if current is not None:  # one letter, one number: another paper is the same letter
            return letter_on_paper(service, current, paper, actor, options=options, now=now,
                                   settings=settings)

    from desktop.letters import render_disposition

    with service.transaction() as conn:
        raw = rw.raw(conn)
        existing = _row(raw, letter_id)
        if existing is not None:
            return existing
        snapshot = rw.load_snapshot(conn, complaint_id)
        if snapshot is None:
            raise LetterError("not_found", "Pengaduan tidak ditemukan di desk ini.")
        level = received_entry(snapshot, actor.username, held)
        if _active_in(raw, snapshot, level):  # issued meanwhile (another window): no second
            raise LetterError("already_issued", "Pengaduan ini baru saja mendapat lembar "
                                                "disposisi; muat ulang lalu cetak lagi.")
        seq = ag.take_number(raw, agency, year)
        if seq is None:
            raise LetterError(
                "no_agenda_numbers",
                f"Nomor agenda {agency} tahun {year} di desk ini sudah habis. Nomor agenda "
                "dipesan dari server pusat saat sinkronisasi; sambungkan desk ke jaringan "
                "lalu sinkronkan, kemudian terbitkan lagi. Tidak ada surat yang diterbitkan.")
        number = settings.agenda.format(seq, agency, local_date(now))
        sheet = build_sheet(snapshot, settings, data_dir=Path(service.data_dir), units=units,
                            agenda_number=number, signer_id=options.signer_id,
                            qr_key=key.key, printed_at=now, desk_id=_desk_id(raw),
                            calendar=service.calendar, verify_base=server_url,
                            include_content=options.include_content, reader=actor.username,
                            level=level)
        pdf = render_disposition(sheet, paper)
        sha, path = _write_archive(service, letters_dir(service), pdf)
        filename = letter_filename(number)
        note = f"Lembar disposisi No. Agenda {number}"
        issued: dict[str, Any] = {
            "letter_id": letter_id, "letter_kind": LETTER_KIND, "agenda_number": seq,
            "agenda_year": year, "agenda_text": number, "sha256": sha, "size": len(pdf),
            "paper": paper, "note": note}
        if level:
            issued["chain_entry"] = level
        # A Kabid acts through the position his disposition was sent to (his role may
        # issue no letters): core checks ``acting_for``, the server resolves it again.
        issued = holder.resolved(service, OpKind.letter_issued, issued, snapshot, actor, chart)
        service.apply_local_op(complaint_id, OpKind.letter_issued, issued, actor,
                               op_id=issue_op_id(letter_id), now=now, conn=conn)
        service.apply_local_op(complaint_id, OpKind.attach, {
            "sha256": sha, "filename": filename, "mime": PDF_MIME, "size": len(pdf),
            "note": f"Arsip {note.lower()}",
        }, actor, op_id=file_op_id(letter_id), now=now, conn=conn)
        stamp = now.isoformat()
        raw.execute(
            "INSERT INTO attachment_files (sha256, path, size, stored_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(sha256) DO UPDATE SET path = excluded.path, size = excluded.size",
            (sha, str(path), len(pdf), stamp))
        raw.execute(
            "INSERT INTO letters (id, complaint_id, kind, agency_code, agenda_year, agenda_seq,"
            " agenda_number, sha256, size, paper, filename, qr_key_id, issued_at, issued_by,"
            " op_id, file_op_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (letter_id, complaint_id, LETTER_KIND, agency, year, seq, number, sha, len(pdf),
             paper, filename, key.key_id, stamp, actor.username, issue_op_id(letter_id),
             file_op_id(letter_id)))
        record = _row(raw, letter_id)
    assert record is not None
    log.info("letter %s issued: agenda %s, sha256 %s", letter_id, number, sha[:12])
    return record


def preview_letter(service: DeskService, complaint_id: str, *,
                   options: IssueOptions | None = None, now: datetime | None = None,
                   settings: letter_settings.LetterSettings | None = None) -> bytes:
    """A draft of the sheet (no number, nothing written): what "Terbitkan" would print,
    marked "KONSEP — TIDAK SAH" on every page and without a QR (no signed payload)."""
    from desktop.letters import render_disposition

    options = options or IssueOptions()
    settings = settings or letter_settings.load(service)
    snapshot = service.complaint(complaint_id)
    if snapshot is None:
        raise LetterError("not_found", "Pengaduan tidak ditemukan di desk ini.")
    paper = get_paper(options.paper or settings.paper, SHEET_PAPERS).key
    sheet = build_sheet(snapshot, settings, data_dir=Path(service.data_dir),
                        units=service.units(), agenda_number=DRAFT_AGENDA,
                        signer_id=options.signer_id, qr_key=b"", draft=True,
                        printed_at=(now or clock().now()).astimezone(clock().zone),
                        desk_id=str(service.get_setting("desk_id") or ""),
                        calendar=service.calendar, include_content=options.include_content,
                        reader=(service.get_sync_state("actor") or {}).get("username"))
    return render_disposition(sheet, paper)


def letter_on_paper(service: DeskService, record: LetterRecord, paper: str,
                    actor: Actor | None = None, *, options: IssueOptions | None = None,
                    now: datetime | None = None,
                    settings: letter_settings.LetterSettings | None = None) -> LetterRecord:
    """The letter as printed on ``paper``: the record itself on its own paper, else its
    archived copy on that paper (same letter, same agenda number), rendered and archived on
    first use (signer and "isi pengaduan" from ``options``). The returned record's
    ``paper``/``sha256``/``size``/``filename`` are the copy's; ``read_archived`` gives its
    bytes."""
    paper = get_paper(paper, SHEET_PAPERS).key
    if record.paper == paper:
        return record
    copy = _copy_of(service, record, paper)
    if copy is not None:
        return copy
    if record.voided:
        raise LetterError("already_voided", f"Surat No. Agenda {record.agenda_number} sudah "
                                            "dibatalkan; tidak dicetak pada kertas lain.")
    actor = actor or current_actor(service)
    if not can(actor.role, OpKind.attach):
        raise LetterError("forbidden", "Peran Anda tidak mencetak lembar disposisi.")
    settings = settings or letter_settings.load(service)
    _check_ready(settings, actor, options.signer_id if options else None)
    now = (now or clock().now()).astimezone(clock().zone).replace(microsecond=0)
    agency = record.agency_code or settings.agency_code
    key = qr_key.ensure(Path(service.data_dir), agency)
    units = service.units()
    server_url = verify_base(service)

    from desktop.letters import render_disposition

    with service.transaction() as conn:
        raw = rw.raw(conn)
        snapshot = rw.load_snapshot(conn, record.complaint_id)
        if snapshot is None:
            raise LetterError("not_found", "Pengaduan tidak ditemukan di desk ini.")
        made = _copy_event(snapshot, record.letter_id, paper)
        if made is not None:
            return _as_copy(record, paper, made)
        sheet = build_sheet(snapshot, settings, data_dir=Path(service.data_dir), units=units,
                            agenda_number=record.agenda_number,
                            signer_id=options.signer_id if options else None,
                            qr_key=key.key, printed_at=now, desk_id=_desk_id(raw),
                            calendar=service.calendar, verify_base=server_url,
                            include_content=bool(options and options.include_content),
                            reader=record.issued_by, level=record.chain_entry)
        pdf = render_disposition(sheet, paper)
        sha, path = _write_archive(service, letters_dir(service), pdf)
        filename = letter_filename(record.agenda_number, paper)
        label = get_paper(paper, SHEET_PAPERS).label
        service.apply_local_op(record.complaint_id, OpKind.attach, {
            "sha256": sha, "filename": filename, "mime": PDF_MIME, "size": len(pdf),
            "note": f"Arsip lembar disposisi No. Agenda {record.agenda_number} "
                    f"(kertas {label}, nomor yang sama)",
        }, actor, op_id=copy_op_id(record.letter_id, paper), now=now, conn=conn)
        raw.execute(
            "INSERT INTO attachment_files (sha256, path, size, stored_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(sha256) DO UPDATE SET path = excluded.path, size = excluded.size",
            (sha, str(path), len(pdf), now.isoformat()))
    log.info("letter %s: copy on %s, sha256 %s", record.letter_id, paper, sha[:12])
    return replace(record, paper=paper, sha256=sha, size=len(pdf), filename=filename)


def _copy_of(service: DeskService, record: LetterRecord, paper: str) -> LetterRecord | None:
    snapshot = service.complaint(record.complaint_id) or {}
    made = _copy_event(snapshot, record.letter_id, paper)
    return _as_copy(record, paper, made) if made is not None else None


def _copy_event(snapshot: Mapping[str, Any], letter_id: str, paper: str) -> dict | None:
    wanted = copy_op_id(letter_id, paper)
    return next((e for e in snapshot.get("timeline") or () if e.get("id") == wanted), None)


def _as_copy(record: LetterRecord, paper: str, event: Mapping[str, Any]) -> LetterRecord:
    data = event.get("data") or {}
    return replace(record, paper=paper, sha256=data.get("sha256"), size=data.get("size"),
                   filename=data.get("filename"))


def _active_in(raw: Any, snapshot: Mapping[str, Any], level: str | None) -> bool:
    """Whether the complaint has a letter for ``level`` that is not voided (this desk's or
    synced)."""
    rows = raw.execute("SELECT id, op_id FROM letters WHERE complaint_id = ? AND voided = 0",
                       (snapshot.get("id"),)).fetchall()
    if any(_voided_in_timeline(snapshot, row[0]) is None
           and _level_in(raw, str(snapshot.get("id")), row[1]) == level for row in rows):
        return True
    return any(r.active and r.chain_entry == level for r in _timeline_letters(snapshot))


def _level_in(raw: Any, complaint_id: str, op_id: str | None) -> str | None:
    """The ``chain_entry`` of this desk's letter, as its ``letter_issued`` event keeps it."""
    row = raw.execute("SELECT json_extract(data, '$.chain_entry') FROM timeline_events "
                      "WHERE complaint_id = ? AND id = ?", (complaint_id, op_id)).fetchone()
    return str(row[0]) if row and row[0] else None


def void_letter(service: DeskService, letter_id: str, reason: str, actor: Actor | None = None,
                *, now: datetime | None = None) -> LetterRecord:
    """Void a letter: its number stays used; the reason is recorded and synced
    (``letter_voided``). Works for letters issued on other desks too (known from sync)."""
    actor = actor or current_actor(service)
    reason = (reason or "").strip()
    if len(reason) < 5:
        raise LetterError("invalid", "Tuliskan alasan pembatalan surat (minimal 5 karakter).")
    if not may_void(service, letter_id, actor):
        raise LetterError("forbidden", "Peran Anda tidak dapat membatalkan surat.")
    now = (now or clock().now()).astimezone(clock().zone).replace(microsecond=0)
    chart = holder.chart_of(service, None, actor.agency)  # a non-leader's own agency
    with service.transaction() as conn:
        raw = rw.raw(conn)
        record = _row(raw, letter_id)
        complaint_id = record.complaint_id if record else _complaint_of_remote(raw, letter_id)
        snapshot = rw.load_snapshot(conn, complaint_id) if complaint_id else None
        if record is None:
            record = next((r for r in _timeline_letters(snapshot or {})
                           if r.letter_id == letter_id), None)
        if record is None or snapshot is None:
            raise LetterError("not_found", "Surat tidak ditemukan di desk ini.")
        if record.voided or _voided_in_timeline(snapshot, letter_id):
            raise LetterError("already_voided", f"Surat No. Agenda {record.agenda_number} "
                                                "sudah dibatalkan.")
        void_op = str(uuid.uuid4())
        payload: dict[str, Any] = {"letter_id": letter_id, "reason": reason}
        if record.agenda_seq is not None:
            payload["agenda_number"] = record.agenda_seq
        if record.agenda_year is not None:
            payload["agenda_year"] = record.agenda_year
        payload = holder.resolved(service, OpKind.letter_voided, payload, snapshot, actor,
                                  chart)  # a Kabid voids his own level's sheet (acting_for)
        service.apply_local_op(snapshot["id"], OpKind.letter_voided, payload, actor,
                               op_id=void_op, now=now, conn=conn)
        if record.local:
            raw.execute("UPDATE letters SET voided = 1, voided_at = ?, voided_by = ?, "
                        "void_reason = ?, void_op_id = ? WHERE id = ?",
                        (now.isoformat(), actor.username, reason, void_op, letter_id))
            return _row(raw, letter_id) or record
    return replace(record, voided=True, voided_at=now.isoformat(), voided_by=actor.username,
                   void_reason=reason, void_sync_state="pending")


def may_void(service: DeskService, letter_id: str, actor: Actor | None = None) -> bool:
    """A role that voids letters, or the holder of the position the letter's chain
    disposition was sent to (not the Kadis's letter, not another level's)."""
    actor = actor or current_actor(service)
    if can(actor.role, OpKind.letter_voided):
        return True
    with service.reading() as conn:
        raw = rw.raw(conn)
        record = _row(raw, letter_id)
        complaint_id = record.complaint_id if record else _complaint_of_remote(raw, letter_id)
        snapshot = rw.load_snapshot(conn, complaint_id) if complaint_id else None
    return snapshot is not None and holder.may(
        service, OpKind.letter_voided, {"letter_id": letter_id}, snapshot, actor)


def reprint_bytes(service: DeskService, letter_id: str) -> bytes:
    """The archived bytes of a letter, SHA-256 checked: byte-identical to the original."""
    record = letter(service, letter_id)
    if record is None:
        raise LetterError("not_found", "Surat tidak ditemukan di desk ini.")
    return read_archived(service, record)


def read_archived(service: DeskService, record: LetterRecord) -> bytes:
    if not record.sha256:
        raise LetterError("archive_missing", f"Berkas surat No. Agenda {record.agenda_number} "
                                             "belum diketahui di desk ini; sinkronkan dulu.")
    candidates = [archive_path(service, record.sha256)]
    with service.reading() as conn:
        row = rw.raw(conn).execute("SELECT path FROM attachment_files WHERE sha256 = ?",
                                   (record.sha256,)).fetchone()
    if row:
        candidates.append(Path(row[0]))
    candidates.append(Path(service.data_dir) / "attachments" / record.sha256[:2] / record.sha256)
    for path in candidates:
        try:
            data = service.files.read_file(path)  # the plain bytes of a sealed file
        except OSError:
            continue
        except StoreError:
            data = b""  # altered or unreadable sealed contents: corrupt, below
        if hashlib.sha256(data).hexdigest() == record.sha256:
            return data
        log.error("archived letter %s at %s does not match its sha256", record.letter_id, path)
        raise LetterError("archive_corrupt", f"Berkas arsip surat No. Agenda "
                          f"{record.agenda_number} rusak (sidik SHA-256 tidak cocok); "
                          "jangan dicetak. Hubungi admin.")
    raise LetterError("archive_missing", f"Berkas arsip surat No. Agenda {record.agenda_number}"
                                         " tidak ada di komputer ini; sinkronkan untuk "
                                         "mengunduhnya dari server pusat.")


def fetch_archived(service: DeskService, client: Any, record: LetterRecord) -> bytes:
    """The letter's bytes, downloaded from the server into the attachment cache when this
    desk does not hold them (a letter issued on another desk)."""
    try:
        return read_archived(service, record)
    except LetterError as exc:
        if exc.code != "archive_missing" or not record.sha256:
            raise
    from desktop.sync import attachments

    attachments.fetch(service, client, record.sha256)
    return read_archived(service, record)


# --- reading ------------------------------------------------------------------------------

_COLS = ("id, complaint_id, agenda_number, agenda_seq, agenda_year, sha256, size, paper, "
         "filename, issued_at, issued_by, voided, voided_at, voided_by, void_reason, "
         "qr_key_id, op_id, void_op_id, agency_code")


def _from_row(raw: Any, row: tuple) -> LetterRecord:
    (letter_id, complaint_id, number, seq, year, sha, size, paper, filename, issued_at,
     issued_by, voided, voided_at, voided_by, reason, key_id, op_id, void_op, agency) = row
    states = dict(raw.execute("SELECT op_id, state FROM outbox WHERE op_id IN (?, ?)",
                              (op_id, void_op or "")).fetchall())
    return LetterRecord(
        letter_id=letter_id, complaint_id=complaint_id, agenda_number=number, agenda_seq=seq,
        agenda_year=year, sha256=sha, size=size, paper=paper, filename=filename,
        issued_at=issued_at, issued_by=issued_by, voided=bool(voided), voided_at=voided_at,
        voided_by=voided_by, void_reason=reason, local=True, qr_key_id=key_id,
        sync_state=states.get(op_id, "applied"),
        void_sync_state=states.get(void_op, "applied") if void_op else None,
        agency_code=agency, chain_entry=_level_in(raw, complaint_id, op_id))


def _row(raw: Any, letter_id: str) -> LetterRecord | None:
    row = raw.execute(f"SELECT {_COLS} FROM letters WHERE id = ?", (letter_id,)).fetchone()
    return _from_row(raw, row) if row else None


def letter(service: DeskService, letter_id: str) -> LetterRecord | None:
    with service.reading() as conn:
        raw = rw.raw(conn)
        found = _row(raw, letter_id)
        if found is not None:
            return found
        complaint_id = _complaint_of_remote(raw, letter_id)
        snapshot = rw.load_snapshot(conn, complaint_id) if complaint_id else None
    return next((r for r in _timeline_letters(snapshot or {}) if r.letter_id == letter_id), None)


def letters_for(service: DeskService, complaint_id: str) -> list[LetterRecord]:
    """Every letter of a complaint, oldest first: this desk's archive merged with what the
    timeline says (letters of other desks, voids made elsewhere)."""
    with service.reading() as conn:
        raw = rw.raw(conn)
        rows = raw.execute(f"SELECT {_COLS} FROM letters WHERE complaint_id = ? "
                           "ORDER BY issued_at, agenda_seq", (complaint_id,)).fetchall()
        local = [_from_row(raw, row) for row in rows]
        snapshot = rw.load_snapshot(conn, complaint_id) or {}
    known = {r.letter_id for r in local}
    merged = []
    for record in local:
        if not record.voided:
            void = _voided_in_timeline(snapshot, record.letter_id)
            if void is not None:
                record = replace(record, voided=True, voided_at=void.get("at"),
                                 voided_by=void.get("actor"), void_reason=void.get("note"))
        merged.append(record)
    merged += [r for r in _timeline_letters(snapshot) if r.letter_id not in known]
    return sorted(merged, key=lambda r: (_moment(r.issued_at), r.agenda_seq or 0))


def active_letter(service: DeskService, complaint_id: str, paper: str | None = None, *,
                  level: str | None = None) -> LetterRecord | None:
    """The newest letter of the complaint for ``level`` (a chain disposition, None: the
    complaint's own, the Kepala Dinas's) that is not voided (issued on ``paper`` if given).
    There is at most one unless desks issued offline at the same time; on another paper it
    is the same letter (``letter_on_paper``)."""
    found = [r for r in letters_for(service, complaint_id)
             if r.active and r.chain_entry == level and (paper is None or r.paper == paper)]
    return found[-1] if found else None


def level_for(service: DeskService, complaint_id: str, reader: str | None = None
              ) -> str | None:
    """The level a sheet printed by ``reader`` (default: the signed-in officer) is for: the
    chain disposition they received last, None for the complaint's own disposition."""
    if reader is None:
        reader = (service.get_sync_state("actor") or {}).get("username")
    snapshot = service.complaint(complaint_id) or {}
    return received_entry(snapshot, reader, holder.held_positions(service, snapshot, reader))


def agenda_status(service: DeskService, agency: str, year: int) -> dict[str, int]:
    """Free agenda numbers and blocks held for (agency, year) on this desk."""
    with service.reading() as conn:
        held = ag.blocks(rw.raw(conn), agency, year)
    return {"free": sum(b.free for b in held), "blocks": len(held)}


def _complaint_of_remote(raw: Any, letter_id: str) -> str | None:
    """The complaint whose timeline mentions ``letter_id`` (json_extract over events)."""
    row = raw.execute(
        "SELECT complaint_id FROM timeline_events WHERE kind = 'letter_issued' "
        "AND json_extract(data, '$.letter_id') = ? LIMIT 1", (letter_id,)).fetchone()
    return row[0] if row else None


def _voided_in_timeline(snapshot: Mapping[str, Any], letter_id: str) -> dict | None:
    for event in snapshot.get("timeline") or ():
        if event.get("kind") == "letter_voided" and \
                (event.get("data") or {}).get("letter_id") == letter_id:
            return event
    return None


def _timeline_letters(snapshot: Mapping[str, Any]) -> list[LetterRecord]:
    """Letters the complaint's timeline records (issued on any desk)."""
    events = list(snapshot.get("timeline") or ())
    by_id = {e.get("id"): e for e in events}
    out: list[LetterRecord] = []
    for event in events:
        data = event.get("data") or {}
        if event.get("kind") != "letter_issued" or not data.get("letter_id"):
            continue
        letter_id = str(data["letter_id"])
        attach = by_id.get(file_op_id(letter_id)) or {}
        file_data = attach.get("data") or {}
        seq = _int(data.get("agenda_number"))
        year = _int(data.get("agenda_year"))
        note = str(event.get("note") or "")
        number = note.split("No. Agenda", 1)[1].strip() if "No. Agenda" in note else (
            str(data.get("agenda_number") or "-"))
        void = _voided_in_timeline(snapshot, letter_id)
        out.append(LetterRecord(
            letter_id=letter_id, complaint_id=str(snapshot.get("id")), agenda_number=number,
            agenda_seq=seq, agenda_year=year or _year(event.get("at")),
            sha256=file_data.get("sha256"), size=file_data.get("size"), paper=None,
            filename=file_data.get("filename"), issued_at=str(event.get("at") or ""),
            issued_by=str(event.get("actor") or ""), voided=void is not None,
            voided_at=void.get("at") if void else None,
            voided_by=void.get("actor") if void else None,
            void_reason=void.get("note") if void else None, local=False,
            agency_code=snapshot.get("agency_code"),
            chain_entry=str(data["chain_entry"]) if data.get("chain_entry") else None))
    return out


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _moment(value: Any) -> datetime:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return datetime.min.replace(tzinfo=WITA)
    return moment if moment.tzinfo else moment.replace(tzinfo=clock().zone)


def _year(value: Any) -> int | None:
    try:
        return datetime.fromisoformat(str(value)).year
    except ValueError:
        return None


__all__ = [
    "IssueOptions", "LetterError", "LetterRecord", "active_letter", "agenda_status",
    "archive_path", "copy_op_id", "current_actor", "fetch_archived", "file_op_id",
    "issue_letter", "issue_op_id", "letter", "letter_filename", "letter_on_paper",
    "letters_for", "level_for", "preview_letter",
    "read_archived", "reprint_bytes", "void_letter",
]
