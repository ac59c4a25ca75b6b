"""The berkas perkara of one complaint, offline (``lapor-desk case-file`` and the desk's
"Berkas perkara…" action).

Everything comes from this desk's store: the complaint (reporter as the recipient may see
it, ``desktop.letters.case_file.recipient_identity``), its timeline, dispositions and
follow-ups, every letter in the archive, every attachment in the local cache (a file this
desk does not hold is listed as missing, never fetched). Kop and signer from Pengaturan ›
Kop surat; signed electronically where the desk has a certificate (``lapor-desk signing``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class BuiltCaseFile:
    pdf: bytes
    number: str
    manifest: list[dict]
    signed_by: str
    missing: list[str]


def _file_bytes(service: Any, sha256: str) -> bytes | None:
    """The cached attachment's plain bytes when they match their hash, else None."""
    from desktop.sync.attachments import cached

    path = cached(service, sha256)
    if path is None:
        return None
    try:
        data = service.files.read_file(path)
    except Exception:  # noqa: BLE001 - unreadable or altered sealed file: treated as missing
        return None
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def build_case_file(service: Any, complaint: str, *, recipient: str = "ombudsman",
                    to: str | None = None, sealer: Any = None) -> BuiltCaseFile:
    """The case file of ``complaint`` (tracking/provisional number or id) as PDF bytes."""
    from core.clock import clock
    from desktop.letters.case_file import (
        RECIPIENTS,
        CaseFile,
        CaseItem,
        LetterEntry,
        recipient_identity,
        render_case_file,
    )
    from desktop.printing import (
        LetterError,
        current_actor,
        find_complaint,
        letters_for,
        read_archived,
    )
    from desktop.printing import settings as letter_settings

    snapshot = find_complaint(service, complaint)
    current_actor(service)  # an official document: an officer is signed in on this desk
    settings = letter_settings.load(service)
    entry = settings.signer()
    signer = entry.signer() if entry is not None and entry.name.strip() else None
    letters = []
    letter_shas = set()
    for record in letters_for(service, snapshot["id"]):
        item = None
        try:
            data = read_archived(service, record)
            item = CaseItem("letter", f"Lembar Disposisi No. Agenda {record.agenda_number}",
                            record.filename or "lembar-disposisi.pdf", "application/pdf", data)
            letter_shas.add(record.sha256)
        except LetterError:
            pass
        letters.append(LetterEntry(record.agenda_number, record.issued_at, record.voided,
                                   record.void_reason or "", record.sha256 or "", item))
    # Copies of letters on other papers are attach events too: the letters section has them.
    copies = {(e.get("data") or {}).get("sha256") for e in snapshot.get("timeline") or ()
              if e.get("kind") == "attach" and "lembar disposisi" in str(
                  (e.get("data") or {}).get("note") or e.get("note") or "").lower()}
    attachments, missing = [], []
    for att in snapshot.get("attachments") or ():
        sha = str(att.get("sha256") or "")
        if sha in letter_shas or sha in copies:
            continue
        data = _file_bytes(service, sha)
        name = str(att.get("filename") or sha[:12])
        if data is None:
            missing.append(name)
            continue
        attachments.append(CaseItem("attachment", f"Lampiran: {name}", name,
                                    str(att.get("mime") or "application/octet-stream"), data))
    case = CaseFile(
        profile=settings.profile(service.data_dir), signer=signer,
        snapshot=recipient_identity(snapshot, recipient),
        recipient=(to or RECIPIENTS.get(recipient, RECIPIENTS["instansi"])),
        made=clock().now().replace(microsecond=0),
        place=str(getattr(sealer, "location", "") or ""),
        desk_id=str(service.get_setting("desk_id") or ""),
        unit_names={u.get("code"): u.get("name") for u in service.units()},
        category_names={str(c.get("id")): c.get("name") for c in service.categories()},
        letters=letters, attachments=attachments, missing_attachments=missing,
        signed=sealer is not None)
    pdf, boxes, manifest = render_case_file(case)
    if sealer is not None:
        pdf = sealer.seal(pdf, boxes[-1] if boxes else None)
    return BuiltCaseFile(pdf, case.number, manifest, sealer.signer_name if sealer else "",
                         missing)
