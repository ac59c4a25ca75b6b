"""The FastAPI application: ``create_app()`` is the uvicorn factory (``server.app:create_app``)."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI

from server import __version__, errors
from server.config import Settings
from server.context import ServerContext
from server.deps import DEVICE_HEADER
from server.limits import BodyLimit
from server.routes import (
    admin,
    agenda,
    attachments,
    auth,
    complaints,
    letters,
    meta,
    positions,
    sync,
)
from server.schemas import ErrorOut
from server.text_guard import refuse_unstorable_text

API_PREFIX = "/api/v1"
# Any endpoint may answer these (malformed JSON, body too large, invalid fields).
COMMON_ERRORS: dict[int | str, dict] = {
    400: {"model": ErrorOut, "description": "malformed request (e.g. invalid JSON)"},
    413: {"model": ErrorOut, "description": "body too large"},
    422: {"model": ErrorOut, "description": "invalid fields"},
}

DESCRIPTION = """Server pusat LAPOR! Desk (LAPOR! Paman, Kalimantan Selatan).

Every endpoint except `/health`, `/version`, `/letters/verify` (and sign-in) needs
`Authorization: Bearer <access_token>` and `X-Device-Id` (the device the token was issued to;
missing or another: `401 device_mismatch`). Errors are
`{"error": code, "message": Indonesian text, "details": ...}`. The sync protocol is described
in docs/sync-protocol.md."""


def _document_device_header(app: FastAPI) -> None:
    """Mark ``X-Device-Id`` required in the OpenAPI document: every call that takes a token
    needs it. FastAPI itself treats it as optional, so that a missing header is answered by
    server.auth with ``401 device_mismatch`` (like a wrong one), not with a 422."""
    plain = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = plain()
            for item in schema.get("paths", {}).values():
                for operation in item.values():
                    for param in operation.get("parameters", ()):
                        if param.get("in") == "header" and param.get("name") == DEVICE_HEADER:
                            param["required"] = True
        return app.openapi_schema  # type: ignore[return-value]  # set by plain()

    app.openapi = openapi  # type: ignore[method-assign]


def _answer_waiting_pulls_on_exit(ctx: ServerContext) -> None:
    """SIGTERM/SIGINT first wake every waiting pull (they answer at once), then go on to
    uvicorn's own handler: its graceful shutdown waits for open requests, and would
    otherwise wait out each pull's wait (server/pull_wait.py). uvicorn installs its
    handlers before the app starts and restores the earlier ones when it ends."""
    if threading.current_thread() is not threading.main_thread():
        return  # an in-process test client: no signals here
    for sig in (signal.SIGTERM, signal.SIGINT):
        previous = signal.getsignal(sig)
        if not callable(previous):
            continue

        def handler(signum: int, frame: Any, previous: Callable[..., Any] = previous) -> None:
            ctx.waker.shutdown()
            previous(signum, frame)

        signal.signal(sig, handler)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    ctx = ServerContext(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):  # type: ignore[no-untyped-def]
        _answer_waiting_pulls_on_exit(ctx)
        yield
        ctx.close()

    app = FastAPI(
        title="LAPOR! Desk server", version=__version__, description=DESCRIPTION,
        # LAPOR_API_DOCS=0: neither the docs page nor the OpenAPI document (production).
        openapi_url=f"{API_PREFIX}/openapi.json" if settings.api_docs else None,
        docs_url=f"{API_PREFIX}/docs" if settings.api_docs else None,
        redoc_url=None, lifespan=lifespan, responses=COMMON_ERRORS,
        # NUL and lone surrogates refused for every route, before any route code runs.
        dependencies=[Depends(refuse_unstorable_text)],
    )
    app.state.ctx = ctx
    _document_device_header(app)
    errors.install(app)
    for module in (meta, auth, sync, complaints, attachments, agenda, letters, admin, positions):
        app.include_router(module.router, prefix=API_PREFIX)
    app.add_middleware(BodyLimit, max_body=settings.max_body_bytes,
                       max_attachment=settings.max_attachment_bytes)
    logging.getLogger("lapor.server").setLevel(logging.INFO)
    return app
