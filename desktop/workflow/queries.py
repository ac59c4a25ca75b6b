"""Reads of the workflow's own: related complaints, the complaints a notice is due for,
whether an op id is already recorded.

SQLAlchemy Core over ``desktop.store.schema``, each in one consistent read snapshot
(``DeskService.reading()``). Call on the DB thread (desktop.tasks).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, and_, func, or_, select, text

from core.validation import parse_int
from desktop.store import schema as s

if TYPE_CHECKING:
    from desktop.store import DeskService

_WORD = re.compile(r"\w+", re.UNICODE)
# Words that make titles look alike without saying what happened.
STOPWORDS = frozenset("""
    di ke dari yang dan atau tidak belum sudah untuk dengan pada oleh ada sangat mohon tolong
    segera agar karena ini itu akan dalam sejak para saat masih juga bagi kami kita saya
    warga bapak ibu pak bu the
""".split())
TITLE_CANDIDATES = 500  # newest FTS candidates, then filtered by title overlap
MAX_TITLE_WORDS = 8
MIN_OVERLAP = 0.5  # shared significant words / significant words of the shorter title


def significant_words(title: str | None) -> list[str]:
    words = []
    for word in _WORD.findall((title or "").lower()):
        if len(word) >= 3 and word not in STOPWORDS and not word.isdigit() and word not in words:
            words.append(word)
    return words


def _similar_titles(conn: Connection, title: str | None) -> list[str]:
    """Ids of complaints whose titles share most significant words with ``title``.

    FTS finds candidates sharing at least two of the words (every pair ANDed: cheap, no
    ranking of the thousands that share one common word), newest first; Python keeps those
    sharing at least half the words of the shorter title, most shared first.
    """
    words = sorted(significant_words(title), key=len, reverse=True)[:MAX_TITLE_WORDS]
    if not words:
        return []
    if len(words) == 1:
        match = f'"{words[0]}"'
    else:
        match = " OR ".join(f'("{a}" AND "{b}")' for i, a in enumerate(words)
                            for b in words[i + 1:])
    rows = conn.execute(text(
        "SELECT c.id, c.title FROM complaints_fts f JOIN complaints c ON c.rid = f.rowid "
        "WHERE complaints_fts MATCH :match ORDER BY f.rowid DESC LIMIT :n"),
        {"match": match, "n": TITLE_CANDIDATES}).all()
    mine = set(words)
    scored = []
    for other_id, other_title in rows:
        theirs = set(significant_words(other_title))
        shared = len(mine & theirs)
        if shared >= min(2, len(mine)) and shared / max(1, min(len(mine), len(theirs))) \
                >= MIN_OVERLAP:
            scored.append((-shared, len(theirs - mine), other_id))
    return [cid for *_key, cid in sorted(scored)]


@dataclass(frozen=True)
class RelatedComplaint:
    id: str
    tracking_number: int | None
    provisional_number: str | None
    title: str
    status: str
    received_at: str
    duplicate_of: str | None
    reasons: tuple[str, ...]  # "duplicate", "nik", "phone", "title"

    @property
    def number(self) -> str:
        if self.tracking_number is not None:
            return f"#{self.tracking_number}"
        return self.provisional_number or "—"


def _masked(value: str | None) -> bool:
    return not value or "*" in value


def related_complaints(store: DeskService, snapshot: Mapping[str, Any], *, match_reporter: bool,
                       limit: int = 15) -> list[RelatedComplaint]:
    """Complaints linked to ``snapshot``: marked duplicates either way, the same reporter
    (NIK or phone; only when ``match_reporter``, i.e. the officer may see the reporter), and
    similar titles. Most certain links first."""
    cid = str(snapshot["id"])
    c, t = s.complaints, s.complaint_texts
    reasons: dict[str, list[str]] = {}

    def add(ids: Sequence[str], reason: str) -> None:
        for other in ids:
            if other != cid and reason not in reasons.setdefault(other, []):
                reasons[other].append(reason)

    with store.reading() as conn:
        links = [c.c.duplicate_of == cid]
        own_link = snapshot.get("duplicate_of")
        if own_link:
            links += [c.c.id == str(own_link)]
            tracking = parse_int(str(own_link))
            if tracking is not None:
                links += [c.c.tracking_number == tracking]
        add(conn.execute(select(c.c.id).where(or_(*links))).scalars().all(), "duplicate")

        reporter = snapshot.get("reporter") or {}
        if match_reporter and isinstance(reporter, Mapping):
            nik, phone = reporter.get("nik"), reporter.get("phone")
            if not _masked(nik):
                add(conn.execute(select(c.c.id).join(t, t.c.rid == c.c.rid).where(
                    t.c.reporter_nik == str(nik)).limit(limit * 2)).scalars().all(), "nik")
            digits = re.sub(r"\D", "", str(phone or ""))
            if not _masked(phone) and digits:
                # The FTS index holds the phone's digits: a lookup, not a scan.
                rows = conn.execute(text(
                    "SELECT c.id FROM complaints_fts f JOIN complaints c ON c.rid = f.rowid "
                    "JOIN complaint_texts t ON t.rid = c.rid WHERE complaints_fts MATCH :m "
                    "AND t.reporter_phone = :phone LIMIT :n"),
                    {"m": f'"{digits}"', "phone": str(phone), "n": limit * 2}).scalars().all()
                add(rows, "phone")

        add(_similar_titles(conn, snapshot.get("title")), "title")

        if not reasons:
            return []
        order = {"duplicate": 0, "nik": 1, "phone": 2, "title": 3}
        ranked = sorted(reasons, key=lambda i: (min(order[r] for r in reasons[i]),
                                                -len(reasons[i])))[:limit]
        rows = conn.execute(select(
            c.c.id, c.c.tracking_number, c.c.provisional_number, c.c.title, c.c.status,
            c.c.received_at, c.c.duplicate_of).where(c.c.id.in_(ranked))).all()
    by_id = {row.id: row for row in rows}
    return [RelatedComplaint(r.id, r.tracking_number, r.provisional_number, r.title, r.status,
                             r.received_at, r.duplicate_of, tuple(reasons[r.id]))
            for r in (by_id[i] for i in ranked if i in by_id)]


def op_recorded(store: DeskService, op_id: str) -> bool:
    """Is ``op_id`` already in the outbox (in any state)?"""
    with store.reading() as conn:
        return conn.execute(
            select(func.count()).select_from(s.outbox).where(s.outbox.c.op_id == op_id)
        ).scalar_one() > 0


@dataclass(frozen=True)
class NoticeRow:
    id: str
    number: str
    title: str
    marker: str  # what makes it new: the dispose time, or the due date


def _number(tracking: int | None, provisional: str | None) -> str:
    return f"#{tracking}" if tracking is not None else (provisional or "")


def _for_units(unit_codes: str | None, units: Sequence[str]) -> bool:
    return bool(set(json.loads(unit_codes or "[]")) & set(units))


def disposed_to_units(store: DeskService, units: Sequence[str], agency: str | None,
                      not_by: str) -> list[NoticeRow]:
    """Complaints waiting in ``didisposisikan`` for one of ``units``, with the time of their
    latest disposition (not made by ``not_by``, the officer themself)."""
    if not units:
        return []
    c, e = s.complaints, s.timeline_events
    latest = func.max(e.c.at)
    where = [c.c.status == "didisposisikan", e.c.kind == "dispose",
             or_(e.c.actor.is_(None), e.c.actor != not_by)]
    if agency:
        where.append(c.c.agency_code == agency)
    query = (select(c.c.id, c.c.tracking_number, c.c.provisional_number, c.c.title, latest,
                    c.c.unit_codes)
             .join(e, e.c.complaint_id == c.c.id).where(and_(*where)).group_by(c.c.id))
    with store.reading() as conn:
        return [NoticeRow(r[0], _number(r[1], r[2]), r[3], str(r[4]))
                for r in conn.execute(query) if _for_units(r[5], units)]


def due_between(store: DeskService, first: str, before: str, statuses: Sequence[str], *,
                agency: str | None, units: Sequence[str]) -> list[NoticeRow]:
    """Complaints whose clock runs and whose due date is in [first, before), within the
    officer's reach (their units, else their agency, else everything)."""
    c = s.complaints
    query = select(c.c.id, c.c.tracking_number, c.c.provisional_number, c.c.title,
                   c.c.due_date, c.c.unit_codes).where(
        c.c.status.in_(list(statuses)), c.c.due_date >= first, c.c.due_date < before)
    if agency:
        query = query.where(c.c.agency_code == agency)
    with store.reading() as conn:
        return [NoticeRow(r[0], _number(r[1], r[2]), r[3], str(r[4]))
                for r in conn.execute(query) if not units or _for_units(r[5], units)]
