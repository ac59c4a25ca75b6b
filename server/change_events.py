"""``GET /sync/events?cursor=``: one long-lived stream per desk that says when to pull.

A server-sent event stream (``text/event-stream``) instead of a waiting pull per change
(server/pull_wait.py; issue 20.4: 2,000 desks on one server). A desk keeps one stream open
while it is online; the stream carries no data, only "look again":

- ``event: change`` / ``data: {}``: something in the desk's scope may have changed after
  the cursor it connected with (or after the last ``change``); the desk runs a sync round,
  whose ordinary pull decides what, if anything, is new. A change the stream misses is
  therefore late (until the next ``change`` or the periodic round), never lost, and a
  spurious ``change`` costs one empty pull.
- ``: ping`` every ``LAPOR_EVENTS_PING`` seconds (15): keeps proxies and NAT from cutting an
  idle stream, and lets the desk notice a dead one (it reads with a timeout).
- The stream ends after ``LAPOR_EVENTS_MAX_OPEN`` seconds (600, spread by up to a tenth,
  never longer than an access token lives), or at once when the process is asked to stop;
  the desk opens a new one. So a signed-out or disabled account hears "look again" (which
  tells nothing, the pull itself is refused) for at most that long, and desks move to
  other server machines as they come and go.

What one woken desk costs compared with a waiting pull: no answer to read and send, no new
request and sign-in check after each wake-up. The stream registers the same ``Waiter`` as
a waiting pull (server/wakeup.py), keyed by the desk's scope:

- A wake-up that names scope keys (a notification for a change) is trusted: ``change`` is
  sent without reading anything, and the stream's position moves to that change. A change
  pushed by the stream's own device wakes it not: the desk's round pulls right after its
  push (server/wakeup.py ``BY_DEVICE``).
- A wake-up for everyone (the LISTEN connection came back, ``after-restore``, SQLite's poll
  of other processes' commits) reads one entry from the stream's position, as a waiting
  pull does (shared between desks of one account), and sends ``change`` only when there
  is something, a ``has_more`` or a reset.
- On connect the same read answers "is anything after the desk's cursor?", unless the
  LISTEN connection says the cursor is the feed's end.

Every ``change`` waits a random moment first, up to ``SPREAD_PER_DESK_S`` for each stream
the same notification woke in this process (at most ``SPREAD_MAX_S``): one change wakes
its agency's ~20 desks and the central ones, and their pulls would otherwise arrive in the
same millisecond and queue behind one another in the workers.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator

from server import sync_pull
from server.auth import Principal
from server.context import ServerContext
from server.pull_wait import shared_read

CHANGE = b"event: change\ndata: {}\n\n"
PING = b": ping\n\n"
# First bytes of a stream: how long an EventSource should wait before reconnecting.
OPENING = b"retry: 5000\n: lapor change events\n\n"
SPREAD_PER_DESK_S = 0.04
SPREAD_MAX_S = 1.2


def open_for(ctx: ServerContext) -> float:
    """Seconds this stream stays open (its share of the reconnects spread out)."""
    longest = max(1, min(ctx.settings.events_max_open, ctx.settings.token_ttl))
    return longest * random.uniform(0.9, 1.0)


def spread(woken: int) -> float:
    """The random wait before a ``change`` that woke ``woken`` streams here."""
    return random.uniform(0.0, min(SPREAD_MAX_S, SPREAD_PER_DESK_S * max(0, woken - 1)))


async def _anything_after(ctx: ServerContext, principal: Principal, cursor: str
                          ) -> tuple[bool, str]:
    """(is there something for this desk after ``cursor``, the position to watch from)."""
    page = await shared_read(ctx, principal, cursor, 1)
    return bool(page.parts or page.has_more or page.reset), page.cursor


async def stream(ctx: ServerContext, principal: Principal, cursor: str
                 ) -> AsyncIterator[bytes]:
    """The event stream's body. ``cursor`` was decoded by the route (400 before any
    byte), so a bad one never opens a stream."""
    loop = asyncio.get_running_loop()
    waker = ctx.waker
    after, made_for, epoch = sync_pull.decode_cursor(cursor)
    fingerprint = sync_pull.scope_fingerprint(principal)
    ends = loop.time() + open_for(ctx)
    ping = ctx.settings.events_ping
    waiter = waker.register(sync_pull.audience_keys(principal), after, principal.device_id)
    try:
        yield OPENING
        broad = not (waker.caught_up(after) and made_for == fingerprint)
        while not waker.closing:
            if broad:  # read: is there anything after the position?
                waiter.event.clear()  # a commit during the read sets it again
                found, cursor = await _anything_after(ctx, principal, cursor)
                waiter.after, _, epoch = sync_pull.decode_cursor(cursor)
                if found:
                    await asyncio.sleep(spread(waiter.woken_with))
                    yield CHANGE
            while not waiter.event.is_set():
                remaining = ends - loop.time()
                if remaining <= 0:
                    return
                try:
                    await asyncio.wait_for(waiter.event.wait(), min(remaining, ping))
                except TimeoutError:
                    yield PING
            if waker.closing:
                return
            waiter.event.clear()
            seq, broad = waiter.take_wake()
            if not broad:  # a notification naming this scope: trusted without a read
                # (max: the desk's own pushes may have moved it further, server/wakeup.py)
                waiter.after = max(waiter.after, seq)
                cursor = sync_pull.encode_cursor(waiter.after, fingerprint, epoch)
                await asyncio.sleep(spread(waiter.woken_with))
                yield CHANGE
    finally:
        waker.unregister(waiter)
