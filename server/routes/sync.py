"""The sync protocol: pull changes, push operations (docs/sync-protocol.md)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, StreamingResponse

from server import change_events, pull_wait, sync_pull, sync_push
from server.config import DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT
from server.deps import Ctx, CurrentUser
from server.schemas import ErrorOut, PullOut, PushIn, PushOut

router = APIRouter(prefix="/sync", tags=["sync"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut}, 401: {"model": ErrorOut}, 413: {"model": ErrorOut},
    422: {"model": ErrorOut}}


class CompactJSON(JSONResponse):
    """Pages carry thousands of snapshots: skip pretty separators and re-validation."""

    def render(self, content: object) -> bytes:
        import json

        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@router.get("/pull", response_model=PullOut, responses=_ERRORS)
async def pull(request: Request, principal: CurrentUser, ctx: Ctx,
               cursor: Annotated[str | None, Query(
                   max_length=512,
                   description="from the previous page; empty: from the start")] = None,
               limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
               wait: Annotated[int | None, Query(
                   ge=0, le=3600,
                   description="seconds to hold the pull open while there is nothing after "
                               "``cursor`` (at most the server's LAPOR_PULL_MAX_WAIT, "
                               "default 25; header X-Lapor-Wait says how long it granted); "
                               "answers as soon as a change in the caller's scope "
                               "commits. Without a cursor, or 0: answers at once")] = None,
               ) -> Response:
    """Changes since ``cursor``: full current snapshots of what the caller may see,
    ``complaint_removed`` when a complaint left their scope."""
    if wait is None:  # today's pull, unchanged (in the thread pool, as a plain route ran)
        page = await run_in_threadpool(sync_pull.pull, ctx, principal, cursor or None, limit)
        return Response(page.to_bytes(), media_type="application/json")
    page = await pull_wait.pull(ctx, principal, request, cursor or None, limit, wait)
    return Response(page.to_bytes(), media_type="application/json",
                    headers={pull_wait.WAIT_HEADER: str(pull_wait.granted(ctx, wait))})


# OpenAPI 3.2's description of one event of the stream (pings are comments, not events).
_CHANGE_EVENT = {"type": "object", "required": ["event", "data"], "properties": {
    "event": {"type": "string", "enum": ["change"]},
    "data": {"type": "string", "contentMediaType": "application/json",
             "contentSchema": {"type": "object"}}}}


@router.get("/events", response_class=StreamingResponse, responses={
    **_ERRORS, 200: {"description": "server-sent events: ``change`` (run a sync round), "
                                    "``: ping`` comments; ends after some minutes",
                     "content": {"text/event-stream": {"itemSchema": _CHANGE_EVENT}}}})
async def events(principal: CurrentUser, ctx: Ctx,
                 cursor: Annotated[str, Query(
                     min_length=1, max_length=512,
                     description="the desk's stored pull cursor")]) -> StreamingResponse:
    """One long-lived stream per online desk: ``event: change`` when something in the
    caller's scope may have changed after ``cursor`` (then pull), nothing else
    (docs/sync-protocol.md "Change events")."""
    sync_pull.decode_cursor(cursor)  # 400 invalid_cursor before the stream opens
    return StreamingResponse(change_events.stream(ctx, principal, cursor),
                             media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


@router.post("/push", response_model=PushOut, responses=_ERRORS)
def push(body: PushIn, principal: CurrentUser, ctx: Ctx) -> CompactJSON:
    """Apply operations in order; one result per op (applied, duplicate or rejected)."""
    return CompactJSON({"results": sync_push.push(ctx, principal, body.ops)})
