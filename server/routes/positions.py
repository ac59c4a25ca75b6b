"""An agency's structure of jabatan (issue 17): everyone of the agency reads it (their desks
also get it through the pull); its admin_instansi (the central admin: any agency) maintains
it, each change audited and synced to the agency's desks."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Query

from server import audit, org
from server.auth import Principal
from server.deps import AdminUser, Ctx, CurrentUser
from server.errors import ApiError
from server.schemas import ErrorOut

router = APIRouter(tags=["positions"])
_ERRORS = {401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 422: {"model": ErrorOut}}
_FIELDS = ("title", "parent", "holder", "actings", "active")


def _agency(principal: Principal, agency: str | None) -> str:
    if principal.role == "admin_pusat":
        if not agency:
            raise ApiError(422, "invalid", "Sebutkan instansinya (agency).", {"agency": "wajib"})
        return agency.upper()
    if agency and agency.upper() != principal.agency:
        raise ApiError(403, "forbidden", "Susunan jabatan instansi lain bukan kewenangan Anda.")
    return str(principal.agency)


@router.get("/positions", response_model=dict, responses=_ERRORS)
def list_positions(principal: CurrentUser, ctx: Ctx,
                   agency: Annotated[str | None, Query(max_length=32)] = None) -> dict:
    """The agency's positions (with inactive ones) and its any-level policy."""
    code = _agency(principal, agency)
    with ctx.db.read() as session:
        rows = [p.to_json() for p in org.positions(session, code, include_inactive=True)]
        return {"agency": code, "any_level": org.any_level(session, code), "positions": rows}


@router.put("/positions/{code}", response_model=dict, responses=_ERRORS)
def set_position(principal: AdminUser, ctx: Ctx,
                 code: Annotated[str, Path(max_length=40)],
                 body: Annotated[dict[str, Any], Body()],
                 agency: Annotated[str | None, Query(max_length=32)] = None) -> dict:
    """Create or change one position: ``title``, ``parent``, ``holder``, ``actings`` ([{
    username, kind: plt|plh, start, end}]), ``active``; fields left out keep their values."""
    target = _agency(principal, agency)
    data = {k: body[k] for k in _FIELDS if k in body}
    data["code"] = code
    try:
        with ctx.db.write() as session:
            pos = org.set_position(session, target, data)
            audit.record_many(session, [audit.row(
                action="position_set", username=principal.username, agency=principal.agency,
                device_id=principal.device_id, address=principal.address,
                target_type="position", target_id=f"{target}/{pos.code}",
                subject_agency=target, details=pos.to_json())])
    except org.OrgProblem as exc:
        raise ApiError(422, "invalid", str(exc), exc.errors or None) from None
    return pos.to_json()
