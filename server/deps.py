"""FastAPI dependencies: the server context and the signed-in principal."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from server.auth import Principal, authenticate
from server.context import ServerContext
from server.errors import ApiError

bearer = HTTPBearer(auto_error=False, description="access_token dari /api/v1/auth/login")
DEVICE_HEADER = "X-Device-Id"
# Optional to FastAPI so that a missing header is answered 401 device_mismatch by
# server.auth, not 422; the OpenAPI document marks it required (server.app).
DeviceHeader = Annotated[str | None, Header(
    alias=DEVICE_HEADER, description="the desk's device id, the one it signed in with; missing "
                                     "or another: 401 device_mismatch")]

ADMIN_ROLES = frozenset({"admin_instansi", "admin_pusat"})


async def get_ctx(request: Request) -> ServerContext:
    # async: no I/O here, so no trip through the thread pool
    return request.app.state.ctx


def get_principal(
    request: Request,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    _device: DeviceHeader = None,
) -> Principal:
    return authenticate(request.app.state.ctx, request)


CurrentUser = Annotated[Principal, Depends(get_principal)]
Ctx = Annotated[ServerContext, Depends(get_ctx)]


def require_admin(principal: CurrentUser) -> Principal:
    if principal.role not in ADMIN_ROLES:
        raise ApiError(403, "forbidden", "Hanya admin yang boleh membuka halaman ini.")
    return principal


AdminUser = Annotated[Principal, Depends(require_admin)]
