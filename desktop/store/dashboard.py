"""The Dasbor's figures, computed in SQL on the DB thread (``desktop.tasks``).

For a period (complaints *received* in it, as the Laporan page counts them):

- received, completed and completed on time, beside the same figures of the period before
  (``previous_period``);
- on-time rate by unit, by category (top level: the queue's category filter includes the
  sub-categories) and by kabupaten/kota, with the complaints behind each rate;
- the 12-month trend ending with the period's month: received and completed per month of
  receipt (one scan of the queue's covering index).

Whatever the period: the oldest complaints whose work is not over, and the workload per
officer: what is routed to each unit and not over yet (open, due soon, past the deadline,
as the queue's "Jatuh Tempo"/"Terlambat" views count them), named with the unit's officers
from the synced directory, plus what still awaits verification and disposition.

Deadline states, on-time rules and the kept replays of completed complaints are
``desktop.store.recap_tally``'s, so the Dasbor and the Laporan page always agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from core import Status
from core.calendar import local_date
from desktop.store import queue as q
from desktop.store import rows as rw
from desktop.store import snapshots as sn
from desktop.store.recap_tally import LATE, ON_TIME, tally
from desktop.store.reports import (
    NO_CATEGORY_LABEL,
    RecapRow,
    UnitCounter,
    biggest_first,
    month_period,
    recap_row,
)

if TYPE_CHECKING:
    from desktop.store.service import DeskService

DASHBOARD_DIMS = ("category", "kabkota", "agency", "units")
TREND_MONTHS = 12
OLDEST_LIMIT = 10
NO_REGION_LABEL = "Tanpa kabupaten/kota"
VERIFY_KEY = ""  # the workload row of complaints not routed to a unit yet


@dataclass(frozen=True)
class Totals:
    date_from: date
    date_to: date
    received: int
    closed: int
    closed_on_time: int

    @property
    def on_time_pct(self) -> float | None:
        return 100.0 * self.closed_on_time / self.closed if self.closed else None


@dataclass(frozen=True)
class MonthPoint:
    month: date  # its first day
    received: int
    closed: int

    @property
    def last_day(self) -> date:
        return month_period(self.month)[1]


@dataclass(frozen=True)
class OpenComplaint:
    id: str
    number: str  # tracking number, else the provisional one
    title: str
    received: date
    status: str
    due_date: date | None
    unit_names: str  # "" when not routed yet


@dataclass(frozen=True)
class Workload:
    """Open complaints routed to one unit (``unit_code`` VERIFY_KEY: awaiting verification
    and disposition) and the officers who work them."""

    unit_code: str
    agency_code: str | None
    unit_name: str
    officers: tuple[str, ...]
    open: int
    due_soon: int
    overdue: int


@dataclass(frozen=True)
class Dashboard:
    today: date
    current: Totals
    previous: Totals
    trend: list[MonthPoint] = field(default_factory=list)
    by_unit: list[RecapRow] = field(default_factory=list)
    by_category: list[RecapRow] = field(default_factory=list)
    by_kabkota: list[RecapRow] = field(default_factory=list)
    multi_unit: int = 0  # complaints counted under several units
    oldest: list[OpenComplaint] = field(default_factory=list)
    workload: list[Workload] = field(default_factory=list)


def previous_period(first: date, last: date) -> tuple[date, date]:
    """The period a change is measured from: the same days of the month before for a
    period starting on a month's 1st within that month (a whole month: the whole month
    before), of the year before for one starting on 1 January, else as many days just
    before ``first``."""
    if first.day == 1 and (first.year, first.month) == (last.year, last.month):
        start, end = month_period(first, 1)
        if last == month_period(last)[1]:
            return start, end
        return start, min(end, start + timedelta(days=last.day - 1))
    if (first.month, first.day) == (1, 1) and first.year == last.year:
        return date(first.year - 1, 1, 1), _clamped(first.year - 1, last.month, last.day)
    days = (last - first).days + 1
    return first - timedelta(days=days), first - timedelta(days=1)


def _clamped(year: int, month: int, day: int) -> date:
    """``day`` of that month, or its last day (29 February in a common year: the 28th)."""
    first = date(year, month, 1)
    return min(first + timedelta(days=day - 1), month_period(first)[1])


def build_dashboard(service: DeskService, date_from: date, date_to: date) -> Dashboard:
    """The Dasbor for complaints received from ``date_from`` to ``date_to`` (inclusive)."""
    if date_to < date_from:
        raise ValueError("date_to before date_from")
    today = service.today()
    before = previous_period(date_from, date_to)
    # Read first, apart: a read inside the transaction below would take a second pooled
    # connection, and the next Dasbor might get that one, its page cache cold.
    unit_names, staff = _unit_names(service), _officers(service)
    with service.reading() as conn:
        raw = rw.raw(conn)
        now = tally(service, raw, _received(date_from, date_to), DASHBOARD_DIMS, today)
        then = tally(service, raw, _received(*before), (), today, running_states=False)
        trend = _trend(raw, date_to)
        oldest = _oldest(raw, unit_names)
        workload = _workload(service, raw, today, staff)
    units = UnitCounter()
    categories: defaultdict[str, Counter[str]] = defaultdict(Counter)
    regions: defaultdict[str, Counter[str]] = defaultdict(Counter)
    roots = _category_roots(service)
    for (_status, category, kabkota, agency, unit_codes, state), n in now.counts.items():
        units.add(agency, unit_codes, state, n)
        categories[roots.get(category or "", category or "")][state] += n
        regions[kabkota or ""][state] += n
    names = {c["id"]: c["name"] for c in service.categories()}
    region_names = _region_names()
    return Dashboard(
        today=today, current=_totals(date_from, date_to, now.counts),
        previous=_totals(*before, then.counts), trend=trend,
        by_unit=units.rows(service),
        by_category=biggest_first(
            recap_row(k, names.get(k, k) if k else NO_CATEGORY_LABEL, c)
            for k, c in categories.items()),
        by_kabkota=biggest_first(
            recap_row(k, region_names.get(k, k) if k else NO_REGION_LABEL, c)
            for k, c in regions.items()),
        multi_unit=units.multi_unit, oldest=oldest, workload=workload)


def monthly_trend(service: DeskService, last: date) -> list[MonthPoint]:
    """The ``TREND_MONTHS`` months up to the month of ``last`` (the recap PDF's chart)."""
    with service.reading() as conn:
        return _trend(rw.raw(conn), last)


def _received(first: date, last: date) -> q.WhereBuilder:
    where = q.WhereBuilder.empty()
    q.filter_clauses(where, q.QueueFilter(date_from=first, date_to=last), None)
    return where


def _totals(first: date, last: date, counts: Counter) -> Totals:
    on_time = sum(n for key, n in counts.items() if key[-1] == ON_TIME)
    late = sum(n for key, n in counts.items() if key[-1] == LATE)
    return Totals(first, last, sum(counts.values()), on_time + late, on_time)


def _trend(raw: Any, last: date) -> list[MonthPoint]:
    """Received and completed per month of receipt, the ``TREND_MONTHS`` months up to the
    month of ``last``: one plain count per month over its range of the covering queue index
    (no grouping, so no sort of the year's rows)."""
    months = [month_period(last, back)[0] for back in range(TREND_MONTHS - 1, -1, -1)]
    bounds = [q.office_midnight(m) for m in months]
    bounds.append(q.office_midnight(month_period(last)[1] + timedelta(days=1)))
    sql = " UNION ALL ".join(
        f"SELECT {i}, count(*), coalesce(sum(c.status = 'selesai'), 0) FROM complaints c "
        "WHERE c.received_ts >= ? AND c.received_ts < ?" for i in range(len(months)))
    found = {i: (n, done) for i, n, done in raw.execute(
        sql, [edge for i in range(len(months)) for edge in bounds[i:i + 2]])}
    return [MonthPoint(m, *found.get(i, (0, 0))) for i, m in enumerate(months)]


def _oldest(raw: Any, unit_names: dict[tuple[str, str], str],
            limit: int = OLDEST_LIMIT) -> list[OpenComplaint]:
    done = q.DONE_STATUSES
    rows = raw.execute(
        "SELECT c.id, c.tracking_number, c.provisional_number, c.title, c.received_at, "
        "c.status, c.due_date, c.unit_codes, c.agency_code FROM complaints c "
        f"WHERE c.status NOT IN ({', '.join('?' for _ in done)}) "
        "ORDER BY c.received_ts, c.id LIMIT ?", (*done, limit))
    out = []
    for cid, tracking, provisional, title, received, status, due, units, agency in rows:
        names = ", ".join(unit_names.get((agency or "", code), code)
                          for code in sn.loads(units, []) or ())
        out.append(OpenComplaint(
            cid, str(tracking) if tracking is not None else (provisional or "-"), title,
            _office_date(received), status, date.fromisoformat(due) if due else None, names))
    return out


def _unit_names(service: DeskService) -> dict[tuple[str, str], str]:
    return {(u["agency_code"], u["code"]): u["name"] for u in service.units()}


def _office_date(text: str) -> date:
    try:
        return local_date(datetime.fromisoformat(text))
    except ValueError:
        return date.fromisoformat(text[:10])


def _workload(service: DeskService, raw: Any, today: date,
              staff: dict[tuple[str | None, str], list[str]]) -> list[Workload]:
    """Open complaints per unit code (the queue's unit filter spans agencies too) and those
    awaiting verification, all on covering indexes (status, due date; unit, complaint)."""
    cut = q.DeadlineCutoffs.compute(today, service.policy, service.calendar)
    clock_in = f"c.status IN ({', '.join(repr(s) for s in q.AGENCY_CLOCK_STATUSES)})"
    sums = (f"count(*), coalesce(sum({clock_in} AND c.due_date >= ? AND c.due_date < ?), 0), "
            f"coalesce(sum({clock_in} AND c.due_date < ?), 0)")
    cuts = (cut.today, cut.soon_before, cut.today)
    open_statuses = [s.value for s in Status if s.value not in q.DONE_STATUSES]
    per_unit = raw.execute(
        f"SELECT u.unit_code, {sums} FROM complaints c INDEXED BY ix_complaints_status_due "
        "JOIN complaint_units u ON u.complaint_rid = c.rid "
        f"WHERE c.status IN ({', '.join('?' for _ in open_statuses)}) GROUP BY 1",
        (*cuts, *open_statuses)).fetchall()
    verify = raw.execute(f"SELECT {sums} FROM complaints c WHERE c.status = ?",
                         (*cuts, Status.belum_diverifikasi.value)).fetchone()
    agencies: dict[str, list[str]] = defaultdict(list)
    names: dict[str, str] = {}
    for unit in service.units():
        agencies[unit["code"]].append(unit["agency_code"])
        names.setdefault(unit["code"], unit["name"])
    out = []
    for code, n, soon, late in per_unit:
        owners = agencies.get(code, [])
        officers = sorted({name for agency in owners for name in staff.get((agency, code), ())},
                          key=str.casefold)
        out.append(Workload(code, owners[0] if len(owners) == 1 else None,
                            names.get(code, code), tuple(officers), n, soon, late))
    out.sort(key=lambda w: (-w.overdue, -w.due_soon, -w.open, w.unit_name.casefold()))
    if verify and verify[0]:
        admins = sorted({name for (_a, code), found in staff.items() if code == VERIFY_KEY
                         for name in found}, key=str.casefold)
        out.insert(0, Workload(VERIFY_KEY, None, "", tuple(admins), *verify))
    return out


def _officers(service: DeskService) -> dict[tuple[str | None, str], list[str]]:
    """(agency, unit) -> names of the active unit officers in the synced directory;
    (agency, VERIFY_KEY) -> its admins (they verify)."""
    users = service.get_sync_state("directory_users") or {}
    found: dict[tuple[str | None, str], list[str]] = defaultdict(list)
    for user in (users.values() if isinstance(users, Mapping) else ()):
        if not isinstance(user, Mapping) or not user.get("active", True):
            continue
        name = str(user.get("full_name") or user.get("username") or "").strip()
        if user.get("role") == "petugas_unit" and user.get("unit"):
            found[(user.get("agency"), str(user["unit"]))].append(name)
        elif user.get("role") == "admin_instansi":
            found[(user.get("agency"), VERIFY_KEY)].append(name)
    return {key: sorted(names, key=str.casefold) for key, names in found.items()}


def _category_roots(service: DeskService) -> dict[str, str]:
    """category id -> its top-level category's id."""
    parent = {c["id"]: c.get("parent_id") for c in service.categories()}
    roots = {}
    for cid in parent:
        root, seen = cid, set()
        while parent.get(root) and root not in seen:
            seen.add(root)
            root = parent[root]
        roots[cid] = root
    return roots


def _region_names() -> dict[str, str]:
    from core import Regions

    return {r.code: r.name for r in Regions.load().kabkota()}
