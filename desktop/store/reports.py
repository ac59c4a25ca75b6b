"""Recaps of the local store for the Laporan page and ``lapor-desk report``.

A report covers the complaints *received* in a period (WITA dates, both ends included)
that this desk holds; sync already limits those to the officer's scope. It counts them
per status, unit, category, classification, channel and deadline state:

- running (a deadline clock runs, or is paused while ``ditunda``): *lewat batas waktu* by
  the queue's own rule (stored ``due_date`` before today, as the "Terlambat" view and the
  "Sisa waktu" column; on hold: the domain's ``deadline_info``), else *dalam batas*; but
  a complaint waiting on the reporter past that date is *perlu ditutup* (the reporter did
  not answer: due for closing, not the agency's delay; the "Perlu ditutup" view);
- completed (``selesai``): *tepat waktu* unless one of the agency's own phases ended after
  its due date: verification (receipt until disposition) or follow-up (disposition until
  the first tindak lanjut or clarification request). Waiting for the reporter does not
  count: an auto-closed complaint closes after that phase's date by design. The snapshot
  keeps no past due dates, so these phases are replayed from the timeline and their due
  dates computed with the domain's ``snapshot_due`` (hold days included);
- ``bukan_wewenang`` / ``diarsipkan``: no deadline.

Speed: one GROUP BY over the period's complaints, plus the state-changing timeline events
of the completed ones. Runs on the DB worker (``desktop.tasks``), never on the GUI thread.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from desktop.domain import (
    CHANNEL_LABELS,
    CLASSIFICATION_LABELS,
    STATUS_LABELS,
    Channel,
    Classification,
    DeadlinePolicy,
    Status,
    WorkingCalendar,
    deadline_info,
    snapshot_due,
)
from desktop.domain.clock import clock
from desktop.store import queue as q
from desktop.store import rows as rw
from desktop.store import snapshots as sn

if TYPE_CHECKING:
    from desktop.store.service import DeskService

# Deadline states, in the order recaps show them.
ON_TIME, LATE, WITHIN, OVERDUE, CLOSE_DUE, NO_DEADLINE = (
    "selesai_tepat_waktu", "selesai_terlambat", "berjalan_dalam_batas",
    "berjalan_lewat_batas", "berjalan_perlu_ditutup", "tanpa_batas_waktu")
DEADLINE_STATES = (ON_TIME, LATE, WITHIN, OVERDUE, CLOSE_DUE, NO_DEADLINE)
DEADLINE_LABELS = {
    ON_TIME: "Selesai tepat waktu",
    LATE: "Selesai terlambat",
    WITHIN: "Berjalan, masih dalam batas waktu",
    OVERDUE: "Berjalan, lewat batas waktu",
    CLOSE_DUE: "Pelapor tidak menanggapi, perlu ditutup",
    NO_DEADLINE: "Tanpa batas waktu (bukan wewenang, diarsipkan)",
}
NO_UNIT_LABEL = "Tanpa unit tujuan"
NO_CATEGORY_LABEL = "Tanpa kategori"
NOT_SET_LABEL = "Tidak diisi"

_CLOCK = frozenset(q.CLOCK_STATUSES)
_REPORTER_CLOCK = frozenset(q.REPORTER_CLOCK_STATUSES)
# The agency's own phases: their lateness decides "selesai terlambat".
_AGENCY_PHASES = frozenset({Status.belum_diverifikasi.value, Status.didisposisikan.value})
# Timeline kinds that start a deadline phase (desktop/domain/operations.py `_start_phase`).
_PHASE_STARTS = frozenset({"follow_up", "request_clarification", "reroute", "reopen"})
# The kinds a replay needs: the others (notes, letters, attachments...) keep the clock.
_REPLAY_KINDS = ("dispose", "follow_up", "request_clarification", "close", "hold", "resume",
                 "not_authority", "reroute", "reopen", "archive")


@dataclass(frozen=True)
class RecapRow:
    """One line of a recap: complaints of one key (status, unit, category...) by state."""

    key: str  # the code ("" for none: no unit, no category, not set)
    label: str  # Indonesian name (reference data or the domain's labels)
    total: int = 0
    closed_on_time: int = 0
    closed_late: int = 0
    open_within: int = 0
    open_overdue: int = 0
    no_deadline: int = 0
    agency_code: str | None = None  # units only: unit codes are unique per agency
    open_close_due: int = 0  # running, the reporter's period passed: due for closing

    @property
    def closed(self) -> int:
        return self.closed_on_time + self.closed_late

    @property
    def running(self) -> int:
        return self.open_within + self.open_overdue + self.open_close_due

    @property
    def on_time_pct(self) -> float | None:
        """Share of completed complaints closed on time, in percent (None: none completed)."""
        return 100.0 * self.closed_on_time / self.closed if self.closed else None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"key": self.key, "label": self.label}
        if self.agency_code is not None:
            out["agency_code"] = self.agency_code
        out.update(total=self.total, closed=self.closed, closed_on_time=self.closed_on_time,
                   closed_late=self.closed_late, running=self.running,
                   open_within=self.open_within, open_overdue=self.open_overdue,
                   open_close_due=self.open_close_due, no_deadline=self.no_deadline,
                   on_time_pct=_round(self.on_time_pct))
        return out


@dataclass(frozen=True)
class Report:
    date_from: date
    date_to: date
    today: date
    received: int
    closed: int
    closed_on_time: int
    median_days_to_close: float | None  # working days, receipt to (last) completion
    by_status: list[RecapRow] = field(default_factory=list)
    by_deadline: list[RecapRow] = field(default_factory=list)
    by_unit: list[RecapRow] = field(default_factory=list)
    by_category: list[RecapRow] = field(default_factory=list)
    by_classification: list[RecapRow] = field(default_factory=list)
    by_channel: list[RecapRow] = field(default_factory=list)

    @property
    def closed_late(self) -> int:
        return self.closed - self.closed_on_time

    @property
    def on_time_pct(self) -> float | None:
        return 100.0 * self.closed_on_time / self.closed if self.closed else None

    def as_dict(self) -> dict[str, Any]:
        """The JSON of ``lapor-desk report --json`` (a contract: add, never rename)."""
        return {
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "today": self.today.isoformat(),
            "totals": {
                "received": self.received, "closed": self.closed,
                "closed_on_time": self.closed_on_time, "closed_late": self.closed_late,
                "on_time_pct": _round(self.on_time_pct),
                "median_working_days_to_close": self.median_days_to_close,
            },
            "by_status": [r.as_dict() for r in self.by_status],
            "by_deadline": [r.as_dict() for r in self.by_deadline],
            "by_unit": [r.as_dict() for r in self.by_unit],
            "by_category": [r.as_dict() for r in self.by_category],
            "by_classification": [r.as_dict() for r in self.by_classification],
            "by_channel": [r.as_dict() for r in self.by_channel],
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


class _FastCalendar:
    """The service's calendar, answering ``add_working_days`` from a sorted list of its
    working days (built a year at a time from its ``is_working_day``): a yearly report asks
    thousands of due dates, the domain's day-by-day walk would cost a second at 100,000."""

    def __init__(self, cal: WorkingCalendar) -> None:
        self._cal = cal
        self._years: range = range(0)
        self._days: list[date] = []

    def _cover(self, first: int, last: int) -> None:
        years = self._years
        if years and first >= years.start and last < years.stop:
            return
        lo = min(first, years.start) if years else first
        hi = max(last + 1, years.stop) if years else last + 1
        day, end, days = date(lo, 1, 1), date(hi, 1, 1), []
        while day < end:
            if self._cal.is_working_day(day):
                days.append(day)
            day += timedelta(days=1)
        self._years, self._days = range(lo, hi), days

    def add_working_days(self, start: date, n: int) -> date:
        if n <= 0:
            return self._cal.add_working_days(start, n)  # n == 0: start; n < 0: its error
        last = start.year + 1 + n // 200  # ~250 working days a year: enough to index into
        self._cover(start.year, last)
        try:
            return self._days[bisect.bisect_right(self._days, start) + n - 1]
        except IndexError:  # a year without enough working days: the domain's walk
            return self._cal.add_working_days(start, n)

    def working_days_between(self, a: date, b: date) -> int:
        return self._cal.working_days_between(a, b)

    def is_working_day(self, d: date) -> bool:
        return self._cal.is_working_day(d)


class _PhaseDue:
    """The domain's ``snapshot_due`` of a phase, memoised (phases share start dates)."""

    def __init__(self, policy: DeadlinePolicy, cal: _FastCalendar) -> None:
        self._policy = policy
        self._cal = cal
        self._memo: dict[tuple, str | None] = {}

    def __call__(self, status: str, started: str, held: int, override: str | None) -> str | None:
        key = (status, started, held, override)
        if key not in self._memo:
            due = snapshot_due({"status": status, "phase_started": started,
                                "held_working_days": held, "due_override": override},
                               self._policy, self._cal)  # type: ignore[arg-type]
            self._memo[key] = due.isoformat() if due else None
        return self._memo[key]


def agency_phases_late(received: str, events: Iterable[tuple], due_of: _PhaseDue,
                       cal: _FastCalendar) -> tuple[bool, str | None]:
    """(an agency phase ended after its due date, WITA date of the last completion).

    ``received``: the WITA receipt date; ``events``: (kind, WITA date, from_status,
    to_status, override, held_days) in timeline order, where ``override`` is a disposition's
    overridden due date and ``held_days`` a resume's held working days. Mirrors the
    deadline bookkeeping of ``desktop.domain.operations`` (``_start_phase``, hold, resume).
    Dates are ISO text: they compare as dates.
    """
    status, started, held, hold_started, override = "belum_diverifikasi", received, 0, None, None
    late, closed = False, None
    for kind, day, from_status, to_status, new_override, held_days in events:
        if (not late and from_status in _AGENCY_PHASES and from_status == status
                and to_status != from_status and to_status != "ditunda"):
            due = due_of(status, started, held, override)
            late = due is not None and day > due
        if kind == "hold":
            hold_started = day
        elif kind == "resume":
            if held_days is None and hold_started is not None:
                held_days = cal.working_days_between(date.fromisoformat(hold_started),
                                                     date.fromisoformat(day))
            held += max(0, int(held_days or 0))
            hold_started = None
        elif kind in _PHASE_STARTS or (kind == "dispose" and from_status != "didisposisikan"):
            started, held, hold_started, override = day, 0, None, None
        if kind == "dispose" and new_override:
            override = new_override
        elif kind == "close":
            closed = day
        status = to_status or status
    return late, closed


def _median(histogram: Counter) -> float | None:
    count = sum(histogram.values())
    if not count:
        return None
    middle = ((count - 1) // 2, count // 2)
    found: list[int] = []
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        while len(found) < 2 and middle[len(found)] < seen:
            found.append(value)
    return (found[0] + found[1]) / 2


def _state_of_running(status: str, late_flag: int | None, hold_key: str | None, today: date,
                      policy: DeadlinePolicy, cal: WorkingCalendar) -> str:
    if status in _CLOCK:
        if not late_flag:
            return WITHIN
        return CLOSE_DUE if status in _REPORTER_CLOCK else OVERDUE
    if status == Status.ditunda.value:
        previous, phase_started, held, hold_started, override = sn.loads(hold_key)
        info = deadline_info({"status": status, "previous_status": previous,
                              "phase_started": phase_started, "held_working_days": held,
                              "hold_started": hold_started, "due_override": override},
                             today, policy, cal)
        return OVERDUE if info.overdue else CLOSE_DUE if info.close_due else WITHIN
    return NO_DEADLINE


def build_report(service: DeskService, date_from: date, date_to: date) -> Report:
    """The recaps for complaints received from ``date_from`` to ``date_to`` (inclusive)."""
    if date_to < date_from:
        raise ValueError("date_to before date_from")
    today = service.today()
    policy, cal = service.policy, _FastCalendar(service.calendar)
    due_of = _PhaseDue(policy, cal)
    where = q.WhereBuilder.empty()
    q.filter_clauses(where, q.QueueFilter(date_from=date_from, date_to=date_to), None)
    tally: Counter = Counter()
    spans: Counter = Counter()
    zone = _zone_sql()
    with service.reading() as conn:
        raw = rw.raw(conn)
        for *dims, late_flag, hold_key, n in raw.execute(
                _RUNNING_SQL.format(where=where.sql()), [today.isoformat(), *where.params]):
            state = _state_of_running(dims[0], late_flag, hold_key, today, policy, cal)
            tally[(*dims, state)] += n
        # Completed ones: their rows and their events come in the same order (merged here).
        events = iter(raw.execute(_EVENTS_SQL.format(where=where.sql(), **zone),
                                  [*where.params, *_REPLAY_KINDS]))
        event = next(events, None)
        for cid, received, *dims in raw.execute(_COMPLETED_SQL.format(where=where.sql(), **zone),
                                                where.params):
            mine = []
            while event is not None and event[0] == cid:
                mine.append(event[1:])
                event = next(events, None)
            mine.sort()  # by position (the primary key gives them in order already)
            late, closed = agency_phases_late(received, [e[1:] for e in mine], due_of, cal)
            tally[("selesai", *dims, LATE if late else ON_TIME)] += 1
            if closed is not None:
                spans[(received, closed)] += 1
    close_days: Counter = Counter()
    for (received, closed), n in spans.items():
        close_days[max(0, cal.working_days_between(date.fromisoformat(received),
                                                   date.fromisoformat(closed)))] += n
    return _assemble(service, tally, date_from, date_to, today, _median(close_days))


# Complaints not completed, grouped by what the recaps need; the deadline state of a
# running one is the queue's (stored due date before today; on hold: see _state_of_running).
_RUNNING_SQL = (
    "SELECT c.status, c.channel, c.category_id, c.classification, c.agency_code, c.unit_codes, "
    f"CASE WHEN c.status IN ({', '.join(repr(s) for s in sorted(_CLOCK))}) "
    "THEN ifnull(c.due_date < ?, 0) END, "
    "CASE WHEN c.status = 'ditunda' THEN json_array(c.previous_status, c.phase_started, "
    "c.held_working_days, c.hold_started, c.due_override) END, count(*) "
    "FROM complaints c WHERE {where} AND c.status <> 'selesai' "
    "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8")


def _office_day(column: str) -> str:
    """SQL for the office's date (ISO text) of an ISO time column: times are written in the
    office's zone, anything else is converted (``{suffix}``/``{shift}``: ``_zone_sql``)."""
    return (f"CASE WHEN substr({column}, 20) = '{{suffix}}' THEN substr({column}, 1, 10) "
            f"ELSE date({column}, '{{shift}}') END")


def _zone_sql() -> dict[str, str]:
    """The office zone's ISO suffix (``+08:00``) and SQLite shift (``+480 minutes``)."""
    offset = clock().now().utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return {"suffix": f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}",
            "shift": f"{minutes:+d} minutes"}


# Completed complaints, and the timeline events of theirs that move a deadline, both in
# the order of ix_complaints_status_received (no sort step; ordering the events by position
# too would sort them all, so each complaint's few are sorted in Python). Two queries: the
# join would read the complaint's columns for every event.
_COMPLETED_SQL = (
    f"SELECT c.id, {_office_day('c.received_at')}, c.channel, c.category_id, c.classification, "
    "c.agency_code, c.unit_codes FROM complaints c WHERE c.status = 'selesai' AND {where} "
    "ORDER BY c.received_ts, c.id")
_EVENTS_SQL = (
    f"SELECT c.id, e.position, e.kind, {_office_day('e.at')}, e.from_status, e.to_status, "
    "CASE WHEN e.kind = 'dispose' AND json_extract(e.data, '$.due_overridden') "
    "THEN json_extract(e.data, '$.due_date') END, "
    "CASE WHEN e.kind = 'resume' THEN json_extract(e.data, '$.held_working_days') END "
    "FROM complaints c JOIN timeline_events e ON e.complaint_id = c.id "
    "WHERE c.status = 'selesai' AND {where} "
    f"AND e.kind IN ({', '.join('?' for _ in _REPLAY_KINDS)}) "
    "ORDER BY c.received_ts, c.id")


def _assemble(service: DeskService, tally: Counter, date_from: date, date_to: date,
              today: date, median: float | None) -> Report:
    by: dict[str, dict[Any, Counter]] = {
        name: defaultdict(Counter)
        for name in ("status", "deadline", "unit", "category", "classification", "channel")}
    unit_codes_memo: dict[str, list[str]] = {}
    for (status, channel, category, klass, agency, units, state), n in tally.items():
        by["status"][status][state] += n
        by["deadline"][state][state] += n
        by["category"][category or ""][state] += n
        by["classification"][klass or ""][state] += n
        by["channel"][channel or ""][state] += n
        codes = unit_codes_memo.get(units)
        if codes is None:
            codes = unit_codes_memo[units] = list(dict.fromkeys(sn.loads(units, []) or []))
        for code in codes:
            by["unit"][(agency or "", code)][state] += n
        if not codes:  # one row for "no unit", whatever the agency
            by["unit"][("", "")][state] += n

    def row(key: str, label: str, counts: Counter, **extra: Any) -> RecapRow:
        return RecapRow(key, label, sum(counts.values()), counts[ON_TIME], counts[LATE],
                        counts[WITHIN], counts[OVERDUE], counts[NO_DEADLINE],
                        open_close_due=counts[CLOSE_DUE], **extra)

    def fixed(found: dict[Any, Counter], labels: dict[str, str]) -> list[RecapRow]:
        """Every known code (zeros included, stable tables), then any unknown ones."""
        keys = [*labels, *sorted(k for k in found if k not in labels and k)]
        if "" in found:
            keys.append("")
        return [row(k, labels.get(k) or (k or NOT_SET_LABEL), found.get(k, Counter()))
                for k in keys]

    def biggest_first(rows: Iterable[RecapRow]) -> list[RecapRow]:
        return sorted(rows, key=lambda r: (r.key == "", -r.total, r.label.casefold()))

    categories = {c["id"]: c["name"] for c in service.categories()}
    unit_names = {(u["agency_code"], u["code"]): u["name"] for u in service.units()}
    several_agencies = len({a for a, c in by["unit"] if c}) > 1

    def unit_label(agency: str, code: str) -> str:
        if not code:
            return NO_UNIT_LABEL
        name = unit_names.get((agency, code), code)
        if several_agencies:  # the agency's short code (DINKES): unit names stay readable
            return f"{name} ({agency or '-'})"
        return name

    statuses = {s.value: STATUS_LABELS[s] for s in Status}
    status_rows = fixed(by["status"], statuses)
    closed_row = next(r for r in status_rows if r.key == Status.selesai.value)
    return Report(
        date_from=date_from, date_to=date_to, today=today,
        received=sum(r.total for r in status_rows), closed=closed_row.closed,
        closed_on_time=closed_row.closed_on_time, median_days_to_close=median,
        by_status=status_rows,
        by_deadline=[row(s, DEADLINE_LABELS[s], by["deadline"].get(s, Counter()))
                     for s in DEADLINE_STATES],
        by_unit=biggest_first(
            row(code, unit_label(agency, code), counts, agency_code=agency or None)
            for (agency, code), counts in by["unit"].items()),
        by_category=biggest_first(
            row(k, categories.get(k, k) if k else NO_CATEGORY_LABEL, counts)
            for k, counts in by["category"].items()),
        by_classification=fixed(by["classification"],
                                {c.value: CLASSIFICATION_LABELS[c] for c in Classification}),
        by_channel=fixed(by["channel"], {c.value: CHANNEL_LABELS[c] for c in Channel}),
    )


def month_period(today: date, months_back: int = 0) -> tuple[date, date]:
    """First and last day of this month (``months_back=1``: last month)."""
    year, month = today.year, today.month - months_back
    while month < 1:
        year, month = year - 1, month + 12
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return first, date.fromordinal(nxt.toordinal() - 1)


# The named periods of the Laporan page and ``lapor-desk report``: one definition, so
# "this month" is the same dates in both. A running period ends today (the office's date),
# so the printed period never names days that have not happened yet.
PRESETS = ("this_month", "last_month", "this_year")


def preset_period(key: str, today: date) -> tuple[date, date]:
    """``this_month``: the 1st to today; ``last_month``: all of it; ``this_year``: 1 January
    to today. ``today`` is the office's date (``clock().today()``)."""
    if key == "this_month":
        return today.replace(day=1), today
    if key == "last_month":
        return month_period(today, 1)
    if key == "this_year":
        return date(today.year, 1, 1), today
    raise ValueError(f"unknown period {key!r}")
