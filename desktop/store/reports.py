"""Recaps of the local store for the Laporan page and ``lapor-desk report``.

A report covers the complaints *received* in a period (WITA dates, both ends included)
that this desk holds; sync already limits those to the officer's scope. It counts them
per status, unit, category, classification, channel and deadline state (the rules:
``desktop.store.recap_tally``). Runs on the DB worker (``desktop.tasks``), never on the
GUI thread.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from core import (
    CHANNEL_LABELS,
    CLASSIFICATION_LABELS,
    STATUS_LABELS,
    Channel,
    Classification,
    Status,
)
from desktop.store import queue as q
from desktop.store import rows as rw
from desktop.store import snapshots as sn
from desktop.store.recap_tally import (
    CLOSE_DUE,
    DEADLINE_STATES,
    LATE,
    NO_DEADLINE,
    ON_TIME,
    OVERDUE,
    WITHIN,
    FastCalendar,
    median_working_days,
    tally,
)

if TYPE_CHECKING:
    from desktop.store.service import DeskService

__all__ = ["CLOSE_DUE", "DEADLINE_STATES", "LATE", "NO_DEADLINE", "ON_TIME", "OVERDUE",
           "WITHIN", "RecapRow", "Report", "build_report", "month_period", "preset_period"]

_FastCalendar = FastCalendar  # its earlier name
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
# What a recap counts by (desktop.store.recap_tally.DIMENSIONS), in the tally's key order.
REPORT_DIMS = ("channel", "category", "classification", "agency", "units")


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
    # Complaints routed to more than one unit: each counts in every unit's row, so the
    # unit rows add up to more than ``received`` (the exports explain it when > 0).
    multi_unit: int = 0
    # Only complaints disposed to this position through the chain (issue 17), else None.
    position: str | None = None

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
                "multi_unit": self.multi_unit,
            },
            "by_status": [r.as_dict() for r in self.by_status],
            "by_deadline": [r.as_dict() for r in self.by_deadline],
            "by_unit": [r.as_dict() for r in self.by_unit],
            "by_category": [r.as_dict() for r in self.by_category],
            "by_classification": [r.as_dict() for r in self.by_classification],
            "by_channel": [r.as_dict() for r in self.by_channel],
            "position": self.position,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def build_report(service: DeskService, date_from: date, date_to: date,
                 position: str | None = None) -> Report:
    """The recaps for complaints received from ``date_from`` to ``date_to`` (inclusive);
    ``position``: only those disposed to that jabatan through the chain (the queue's
    "Jabatan" filter)."""
    if date_to < date_from:
        raise ValueError("date_to before date_from")
    today = service.today()
    where = q.WhereBuilder.empty()
    q.filter_clauses(where, q.QueueFilter(date_from=date_from, date_to=date_to,
                                          position_code=position or None), None)
    with service.reading() as conn:
        found = tally(service, rw.raw(conn), where, REPORT_DIMS, today)
    median = median_working_days(found.spans, FastCalendar(service.calendar))
    report = _assemble(service, found.counts, date_from, date_to, today, median)
    return dataclasses.replace(report, position=position) if position else report


def recap_row(key: str, label: str, counts: Counter, **extra: Any) -> RecapRow:
    """A recap line from a Counter of deadline states."""
    return RecapRow(key, label, sum(counts.values()), counts[ON_TIME], counts[LATE],
                    counts[WITHIN], counts[OVERDUE], counts[NO_DEADLINE],
                    open_close_due=counts[CLOSE_DUE], **extra)


def biggest_first(rows: Iterable[RecapRow]) -> list[RecapRow]:
    """Most complaints first; the "none" row ("no unit", "no category") last."""
    return sorted(rows, key=lambda r: (r.key == "", -r.total, r.label.casefold()))


class UnitCounter:
    """Counts by unit from tally keys: a complaint routed to several units counts in each
    (``multi_unit`` says how many did), one not routed yet in the "no unit" row."""

    def __init__(self) -> None:
        self.by_unit: dict[tuple[str, str], Counter] = defaultdict(Counter)
        self.multi_unit = 0
        self._memo: dict[str, list[str]] = {}

    def add(self, agency: str | None, units: str, state: str, n: int) -> None:
        codes = self._memo.get(units)
        if codes is None:
            codes = self._memo[units] = list(dict.fromkeys(sn.loads(units, []) or []))
        for code in codes:
            self.by_unit[(agency or "", code)][state] += n
        if not codes:  # one row for "no unit", whatever the agency
            self.by_unit[("", "")][state] += n
        if len(codes) > 1:
            self.multi_unit += n

    def rows(self, service: DeskService) -> list[RecapRow]:
        unit_names = {(u["agency_code"], u["code"]): u["name"] for u in service.units()}
        several_agencies = len({a for a, c in self.by_unit if c}) > 1

        def label(agency: str, code: str) -> str:
            if not code:
                return NO_UNIT_LABEL
            name = unit_names.get((agency, code), code)
            if several_agencies:  # the agency's short code (DINKES): unit names stay readable
                return f"{name} ({agency or '-'})"
            return name

        return biggest_first(
            recap_row(code, label(agency, code), counts, agency_code=agency or None)
            for (agency, code), counts in self.by_unit.items())


def _assemble(service: DeskService, tally: Counter, date_from: date, date_to: date,
              today: date, median: float | None) -> Report:
    by: dict[str, dict[Any, Counter]] = {
        name: defaultdict(Counter)
        for name in ("status", "deadline", "category", "classification", "channel")}
    units = UnitCounter()
    for (status, channel, category, klass, agency, unit_codes, state), n in tally.items():
        by["status"][status][state] += n
        by["deadline"][state][state] += n
        by["category"][category or ""][state] += n
        by["classification"][klass or ""][state] += n
        by["channel"][channel or ""][state] += n
        units.add(agency, unit_codes, state, n)

    def fixed(found: dict[Any, Counter], labels: dict[str, str]) -> list[RecapRow]:
        """Every known code (zeros included, stable tables), then any unknown ones."""
        keys = [*labels, *sorted(k for k in found if k not in labels and k)]
        if "" in found:
            keys.append("")
        return [recap_row(k, labels.get(k) or (k or NOT_SET_LABEL), found.get(k, Counter()))
                for k in keys]

    categories = {c["id"]: c["name"] for c in service.categories()}
    statuses = {s.value: STATUS_LABELS[s] for s in Status}
    status_rows = fixed(by["status"], statuses)
    closed_row = next(r for r in status_rows if r.key == Status.selesai.value)
    return Report(
        date_from=date_from, date_to=date_to, today=today,
        received=sum(r.total for r in status_rows), closed=closed_row.closed,
        closed_on_time=closed_row.closed_on_time, median_days_to_close=median,
        by_status=status_rows,
        by_deadline=[recap_row(s, DEADLINE_LABELS[s], by["deadline"].get(s, Counter()))
                     for s in DEADLINE_STATES],
        by_unit=units.rows(service),
        by_category=biggest_first(
            recap_row(k, categories.get(k, k) if k else NO_CATEGORY_LABEL, counts)
            for k, counts in by["category"].items()),
        by_classification=fixed(by["classification"],
                                {c.value: CLASSIFICATION_LABELS[c] for c in Classification}),
        by_channel=fixed(by["channel"], {c.value: CHANNEL_LABELS[c] for c in Channel}),
        multi_unit=units.multi_unit,
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
