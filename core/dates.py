"""Indonesian date and time wording for printed documents ("28 November 2026", "09.12 WITA").

Pure and locale-independent on purpose: the machine's locale must never change a letter.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

# Indonesia's three civil time zones, by UTC offset.
_ZONE_LABELS = {
    timedelta(hours=7): "WIB",
    timedelta(hours=8): "WITA",
    timedelta(hours=9): "WIT",
}


def format_date_id(d: date | datetime | None, *, weekday: bool = False, empty: str = "-") -> str:
    """``28 November 2026`` (or ``Sabtu, 28 November 2026``); ``empty`` when ``d`` is None."""
    if d is None:
        return empty
    text = f"{d.day} {MONTHS_ID[d.month - 1]} {d.year}"
    if weekday:
        text = f"{DAYS_ID[d.weekday()]}, {text}"
    return text


def zone_label(dt: datetime) -> str:
    """``WIB``/``WITA``/``WIT`` for Indonesian offsets, ``UTC+hh:mm`` otherwise, "" when naive."""
    offset = dt.utcoffset()
    if offset is None:
        return ""
    if offset in _ZONE_LABELS:
        return _ZONE_LABELS[offset]
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{mins:02d}"


def format_time_id(dt: datetime) -> str:
    """``09.12 WITA`` (Indonesian writes the hour separator as a dot)."""
    label = zone_label(dt)
    text = f"{dt.hour:02d}.{dt.minute:02d}"
    return f"{text} {label}" if label else text


def format_datetime_id(dt: datetime | None, *, empty: str = "-") -> str:
    """``28 November 2026 pukul 09.12 WITA``."""
    if dt is None:
        return empty
    return f"{format_date_id(dt)} pukul {format_time_id(dt)}"


def parse_iso_date(value: object) -> date | None:
    """A ``date`` from a snapshot field (``"2026-11-20"`` or a full ISO timestamp); None if empty
    or unreadable, so one bad field prints as "-" instead of breaking a letter."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if len(text) > 10:
            return datetime.fromisoformat(text).date()
        return date.fromisoformat(text)
    except ValueError:
        return None


def parse_iso_datetime(value: object) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value).strip())
    except ValueError:
        return None
