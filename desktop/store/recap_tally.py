"""The deadline state of every complaint received in a period, counted by chosen columns.

Shared by the recaps (``desktop.store.reports``) and the Dasbor (``desktop.store.dashboard``):

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

Speed: one GROUP BY over the period's running complaints, one read of the completed ones,
and the timeline events only of completed complaints not replayed before: a replay is
kept per store (``_Replays``) for as long as the complaint's row keeps its version, so a
recap or Dasbor recomputed after a sync reads the events of the few that changed.
"""

from __future__ import annotations

import bisect
import threading
import weakref
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from core import (
    DeadlinePolicy,
    Status,
    WorkingCalendar,
    deadline_info,
    snapshot_due,
)
from core.clock import clock
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

# What a tally may count by: a name and its column (never caller-supplied SQL).
# All but "units" are columns of the covering queue index; "units" (a JSON array, as the
# column ``unit_codes``) comes from the covering index of ``complaint_units``: counting the
# running ones then never reads a complaint's row (see _RUNNING_SQL).
DIMENSIONS = {
    "channel": "c.channel", "category": "c.category_id", "classification": "c.classification",
    "agency": "c.agency_code", "kabkota": "c.kabkota_code",
    "units": ("(SELECT json_group_array(u.unit_code) FROM complaint_units u "
              "WHERE u.complaint_rid = c.rid)"),
}

_CLOCK = frozenset(q.CLOCK_STATUSES)
_REPORTER_CLOCK = frozenset(q.REPORTER_CLOCK_STATUSES)
# The agency's own phases: their lateness decides "selesai terlambat".
_AGENCY_PHASES = frozenset({Status.belum_diverifikasi.value, Status.didisposisikan.value})
# Timeline kinds that start a deadline phase (core/operations.py `_start_phase`).
_PHASE_STARTS = frozenset({"follow_up", "request_clarification", "reroute", "reopen"})
# The kinds a replay needs: the others (notes, letters, attachments...) keep the clock.
REPLAY_KINDS = ("dispose", "follow_up", "request_clarification", "close", "hold", "resume",
                "not_authority", "reroute", "reopen", "archive")


class FastCalendar:
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


class PhaseDue:
    """The domain's ``snapshot_due`` of a phase, memoised (phases share start dates)."""

    def __init__(self, policy: DeadlinePolicy, cal: FastCalendar) -> None:
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


def agency_phases_late(received: str, events: Iterable[tuple], due_of: PhaseDue,
                       cal: FastCalendar) -> tuple[bool, str | None]:
    """(an agency phase ended after its due date, WITA date of the last completion).

    ``received``: the WITA receipt date; ``events``: (kind, WITA date, from_status,
    to_status, override, held_days) in timeline order, where ``override`` is a disposition's
    overridden due date and ``held_days`` a resume's held working days. Mirrors the
    deadline bookkeeping of ``core.operations`` (``_start_phase``, hold, resume).
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


def state_of_running(status: str, late_flag: int | None, hold_key: str | None, today: date,
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


@dataclass
class Tally:
    """``counts``: (status, *dimension values, deadline state) -> complaints;
    ``spans``: (WITA receipt date, completion date) -> completed complaints."""

    counts: Counter
    spans: Counter


class _Replays:
    """One store's replayed completed complaints: rid -> ((version, updated_at), late,
    completion date). Valid for the policy and calendar it was made with."""

    def __init__(self, policy: DeadlinePolicy, calendar: WorkingCalendar) -> None:
        self.policy, self.calendar = policy, calendar
        self.done: dict[int, tuple[tuple, bool, str | None]] = {}
        self.fast = FastCalendar(calendar)
        self.due_of = PhaseDue(policy, self.fast)


_REPLAYS: weakref.WeakKeyDictionary[Any, _Replays] = weakref.WeakKeyDictionary()
_REPLAYS_LOCK = threading.Lock()


def _replays(service: DeskService) -> _Replays:
    policy, calendar = service.policy, service.calendar
    with _REPLAYS_LOCK:
        found = _REPLAYS.get(service)
        if found is None or found.policy is not policy or found.calendar is not calendar:
            found = _REPLAYS[service] = _Replays(policy, calendar)
        return found


def forget_replays(service: DeskService) -> None:
    """Drop the kept replays of ``service`` (benchmarks: a cold start)."""
    with _REPLAYS_LOCK:
        _REPLAYS.pop(service, None)


def tally(service: DeskService, raw: Any, where: q.WhereBuilder, dims: Sequence[str],
          today: date, *, running_states: bool = True) -> Tally:
    """Count the complaints matching ``where`` by ``dims`` (names of ``DIMENSIONS``) and
    deadline state, inside the read transaction of ``raw`` (a DB-API connection).
    ``running_states`` False: the running ones only by status, under state None (one
    scan of the queue's covering index, for totals)."""
    columns = "".join(f", {DIMENSIONS[d]}" for d in dims)
    groups = ", ".join(str(i) for i in range(1, len(dims) + 4))
    policy, calendar = service.policy, service.calendar
    counts: Counter = Counter()
    if not running_states and not dims:
        for status, n in raw.execute(f"SELECT c.status, count(*) FROM complaints c WHERE "
                                     f"{where.sql()} AND c.status <> 'selesai' GROUP BY 1",
                                     where.params):
            counts[(status, None)] += n
    running = [] if not running_states and not dims else [
        (_RUNNING_SQL, [today.isoformat(), *where.params]), (_ON_HOLD_SQL, where.params)]
    for sql, params in running:
        for status, *rest in raw.execute(
                sql.format(columns=columns, where=where.sql(), groups=groups), params):
            *values, late_flag, hold_key, n = rest
            state = state_of_running(status, late_flag, hold_key, today, policy, calendar)
            counts[(status, *values, state)] += n
    zone = _zone_sql()
    rows = raw.execute(_COMPLETED_SQL.format(columns=columns, where=where.sql(), **zone),
                       where.params).fetchall()
    replays = _replays(service)
    done = replays.done
    missing = [row for row in rows if (found := done.get(row[0])) is None
               or found[0] != (row[2], row[3])]
    if missing:
        _replay(raw, missing, replays, zone)
    spans: Counter = Counter()
    for rid, _cid, _version, _updated, received, *values in rows:
        _stamp, late, closed = done[rid]
        counts[("selesai", *values, LATE if late else ON_TIME)] += 1
        if closed is not None:
            spans[(received, closed)] += 1
    return Tally(counts, spans)


def _replay(raw: Any, rows: list, replays: _Replays, zone: dict[str, str]) -> None:
    """Replay the timelines of ``rows`` (completed complaints) into ``replays``."""
    sql = _EVENTS_SQL.format(**zone)
    for chunk in rw.chunks(rows):
        events: dict[str, list] = {}
        marks = rw.placeholders(chunk)
        for cid, *event in raw.execute(sql.format(ids=marks),
                                       [*REPLAY_KINDS, *(row[1] for row in chunk)]):
            events.setdefault(cid, []).append(event)
        for rid, cid, version, updated, received, *_values in chunk:
            mine = events.get(cid, [])  # in timeline order (the primary key's)
            late, closed = agency_phases_late(received, [e[1:] for e in mine],
                                              replays.due_of, replays.fast)
            replays.done[rid] = ((version, updated), late, closed)


def median_working_days(spans: Counter, cal: FastCalendar | WorkingCalendar) -> float | None:
    """The median working days from receipt to completion of ``spans``."""
    histogram: Counter = Counter()
    for (received, closed), n in spans.items():
        histogram[max(0, cal.working_days_between(date.fromisoformat(received),
                                                  date.fromisoformat(closed)))] += n
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


def office_day(column: str) -> str:
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


# Complaints not completed nor on hold, grouped by what the caller counts, their deadline
# state the queue's (stored due date before today): all from covering indexes, no row read.
_RUNNING_SQL = (
    "SELECT c.status{columns}, "
    f"CASE WHEN c.status IN ({', '.join(repr(s) for s in sorted(_CLOCK))}) "
    "THEN ifnull(c.due_date < ?, 0) END, NULL, count(*) "
    "FROM complaints c WHERE {where} AND c.status NOT IN ('selesai', 'ditunda') "
    "GROUP BY {groups}")
# On hold: the few rows whose deadline bookkeeping state_of_running reads.
_ON_HOLD_SQL = (
    "SELECT c.status{columns}, NULL, json_array(c.previous_status, c.phase_started, "
    "c.held_working_days, c.hold_started, c.due_override), count(*) "
    "FROM complaints c WHERE {where} AND c.status = 'ditunda' GROUP BY {groups}")
# Completed complaints: the row's version tells whether a kept replay still holds.
_COMPLETED_SQL = (
    f"SELECT c.rid, c.id, c.version, c.updated_at, {office_day('c.received_at')}{{columns}} "
    "FROM complaints c WHERE c.status = 'selesai' AND {where}")
# The timeline events that move a deadline, of some completed complaints, in timeline order
# (the primary key's: no sort step).
_EVENTS_SQL = (
    f"SELECT e.complaint_id, e.position, e.kind, {office_day('e.at')}, e.from_status, "
    "e.to_status, CASE WHEN e.kind = 'dispose' AND json_extract(e.data, '$.due_overridden') "
    "THEN json_extract(e.data, '$.due_date') END, "
    "CASE WHEN e.kind = 'resume' THEN json_extract(e.data, '$.held_working_days') END "
    f"FROM timeline_events e WHERE e.kind IN ({', '.join('?' for _ in REPLAY_KINDS)}) "
    "AND e.complaint_id IN ({{ids}}) ORDER BY e.complaint_id, e.position")
