"""Is this disposition sheet genuine? The answer to a scanned QR payload.

The payload (``core/qr_payload.py``) names the agency, the agenda number as
printed and the complaint number, signed with the agency's QR key (server/qr_keys.py).
The answer says only what the sheet already shows plus the letter's state: never the
complaint's content, the reporter, the void reason or who issued it, so it can be public.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, tzinfo
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from core.qr_payload import is_draft_agenda, parse_qr_payload
from core.validation import parse_int, unstorable_text
from server.errors import ApiError
from server.letters import AGENDA_TEXT_MAX
from server.models import Complaint, Letter
from server.qr_keys import QrKeyring

MAX_PAYLOAD = 1000  # characters; a real payload is well under 400

MESSAGES = {
    "valid": "Lembar disposisi ini asli dan tercatat di server pusat.",
    "voided": "Lembar disposisi ini asli, tetapi suratnya sudah dibatalkan.",
    "unknown": "Tanda pengaman kode QR sah, tetapi surat ini belum tercatat di server pusat "
               "(mungkin desk penerbitnya belum tersinkron). Periksa lagi nanti.",
    "draft": "Kode QR ini dari konsep lembar disposisi (belum diterbitkan, tanpa nomor "
             "agenda), jadi tidak sah. Lembar disposisi yang sah mencantumkan nomor agenda.",
    "forged": "Kode QR ini tidak sah: tanda pengamannya tidak cocok. Isinya telah diubah atau "
              "tidak diterbitkan melalui LAPOR! Desk.",
}


def _malformed() -> ApiError:
    return ApiError(400, "invalid_qr", "Isi kode QR tidak dikenali: bukan kode QR lembar "
                                       "disposisi LAPOR! Desk (LPD1|instansi|nomor agenda|nomor "
                                       "laporan|tanda).")


def agenda_candidates(text: str) -> set[tuple[int, int]]:
    """(number, year) pairs a printed agenda number may stand for: any group of digits as the
    number with another 4-digit group (2000-2100) as the year. Fits every template, since
    ``{seq}`` and ``{year}`` are required; used for letters recorded without their text."""
    groups = re.findall(r"[0-9]+", text)  # ASCII digits only: "\d" takes "٣" too
    years = [(i, int(g)) for i, g in enumerate(groups) if len(g) == 4 and 2000 <= int(g) <= 2100]
    return {(int(g), year) for yi, year in years for i, g in enumerate(groups)
            if i != yi and len(g) <= 9}


def _complaint_matches(session: Session, complaint_id: str, number: str) -> bool:
    row = session.execute(sa.select(Complaint.tracking_number, Complaint.snapshot).where(
        Complaint.id == complaint_id)).first()
    if row is None:
        return False
    if parse_int(number) == row.tracking_number:
        return True
    provisional = json.loads(row.snapshot).get("provisional_number")
    return bool(provisional) and str(provisional) == number


def find_letter(session: Session, agency: str, text: str, complaint: str) -> Letter | None:
    """The letter a verified payload names, its complaint checked against the payload's."""
    found = list(session.execute(sa.select(Letter).where(
        Letter.agency_code == agency, Letter.agenda_text == text)).scalars())
    pairs = agenda_candidates(text)
    if not found and pairs:
        found = [letter for letter in session.execute(sa.select(Letter).where(
            Letter.agency_code == agency, Letter.agenda_text.is_(None),
            Letter.year.in_(sorted({y for _, y in pairs})),
            Letter.agenda_number.in_(sorted({n for n, _ in pairs})))).scalars()
            if (letter.agenda_number, letter.year) in pairs]
    matching = [letter for letter in found if _complaint_matches(session, letter.complaint_id,
                                                                   complaint)]
    return matching[0] if len(matching) == 1 else None


def _day(moment: datetime | None, tz: tzinfo) -> date | None:
    return moment.astimezone(tz).date() if moment is not None else None


def verify(session: Session, keyring: QrKeyring, payload: str, tz: tzinfo) -> dict[str, Any]:
    if len(payload) > MAX_PAYLOAD or not payload.isascii():
        raise _malformed()
    fields = parse_qr_payload(payload)
    if fields is None or not all((fields.agency_code, fields.agenda_number,
                                  fields.complaint_number)):
        raise _malformed()
    # The fields are percent-encoded inside the payload: a NUL shows only once decoded, past
    # the request's own check (server/text_guard.py). No sheet carries one.
    if any(unstorable_text(field) for field in (fields.agency_code, fields.agenda_number,
                                                fields.complaint_number)):
        raise _malformed()
    if keyring.verify(payload, fields.agency_code) is None:
        return {"status": "forged", "message": MESSAGES["forged"]}
    if is_draft_agenda(fields.agenda_number):  # a konsep is never a genuine sheet
        return {"status": "draft", "message": MESSAGES["draft"]}
    answer: dict[str, Any] = {"agency": fields.agency_code,
                              "agenda_number": fields.agenda_number,
                              "complaint_number": fields.complaint_number}
    letter = None
    if len(fields.agenda_number) <= AGENDA_TEXT_MAX:
        letter = find_letter(session, fields.agency_code, fields.agenda_number,
                             fields.complaint_number)
    if letter is None:
        return {"status": "unknown", "message": MESSAGES["unknown"], **answer}
    status = "voided" if letter.voided_at is not None else "valid"
    return {"status": status, "message": MESSAGES[status], **answer,
            "issued_date": _day(letter.issued_at, tz),
            "voided": letter.voided_at is not None, "voided_date": _day(letter.voided_at, tz)}
