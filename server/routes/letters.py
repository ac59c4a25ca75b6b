"""Public check of a disposition sheet's QR code (see server/letter_verify.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from server import letter_verify
from server.deps import Ctx
from server.schemas import ErrorOut, LetterVerifyOut

router = APIRouter(prefix="/letters", tags=["letters"])


@router.get("/verify", response_model=LetterVerifyOut,
            responses={400: {"model": ErrorOut, "description": "not a LAPOR! sheet QR payload"}})
def verify(
    payload: Annotated[str, Query(min_length=1, max_length=letter_verify.MAX_PAYLOAD,
                                  description="the text of the sheet's QR code")],
    response: Response, ctx: Ctx,
) -> dict:
    """Is a scanned Lembar Disposisi genuine? No token needed: whoever holds the sheet may
    ask. The answer repeats only what the sheet shows, plus whether the letter is on record
    and voided (never the complaint's content or the void reason)."""
    response.headers["Cache-Control"] = "no-store"  # a letter may be voided later
    with ctx.db.read() as session:
        return letter_verify.verify(session, ctx.qr_keyring, payload, ctx.tz)
