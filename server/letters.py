"""Agenda numbers and disposition letter records.

Agenda numbers run per agency per year and are never reused. A desk that may go offline
reserves a block (``/agenda/reserve``) to its device and numbers letters from it without
the server; the server later accepts a ``letter_issued`` only with a number inside one of
that device's blocks that no letter has used. Online desks may leave the number out: the
server then takes the next free one itself. Voided letters keep their number.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from core.validation import parse_int
from server import audit, restore
from server.auth import Principal
from server.models import AgendaBlock, Letter
from server.sqlutil import next_counter

MAX_BLOCK = 1000
AGENDA_TEXT_MAX = 64


class LetterProblem(Exception):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(next(iter(errors.values())))
        self.errors = errors


def agenda_counter(agency: str, year: int) -> str:
    return f"agenda:{agency}:{year}"


def reserve(session: Session, principal: Principal, year: int, count: int) -> dict[str, Any]:
    start = next_counter(session, agenda_counter(principal.agency, year), count)
    block = AgendaBlock(id=str(uuid.uuid4()), agency_code=principal.agency, year=year,
                        start_number=start, end_number=start + count - 1,
                        device_id=principal.device_id, username=principal.username)
    session.add(block)
    audit.record(session, action="agenda_reserve", username=principal.username,
                 agency=principal.agency, device_id=principal.device_id,
                 address=principal.address, target_type="agenda_block", target_id=block.id,
                 details={"year": year, "start": block.start_number, "end": block.end_number})
    return {"agency": principal.agency, "year": year, "start": block.start_number,
            "end": block.end_number, "block_id": block.id}


def agenda_text(payload: dict[str, Any]) -> str | None:
    """The printed agenda number a desk sent with ``letter_issued`` (None if unusable)."""
    text = payload.get("agenda_text")
    if not isinstance(text, str) or not text.strip() or len(text.strip()) > AGENDA_TEXT_MAX:
        return None
    return text.strip()


def _int(value: Any) -> int | None:
    """An agenda number or year from a payload (ASCII digits, at most 9), else None."""
    return parse_int(value, max_digits=9)


def _device_blocks(session: Session, principal: Principal, number: int) -> list[AgendaBlock]:
    return list(session.execute(
        sa.select(AgendaBlock).where(
            AgendaBlock.agency_code == principal.agency,
            AgendaBlock.device_id == principal.device_id,
            AgendaBlock.start_number <= number, AgendaBlock.end_number >= number,
        )
    ).scalars())


def prepare_issue(session: Session, principal: Principal, payload: dict[str, Any],
                  now: datetime) -> tuple[dict[str, Any], int, int]:
    """Check (or assign) the agenda number of a letter_issued payload.

    Returns the payload to hand to apply_op (with the number filled in), the year and the
    number. Raises LetterProblem with field errors when the number may not be used.
    """
    payload = dict(payload)
    letter_id = payload.get("letter_id")
    if letter_id and session.get(Letter, str(letter_id)[:64]) is not None:
        raise LetterProblem({"letter_id": "Surat dengan id ini sudah diterbitkan."})
    raw_year = payload.get("agenda_year")
    year = _int(raw_year) if raw_year is not None else None
    if raw_year is not None and (year is None or not 2000 <= year <= 2100):
        raise LetterProblem({"agenda_year": "Tahun agenda tidak valid."})
    raw_number = payload.get("agenda_number")
    if raw_number is None or raw_number == "":
        year = year or now.year
        number = next_counter(session, agenda_counter(principal.agency, year), 1)
        payload["agenda_number"] = number
        payload["agenda_year"] = year
        return payload, year, number
    number = _int(raw_number)
    if number is None or number <= 0:
        raise LetterProblem({"agenda_number": "Nomor agenda harus bilangan bulat positif."})
    blocks = _device_blocks(session, principal, number)
    if year is not None:
        blocks = [b for b in blocks if b.year == year]
    years = {b.year for b in blocks}
    if not years and year is not None and restore.agenda_claimable(
            session, principal.agency, year, number):
        # Re-sent after a restore from backup: its block was reserved after the dump.
        years = {year}
    if not years:
        raise LetterProblem({"agenda_number": f"Nomor agenda {number} tidak termasuk blok nomor "
                                              "yang dipesan perangkat ini."})
    if len(years) > 1:
        raise LetterProblem({"agenda_year": "Tahun agenda wajib diisi."})
    year = years.pop()
    used = session.execute(sa.select(Letter.id).where(
        Letter.agency_code == principal.agency, Letter.year == year,
        Letter.agenda_number == number)).first()
    if used:
        raise LetterProblem({"agenda_number": f"Nomor agenda {number}/{year} sudah dipakai."})
    payload["agenda_number"] = number
    payload["agenda_year"] = year
    return payload, year, number


def record_issue(session: Session, principal: Principal, complaint_id: str, op_id: str,
                 payload: dict[str, Any], year: int, number: int) -> None:
    letter_id = payload.get("letter_id") or op_id
    session.add(Letter(id=str(letter_id)[:64], complaint_id=complaint_id,
                       agency_code=principal.agency, year=year, agenda_number=number,
                       agenda_text=agenda_text(payload), issued_by=principal.username,
                       device_id=principal.device_id, op_id=op_id))


def record_void(session: Session, principal: Principal, complaint_id: str,
                payload: dict[str, Any], now: datetime) -> None:
    """Mark the letter voided (its number stays taken). Raises LetterProblem if unknown."""
    stmt = sa.select(Letter).where(Letter.complaint_id == complaint_id)
    if payload.get("letter_id"):
        stmt = stmt.where(Letter.id == str(payload["letter_id"])[:64])
    elif _int(payload.get("agenda_number")) is not None:
        stmt = stmt.where(Letter.agenda_number == _int(payload.get("agenda_number")))
        if _int(payload.get("agenda_year")) is not None:
            stmt = stmt.where(Letter.year == _int(payload.get("agenda_year")))
    else:
        raise LetterProblem({"letter_id": "Sebutkan surat yang dibatalkan (letter_id)."})
    letter = session.execute(stmt).scalars().first()
    if letter is None:
        raise LetterProblem({"letter_id": "Surat tidak ditemukan pada pengaduan ini."})
    if letter.voided_at is None:
        letter.voided_at = now
