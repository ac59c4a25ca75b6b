"""Provisional complaint numbers ``L-<desk>-<yyyymmdd>-<seq>`` and the desk's id.

A desk numbers what it records before the server has seen it, so a citizen leaves with a
number even when the network is down. The number is allocated inside the same SQLite
transaction that creates the complaint (``writes.create_complaints``): a crash either
keeps both or neither, and the single-writer lock makes the sequence unique per desk per
day. The counter never goes down, so a number printed on a receipt is never reused, even
if its complaint later disappears from the desk.
"""

from __future__ import annotations

import re
import secrets
from datetime import date

from sqlalchemy import Connection, select

from core.validation import parse_int
from desktop.store.schema import complaints, settings
from desktop.store.snapshots import dumps, loads

PREFIX = "L"
DESK_ID_KEY = "desk_id"
COUNTER_KEY = "provisional_counter"  # {"<desk>/<yyyymmdd>": last seq}, settings table
DESK_ID_RE = re.compile(r"^[A-Z0-9]{1,8}$")
PROVISIONAL_RE = re.compile(r"^L-([A-Z0-9]{1,8})-(\d{8})-(\d{4,})$")
COUNTER_DAYS_KEPT = 62  # older day counters are dropped; their numbers carry the old date


def format_number(desk_id: str, day: date, seq: int) -> str:
    return f"{PREFIX}-{desk_id}-{day:%Y%m%d}-{seq:04d}"


def parse_number(text: str) -> tuple[str, date, int] | None:
    """``"L-D1-20261128-0007"`` -> ("D1", 2026-11-28, 7); None for anything else."""
    match = PROVISIONAL_RE.match(str(text or "").strip().upper())
    if not match:
        return None
    desk, day, seq = match.groups()
    try:
        return desk, date(int(day[:4]), int(day[4:6]), int(day[6:])), int(seq)
    except ValueError:
        return None


def normalize_desk_id(value: str) -> str:
    desk = str(value or "").strip().upper()
    if not DESK_ID_RE.match(desk):
        raise ValueError("Kode loket harus 1–8 huruf besar atau angka (contoh: D1).")
    return desk


def _get(conn: Connection, key: str):  # noqa: ANN202 - JSON value
    row = conn.execute(select(settings.c.value).where(settings.c.key == key)).first()
    return None if row is None else loads(row[0])


def _set(conn: Connection, key: str, value: object) -> None:
    conn.exec_driver_sql(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, dumps(value)))


def read_desk_id(conn: Connection) -> str | None:
    value = _get(conn, DESK_ID_KEY)
    return str(value) if value else None


def ensure_desk_id(conn: Connection) -> str:
    """This desk's id (settings ``desk_id``); made up and stored on first use. Call inside
    a write transaction."""
    desk = read_desk_id(conn)
    if desk:
        return desk
    desk = "D" + secrets.token_hex(2).upper()
    _set(conn, DESK_ID_KEY, desk)
    return desk


class Allocator:
    """Hands out provisional numbers inside ONE write transaction (the one that stores the
    complaints carrying them); the counter row is written back with each number."""

    def __init__(self, conn: Connection, desk_id: str) -> None:
        self.conn = conn
        self.desk_id = desk_id
        self._counters: dict[str, int] | None = None

    def next(self, day: date) -> str:
        conn = self.conn
        if self._counters is None:
            self._counters = dict(_get(conn, COUNTER_KEY) or {})
            cutoff = day.toordinal() - COUNTER_DAYS_KEPT
            self._counters = {k: v for k, v in self._counters.items()
                              if _day_ordinal(k) >= cutoff}
        key = f"{self.desk_id}/{day:%Y%m%d}"
        if key not in self._counters:
            self._counters[key] = _highest_used(conn, f"{PREFIX}-{self.desk_id}-{day:%Y%m%d}-")
        seq = self._counters[key] + 1
        self._counters[key] = seq
        _set(conn, COUNTER_KEY, self._counters)
        return format_number(self.desk_id, day, seq)


def _highest_used(conn: Connection, prefix: str) -> int:
    """The highest sequence already on a complaint. The complaints table is the floor: a
    counter lost with a restored settings row must not hand out a number in use."""
    pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    numbers = conn.execute(
        select(complaints.c.provisional_number)
        .where(complaints.c.provisional_number.like(pattern, escape="\\"))
    ).scalars()
    # Provisional numbers arrive from other desks too: only ASCII digits count.
    tails = (parse_int(n[len(prefix):]) for n in numbers)
    return max((t for t in tails if t is not None), default=0)


def _day_ordinal(key: str) -> int:
    try:
        day = key.rsplit("/", 1)[1]
        return date(int(day[:4]), int(day[4:6]), int(day[6:])).toordinal()
    except (IndexError, ValueError):
        return 0
