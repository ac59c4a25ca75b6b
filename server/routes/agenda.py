"""Agenda number blocks for offline letter numbering (see server/letters.py)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from core import OpKind
from core.calendar import local_date
from core.workflow import can
from server import letters, org
from server.auth import Principal
from server.deps import Ctx, CurrentUser
from server.errors import ApiError
from server.schemas import AgendaBlockOut, AgendaReserveIn, ErrorOut

router = APIRouter(prefix="/agenda", tags=["agenda"])


@router.post("/reserve", response_model=AgendaBlockOut,
             responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}})
def reserve(body: AgendaReserveIn, principal: CurrentUser,
            ctx: Ctx) -> dict:
    """Reserve ``count`` agenda numbers of the caller's agency for ``year`` to this device,
    with the agency's current QR key (the desk signs its sheets' QR codes with it)."""
    if not can(principal.role, OpKind.letter_issued) and not _holds_position(principal, ctx):
        raise ApiError(403, "forbidden", "Peran Anda tidak menerbitkan surat.")
    # Before the write: a server without a usable QR secret reserves nothing.
    qr_key, qr_key_id = ctx.qr_keyring.current_key(principal.agency)
    with ctx.db.write() as session:
        block = letters.reserve(session, principal, body.year, body.count)
    return {**block, "qr_key": qr_key, "qr_key_id": qr_key_id}


def _holds_position(principal: Principal, ctx: Any) -> bool:
    """A holder (or Plt./Plh.) of a jabatan prints the Lembar Disposisi of the chain
    dispositions sent to him whatever his role, so his desk needs agenda numbers too."""
    with ctx.db.read() as session:
        return org.holds_any(session, principal.agency, principal.username,
                             local_date(ctx.now()))
