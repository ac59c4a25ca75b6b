"""The one clock product code reads "now" and "today" from, in the office's time zone.

Desk and server alike ask :func:`clock` instead of ``datetime.now``/``date.today``: "today"
is the office's calendar date (WITA for Kalimantan Selatan), never the UTC or the machine's
local date, and a test or a rehearsal can pin the whole process to another instant.

- :func:`set_zone` is called once at start-up with the configured zone (desk: the store
  setting ``office_zone``; server: ``LAPOR_TIMEZONE``).
- ``LAPOR_NOW`` (environment) starts the clock at an instant instead of the system time,
  e.g. ``2026-12-31T23:59:00+08:00``; with ``@<unix seconds>`` appended, the instant is
  anchored to that real time, so several processes (a test, its server, its desks) share
  one pinned time line. The pinned clock runs on at the real pace.
- Tests use :func:`pinned` (a context manager) or :func:`set_clock`.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

ENV_NOW = "LAPOR_NOW"
DEFAULT_ZONE = "WITA"

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")
# Indonesia keeps no daylight saving, so its zones are fixed offsets; naming them this way
# needs no tz database (Windows has none without the tzdata package).
_ZONES: dict[str, tzinfo] = {
    "WIB": WIB, "Asia/Jakarta": WIB, "Asia/Pontianak": WIB,
    "WITA": WITA, "Asia/Makassar": WITA, "Asia/Ujung_Pandang": WITA,
    "WIT": WIT, "Asia/Jayapura": WIT,
    "UTC": UTC,
}
ZONE_CHOICES = ("WIB", "WITA", "WIT")


def parse_zone(name: str) -> tzinfo:
    """``WIB``/``WITA``/``WIT``, or an IANA name (``Asia/Makassar``). ValueError if unknown."""
    key = (name or "").strip()
    for known, zone in _ZONES.items():
        if known.casefold() == key.casefold():
            return zone
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(key)
    except (ValueError, OSError, KeyError) as exc:  # ZoneInfoNotFoundError is a KeyError
        raise ValueError(f"Zona waktu tidak dikenal: {name!r}. Gunakan WIB, WITA atau WIT.") \
            from exc


def parse_now(text: str) -> tuple[datetime, float | None]:
    """``LAPOR_NOW``'s value: (aware instant, real unix time it was taken at, or None)."""
    value, _, anchor = text.strip().partition("@")
    moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"{ENV_NOW} needs a UTC offset, e.g. 2026-12-31T23:59:00+08:00")
    return moment, (float(anchor) if anchor.strip() else None)


def anchored(moment: datetime | str) -> str:
    """A ``LAPOR_NOW`` value pinning ``moment`` to this real instant (shared by processes)."""
    text = moment if isinstance(moment, str) else moment.isoformat()
    return f"{text}@{time.time():.6f}"


class Clock:
    """Now and today in ``zone``; ``source`` gives the current instant (aware)."""

    def __init__(self, zone: tzinfo = WITA,
                 source: Callable[[], datetime] | None = None) -> None:
        self.zone = zone
        self._source = source or _system_now

    def now(self) -> datetime:
        """The current instant in the office's zone."""
        return self._source().astimezone(self.zone)

    def today(self) -> date:
        """The office's calendar date (not UTC's, not the machine's)."""
        return self.now().date()

    def utcnow(self) -> datetime:
        return self._source().astimezone(UTC)

    def timestamp(self) -> float:
        return self._source().timestamp()

    def local_date(self, moment: datetime) -> date:
        """The office date of ``moment`` (a naive datetime is taken as office time)."""
        return moment.date() if moment.tzinfo is None else moment.astimezone(self.zone).date()

    def with_zone(self, zone: tzinfo) -> Clock:
        return Clock(zone, self._source)

    @classmethod
    def starting_at(cls, moment: datetime, *, zone: tzinfo | None = None,
                    anchor: float | None = None, frozen: bool = False) -> Clock:
        """A clock that reads ``moment`` at real time ``anchor`` (default: now) and runs on
        from there; ``frozen``: always ``moment``."""
        if moment.tzinfo is None:
            raise ValueError("moment must be timezone-aware")
        if frozen:
            return cls(zone or WITA, lambda: moment)
        offset = moment.timestamp() - (time.time() if anchor is None else anchor)
        return cls(zone or WITA,
                   lambda: datetime.fromtimestamp(time.time() + offset, UTC))


def _system_now() -> datetime:
    return datetime.now(UTC)


_lock = threading.Lock()
_current: Clock | None = None


def from_environment() -> Clock:
    """A clock as a new process gets it: ``LAPOR_NOW`` if set, else the system time; WITA."""
    pinned_at = os.environ.get(ENV_NOW, "").strip()
    if not pinned_at:
        return Clock(WITA)
    moment, anchor = parse_now(pinned_at)
    return Clock.starting_at(moment, anchor=anchor)


def clock() -> Clock:
    """The process clock (system time unless ``LAPOR_NOW`` or a test pinned it)."""
    current = _current
    if current is None:
        with _lock:
            current = _current
            if current is None:
                current = _set(from_environment())
    return current


def _set(new: Clock) -> Clock:
    global _current
    _current = new
    return new


def set_clock(new: Clock) -> Clock:
    """Replace the process clock; returns the previous one."""
    with _lock:
        old = _current
        _set(new)
    return old if old is not None else Clock(new.zone)


def set_zone(zone: tzinfo | str) -> tzinfo:
    """Keep the clock's time source, read it in ``zone`` (a tzinfo or a zone name)."""
    tz = parse_zone(zone) if isinstance(zone, str) else zone
    set_clock(clock().with_zone(tz))
    return tz


def now() -> datetime:
    return clock().now()


def today() -> date:
    return clock().today()


@contextmanager
def pinned(moment: datetime, *, zone: tzinfo | str | None = None,
           frozen: bool = False) -> Iterator[Clock]:
    """Run a block with the process clock at ``moment`` (tests, rehearsals)."""
    tz = parse_zone(zone) if isinstance(zone, str) else (zone or clock().zone)
    old = set_clock(Clock.starting_at(moment, zone=tz, frozen=frozen))
    try:
        yield clock()
    finally:
        set_clock(old)
