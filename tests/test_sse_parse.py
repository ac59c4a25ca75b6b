"""desktop/sync/sse.py: the change waiter's reading of the server's event stream, however
the network cuts the body into chunks (a CRLF split between two chunks included)."""

from __future__ import annotations

import pytest

from desktop.sync import sse

BODY = (b"retry: 5000\n: lapor change events\n\n: ping\n\n"
        b"event: change\r\ndata: {}\r\n\r\n"
        b"data: a\ndata: b\n\nevent: lonely\n\nevent: change\ndata: {}\r\n\r\n")


@pytest.mark.parametrize("size", [1, 2, 3, 7, 64, len(BODY)])
def test_events_whatever_the_chunks(size: int) -> None:
    chunks = [BODY[i:i + size] for i in range(0, len(BODY), size)]
    assert list(sse.events(chunks)) == [("change", "{}"), ("message", "a\nb"),
                                        ("change", "{}")]


def test_an_unfinished_event_is_not_dispatched() -> None:
    parser = sse.Parser()
    assert parser.feed(b": ping\n\nevent: change\ndata: {}\n") == []
    assert parser.feed(b"\n") == [("change", "{}")]
