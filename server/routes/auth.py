"""Sign in, renew, sign out."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool

from server import auth
from server.auth import client_address
from server.deps import Ctx, CurrentUser, DeviceHeader
from server.schemas import ErrorOut, LoginIn, RefreshIn, TokenOut

router = APIRouter(prefix="/auth", tags=["auth"])
_ERRORS = {401: {"model": ErrorOut}, 422: {"model": ErrorOut}, 429: {"model": ErrorOut}}


@router.post("/login", response_model=TokenOut, responses=_ERRORS)
def login(body: LoginIn, request: Request, ctx: Ctx) -> dict:
    return auth.login(ctx, body.username, body.password, body.device_id, client_address(request))


@router.post("/refresh", response_model=TokenOut, responses=_ERRORS)
def refresh(body: RefreshIn, request: Request, ctx: Ctx,
            x_device_id: DeviceHeader = None) -> dict:
    """Renew both tokens, from the device the session was signed in on."""
    return auth.refresh(ctx, body.refresh_token, x_device_id, client_address(request))


@router.post("/logout", status_code=204, responses={401: {"model": ErrorOut}})
async def logout(principal: CurrentUser, ctx: Ctx) -> Response:
    await run_in_threadpool(auth.logout, ctx, principal)
    return Response(status_code=204)
