"""The queue's filter, row and SQL: views, filters, search and sort keys.

SQL does the filtering and sorting and returns ids only; rows are read in pages for the
ids on screen. Deadline views compare the stored ``due_date`` with cut-off dates worked
out in Python with the domain's WorkingCalendar (see ``DeadlineCutoffs``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from core import DeadlinePolicy, Status, WorkingCalendar, phase_days, waits_on_reporter
from core.clock import clock
from core.enums import OPEN_STATUS

VIEWS = (
    "semua", "perlu_verifikasi", "untuk_unit_saya", "jatuh_tempo", "terlambat",
    "perlu_ditutup", "menunggu_pelapor", "ditunda", "selesai", "arsip",
)
SORT_KEYS = (
    "tracking_number", "received_at", "title", "category", "region", "unit", "status", "due_date",
)
# Statuses whose deadline clock runs (and may be due soon or overdue).
CLOCK_STATUSES = tuple(s.value for s in Status if phase_days(s, DeadlinePolicy()) is not None)
# The agency's own phases ("Jatuh tempo", "Terlambat") and those waiting on the reporter:
# past their date those are due for closing ("Perlu ditutup"), not late (domain: deadlines).
AGENCY_CLOCK_STATUSES = tuple(s for s in CLOCK_STATUSES if not waits_on_reporter(s))
REPORTER_CLOCK_STATUSES = tuple(s for s in CLOCK_STATUSES if waits_on_reporter(s))
# Statuses whose work is over: not "for my unit" any more.
DONE_STATUSES = (Status.selesai.value, Status.bukan_wewenang.value, Status.diarsipkan.value)
STATUS_VIEWS = {
    "perlu_verifikasi": Status.belum_diverifikasi.value,
    "menunggu_pelapor": Status.menunggu_tanggapan_pelapor.value,
    "ditunda": Status.ditunda.value,
    "selesai": Status.selesai.value,
    "arsip": Status.diarsipkan.value,
}


@dataclass(frozen=True)
class QueueFilter:
    view: str = "semua"
    status: str | None = None  # a Status value, or OPEN_STATUS (any whose work is not over)
    search: str | None = None
    category_id: str | None = None  # includes its sub-categories
    kabkota_code: str | None = None
    kecamatan_code: str | None = None
    unit_code: str | None = None
    position_code: str | None = None  # disposed to this jabatan through the chain
    channel: str | None = None
    classification: str | None = None
    date_from: date | None = None  # received on or after (WITA date)
    date_to: date | None = None  # received on or before (WITA date)


@dataclass(frozen=True, slots=True)
class QueueRow:
    id: str
    tracking_number: int | None
    provisional_number: str | None
    received_at: datetime
    title: str
    category_name: str
    region_name: str
    unit_names: str
    status: str
    status_label: str
    due_date: date | None
    days_left: int | None
    overdue: bool
    due_soon: bool
    paused: bool
    # Verified, awaiting disposition (status belum_diverifikasi, or on hold from it).
    verified: bool = False
    # The reporter's period passed unanswered: due for closing, not late.
    close_due: bool = False


@dataclass(frozen=True)
class DeadlineCutoffs:
    """``due_date < overdue_before`` is overdue; ``[today, soon_before)`` is due soon.

    days_left(today, due) = working days in (today, due]; "due soon" means 0 <= that
    <= policy.due_soon_days, i.e. due before the (due_soon_days + 1)-th working day after today.
    """

    today: str
    soon_before: str

    @classmethod
    def compute(cls, today: date, policy: DeadlinePolicy, cal: WorkingCalendar) -> DeadlineCutoffs:
        soon = cal.add_working_days(today, policy.due_soon_days + 1)
        return cls(today.isoformat(), soon.isoformat())


_TOKEN = re.compile(r"\w+", re.UNICODE)


MIN_PREFIX = 3  # shorter words match whole words only: "ja*" would match half the queue


def fts_query(text: str | None) -> str | None:
    """An FTS5 MATCH expression: every word must match, as a prefix from three characters
    on ("jalan rus" -> "jalan"* AND "rus"*). A local phone number ``08..`` also matches its
    ``+628..`` form. A lone letter next to longer words is ignored (still being typed)."""
    if not text:
        return None
    tokens = _TOKEN.findall(text.lower())
    if any(len(t) > 1 for t in tokens):
        tokens = [t for t in tokens if len(t) > 1]
    terms = []
    for token in dict.fromkeys(tokens):
        star = "*" if len(token) >= MIN_PREFIX else ""
        term = f'"{token}"{star}'
        if token.isdigit() and token.startswith("0") and len(token) >= 4:
            term = f'("{token}"* OR "62{token[1:]}"*)'
        terms.append(term)
    return " AND ".join(terms) if terms else None


def office_midnight(day: date) -> int:
    """Unix time of 00:00 on ``day`` in the office's zone: received dates are office dates."""
    return int(datetime.combine(day, time(0, 0), clock().zone).timestamp())


def placeholders(values: Iterable) -> str:
    return ", ".join("?" for _ in values)


@dataclass
class WhereBuilder:
    """Collects SQL conditions on ``complaints c`` and their parameters."""

    clauses: list[str]
    params: list

    @classmethod
    def empty(cls) -> WhereBuilder:
        return cls([], [])

    def add(self, clause: str, *params) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "1"


def filter_clauses(w: WhereBuilder, flt: QueueFilter, category_ids: list[str] | None, *,
                   broad_search: bool = False) -> None:
    """Everything in ``flt`` except the view. ``broad_search``: the search matches many
    complaints (``queue_read.broad_search``); each one's table row is then not read: one
    scan of a covering index tests the matches (a Bloom filter), in the sort's order."""
    if flt.status == OPEN_STATUS:
        w.add(f"c.status NOT IN ({placeholders(DONE_STATUSES)})", *DONE_STATUSES)
    elif flt.status:
        w.add("c.status = ?", str(flt.status))
    if flt.category_id:
        ids = category_ids or [flt.category_id]
        # A parent category matches a large share of the queue: then one scan of the
        # covering queue index beats the category index ("+" keeps SQLite off the latter).
        column = "c.category_id" if len(ids) == 1 else "+c.category_id"
        w.add(f"{column} IN ({placeholders(ids)})", *ids)
    if flt.kabkota_code:
        w.add("c.kabkota_code = ?", flt.kabkota_code)
    if flt.kecamatan_code:
        w.add("c.kecamatan_code = ?", flt.kecamatan_code)
    if flt.unit_code:
        w.add("c.rid IN (SELECT complaint_rid FROM complaint_units WHERE unit_code = ?)",
              flt.unit_code)
    if flt.position_code:
        w.add("c.rid IN (SELECT complaint_rid FROM complaint_positions "
              "WHERE position_code = ?)", flt.position_code)
    if flt.channel:
        w.add("c.channel = ?", str(flt.channel))
    if flt.classification:
        w.add("c.classification = ?", str(flt.classification))
    if flt.date_from:
        w.add("c.received_ts >= ?", office_midnight(flt.date_from))
    if flt.date_to:
        w.add("c.received_ts < ?", office_midnight(flt.date_to + timedelta(days=1)))
    match = fts_query(flt.search)
    if match:
        rid = "+c.rid" if broad_search else "c.rid"  # "+": not by rowid, row by row
        w.add(f"{rid} IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?)", match)


def my_units_clause(w: WhereBuilder, my_agency: str | None, my_units: tuple[str, ...]) -> None:
    """Routed to one of the signed-in officer's units (of their agency) and not done yet."""
    if not my_units:
        w.add("0")
        return
    if my_agency:
        w.add("c.agency_code = ?", my_agency)
    w.add(f"c.rid IN (SELECT complaint_rid FROM complaint_units WHERE unit_code IN "
          f"({placeholders(my_units)}))", *my_units)
    w.add(f"c.status NOT IN ({placeholders(DONE_STATUSES)})", *DONE_STATUSES)


def view_clause(w: WhereBuilder, view: str, cut: DeadlineCutoffs,
                me: tuple[str | None, tuple[str, ...]]) -> None:
    """``me``: the signed-in officer's (agency, unit codes)."""
    if view == "semua":
        return
    if view in STATUS_VIEWS:
        w.add("c.status = ?", STATUS_VIEWS[view])
        if view == "perlu_verifikasi":  # verified ones await disposition instead
            w.add("c.verified_at IS NULL")
    elif view == "untuk_unit_saya":
        my_units_clause(w, *me)
    elif view in ("jatuh_tempo", "terlambat"):
        w.add(f"c.status IN ({placeholders(AGENCY_CLOCK_STATUSES)})", *AGENCY_CLOCK_STATUSES)
        if view == "terlambat":
            w.add("c.due_date < ?", cut.today)
        else:
            w.add("c.due_date >= ? AND c.due_date < ?", cut.today, cut.soon_before)
    elif view == "perlu_ditutup":
        w.add(f"c.status IN ({placeholders(REPORTER_CLOCK_STATUSES)})",
              *REPORTER_CLOCK_STATUSES)
        w.add("c.due_date < ?", cut.today)
    else:
        raise ValueError(f"unknown queue view: {view!r} (known: {', '.join(VIEWS)})")


def _status_order() -> str:
    """The Status enum's order; migration 0005 indexes this very expression."""
    cases = " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(Status))
    return f"CASE c.status {cases} ELSE {len(Status)} END"


def order_by(sort: str, descending: bool) -> tuple[str, str]:
    """(extra FROM joins, ORDER BY clause). Ties fall back to the id, so order is total."""
    d = "DESC" if descending else "ASC"
    joins = ""
    if sort == "received_at":
        keys = [f"c.received_ts {d}"]
    elif sort == "tracking_number":
        # No number yet (recorded on this desk, not synced): counts as the newest.
        # The expressions match the sort indexes of migration 0001.
        keys = [f"ifnull(c.tracking_number, 9223372036854775807) {d}"]
    elif sort == "title":
        keys = [f"c.title COLLATE NOCASE {d}"]
    elif sort == "category":
        # The category's name, else its id; kept by migration 0005's triggers.
        keys = [f"c.category_sort {d}"]
    elif sort == "region":
        keys = [f"c.region_name {d}"]
    elif sort == "unit":
        # The first unit's name (its agency's), else its code; NULL without units (0005).
        keys = [f"c.unit_sort {d}"]
    elif sort == "status":
        keys = [f"{_status_order()} {d}"]
    elif sort == "due_date":
        keys = [f"ifnull(c.due_date, '9999-12-31') {d}"]  # no deadline: the latest
    else:
        raise ValueError(f"unknown sort key: {sort!r} (known: {', '.join(SORT_KEYS)})")
    if sort != "received_at":
        keys.append(f"c.received_ts {d}")
    keys.append(f"c.id {d}")
    return joins, ", ".join(keys)
