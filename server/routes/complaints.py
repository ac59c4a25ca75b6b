"""One complaint (authorized, redacted) and the public listing."""

from __future__ import annotations

import json
from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Path, Query

from core import public_view, redact_for
from core.chain import redact_chain
from core.workflow import in_scope
from server.complaint_store import load_by_key
from server.deps import Ctx, CurrentUser
from server.errors import ApiError
from server.models import Complaint
from server.schemas import ErrorOut, PublicListOut

router = APIRouter(tags=["complaints"])


@router.get("/complaints/{complaint_id}", response_model=dict,
            responses={401: {"model": ErrorOut}, 404: {"model": ErrorOut}})
def get_complaint(
    complaint_id: Annotated[str, Path(max_length=64, description="id or tracking number")],
    principal: CurrentUser, ctx: Ctx,
) -> dict:
    """The complaint as the caller may see it; 404 when it does not exist or is out of scope."""
    with ctx.db.read() as session:
        snapshot = load_by_key(session, complaint_id)
    actor = principal.actor()
    if snapshot is None or not in_scope(snapshot, actor):
        raise ApiError(404, "not_found", "Pengaduan tidak ditemukan.")
    return redact_chain(redact_for(snapshot, actor), actor.username)


@router.get("/public/complaints", response_model=PublicListOut,
            responses={401: {"model": ErrorOut}})
def public_complaints(principal: CurrentUser, ctx: Ctx,
                      limit: Annotated[int, Query(ge=1, le=200)] = 50,
                      offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> dict:
    """What the public may see, newest first: never rahasia, never the reporter."""
    base = sa.select(Complaint).where(Complaint.confidential.is_(False))
    with ctx.db.read() as session:
        total = session.execute(sa.select(sa.func.count()).select_from(base.subquery())).scalar()
        rows = session.execute(base.order_by(Complaint.tracking_number.desc())
                               .limit(limit).offset(offset)).scalars().all()
        views = [public_view(json.loads(r.snapshot)) for r in rows]
    return {"complaints": [v for v in views if v is not None], "total": int(total or 0),
            "limit": limit, "offset": offset}
