"""The queue's reads on one DB-API connection: ids in order, view counts, rows.

Shared by ``DeskService`` (on its pooled connections) and the start-up's light reader
(``desktop/store/light.py``, plain SQLCipher without SQLAlchemy), so the first screen and
the full store show the same rows in the same order with the same text. The caller passes
what the store knows (today, deadline policy and calendar, the signed-in officer's units,
the reference tables); nothing here caches or writes.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from core import (
    STATUS_LABELS,
    VERIFIED_LABEL,
    DeadlineInfo,
    DeadlinePolicy,
    DomainError,
    Status,
    WorkingCalendar,
    days_left,
    phase_deadline_info,
)
from core import deadline_info as domain_deadline_info
from core.clock import DEFAULT_ZONE, set_zone
from desktop.store import queue as q
from desktop.store import rows as rw
from desktop.store import snapshots as sn
from desktop.store.queue import DeadlineCutoffs, QueueFilter, QueueRow

log = logging.getLogger(__name__)

# A search matching this many complaints or more is "broad" (see queue.filter_clauses):
# reading 20,000 rows one by one costs 100 ms, a covering index scan 20 ms.
BROAD_SEARCH = 10_000
POLICY_KEY = "deadline_policy"
HOLIDAYS_KEY = "local_holidays"
# The office's time zone (WIB/WITA/WIT or an IANA name): it decides "today" for the whole
# desk process (core/clock.py). Default WITA (Kalimantan Selatan).
ZONE_KEY = "office_zone"
ACTOR_KEY = "actor"
NO_DEADLINE = DeadlineInfo(None, None, False, False, False)
Me = tuple[str | None, tuple[str, ...]]  # the signed-in officer's (agency, unit codes)
Categories = Mapping[str, Mapping[str, Any]]
Units = Mapping[tuple[str, str], Mapping[str, Any]]
_ROW_COLUMNS = ("c.id, c.tracking_number, c.provisional_number, c.received_at, c.title, "
                "c.category_id, c.region_name, c.unit_codes, c.status, c.previous_status, "
                "c.phase_started, c.held_working_days, c.hold_started, c.due_date, "
                "c.due_override, c.agency_code, c.verified_at, c.sifat")


# --- settings the queue depends on -----------------------------------------------------------

def apply_office_zone(value: Any) -> None:
    """Make the stored ``office_zone`` the process's zone (a damaged one: the default)."""
    zone = value or DEFAULT_ZONE
    try:
        set_zone(str(zone))
    except ValueError:
        log.warning("setting %s is invalid (%r); using %s", ZONE_KEY, zone, DEFAULT_ZONE)
        set_zone(DEFAULT_ZONE)


def policy_from(value: Any) -> DeadlinePolicy:
    """The stored ``deadline_policy`` (a damaged one: the default, logged)."""
    try:
        return DeadlinePolicy.from_mapping(value) if value else DeadlinePolicy()
    except (DomainError, TypeError, ValueError, AttributeError):
        log.warning("setting %s is invalid (%r); using the default", POLICY_KEY, value)
        return DeadlinePolicy()


def calendar_from(value: Any) -> WorkingCalendar:
    """The working calendar with the stored ``local_holidays`` (damaged: none, logged)."""
    local = {}
    try:
        for item in value or []:
            day, name = (item, "Libur daerah") if isinstance(item, str) else item
            local[date.fromisoformat(day)] = str(name)
    except (TypeError, ValueError):
        log.warning("setting %s is invalid (%r); ignoring it", HOLIDAYS_KEY, value)
        local = {}
    return WorkingCalendar(local)


def read_kv(raw: Any, table: str, key: str, default: Any = None) -> Any:
    """A JSON value of ``settings`` or ``sync_state``."""
    row = raw.execute(f"SELECT value FROM {table} WHERE key = ?", (key,)).fetchone()
    return default if row is None else sn.loads(row[0])


def me_from(actor: Mapping[str, Any] | None) -> Me:
    actor = actor or {}
    return actor.get("agency"), tuple(actor.get("units") or ())


# --- reference tables ------------------------------------------------------------------------

def read_categories(raw: Any) -> dict[str, dict[str, Any]]:
    """``id -> {"id", "parent_id", "name"}`` in server order."""
    rows = raw.execute("SELECT id, parent_id, name FROM categories ORDER BY rowid")
    return {cid: {"id": cid, "parent_id": parent, "name": name} for cid, parent, name in rows}


def read_units(raw: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """``(agency_code, code) -> unit``: unit codes are unique within an agency only."""
    rows = raw.execute("SELECT agency_code, code, name FROM units ORDER BY name")
    return {(agency, code): {"agency_code": agency, "code": code, "name": name}
            for agency, code, name in rows}


def category_ids(categories: Categories, category_id: str | None) -> list[str] | None:
    """``category_id`` and all its descendants (filtering a parent shows its children)."""
    if not category_id:
        return None
    ids, frontier = [category_id], [category_id]
    while frontier:
        frontier = [c for c, row in categories.items() if row["parent_id"] in frontier
                    and c not in ids]
        ids.extend(frontier)
    return ids


# --- ids and counts --------------------------------------------------------------------------

def where(flt: QueueFilter, categories: Categories, *, cut: DeadlineCutoffs | None = None,
          me: Me = (None, ()), broad_search: bool = False) -> q.WhereBuilder:
    """The conditions of ``flt``; its view too when ``cut`` (today's cut-offs) is given."""
    w = q.WhereBuilder.empty()
    if cut is not None:
        q.view_clause(w, flt.view, cut, me)
    q.filter_clauses(w, flt, category_ids(categories, flt.category_id),
                     broad_search=broad_search)
    return w


def broad_search(raw: Any, flt: QueueFilter) -> bool:
    """Whether ``flt``'s search matches ``BROAD_SEARCH`` complaints or more (counts at most
    that many matches: a few ms)."""
    match = q.fts_query(flt.search)
    if not match:
        return False
    found = raw.execute("SELECT count(*) FROM (SELECT rowid FROM complaints_fts "
                        "WHERE complaints_fts MATCH ? LIMIT ?)", (match, BROAD_SEARCH))
    return int(found.fetchone()[0]) >= BROAD_SEARCH


def select_ids(raw: Any, w: q.WhereBuilder, sort: str, descending: bool,
               limit: int | None = None) -> list[str]:
    """Ids of every complaint matching ``w`` (the first ``limit``), in order. SQL filters
    and sorts."""
    joins, order = q.order_by(sort, descending)
    sql = f"SELECT c.id FROM complaints c{joins} WHERE {w.sql()} ORDER BY {order}"
    params = list(w.params)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [cid for (cid,) in raw.execute(sql, params)]


def count(raw: Any, w: q.WhereBuilder) -> int:
    """How many complaints match ``w``."""
    return int(raw.execute(f"SELECT count(*) FROM complaints c WHERE {w.sql()}",
                           w.params).fetchone()[0])


def count_views(raw: Any, w: q.WhereBuilder, cut: DeadlineCutoffs, me: Me) -> dict[str, int]:
    """Complaints per view with the conditions ``w`` (no view) applied."""
    sql = (
        "SELECT c.status, count(*), "
        "coalesce(sum(c.due_date < ?), 0), "
        "coalesce(sum(c.due_date >= ? AND c.due_date < ?), 0), "
        "coalesce(sum(c.verified_at IS NULL), 0) "
        f"FROM complaints c WHERE {w.sql()} GROUP BY c.status"
    )
    # "For my units" separately: an IN (...) inside the aggregate is 5x slower.
    mine = q.WhereBuilder(list(w.clauses), list(w.params))
    q.my_units_clause(mine, *me)
    per_status = {status: (n, late, soon, unverified)
                  for status, n, late, soon, unverified in raw.execute(
                      sql, [cut.today, cut.today, cut.soon_before, *w.params])}
    my_count = raw.execute(f"SELECT count(*) FROM complaints c WHERE {mine.sql()}",
                           mine.params).fetchone()[0]
    agency, reporter = set(q.AGENCY_CLOCK_STATUSES), set(q.REPORTER_CLOCK_STATUSES)
    counts = {view: 0 for view in q.VIEWS}
    counts["semua"] = sum(v[0] for v in per_status.values())
    counts["untuk_unit_saya"] = my_count
    for status, (_n, late, soon, _unverified) in per_status.items():
        if status in agency:
            counts["terlambat"] += late
            counts["jatuh_tempo"] += soon
        elif status in reporter:  # the reporter did not answer: not the agency's delay
            counts["perlu_ditutup"] += late
    for view, status in q.STATUS_VIEWS.items():
        counts[view] = per_status.get(status, (0,) * 4)[3 if view == "perlu_verifikasi" else 0]
    return counts


# --- rows ------------------------------------------------------------------------------------

def read_rows(raw: Any, ids: Sequence[str], *, categories: Categories, units: Units,
              today: date, policy: DeadlinePolicy, calendar: WorkingCalendar) -> list[QueueRow]:
    """Queue rows for ``ids``, in the given order (unknown ids are skipped)."""
    if not ids:
        return []
    found: dict[str, tuple[Any, ...]] = {}
    for part in rw.chunks(ids):
        chunk = list(part)
        sql = (f"SELECT {_ROW_COLUMNS} FROM complaints c "
               f"WHERE c.id IN ({rw.placeholders(chunk)})")
        for row in raw.execute(sql, chunk):
            found[row[0]] = row
    deadline_memo: dict[tuple[Any, ...], DeadlineInfo] = {}
    unit_memo: dict[tuple[str, str], str] = {}
    out: list[QueueRow] = []
    for cid in ids:
        row = found.get(cid)
        if row is None:
            continue
        (id_, tracking, provisional, received_at, title, category_id, region_name,
         unit_codes, status, previous, phase_started, held, hold_started, due,
         due_override, agency, verified_at, sifat) = row
        verified = bool(verified_at) and Status.belum_diverifikasi in (status, previous)
        key = (*row[8:15], verified, sifat)
        info = deadline_memo.get(key)
        if info is None:
            info = deadline_memo[key] = row_deadline(
                today, policy, calendar, status, previous, phase_started, held, hold_started,
                due, due_override, verified, sifat)
        unit_names = unit_memo.get((agency, unit_codes))
        if unit_names is None:
            codes = sn.loads(unit_codes, [])
            unit_names = unit_memo[(agency, unit_codes)] = ", ".join(
                units[(agency, c)]["name"] if (agency, c) in units else c for c in codes)
        category = categories.get(category_id)
        out.append(QueueRow(
            id=id_, tracking_number=tracking, provisional_number=provisional,
            received_at=sn.parse_datetime(received_at), title=title,
            category_name=category["name"] if category else (category_id or ""),
            region_name=region_name, unit_names=unit_names, status=status,
            status_label=status_label(status, verified), due_date=info.due,
            days_left=info.days_left, overdue=info.overdue, due_soon=info.due_soon,
            paused=info.paused, verified=verified, close_due=info.close_due,
        ))
    return out


def row_deadline(today: date, policy: DeadlinePolicy, calendar: WorkingCalendar, status: str,
                 previous: str | None, phase_started: str | None, held: int,
                 hold_started: str | None, due: str | None, due_override: str | None,
                 verified: bool = False, sifat: str | None = None) -> DeadlineInfo:
    """The domain's deadline_info, reading the stored due date while the clock runs.

    The stored ``due_date`` is what the SQL views compare, so rows and views agree even
    when the server's policy differs from this desk's settings.
    """
    if status == Status.ditunda:
        snap = {"status": status, "previous_status": previous, "phase_started": phase_started,
                "held_working_days": held, "hold_started": hold_started,
                "due_override": due_override, "verified_at": "yes" if verified else None,
                "sifat": sifat}  # a paused Sangat Segera follow-up keeps its shorter clock
        return domain_deadline_info(snap, today, policy, calendar)
    if status not in q.CLOCK_STATUSES or not due:
        return NO_DEADLINE
    due_day = date.fromisoformat(due)
    return phase_deadline_info(due_day, days_left(today, due_day, calendar), status, policy)


def status_label(status: str, verified: bool = False) -> str:
    if verified and status == Status.belum_diverifikasi:
        return VERIFIED_LABEL
    try:
        return STATUS_LABELS[Status(status)]
    except ValueError:
        return status
