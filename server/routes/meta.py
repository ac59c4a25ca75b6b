"""Health, readiness and version: endpoints that need no token."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter
from fastapi.responses import JSONResponse

from server import API_VERSION, __version__
from server.deps import Ctx
from server.schemas import HealthOut, ReadyOut, VersionOut

router = APIRouter(tags=["meta"])


@router.get("/health", response_model=HealthOut)
def health() -> dict:
    return {"status": "ok"}


@router.get("/ready", response_model=ReadyOut, responses={503: {"model": ReadyOut}})
def ready(ctx: Ctx) -> dict | JSONResponse:
    """For load balancers: this worker answers *and* its database does."""
    try:
        with ctx.db.read() as session:
            session.execute(sa.text("SELECT 1"))
    except Exception:  # noqa: BLE001 - any database failure means "not ready"
        return JSONResponse(status_code=503, content={
            "status": "unavailable", "database": "unreachable",
            "message": "Basis data server tidak dapat dihubungi."})
    return {"status": "ok", "database": "ok", "message": "Siap."}


@router.get("/version", response_model=VersionOut)
def version() -> dict:
    return {"version": __version__, "api": API_VERSION}
