"""Reading a server-sent event stream (``text/event-stream``), for the change waiter (and
the server_load bench's simulated desks).

Just what the WHATWG parsing rules say for the fields a desk uses: ``event`` names the
event, ``data`` lines accumulate, a blank line dispatches an event that has data, lines
beginning with ``:`` are comments (the server's keep-alive pings), other fields (``id``,
``retry``) are ignored. Lines end in LF or CRLF, even when a chunk ends between the CR and
the LF. No reconnection here: the waiter decides when to open a new stream.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

MESSAGE = "message"  # an event without an ``event`` field


class Parser:
    """Feed it the body in chunks of any size as they arrive; each ``feed`` returns the
    (event name, data) of the events it completed."""

    def __init__(self) -> None:
        self._pending = b""
        self._name = ""
        self._data: list[str] = []

    def feed(self, chunk: bytes) -> list[tuple[str, str]]:
        *complete, self._pending = (self._pending + chunk).split(b"\n")
        done = []
        for raw in complete:
            event = self._line(raw.removesuffix(b"\r").decode("utf-8", "replace"))
            if event is not None:
                done.append(event)
        return done

    def _line(self, line: str) -> tuple[str, str] | None:
        if not line:
            event = (self._name or MESSAGE, "\n".join(self._data)) if self._data else None
            self._name, self._data = "", []
            return event
        if not line.startswith(":"):
            field, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if field == "event":
                self._name = value
            elif field == "data":
                self._data.append(value)
        return None


def events(chunks: Iterable[bytes]) -> Iterator[tuple[str, str]]:
    """(event name, data) for every complete event of a body arriving in ``chunks``."""
    parser = Parser()
    for chunk in chunks:
        yield from parser.feed(chunk)
