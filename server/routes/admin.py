"""Directory and audit: the agency's users, the audit log (admin roles)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from server import audit, directory
from server.deps import AdminUser, Ctx, CurrentUser
from server.errors import ApiError
from server.schemas import AuditOut, ErrorOut, UsersOut

router = APIRouter(tags=["directory"])
_ERRORS = {401: {"model": ErrorOut}, 403: {"model": ErrorOut}}


@router.get("/users", response_model=UsersOut, responses=_ERRORS)
def users(principal: CurrentUser, ctx: Ctx,
          agency: Annotated[str | None, Query(max_length=32,
                                              description="admin pusat only: one agency")] = None,
          ) -> dict:
    """Users of the caller's agency (the central admin: every agency, or ``agency``)."""
    if principal.role == "admin_pusat":
        scope = agency
    else:
        if agency is not None and agency != principal.agency:
            raise ApiError(403, "forbidden", "Anda hanya dapat melihat pengguna instansi sendiri.")
        scope = principal.agency
    with ctx.db.read() as session:
        rows = directory.list_users(session, scope)
        return {"users": [directory.user_entity_json(u) for u in rows]}


@router.get("/audit", response_model=AuditOut, responses=_ERRORS)
def audit_log(principal: AdminUser, ctx: Ctx,
              limit: Annotated[int, Query(ge=1, le=500)] = 100,
              before: Annotated[int | None, Query(
                  ge=1, le=2**31 - 1, description="entries with a smaller id (paging)")] = None,
              complaint_id: Annotated[str | None, Query(max_length=36)] = None) -> dict:
    """Newest first. An agency admin sees what concerned their agency; the central admin all."""
    agency = None if principal.role == "admin_pusat" else principal.agency
    with ctx.db.read() as session:
        rows = audit.query(session, agency=agency, limit=limit, before=before,
                           complaint_id=complaint_id)
        return {"entries": [audit.entry_json(e) for e in rows]}
