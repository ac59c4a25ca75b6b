"""Working-day calendar: weekends, Indonesian national holidays and cuti bersama, local holidays.

National dates come from the ``holidays`` package (categories ``public`` and ``government``,
the latter being cuti bersama). For ``BUNDLED_YEARS`` they are read from a small file made
from that package by ``scripts/generate-holidays`` (tests/test_domain_calendar.py fails when
the two differ): importing ``holidays`` and building a year costs ~100 ms, on the desk's
first deadline query at start-up. Other years still ask the package, lazily, once per year.
Local holidays set by the province come from a plain text file (see ``load_local_holidays``).
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta

from .clock import clock
from .errors import DomainError

HOLIDAY_CATEGORIES = ("public", "government")
# resources/reference/<BUNDLED_FILE>: one "YYYY-MM-DD name" a line, like a local-holiday
# file, after a first line "# years YYYY-YYYY" naming the years it holds completely.
BUNDLED_FILE = "libur-nasional.txt"
BUNDLED_YEARS = range(2015, 2036)
_YEARS_LINE = re.compile(r"^#\s*years\s+(\d{4})-(\d{4})\b")
_LINE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\s+(.*))?$")

LocalHolidays = Iterable[date] | Iterable[tuple[date, str]] | Mapping[date, str]


class WorkingCalendar:
    """Answers "is this a working day" and counts working days.

    ``local_holidays``: dates, ``(date, name)`` pairs, or a ``{date: name}`` mapping.
    ``years``: years to load eagerly (others load on first use).
    """

    def __init__(self, local_holidays: LocalHolidays = (), years: Iterable[int] | None = None):
        self._local: dict[date, str] = _normalise_local(local_holidays)
        self._national: dict[int, dict[date, str]] = {}
        self._prefix: dict[int, list[int]] = {}  # year -> working days up to each day-of-year
        self._lock = threading.Lock()
        for year in years or ():
            self._year(year)

    @property
    def local_holidays(self) -> dict[date, str]:
        return dict(self._local)

    def _year(self, year: int) -> dict[date, str]:
        table = self._national.get(year)
        if table is None:
            with self._lock:
                table = self._national.get(year)
                if table is None:
                    table = _national_holidays(year)
                    self._national[year] = table
        return table

    def holiday_name(self, d: date) -> str | None:
        """Name of the holiday on ``d`` (local first), or None. Weekends are not holidays."""
        if d in self._local:
            return self._local[d]
        return self._year(d.year).get(d)

    def is_working_day(self, d: date) -> bool:
        if d.weekday() >= 5:
            return False
        return d not in self._local and d not in self._year(d.year)

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (``start`` itself when n == 0)."""
        if n < 0:
            raise ValueError("n must not be negative")
        d = start
        while n > 0:
            d += timedelta(days=1)
            if self.is_working_day(d):
                n -= 1
        return d

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in (a, b]; negative (-(working days in (b, a])) when b < a."""
        if b < a:
            return -self.working_days_between(b, a)
        count = self._upto(b) - self._upto(a)
        for year in range(a.year, b.year):
            count += self._prefix_of(year)[-1]
        return count

    def _prefix_of(self, year: int) -> list[int]:
        prefix = self._prefix.get(year)
        if prefix is None:
            prefix, total, d = [], 0, date(year, 1, 1)
            while d.year == year:
                total += self.is_working_day(d)
                prefix.append(total)
                d += timedelta(days=1)
            self._prefix[year] = prefix
        return prefix

    def _upto(self, d: date) -> int:
        """Working days from 1 January of ``d``'s year up to and including ``d``."""
        return self._prefix_of(d.year)[d.timetuple().tm_yday - 1]


def _normalise_local(items: LocalHolidays) -> dict[date, str]:
    if isinstance(items, Mapping):
        return {d: str(name) for d, name in items.items()}
    result: dict[date, str] = {}
    for item in items:
        if isinstance(item, date):
            result[item] = "Libur daerah"
        else:
            d, name = item
            result[d] = str(name)
    return result


def _national_holidays(year: int) -> dict[date, str]:
    years, table = _bundled()
    if year in years:
        return dict(table.get(year, {}))
    return computed_national_holidays(year)


_bundled_cache: tuple[range, dict[int, dict[date, str]]] | None = None
_bundled_lock = threading.Lock()


def _bundled() -> tuple[range, dict[int, dict[date, str]]]:
    """The bundled file's years and dates (read once); no years if it cannot be read."""
    global _bundled_cache
    with _bundled_lock:
        if _bundled_cache is None:
            from core.resources import resource

            try:
                _bundled_cache = read_bundled_holidays(resource("reference", BUNDLED_FILE))
            except (OSError, DomainError):
                _bundled_cache = (range(0), {})  # the package answers every year
        return _bundled_cache


def read_bundled_holidays(
        path: str | os.PathLike[str]) -> tuple[range, dict[int, dict[date, str]]]:
    """(years held, {year: {date: name}}) from a file ``scripts/generate-holidays`` wrote."""
    with open(path, encoding="utf-8") as fh:
        match = _YEARS_LINE.match(fh.readline())
    if not match:
        raise DomainError("invalid_holiday_file",
                          f"Berkas hari libur nasional {os.fspath(path)} tanpa baris tahun.")
    years = range(int(match.group(1)), int(match.group(2)) + 1)
    table: dict[int, dict[date, str]] = {year: {} for year in years}
    for d, name in read_local_holidays(path).items():
        if d.year in table:
            table[d.year][d] = name
    return years, table


def computed_national_holidays(year: int) -> dict[date, str]:
    """National holidays and cuti bersama of ``year`` as the ``holidays`` package has them."""
    import holidays  # imported lazily: only needed once per year per process

    try:
        table = holidays.country_holidays(
            "ID", years=year, categories=HOLIDAY_CATEGORIES, language="id"
        )
    except (NotImplementedError, KeyError, ValueError):  # older releases without "id"
        table = holidays.country_holidays("ID", years=year, categories=HOLIDAY_CATEGORIES)
    return {d: str(name) for d, name in table.items()}


def read_local_holidays(path: str | os.PathLike[str]) -> dict[date, str]:
    """Parse a local-holiday file: one ``YYYY-MM-DD [name]`` a line; ``#`` comments, blanks ok.

    Raises ``DomainError("invalid_holiday_file")`` naming the bad line.
    """
    result: dict[date, str] = {}
    with open(path, encoding="utf-8-sig") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            match = _LINE.match(line)
            try:
                if not match:
                    raise ValueError(line)
                d = date.fromisoformat(match.group(1))
            except ValueError:
                raise DomainError(
                    "invalid_holiday_file",
                    f"Berkas hari libur daerah {os.fspath(path)} baris {lineno} tidak valid: "
                    f"{line!r}. Gunakan format TTTT-BB-HH diikuti nama hari libur.",
                ) from None
            result[d] = (match.group(2) or "").strip() or "Libur daerah"
    return result


def load_local_holidays(path: str | os.PathLike[str]) -> list[date]:
    """Dates listed in a local-holiday file, sorted (see ``read_local_holidays``)."""
    return sorted(read_local_holidays(path))


def local_date(moment: datetime) -> date:
    """The office's calendar date of ``moment`` (the clock's zone, WITA for Kalimantan
    Selatan; a naive datetime is taken as office time)."""
    return clock().local_date(moment)
