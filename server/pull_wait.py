"""``GET /sync/pull?wait=N``: a pull that waits for a change instead of answering "nothing".

With a cursor and ``wait`` > 0 the pull answers at once when the caller has changes after
the cursor (or ``has_more``, or a reset); otherwise it is held open until a change in the
caller's scope commits (server/wakeup.py wakes it) or ``wait`` seconds (at most
``LAPOR_PULL_MAX_WAIT``, default 25) pass, and then answers like an ordinary pull, an
empty page if nothing came. Every answer carries ``X-Lapor-Wait: <seconds>``, the wait the
server granted, so a desk knows this server waits (an older one ignores the parameter).

The wait holds no thread and no database connection: it is an asyncio event per request;
each wake-up re-reads the feed with the ordinary pull (in the thread pool). The waiter is
registered before the first read, so a change committed between that read and the wait
still wakes it. A waiting pull checks every few seconds whether its desk hung up, and
answers at once when the process is asked to stop (SIGTERM), so shutting a worker down
does not wait out the waits.

Kept cheap for thousands of waiting desks (issue 20: desk to desk within 2 s):

- A desk asking again from the feed's end (what it does right after each answer) waits at
  once, without reading the feed, when the LISTEN connection says nothing came after its
  cursor (``Waker.caught_up``); the read happens when it is woken. Never woken, its wait
  ends without a read too (``quiet_page``), at a random point in the last fifth of a long
  wait (``answer_after``: desks that began waiting together drift apart).
- One wake-up wakes many desks of the same account at once (an office signs in on several
  desks with one account, and tests and benches more so). Their reads are one read: a page
  is shared between the waiting pulls of this process that ask with the same account
  (user id, username, role, agency, unit: everything ``sync_pull.pull`` reads of the
  principal, so the same redaction, scope and catatan), the same cursor and limit, and
  that start reading after the same wake-up (``Waker.generation``: a read shared after a
  later notification could miss that change). Only reads in flight are shared; nothing is
  kept afterwards. Desks of different accounts never share a page.
- The reads that do not depend on the account (the feed's end, the feed rows after the
  cursor, role views, anchors) are made once per wake-up for all accounts
  (server/pull_shared.py), while the LISTEN connection is up and for at most
  ``SHARED_FOR_S`` (a change that notifies nobody, e.g. a restore, is seen after that).
"""

from __future__ import annotations

import asyncio
import random

from fastapi import Request
from fastapi.concurrency import run_in_threadpool

from server import sync_pull
from server.auth import Principal
from server.context import ServerContext
from server.pull_shared import SharedReads

WAIT_HEADER = "X-Lapor-Wait"
SHARED_FOR_S = 5.0
DISCONNECT_CHECK_S = 5.0
SPREAD_FROM_S = 10  # waits this long or longer answer empty within their last fifth


def answer_after(seconds: int) -> float:
    """When an empty wait of ``seconds`` answers. Desks that began waiting together (every
    desk after a server restart) would otherwise end their waits together, every ``wait``
    seconds, each storm queueing a round's requests behind thousands of answers and new
    waits; a random point in the last fifth of a wait of ``SPREAD_FROM_S`` or more lets
    them drift apart."""
    if seconds < SPREAD_FROM_S:
        return float(seconds)
    return seconds * random.uniform(0.8, 1.0)


def granted(ctx: ServerContext, wait: float) -> int:
    """The wait this server grants for a requested ``wait`` (whole seconds)."""
    return max(0, min(int(wait), ctx.settings.pull_max_wait))


async def shared_read(ctx: ServerContext, principal: Principal, cursor: str,
                      limit: int) -> sync_pull.PullPage:
    """``sync_pull.pull`` in the thread pool, one read for every waiting pull of this
    process with the same account, cursor and limit since the last wake-up (module doc).

    Call it only after clearing the waiter's event: a notification after that raises
    ``generation`` before it sets the event, so this read is not shared past it."""
    waker, loop = ctx.waker, asyncio.get_running_loop()
    key = (waker.generation, loop, principal.user_id, principal.username,
           principal.full_name, principal.role, principal.agency, principal.unit, cursor, limit)
    task = waker.reads.get(key)
    if task is None:
        task = loop.create_task(run_in_threadpool(sync_pull.pull, ctx, principal, cursor, limit,
                                                  _wake_up_reads(ctx)))
        waker.reads[key] = task
        task.add_done_callback(lambda _done: waker.reads.pop(key, None))
    # A desk hanging up cancels its own await, never the read the others share.
    return await asyncio.shield(task)


def quiet_page(ctx: ServerContext, principal: Principal, cursor: str
               ) -> sync_pull.PullPage | None:
    """The empty answer of a wait that began at the feed's end (unread) and was never woken,
    without reading: every change after its cursor was announced to scopes it cannot see
    (a lost LISTEN connection, a restore's ``announce_all`` and a notification too long to
    name its scopes all wake every waiter), so the cursor moves to the feed's end as the
    LISTEN connection knows it. Most of 2,000 waiting desks end their waits this way, every
    ``wait`` seconds. None: not known here; read."""
    latest = ctx.waker.latest
    if not ctx.waker.listening.is_set() or latest is None:
        return None
    after, made_for, made_in = sync_pull.decode_cursor(cursor)
    fingerprint = sync_pull.scope_fingerprint(principal)
    if made_for != fingerprint or latest < after:
        return None
    return sync_pull.PullPage([], sync_pull.encode_cursor(latest, fingerprint, made_in),
                              False, False)


def _wake_up_reads(ctx: ServerContext) -> SharedReads | None:
    """This wake-up's account-independent reads (module doc); None: read everything."""
    waker, now = ctx.waker, asyncio.get_running_loop().time()
    if not (waker.postgres and waker.listening.is_set()):
        return None
    current = waker.wake_reads
    if current is None or current[0] != waker.generation or now - current[1] > SHARED_FOR_S:
        current = waker.wake_reads = (waker.generation, now, SharedReads())
    return current[2]


async def pull(ctx: ServerContext, principal: Principal, request: Request,
               cursor: str | None, limit: int, wait: float) -> sync_pull.PullPage:
    seconds = granted(ctx, wait)
    if not cursor or seconds <= 0:
        return await run_in_threadpool(sync_pull.pull, ctx, principal, cursor, limit)
    after, made_for, _ = sync_pull.decode_cursor(cursor)  # 400 invalid_cursor before any wait
    loop = asyncio.get_running_loop()
    deadline = loop.time() + answer_after(seconds)
    waiter = ctx.waker.register(sync_pull.audience_keys(principal), after)
    # At the feed's end (and for this scope: else the read answers with a reset): wait first.
    read_now = not (ctx.waker.caught_up(after)
                    and made_for == sync_pull.scope_fingerprint(principal))
    page: sync_pull.PullPage | None = None
    try:
        while True:
            if read_now:
                waiter.event.clear()  # a commit during the read below sets it again
                page = await shared_read(ctx, principal, cursor, limit)
                if page.parts or page.has_more or page.reset or ctx.waker.closing:
                    return page
                # Nothing visible up to the page's cursor: wait from there.
                cursor = page.cursor
                waiter.after = sync_pull.decode_cursor(cursor)[0]
            read_now = True
            while not waiter.event.is_set():
                remaining = deadline - loop.time()
                if remaining <= 0:  # the empty answer; read now if the wait began unread
                    return page or quiet_page(ctx, principal, cursor) or \
                        await shared_read(ctx, principal, cursor, limit)
                try:
                    await asyncio.wait_for(waiter.event.wait(),
                                           min(remaining, DISCONNECT_CHECK_S))
                except TimeoutError:
                    if await request.is_disconnected():
                        # Nobody to answer (the desk asks again): nothing to read.
                        return page or sync_pull.PullPage([], cursor, False, False)
    finally:
        ctx.waker.unregister(waiter)
