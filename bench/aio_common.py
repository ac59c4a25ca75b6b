"""A small asyncio HTTP/1.1 client for benches that simulate thousands of desks at once.

One keep-alive TCP connection per simulated desk, like the desk's requests session; all
desks in one event loop thread instead of a thread each, so the bench client does not eat
the cores the server is measured on (2,000 threads of ``requests`` did). Speaks just what
the server answers: ``Content-Length`` bodies, no chunked transfer, no TLS.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any
from urllib.parse import urlencode, urlsplit

# A POST is never sent on a connection idle this long: the server's keep-alive is 30 s.
IDLE_S = 20.0


class HttpError(Exception):
    pass


class DeskConnection:
    """One desk's connection to the server, with its bearer token and device id."""

    def __init__(self, base_url: str, token: str, device_id: str) -> None:
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.prefix = parts.path.rstrip("/")
        self.head = (f"Host: {self.host}:{self.port}\r\nAuthorization: Bearer {token}\r\n"
                     f"X-Device-Id: {device_id}\r\nAccept: application/json\r\n")
        self.used = 0.0
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get_json(self, path: str, params: dict[str, Any], timeout: float
                       ) -> tuple[int, Any]:
        query = urlencode({k: v for k, v in params.items() if v is not None})
        status, body = await asyncio.wait_for(
            self._request("GET", f"{self.prefix}{path}?{query}"), timeout)
        return status, json.loads(body) if body else None

    async def post_json(self, path: str, payload: Any, timeout: float) -> tuple[int, Any]:
        """POST a JSON body. Never re-sent on a new connection: the caller decides (a push
        carries op ids, so sending it again is safe, but the bench counts it as an error)."""
        data = json.dumps(payload).encode()
        if self.writer is not None and time.monotonic() - self.used > IDLE_S:
            self.close()  # the server may be closing it right now (keep-alive 30 s)
        status, body = await asyncio.wait_for(
            self._request("POST", f"{self.prefix}{path}", data), timeout)
        return status, json.loads(body) if body else None

    async def _request(self, method: str, target: str, data: bytes | None = None
                       ) -> tuple[int, bytes]:
        reused = self.writer is not None
        try:
            return await self._once(method, target, data)
        except (ConnectionError, asyncio.IncompleteReadError, HttpError):
            self.close()
            if not reused or data is not None:
                raise
        # The server closed the idle keep-alive connection first: a new one, once (GET).
        return await self._once(method, target)

    async def _once(self, method: str, target: str, data: bytes | None = None
                    ) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        extra = ("" if data is None else
                 f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n")
        self.writer.write(f"{method} {target} HTTP/1.1\r\n{self.head}{extra}\r\n".encode()
                          + (data or b""))
        status_line = await self.reader.readline()
        if not status_line:
            raise HttpError("connection closed before the answer")
        status = int(status_line.split()[1])
        length, close = 0, False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"connection" and value.strip().lower() == b"close":
                close = True
            elif name == b"transfer-encoding":
                raise HttpError("chunked answers are not supported")
        body = await self.reader.readexactly(length)
        self.used = time.monotonic()
        if close:
            self.close()
        return status, body

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None
