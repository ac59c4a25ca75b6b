"""The sync protocol: pull changes, push operations (docs/sync-protocol.md)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from fastapi.responses import JSONResponse

from server import sync_pull, sync_push
from server.config import DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT
from server.deps import Ctx, CurrentUser
from server.schemas import ErrorOut, PullOut, PushIn, PushOut

router = APIRouter(prefix="/sync", tags=["sync"])
_ERRORS = {400: {"model": ErrorOut}, 401: {"model": ErrorOut}, 413: {"model": ErrorOut},
           422: {"model": ErrorOut}}


class CompactJSON(JSONResponse):
    """Pages carry thousands of snapshots: skip pretty separators and re-validation."""

    def render(self, content: object) -> bytes:
        import json

        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@router.get("/pull", response_model=PullOut, responses=_ERRORS)
def pull(principal: CurrentUser, ctx: Ctx,
         cursor: Annotated[str | None, Query(
             max_length=512, description="from the previous page; empty: from the start")] = None,
         limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
         ) -> Response:
    """Changes since ``cursor``: full current snapshots of what the caller may see,
    ``complaint_removed`` when a complaint left their scope."""
    page = sync_pull.pull(ctx, principal, cursor or None, limit)
    return Response(page.to_bytes(), media_type="application/json")


@router.post("/push", response_model=PushOut, responses=_ERRORS)
def push(body: PushIn, principal: CurrentUser, ctx: Ctx) -> CompactJSON:
    """Apply operations in order; one result per op (applied, duplicate or rejected)."""
    return CompactJSON({"results": sync_push.push(ctx, principal, body.ops)})
