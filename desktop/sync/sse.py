"""Reading a server-sent event stream (``text/event-stream``), for the change waiter.

Just what the WHATWG parsing rules say for the fields a desk uses: ``event`` names the
event, ``data`` lines accumulate, a blank line dispatches an event that has data, lines
beginning with ``:`` are comments (the server's keep-alive pings), other fields (``id``,
``retry``) are ignored. No reconnection here: the waiter decides when to open a new stream.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

MESSAGE = "message"  # an event without an ``event`` field


def lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The lines of a body arriving in ``chunks`` of any size, without their line ends
    (LF or CRLF, even when a chunk ends between the CR and the LF)."""
    pending = b""
    for chunk in chunks:
        pending += chunk
        *complete, pending = pending.split(b"\n")
        for line in complete:
            yield line.removesuffix(b"\r")
    if pending:
        yield pending.removesuffix(b"\r")


def events(lines: Iterable[bytes]) -> Iterator[tuple[str, str]]:
    """(event name, data) for every complete event in ``lines`` (without line ends)."""
    name, data = "", list[str]()
    for raw in lines:
        line = raw.decode("utf-8", "replace")
        if not line:
            if data:
                yield name or MESSAGE, "\n".join(data)
            name, data = "", []
            continue
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if field == "event":
            name = value
        elif field == "data":
            data.append(value)
