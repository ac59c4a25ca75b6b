"""A small HTTP/1.1 proxy on loopback that makes the network bad on purpose.

Per request it may: drop the connection before forwarding, stall, cut the response short,
answer 500 without forwarding, forward and then answer 500 anyway (the server did the
work, the desk never hears of it), or answer 429 with ``Retry-After``. Faults are drawn
from a seeded RNG and stop after ``max_faults``, so a test converges in bounded time.

Only loopback: it listens on 127.0.0.1 and forwards to the given loopback upstream.
``down = True`` makes it refuse every request (the server "is down" from the desk's side).
``script`` lists faults for the first requests in order, so a test meets every kind for
sure; the dice decide after it. ``hooks`` (``(method, path)`` callables) run before a
request is forwarded (tests use them to change server state at an exact moment, e.g.
expire a session mid-sync).
"""

from __future__ import annotations

import contextlib
import random
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from urllib.parse import urlsplit

FAULTS = ("drop", "stall", "cut", "error_before", "error_after", "throttle")
_CRLF = b"\r\n"


def _read_until(sock: socket.socket, buffer: bytearray, marker: bytes) -> bool:
    while marker not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            return False
        buffer.extend(chunk)
    return True


def _read_exact(sock: socket.socket, buffer: bytearray, size: int) -> bool:
    while len(buffer) < size:
        chunk = sock.recv(65536)
        if not chunk:
            return False
        buffer.extend(chunk)
    return True


def _headers(head: bytes) -> dict[str, str]:
    out = {}
    for line in head.split(_CRLF)[1:]:
        name, _, value = line.partition(b":")
        out[name.strip().lower().decode("latin-1")] = value.strip().decode("latin-1")
    return out


def read_message(sock: socket.socket, buffer: bytearray, *, response: bool = False,
                 head_request: bool = False) -> bytes | None:
    """One full HTTP message (head + body) from ``sock``; leftover bytes stay in ``buffer``."""
    if not _read_until(sock, buffer, b"\r\n\r\n"):
        return None
    end = buffer.index(b"\r\n\r\n") + 4
    head = bytes(buffer[:end])
    headers = _headers(head[:-4])
    del buffer[:end]
    body = b""
    status = int(head.split(b" ", 2)[1]) if response else 0
    no_body = response and (head_request or status in (204, 304) or 100 <= status < 200)
    if no_body:
        pass
    elif "chunked" in headers.get("transfer-encoding", "").lower():
        raw = bytearray()
        while True:
            if not _read_until(sock, buffer, _CRLF):
                return None
            line_end = buffer.index(_CRLF)
            size = int(bytes(buffer[:line_end]).split(b";")[0], 16)
            if not _read_exact(sock, buffer, line_end + 2 + size + 2):
                return None
            raw.extend(buffer[:line_end + 2 + size + 2])
            del buffer[:line_end + 2 + size + 2]
            if size == 0:
                break
        body = bytes(raw)
    elif "content-length" in headers:
        size = int(headers["content-length"])
        if not _read_exact(sock, buffer, size):
            return None
        body = bytes(buffer[:size])
        del buffer[:size]
    elif response:  # read to close
        while chunk := sock.recv(65536):
            buffer.extend(chunk)
        body = bytes(buffer)
        buffer.clear()
    return head + body


def _canned(status: int, reason: str, extra: str = "") -> bytes:
    body = (b'{"error":"proxy","message":"Gangguan jaringan buatan (uji)."}')
    return (f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n{extra}Connection: close\r\n\r\n"
            ).encode() + body


class FlakyProxy:
    def __init__(self, upstream_url: str, *, rates: dict[str, float] | None = None,
                 seed: int = 0, max_faults: int | None = None,
                 stall_seconds: tuple[float, float] = (0.2, 1.0),
                 retry_after: int = 1, script: list[str | None] | None = None) -> None:
        parts = urlsplit(upstream_url)
        host = parts.hostname or "127.0.0.1"
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError("the flaky proxy only forwards to loopback")
        self.upstream = (host, parts.port or 80)
        self.rates = dict(rates or {})
        unknown = set(self.rates) - set(FAULTS)
        if unknown:
            raise ValueError(f"unknown faults: {sorted(unknown)}")
        self.rng = random.Random(seed)
        self.max_faults = max_faults
        self.stall_seconds = stall_seconds
        self.retry_after = retry_after
        # Faults for the next requests in order (None: let it through), before the dice.
        self.script: list[str | None] = list(script or ())
        self.down = False
        self.counts: Counter[str] = Counter()
        self.requests: Counter[str] = Counter()
        self.hooks: list[Callable[[str, str], None]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._conns: set[socket.socket] = set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def faults(self) -> int:
        return sum(self.counts.values())

    def __enter__(self) -> FlakyProxy:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        thread = threading.Thread(target=self._accept_loop, name="flaky-accept", daemon=True)
        thread.start()
        self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                conn.close()

    def _pick(self) -> str | None:
        with self._lock:
            if self.script:
                fault = self.script.pop(0)
                if fault is not None:
                    self.counts[fault] += 1
                return fault
            if self.max_faults is not None and self.faults >= self.max_faults:
                return None
            roll = self.rng.random()
            total = 0.0
            for fault in FAULTS:
                total += self.rates.get(fault, 0.0)
                if roll < total:
                    self.counts[fault] += 1
                    return fault
            return None

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._conns.add(client)
            thread = threading.Thread(target=self._serve, args=(client,), daemon=True,
                                      name="flaky-conn")
            thread.start()

    def _serve(self, client: socket.socket) -> None:
        upstream: socket.socket | None = None
        inbound = bytearray()
        outbound = bytearray()
        try:
            while not self._stop.is_set():
                request = read_message(client, inbound)
                if request is None:
                    return
                line = request.split(_CRLF, 1)[0].decode("latin-1")
                method, path = (line.split(" ") + ["", ""])[:2]
                with self._lock:
                    self.requests[path.split("?")[0]] += 1
                if self.down:
                    return  # close without an answer: connection reset / refused-like
                for hook in list(self.hooks):
                    hook(method, path)
                fault = self._pick()
                if fault == "drop":
                    return
                if fault == "error_before":
                    client.sendall(_canned(500, "Internal Server Error"))
                    return
                if fault == "throttle":
                    client.sendall(_canned(429, "Too Many Requests",
                                           f"Retry-After: {self.retry_after}\r\n"))
                    return
                if upstream is None:
                    upstream = socket.create_connection(self.upstream, timeout=120)
                    upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                upstream.sendall(request)
                response = read_message(upstream, outbound, response=True,
                                        head_request=method == "HEAD")
                if response is None:
                    return
                if fault == "stall":
                    time.sleep(self.rng.uniform(*self.stall_seconds))
                elif fault == "error_after":
                    client.sendall(_canned(500, "Internal Server Error"))
                    return
                elif fault == "cut":
                    client.sendall(response[: max(1, len(response) // 2)])
                    return
                client.sendall(response)
                if b"connection: close" in response.split(b"\r\n\r\n", 1)[0].lower():
                    return
        except OSError:
            return
        finally:
            with self._lock:
                self._conns.discard(client)
            with contextlib.suppress(OSError):
                client.close()
            if upstream is not None:
                with contextlib.suppress(OSError):
                    upstream.close()
