"""Directory and audit: the agency's users, the audit log (admin roles)."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Annotated

from fastapi import APIRouter, Query

from server import audit, directory
from server.deps import AdminUser, Ctx, CurrentUser
from server.errors import ApiError
from server.schemas import AuditOut, ErrorOut, UsersOut

router = APIRouter(tags=["directory"])
_ERRORS = {401: {"model": ErrorOut}, 403: {"model": ErrorOut}}
DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


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


@router.get("/audit", response_model=AuditOut, responses={**_ERRORS, 422: {"model": ErrorOut}})
def audit_log(principal: AdminUser, ctx: Ctx,
              limit: Annotated[int, Query(ge=1, le=500)] = 100,
              before: Annotated[int | None, Query(
                  ge=1, le=2**31 - 1, description="entries with a smaller id (paging)")] = None,
              complaint_id: Annotated[str | None, Query(max_length=36)] = None,
              username: Annotated[str | None, Query(max_length=64)] = None,
              action: Annotated[str | None, Query(max_length=40)] = None,
              date_from: Annotated[str | None, Query(
                  max_length=10, description="first office day (YYYY-MM-DD)")] = None,
              date_to: Annotated[str | None, Query(
                  max_length=10, description="last office day (YYYY-MM-DD)")] = None) -> dict:
    """Newest first. An agency admin sees what concerned their agency; the central admin all.
    Filters: who (``username``), what (``action``), office days, one complaint."""
    agency = None if principal.role == "admin_pusat" else principal.agency
    since = _day_start(ctx.tz, date_from, "date_from", 0)
    until = _day_start(ctx.tz, date_to, "date_to", 1)
    with ctx.db.read() as session:
        rows = audit.query(session, agency=agency, limit=limit, before=before,
                           complaint_id=complaint_id, username=username or None,
                           action=action or None, since=since, until=until)
        return {"entries": [audit.entry_json(e) for e in rows]}


def _day_start(tz: tzinfo, text: str | None, field: str, plus_days: int) -> datetime | None:
    """The start of office day ``text`` (+ ``plus_days``) as an instant; 422 if no date."""
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
        if not DAY_RE.fullmatch(text) or not 2000 <= day.year <= 2999:
            raise ValueError
    except ValueError:
        raise ApiError(422, "invalid", "Tanggal tidak valid.",
                       {field: "tanggal YYYY-MM-DD (tahun 2000-2999)"}) from None
    return datetime.combine(day + timedelta(days=plus_days), time(), tz)
