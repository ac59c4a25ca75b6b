"""Request body limits, enforced while the body streams in (a Content-Length can lie)."""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ATTACHMENT_PREFIX = "/api/v1/attachments/"


class BodyTooLarge(HTTPException):
    """An HTTPException so FastAPI's body parsing re-raises it unchanged (413, not 400)."""

    def __init__(self) -> None:
        super().__init__(status_code=413)


class BodyLimit:
    def __init__(self, app: ASGIApp, *, max_body: int, max_attachment: int) -> None:
        self.app = app
        self.max_body = max_body
        self.max_attachment = max_attachment

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        limit = self.max_attachment if path.startswith(ATTACHMENT_PREFIX) else self.max_body
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared < 0 or declared > limit:
                    await _reject(send, limit, declared >= 0)
                    return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge()
            return message

        await self.app(scope, limited, send)


async def _reject(send: Send, limit: int, too_big: bool) -> None:
    if too_big:
        status, body = 413, {"error": "too_large",
                             "message": f"Data yang dikirim terlalu besar (maks. {limit} byte).",
                             "details": {"max_bytes": limit}}
    else:
        status, body = 400, {"error": "bad_request", "message": "Content-Length tidak sah.",
                             "details": None}
    raw = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(raw)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": raw})
