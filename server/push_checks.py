"""What only the server can check about an operation (the domain checks the rest).

Files it holds, agenda numbers, server-owned fields, and that the agency, units and
category a snapshot names exist. Reference rows are never deleted, so what was once found
is remembered for the life of the process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from core import OpKind, ValidationError
from server import attachments, letters
from server.auth import Principal
from server.models import Agency, Attachment, AttachmentUploader, Category, Unit

_KNOWN: set[tuple[str, ...]] = set()

# Kinds whose checks write other tables (agenda counters, letters): a push runs each in a
# SAVEPOINT so that a rejection undoes those writes. Other kinds only read before they are
# accepted, so they need none.
WRITING_KINDS = frozenset({OpKind.letter_issued, OpKind.letter_voided})


def _sha(payload: dict[str, Any]) -> str:
    return str(payload.get("sha256") or "").strip().lower()


@dataclass
class Files:
    """The stored files a push chunk's attach ops name, looked up in two queries.

    ``before_read`` runs before any look-up that reads complaints or their attachment
    references (the caller's queued writes must be in the database by then).
    """

    principal: Principal
    before_read: Callable[[], None] = lambda: None
    blobs: dict[str, tuple[int, str] | None] = field(default_factory=dict)  # sha -> size, mime
    mine: set[str] = field(default_factory=set)  # uploaded by the caller

    def load(self, session: Session, payloads: Iterable[dict[str, Any]]) -> None:
        shas = sorted({sha for sha in map(_sha, payloads) if attachments.SHA_RE.match(sha)}
                      - set(self.blobs))
        if not shas:
            return
        self.blobs.update((sha, None) for sha in shas)
        for sha, size, mime in session.execute(sa.select(
                Attachment.sha256, Attachment.size, Attachment.mime)
                .where(Attachment.sha256.in_(shas))):
            self.blobs[sha] = (size, mime)
        self.mine.update(session.execute(sa.select(AttachmentUploader.sha256).where(
            AttachmentUploader.sha256.in_(shas),
            AttachmentUploader.user_id == self.principal.user_id)).scalars())

    def blob(self, session: Session, sha: str) -> tuple[int, str] | None:
        if self.blobs.get(sha) is None:  # not loaded, or missing then: look (again)
            found = session.get(Attachment, sha)
            self.blobs[sha] = (found.size, found.mime) if found is not None else None
        return self.blobs[sha]

    def may_read(self, session: Session, sha: str) -> bool:
        if sha in self.mine:
            return True
        self.before_read()
        return attachments.may_read(session, self.principal, sha)


def prepare(session: Session, principal: Principal, kind: OpKind, cid: str,
            payload: dict[str, Any], now: datetime,
            files: Files | None = None) -> tuple[dict[str, Any], Any]:
    """The payload to hand to apply_op, and the (year, number) of a letter to record."""
    letter = None
    if kind is OpKind.create:
        payload.pop("tracking_number", None)  # the server numbers complaints
        if payload.get("id") not in (None, cid):
            raise ValidationError({"id": "Id pengaduan di payload berbeda dengan complaint_id."})
        payload["id"] = cid
    elif kind is OpKind.attach:
        files = files or Files(principal)
        sha = _sha(payload)
        blob = files.blob(session, sha) if attachments.SHA_RE.match(sha) else None
        if blob is None:
            raise ValidationError({"sha256": "Berkas lampiran belum diunggah ke server."})
        if not files.may_read(session, sha):
            raise ValidationError({"sha256": "Berkas lampiran ini bukan unggahan Anda."})
        payload["size"], payload["mime"] = blob  # the server knows the file
    elif kind is OpKind.letter_issued:
        payload, year, number = letters.prepare_issue(session, principal, payload, now)
        letter = (year, number)
    return payload, letter


def _exists(session: Session, key: tuple[str, ...]) -> bool:
    if key in _KNOWN:
        return True
    if key[0] == "agency":
        found = session.get(Agency, key[1]) is not None
    elif key[0] == "category":
        found = session.get(Category, key[1]) is not None
    else:
        found = session.execute(sa.select(Unit.id).where(
            Unit.agency_code == key[1], Unit.code == key[2])).first() is not None
    if found:
        _KNOWN.add(key)
    return found


def reference_errors(session: Session, snapshot: dict[str, Any],
                     current: dict[str, Any] | None) -> dict[str, str]:
    """Field errors for unknown agency, units or category newly named by ``snapshot``."""
    errors: dict[str, str] = {}
    old = current or {}
    agency = snapshot.get("agency_code") or ""
    if agency != old.get("agency_code") and not _exists(session, ("agency", agency)):
        errors["agency_code"] = f"Instansi {agency} tidak dikenal."
    units = list(snapshot.get("unit_codes") or ())
    if units != list(old.get("unit_codes") or ()) or agency != old.get("agency_code"):
        missing = [u for u in units if not _exists(session, ("unit", agency, u))]
        if missing:
            errors["unit_codes"] = f"Unit tidak dikenal di {agency}: {', '.join(missing)}."
    category = snapshot.get("category_id")
    if category and category != old.get("category_id") and \
            not _exists(session, ("category", category)):
        errors["category_id"] = f"Kategori {category} tidak dikenal."
    return errors
