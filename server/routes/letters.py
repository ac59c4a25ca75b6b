"""Public check of a disposition sheet's QR code (see server/letter_verify.py)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import HTMLResponse

from core.qr_payload import payload_from_code
from server import letter_verify, verify_page
from server.deps import Ctx
from server.errors import ApiError
from server.schemas import ErrorOut, LetterVerifyOut

router = APIRouter(prefix="/letters", tags=["letters"])

_HTML = {"text/html": {"schema": {"type": "string"}}}


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


@router.get(
    "/v/{code:path}", response_model=LetterVerifyOut,
    responses={200: {"content": _HTML, "description": "HTML for a browser, JSON on request"},
               400: {"model": ErrorOut, "content": _HTML,
                     "description": "not a LAPOR! sheet QR payload"}})
def verify_link(
    code: Annotated[str, Path(description="the sheet's payload in URL form: LPD1*agency*"
                                          "agenda*complaint*tag (docs/letters.md)")],
    request: Request, response: Response, ctx: Ctx,
) -> Any:
    """What a sheet's QR code opens (``https://<server>/api/v1/letters/v/<payload>``): the
    answer of ``/letters/verify`` as an Indonesian page for a browser, or as JSON when the
    request's ``Accept`` prefers ``application/json``. No token needed."""
    wants_json = verify_page.prefers_json(request.headers.get("accept"))
    try:
        with ctx.db.read() as session:
            answer = letter_verify.verify(session, ctx.qr_keyring, payload_from_code(code),
                                          ctx.tz)
    except ApiError as err:
        if wants_json:
            raise
        return HTMLResponse(verify_page.render(None, err.message), status_code=err.status,
                            headers=verify_page.HEADERS)
    if wants_json:
        response.headers.update(verify_page.HEADERS)
        return answer
    return HTMLResponse(verify_page.render(answer), headers=verify_page.HEADERS)
