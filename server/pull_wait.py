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
"""

from __future__ import annotations

import asyncio

from fastapi import Request
from fastapi.concurrency import run_in_threadpool

from server import sync_pull
from server.auth import Principal
from server.context import ServerContext

WAIT_HEADER = "X-Lapor-Wait"
DISCONNECT_CHECK_S = 5.0


def granted(ctx: ServerContext, wait: float) -> int:
    """The wait this server grants for a requested ``wait`` (whole seconds)."""
    return max(0, min(int(wait), ctx.settings.pull_max_wait))


async def pull(ctx: ServerContext, principal: Principal, request: Request,
               cursor: str | None, limit: int, wait: float) -> sync_pull.PullPage:
    seconds = granted(ctx, wait)
    if not cursor or seconds <= 0:
        return await run_in_threadpool(sync_pull.pull, ctx, principal, cursor, limit)
    after = sync_pull.decode_cursor(cursor)[0]  # 400 invalid_cursor before any wait
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    waiter = ctx.waker.register(sync_pull.audience_keys(principal), after)
    try:
        while True:
            waiter.event.clear()  # a commit during the read below sets it again
            page = await run_in_threadpool(sync_pull.pull, ctx, principal, cursor, limit)
            if page.parts or page.has_more or page.reset or ctx.waker.closing:
                return page
            # Nothing visible up to the page's cursor: wait from there.
            cursor = page.cursor
            waiter.after = sync_pull.decode_cursor(cursor)[0]
            while not waiter.event.is_set():
                remaining = deadline - loop.time()
                if remaining <= 0:
                    return page
                try:
                    await asyncio.wait_for(waiter.event.wait(),
                                           min(remaining, DISCONNECT_CHECK_S))
                except TimeoutError:
                    if await request.is_disconnected():
                        return page  # nobody to answer; the desk asks again
    finally:
        ctx.waker.unregister(waiter)
