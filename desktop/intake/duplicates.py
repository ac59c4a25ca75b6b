"""Before saving at the loket: open complaints that may be the same matter.

A hint, never a block. The matching is the workflow's own (``related_complaints``: same NIK,
same phone, similar title); the loket keeps only complaints still open, and never matches a
complaint filed anonymously on identity, so a hint cannot reveal who is behind one. A hint
shows number, title, status and date, never a reporter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from core import ValidationError, normalize_phone
from desktop.store.queue import DONE_STATUSES
from desktop.store.schema import complaints
from desktop.workflow.queries import related_complaints

if TYPE_CHECKING:
    from desktop.store import DeskService

MAX_HINTS = 8
IDENTITY = ("nik", "phone")


@dataclass(frozen=True)
class DuplicateHint:
    complaint_id: str
    number: str  # tracking number, else provisional number
    title: str
    status: str
    received_at: str
    reasons: tuple[str, ...]  # "nik", "phone", "title"


def _identity(data: Mapping[str, Any]) -> dict[str, str | None]:
    if data.get("unidentified"):
        return {"nik": None, "phone": None}
    reporter = data.get("reporter") or {}
    nik = re.sub(r"\s+", "", str(reporter.get("nik") or "")) or None
    phone = None
    if reporter.get("phone"):
        try:
            phone = normalize_phone(str(reporter["phone"]))
        except ValidationError:
            pass
    return {"nik": nik, "phone": phone}


def find_duplicates(service: DeskService, data: Mapping[str, Any], *,
                    exclude_id: str | None = None, limit: int = MAX_HINTS) -> list[DuplicateHint]:
    """Open complaints sharing the NIK or phone of ``data`` (a Loket form or a create
    payload) or with a similar title; the same person first."""
    probe = {"id": str(exclude_id or ""), "title": str(data.get("title") or ""),
             "reporter": _identity(data), "duplicate_of": None}
    related = related_complaints(service, probe, match_reporter=True, limit=limit * 3)
    related = [r for r in related if r.status not in DONE_STATUSES]
    if not related:
        return []
    with service.reading() as conn:
        anonymous = set(conn.execute(
            select(complaints.c.id).where(complaints.c.id.in_([r.id for r in related]),
                                          complaints.c.anonymous != 0)).scalars())
    hints = []
    for r in related:
        reasons = tuple(x for x in r.reasons if x == "title"
                        or (x in IDENTITY and r.id not in anonymous))
        if reasons:
            hints.append(DuplicateHint(r.id, r.number.lstrip("#"), r.title, r.status,
                                       r.received_at, reasons))
    return hints[:limit]
