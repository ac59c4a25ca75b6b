"""Agenda numbers: the format printed on a letter, and the desk's reserved number blocks.

An agenda number is unique per agency per year across all desks (BRIEF.md). The server
hands each device disjoint blocks (``POST /agenda/reserve``); a desk numbers letters from
its own blocks only, so two desks working offline at the same time never pick the same
number, and a number once taken (even by a letter later voided) is never given again:
``next_number`` only moves up, inside the same transaction that archives the letter.

The printed form is configurable (``AgendaFormat``), e.g. ``045/DISP/DINKES/XI/2026``
from ``{seq:03d}/DISP/{agency}/{month_roman}/{year}``. The server only knows the
sequence and the year; the text is derived.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date
from typing import Any

DEFAULT_FORMAT = "{seq:03d}/DISP/{agency}/{month_roman}/{year}"
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
FIELDS = {"seq", "agency", "month", "month_roman", "year"}
_FIELD_RE = {
    "seq": r"\d+",
    "agency": r"[^/\s]+",
    "month": r"\d{1,2}",
    "month_roman": r"[IVX]+",
    "year": r"\d{4}",
}
MAX_LENGTH = 64  # the domain keeps agenda numbers up to 64 characters


@dataclass(frozen=True)
class AgendaFormat:
    """``template`` uses ``{seq}`` (with an optional width such as ``{seq:03d}``),
    ``{agency}``, ``{month}`` (01-12), ``{month_roman}`` (I-XII) and ``{year}``."""

    template: str = DEFAULT_FORMAT

    def __post_init__(self) -> None:
        problem = check_template(self.template)
        if problem:
            raise ValueError(problem)

    def format(self, seq: int, agency: str, day: date) -> str:
        return self.template.format(seq=seq, agency=agency, month=f"{day.month:02d}",
                                    month_roman=ROMAN_MONTHS[day.month - 1], year=day.year)

    def parse(self, text: str) -> tuple[int, int] | None:
        """(sequence, year) of a printed number, None when it does not fit the template
        (e.g. to look a QR payload's number up on the server)."""
        match = self._regex().fullmatch(str(text or "").strip())
        if not match:
            return None
        return int(match.group("seq")), int(match.group("year"))

    def _regex(self) -> re.Pattern[str]:
        parts: list[str] = []
        seen: set[str] = set()
        for literal, name, _spec, _conv in string.Formatter().parse(self.template):
            parts.append(re.escape(literal))
            if name is None:
                continue
            pattern = _FIELD_RE[name]
            parts.append(f"(?:{pattern})" if name in seen else f"(?P<{name}>{pattern})")
            seen.add(name)
        return re.compile("".join(parts))


def check_template(template: Any) -> str | None:
    """None when ``template`` is usable, else an Indonesian explanation."""
    if not isinstance(template, str) or not template.strip():
        return "Format nomor agenda wajib diisi."
    try:
        names = [name for _lit, name, _spec, _conv in string.Formatter().parse(template)
                 if name is not None]
    except ValueError:
        return "Format nomor agenda tidak valid (periksa tanda kurung kurawal)."
    unknown = sorted({n for n in names if n not in FIELDS})
    if unknown:
        return (f"Format nomor agenda memuat isian yang tidak dikenal: {', '.join(unknown)} "
                f"(yang dikenal: {', '.join(sorted(FIELDS))}).")
    if "seq" not in names or "year" not in names:
        return "Format nomor agenda harus memuat {seq} dan {year}."
    try:
        sample = template.format(seq=999999, agency="ABCDEFGHIJKLMNOP", month="12",
                                 month_roman="VIII", year=2026)
    except (ValueError, KeyError, IndexError):
        return "Format nomor agenda tidak valid (misalnya {seq:03d})."
    if len(sample) > MAX_LENGTH:
        return f"Format nomor agenda terlalu panjang (maks. {MAX_LENGTH} karakter)."
    return None


# --- reserved blocks (SQL on the store's sqlite3 connection, inside the caller's transaction)

@dataclass(frozen=True)
class Block:
    id: str
    agency_code: str
    year: int
    start_number: int
    end_number: int
    next_number: int

    @property
    def free(self) -> int:
        return max(0, self.end_number - self.next_number + 1)


def blocks(raw: Any, agency: str | None = None, year: int | None = None) -> list[Block]:
    sql = ("SELECT id, agency_code, year, start_number, end_number, next_number "
           "FROM agenda_blocks WHERE 1 = 1")
    params: list[Any] = []
    if agency is not None:
        sql += " AND agency_code = ?"
        params.append(agency)
    if year is not None:
        sql += " AND year = ?"
        params.append(year)
    rows = raw.execute(sql + " ORDER BY year, start_number", params).fetchall()
    return [Block(*row) for row in rows]


def free_numbers(raw: Any, agency: str, year: int) -> int:
    return sum(b.free for b in blocks(raw, agency, year))


def add_block(raw: Any, *, block_id: str, agency: str, year: int, start: int, end: int,
              reserved_at: str) -> bool:
    """Keep a block the server reserved to this device; False if it was already kept."""
    if start <= 0 or end < start:
        raise ValueError(f"blok nomor agenda tidak valid: {start}-{end}")
    cur = raw.execute(
        "INSERT INTO agenda_blocks (id, agency_code, year, start_number, end_number, "
        "next_number, reserved_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
        (block_id, agency, year, start, end, start, reserved_at))
    return cur.rowcount == 1


def take_number(raw: Any, agency: str, year: int) -> int | None:
    """The lowest free number of this desk's blocks for (agency, year), marked used; None
    when every block is used up. Numbers already on a letter here are skipped, so even a
    block row restored from an old backup cannot hand out a number twice on this desk."""
    while True:
        row = raw.execute(
            "SELECT id, next_number FROM agenda_blocks WHERE agency_code = ? AND year = ? "
            "AND next_number <= end_number ORDER BY start_number LIMIT 1",
            (agency, year)).fetchone()
        if row is None:
            return None
        block_id, number = row
        raw.execute("UPDATE agenda_blocks SET next_number = ? WHERE id = ?",
                    (number + 1, block_id))
        used = raw.execute(
            "SELECT 1 FROM letters WHERE agency_code = ? AND agenda_year = ? AND agenda_seq = ?",
            (agency, year, number)).fetchone()
        if used is None:
            return number
