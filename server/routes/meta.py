"""Health and version: the only endpoints that need no token."""

from __future__ import annotations

from fastapi import APIRouter

from server import API_VERSION, __version__
from server.schemas import HealthOut, VersionOut

router = APIRouter(tags=["meta"])


@router.get("/health", response_model=HealthOut)
def health() -> dict:
    return {"status": "ok"}


@router.get("/version", response_model=VersionOut)
def version() -> dict:
    return {"version": __version__, "api": API_VERSION}
