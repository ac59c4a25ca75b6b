"""Pinning the office clock in a test: this process and every process the test starts."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, tzinfo

from core.clock import ENV_NOW, WITA, Clock, anchored, pinned

UTC = UTC


def wita(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=WITA)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@contextmanager
def office_time(moment: datetime, *, zone: tzinfo | str | None = None,
                frozen: bool = False) -> Iterator[Clock]:
    """The process clock at ``moment`` (and ``LAPOR_NOW`` for child processes)."""
    old = os.environ.get(ENV_NOW)
    os.environ[ENV_NOW] = anchored(moment)
    try:
        with pinned(moment, zone=zone, frozen=frozen) as clock:
            yield clock
    finally:
        if old is None:
            os.environ.pop(ENV_NOW, None)
        else:
            os.environ[ENV_NOW] = old


# The boundaries issue 12 names, as (label, instant): the office date must follow WITA.
BOUNDARIES = [
    ("00.30 WITA (16.30 UTC the day before)", utc(2026, 12, 8, 16, 30), "2026-12-09"),
    ("07.59 WITA", wita(2026, 12, 9, 7, 59), "2026-12-09"),
    ("23.59 WITA", wita(2026, 12, 9, 23, 59), "2026-12-09"),
    ("31 December 23.59 WITA", wita(2026, 12, 31, 23, 59), "2026-12-31"),
    ("1 January 00.30 WITA (16.30 UTC on 31 December)", utc(2026, 12, 31, 16, 30),
     "2027-01-01"),
]

__all__ = ["BOUNDARIES", "office_time", "timedelta", "utc", "wita"]
