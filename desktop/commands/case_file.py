"""``lapor-desk case-file COMPLAINT --out FILE.pdf [--recipient ombudsman|inspektorat|
instansi] [--to NAME] [--unsigned]``: the berkas perkara of one complaint, offline.

Everything comes from this desk's store: the complaint (reporter as the recipient may see
it, ``desktop.letters.case_file.recipient_identity``), its timeline, dispositions and
follow-ups, every letter in the archive, every attachment in the local cache (a file this
desk does not hold is listed as missing, never fetched). Kop and signer from Pengaturan ›
Kop surat; signed electronically where the desk has a certificate (``lapor-desk signing``).
``build_case_file`` is the same for the desk's window.

Exit codes: 0 ok · 1 error (unknown complaint, unwritable file, refused certificate) ·
4 not signed in.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from argparse import Namespace
from dataclasses import dataclass
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_ERROR, EXIT_LOGIN_REQUIRED = 0, 1, 4


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
    from desktop.domain.clock import clock
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


def run(args: Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from desktop.atomic_file import replace_atomically
    from desktop.commands.letters import out_problem
    from desktop.commands.signing import desk_sealer
    from desktop.letters.pades import SigningRefused
    from desktop.paths import data_dir
    from desktop.printing import LetterError
    from desktop.store import DeskService, StoreError

    out = Path(args.out)
    problem = out_problem(out, "berkas-perkara.pdf")
    if problem:
        print(f"lapor-desk: {problem}", file=sys.stderr)
        return EXIT_ERROR
    try:
        service = DeskService(data_dir(getattr(args, "data_dir", None)))
    except StoreError as exc:
        print(f"lapor-desk: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    try:
        sealer = desk_sealer(service, Path(service.data_dir), unsigned=bool(args.unsigned))
        built = build_case_file(service, args.complaint, recipient=args.recipient, to=args.to,
                                sealer=sealer)
        replace_atomically(out, lambda tmp: tmp.write_bytes(built.pdf))
    except SigningRefused as exc:
        print(f"lapor-desk: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except LetterError as exc:
        print(f"lapor-desk: {exc.message}", file=sys.stderr)
        return EXIT_LOGIN_REQUIRED if exc.code == "not_signed_in" else EXIT_ERROR
    except OSError as exc:
        print(f"lapor-desk: berkas {out} tidak dapat ditulis: {exc.strerror or exc}.",
              file=sys.stderr)
        return EXIT_ERROR
    finally:
        service.close()
    print(f"Berkas perkara pengaduan {built.number} -> {out} ({len(built.manifest)} dokumen, "
          f"{len(built.pdf) // 1024} KB)")
    for row in built.manifest:
        print(f"  {row['sha256']}  {row['filename']}")
    for name in built.missing:
        print(f"  Lampiran {name} tidak ada di desk ini (sinkronkan untuk melampirkannya).")
    if built.signed_by:
        print(f"Ditandatangani secara elektronik oleh {built.signed_by}.")
    return EXIT_OK
