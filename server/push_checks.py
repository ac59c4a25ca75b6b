"""What only the server can check about an operation (the domain checks the rest).

Files it holds, agenda numbers, server-owned fields, and that the agency, units and
category a snapshot names exist. Reference rows are never deleted, so what was once found
is remembered for the life of the process.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop.domain import OpKind, ValidationError
from server import attachments, letters
from server.auth import Principal
from server.models import Agency, Attachment, Category, Unit

_KNOWN: set[tuple[str, ...]] = set()


def prepare(session: Session, principal: Principal, kind: OpKind, cid: str,
            payload: dict[str, Any], now: datetime) -> tuple[dict[str, Any], Any]:
    """The payload to hand to apply_op, and the (year, number) of a letter to record."""
    letter = None
    if kind is OpKind.create:
        payload.pop("tracking_number", None)  # the server numbers complaints
        if payload.get("id") not in (None, cid):
            raise ValidationError({"id": "Id pengaduan di payload berbeda dengan complaint_id."})
        payload["id"] = cid
    elif kind is OpKind.attach:
        sha = str(payload.get("sha256") or "").strip().lower()
        blob = session.get(Attachment, sha) if attachments.SHA_RE.match(sha) else None
        if blob is None:
            raise ValidationError({"sha256": "Berkas lampiran belum diunggah ke server."})
        if not attachments.may_read(session, principal, sha):
            raise ValidationError({"sha256": "Berkas lampiran ini bukan unggahan Anda."})
        payload["size"], payload["mime"] = blob.size, blob.mime  # the server knows the file
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
