"""Dates and numbers as Indonesian offices write them ("28 Nov 2026", "100.000").

Pure Python (no Qt, no locale module): the result must not depend on the OS locale
of the desk PC, which is often set to English.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from core.clock import clock
from core.dates import DAYS_ID, MONTHS_ID, zone_label

# The Indonesian words are the letters' own (core.dates): one spelling for screen and paper.
MONTHS = {
    "id": MONTHS_ID,
    "en": ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"),
}
MONTHS_SHORT = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
WEEKDAYS = {
    "id": DAYS_ID,
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def _lang(lang: str) -> str:
    return lang if lang in MONTHS else "id"


def as_date(value: date | datetime | str | None) -> date | None:
    """A ``date`` from a date, a datetime or an ISO 8601 string (snapshot fields)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return datetime.fromisoformat(value).date() if "T" in value else date.fromisoformat(value)


def as_datetime(value: datetime | str | None) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def date_short(value: date | datetime | str | None, lang: str = "id") -> str:
    """``28 Nov 2026``: table cells."""
    d = as_date(value)
    if d is None:
        return ""
    return f"{d.day} {MONTHS_SHORT[_lang(lang)][d.month - 1]} {d.year}"


def date_long(value: date | datetime | str | None, lang: str = "id", weekday: bool = False) -> str:
    """``28 November 2026`` (``Sabtu, 28 November 2026`` with ``weekday``): letters, details."""
    d = as_date(value)
    if d is None:
        return ""
    text = f"{d.day} {MONTHS[_lang(lang)][d.month - 1]} {d.year}"
    if weekday:
        text = f"{WEEKDAYS[_lang(lang)][d.weekday()]}, {text}"
    return text


def zone_name(dt: datetime) -> str:
    """``WIB``/``WITA``/``WIT`` (else ``UTC+hh:mm``; "" when naive), as letters print it."""
    return zone_label(dt)


def time_short(value: datetime | str | None, lang: str = "id") -> str:
    """``09.12 WITA``: Indonesian writes a dot between hours and minutes."""
    dt = as_datetime(value)
    if dt is None:
        return ""
    sep = "." if _lang(lang) == "id" else ":"
    zone = zone_name(dt)
    text = f"{dt.hour:02d}{sep}{dt.minute:02d}"
    return f"{text} {zone}" if zone else text


def datetime_long(value: datetime | str | None, lang: str = "id") -> str:
    """``20 November 2026 09.12 WITA`` in the time zone the event was recorded in."""
    dt = as_datetime(value)
    if dt is None:
        return ""
    return f"{date_long(dt, lang)} {time_short(dt, lang)}"


def datetime_short(value: datetime | str | None, lang: str = "id") -> str:
    """``20 Nov 2026 09.12``: timeline rows."""
    dt = as_datetime(value)
    if dt is None:
        return ""
    sep = "." if _lang(lang) == "id" else ":"
    return f"{date_short(dt, lang)} {dt.hour:02d}{sep}{dt.minute:02d}"


def number(value: int | float, decimals: int = 0, lang: str = "id") -> str:
    """``100.000`` and ``1.234,5`` in Indonesian; ``100,000`` and ``1,234.5`` in English."""
    text = f"{value:,.{decimals}f}"
    if _lang(lang) == "id":
        text = text.translate(str.maketrans(",.", ".,"))
    return text


def short_time(iso: str | None, lang: str = "id") -> str:
    """``10.42`` today, ``27 Nov 10.42`` before (Indonesian clock with a dot)."""
    if not iso:
        return ""
    office = clock()
    moment = datetime.fromisoformat(iso).astimezone(office.zone)
    sep = "." if lang == "id" else ":"
    hhmm = f"{moment.hour:02d}{sep}{moment.minute:02d}"
    if moment.date() == office.today():
        return hhmm
    return f"{date_short(moment.date(), lang)} {hhmm}"


def op_time(op: Any, lang: str = "id") -> str:
    """When an outbox op was made, as :func:`short_time` says it."""
    return short_time(op.created_at, lang)
