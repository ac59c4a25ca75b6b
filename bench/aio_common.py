"""A small asyncio HTTP/1.1 client for benches that simulate thousands of desks at once.

One keep-alive TCP connection per simulated desk, like the desk's requests session; all
desks in one event loop thread instead of a thread each, so the bench client does not eat
the cores the server is measured on (2,000 threads of ``requests`` did). Speaks just what
the server answers: ``Content-Length`` bodies for requests, and for the server-sent event
stream (``DeskConnection.events``) a chunked, ``Content-Length`` or until-close body read
as it comes; no TLS.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncGenerator
from typing import Any
from urllib.parse import urlencode, urlsplit

from desktop.sync import sse

# A POST is never sent on a connection idle this long: the server's keep-alive is 30 s.
IDLE_S = 20.0


class HttpError(Exception):
    pass


class HttpStatusError(HttpError):
    """A stream asked for and answered with another status than 200 (400, 401, 404...)."""

    def __init__(self, status: int, body: bytes) -> None:
        super().__init__(f"{status} {body[:200].decode(errors='replace')}")
        self.status = status


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

    async def events(self, path: str, params: dict[str, Any], read_timeout: float
                     ) -> AsyncGenerator[str, None]:
        """Open a server-sent event stream and yield its events' names as they arrive
        (``message`` when an event has data but no name); comments (pings) are skipped.

        The connection is the stream's alone: it is closed when the stream ends (the server
        ended it), on an error or when the caller stops iterating (use
        ``contextlib.aclosing`` so that happens at once). No bytes for ``read_timeout``
        seconds raises ``TimeoutError``; a status other than 200 raises ``HttpStatusError``;
        a connection closed before a chunked body's end raises ``HttpError``."""
        self.close()  # a fresh connection: a kept one may be closing (keep-alive 30 s)
        query = urlencode({k: v for k, v in params.items() if v is not None})
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(self.host, self.port), read_timeout)
            self.reader, self.writer = reader, writer
            accept = self.head.replace("application/json", "text/event-stream")
            writer.write(f"GET {self.prefix}{path}?{query} HTTP/1.1\r\n{accept}\r\n".encode())

            async def line() -> bytes:
                return await asyncio.wait_for(reader.readline(), read_timeout)

            status_line = await line()
            if not status_line:
                raise HttpError("connection closed before the answer")
            status = int(status_line.split()[1])
            length: int | None = None
            chunked = False
            while (header := await line()) not in (b"\r\n", b""):
                field, _, value = header.partition(b":")
                field = field.strip().lower()
                if field == b"content-length":
                    length = int(value)
                elif field == b"transfer-encoding":
                    chunked = b"chunked" in value.lower()
            if status != 200:
                error = b""
                if length is not None:
                    error = await asyncio.wait_for(reader.readexactly(length), read_timeout)
                raise HttpStatusError(status, error)
            parser = sse.Parser()  # the desk's own
            async with contextlib.aclosing(_chunked(reader, read_timeout) if chunked
                                           else _plain(reader, length, read_timeout)) as body:
                async for data in body:
                    for name, _data in parser.feed(data):
                        yield name
        finally:
            self.close()

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def _chunked(reader: asyncio.StreamReader, timeout: float) -> AsyncGenerator[bytes, None]:
    """A chunked body's data as it arrives: a hex size line, that many bytes and a CRLF;
    size 0 (then trailers and a blank line) ends it."""
    while True:
        size_line = await asyncio.wait_for(reader.readline(), timeout)
        if not size_line.endswith(b"\n"):
            raise HttpError("connection closed before the stream's end")
        size = int(size_line.split(b";")[0].strip(), 16)
        if size == 0:
            while (await asyncio.wait_for(reader.readline(), timeout)).strip():
                pass  # trailers
            return
        data = await asyncio.wait_for(reader.readexactly(size + 2), timeout)
        yield data[:-2]


async def _plain(reader: asyncio.StreamReader, length: int | None, timeout: float
                 ) -> AsyncGenerator[bytes, None]:
    """A ``Content-Length`` body, or one that ends when the server closes, as it arrives."""
    left = length
    while left is None or left > 0:
        data = await asyncio.wait_for(reader.read(65536 if left is None else min(left, 65536)),
                                      timeout)
        if not data:
            if left:
                raise HttpError("connection closed before the stream's end")
            return
        if left is not None:
            left -= len(data)
        yield data
