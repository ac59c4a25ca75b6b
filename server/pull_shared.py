"""The reads of one wake-up that do not depend on who pulls, made once per server process.

When a change commits, every desk waiting in its scope is woken at once (a few hundred per
agency) and each pulls from the same feed position. What those pulls read from the
database is mostly the same for all of them: the feed's end and epoch, the feed rows after
their cursor, the complaints' role views, reference rows and the audit anchors. The
waiting pulls of one wake-up (server/pull_wait.py) pass one ``SharedReads`` to
``sync_pull.pull``, which reads each of those once and shares the result; everything that
depends on the account stays per pull, exactly as an ordinary pull does it: which feed
rows its scope keys hear of (the same substring test as the SQL filter), whether each
complaint is in its scope (``in_scope``), which role view it gets (the key names the
role), catatan redaction for its username, anchors of its agency, its cursor.

A ``SharedReads`` belongs to one ``Waker.generation`` and is only used while the LISTEN
connection is up: a read made after notification N is then never handed to a pull that
started after a later notification (the generation moved on), and a pull that started
before it is woken again by it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")

SHARED_SPAN = 2000  # feed positions read whole for all (a longer catch-up reads its own)


class SharedReads:
    """Values computed once and shared between threads (the pulls in the thread pool)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: dict[Hashable, Future[Any]] = {}

    def once(self, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            future = self._values.get(key)
            owner = future is None
            if future is None:
                future = self._values[key] = Future()
        if not owner:
            return future.result()  # type: ignore[no-any-return]
        try:
            value = compute()
        except BaseException as exc:
            with self._lock:  # not kept: the next pull tries again
                self._values.pop(key, None)
            future.set_exception(exc)
            raise
        future.set_result(value)
        return value


def once(reads: SharedReads | None, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, shared through ``reads`` when given."""
    return compute() if reads is None else reads.once(key, compute)
