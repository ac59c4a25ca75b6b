"""Wait on the server for changes, and ask for a sync round when one comes (issue 20).

While the desk is online, one thread of its own (never the GUI thread, never the network
pool) keeps the server's change-event stream open (``ApiClient.change_events``,
docs/sync-protocol.md "Change events"): one long-lived request from the stored cursor, on
which the server says ``change`` whenever something in the desk's scope may have changed.
Each ``change`` calls ``on_change`` (the GUI starts a round, which pushes and pulls as
always; a round already running is followed by one more, so a change that committed after
that round's pull is fetched too). When the server ends the stream (every few minutes, or
as it shuts down) the waiter opens a new one from the cursor stored by then.

A server without the stream (404: from before it) gets waiting pulls instead
(``ApiClient.wait_for_changes``, "Waiting for changes"): the server answers as soon as
something after the desk's cursor changed in its scope, or empty after its wait (25 s);
then the waiter calls ``on_change`` and pauses until a round has ended, or asks again. The
cursor it waits from is the one the last round stored (``read_cursor``), advanced in
memory past changes the desk cannot see. When a round ran while it waited, a change it
hears of may be the desk's own push, already pulled: it asks again from the round's
cursor instead of starting another round.

It never stores anything. Failures never reach the officer: the waiter backs off (2 s
doubling to 60 s; a round that succeeds meanwhile ends the backoff) and the periodic round
stays the fallback. A server that does not wait at all (no ``X-Lapor-Wait``) is asked
again only every ``NO_WAIT_RETRY_S``. An expired or replaced token: the waiter asks for a
round (which renews it) and listens with a new client once that round has ended.

``stop()`` ends the thread promptly: it shuts the socket of the request in flight (the
client's sessions get an adapter that keeps track of their connections), so a closing app
never waits for the server.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from desktop.sync.client import STREAM_OPEN
from desktop.sync.errors import ApiError, LoginRequired, SyncError

log = logging.getLogger(__name__)

DEFAULT_WAIT_S = 25  # the server grants at most its LAPOR_PULL_MAX_WAIT (25 by default)
# 0: no waiting, periodic rounds only; else seconds per waiting pull (a server without
# change events).
ENV_WAIT = "LAPOR_DESK_WAIT"
BACKOFF_S = (2.0, 4.0, 8.0, 15.0, 30.0, 60.0)
NO_WAIT_RETRY_S = 600.0
PAUSE_MAX_S = 120.0  # a requested round that never ran: wait again after this anyway
SHORT_STREAM_S = 5.0  # a stream the server ended sooner than this counts as a failure


def wait_seconds() -> int:
    """``LAPOR_DESK_WAIT`` (default 25; 0 turns the waiter off)."""
    raw = os.environ.get(ENV_WAIT, "").strip()
    if not raw:
        return DEFAULT_WAIT_S
    try:
        return max(0, int(raw))
    except ValueError:
        log.warning("%s ignored: expected whole seconds", ENV_WAIT)
        return DEFAULT_WAIT_S


class _Connections:
    """The live connections of one session, so another thread can shut them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._live: weakref.WeakSet[Any] = weakref.WeakSet()

    def add(self, conn: Any) -> None:
        with self._lock:
            self._live.add(conn)

    def shut(self) -> None:
        with self._lock:
            conns = list(self._live)
        for conn in conns:
            sock = getattr(conn, "sock", None)
            if sock is None:
                continue
            try:
                # socket.socket's own shutdown (also for a TLS socket): the blocked read
                # in the waiter thread returns at once with an error.
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass


class AbortableAdapter(HTTPAdapter):
    """An HTTPAdapter whose connections ``abort()`` shuts from any thread."""

    def __init__(self) -> None:
        self.connections = _Connections()
        tracker = self.connections

        class _Http(HTTPConnection):
            def connect(self) -> None:
                super().connect()
                tracker.add(self)

        class _Https(HTTPSConnection):
            def connect(self) -> None:
                super().connect()
                tracker.add(self)

        class _HttpPool(HTTPConnectionPool):
            ConnectionCls = _Http

        class _HttpsPool(HTTPSConnectionPool):
            ConnectionCls = _Https

        self._pools = {"http": _HttpPool, "https": _HttpsPool}
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(self._pools)

    def abort(self) -> None:
        self.connections.shut()


class ChangeWaiter:
    """The waiting thread. ``make_client()`` gives a signed-in ``ApiClient`` (SyncError
    when there is none), ``read_cursor()`` the stored pull cursor, ``on_change()`` asks for
    a round (called on the waiter's thread). Tell it about rounds with
    ``round_started()`` / ``round_finished()``."""

    def __init__(self, make_client: Callable[[], Any], read_cursor: Callable[[], str | None],
                 on_change: Callable[[], None], *, wait_s: int = DEFAULT_WAIT_S,
                 name: str = "lapor-wait") -> None:
        self.make_client = make_client
        self.read_cursor = read_cursor
        self.on_change = on_change
        self.wait_s = wait_s
        self.name = name
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._round_running = False
        self._generation = 0  # rounds started so far
        self._paused = False  # a round was asked for and has not ended yet
        self._stale = False  # a round ended: tokens may have been renewed
        self._backing_off = threading.Event()  # set: a backoff ends now (server is back)
        self._adapter: AbortableAdapter | None = None
        self._thread: threading.Thread | None = None
        self._rng = random.Random()
        self.wakeups = 0  # rounds asked for (tests, logs)
        self.streaming = False  # a change-event stream is open (tests, logs)
        self.streams = 0  # change-event streams opened so far (tests, logs)
        # The waiter thread's own (``_run``):
        self._client: Any = None
        self._advanced: str | None = None  # past changes this desk cannot see (memory only)
        self._last_stored: str | None = None

    # -- control (any thread) ---------------------------------------------------------------
    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.alive or self._stop.is_set():
            return
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 1.0) -> bool:
        """End the thread: the pull in flight is cut. True when it has ended."""
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        self._backing_off.set()
        adapter = self._adapter
        if adapter is not None:
            adapter.abort()
        thread = self._thread
        if thread is None or thread is threading.current_thread():
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def round_started(self) -> None:
        with self._cond:
            self._round_running = True
            self._generation += 1

    def reachable(self) -> None:
        """A round just succeeded: the server answers again, so a backoff ends now."""
        self._backing_off.set()

    def round_finished(self) -> None:
        with self._cond:
            self._round_running = False
            self._paused = False
            self._stale = True
            self._cond.notify_all()

    # -- the thread -------------------------------------------------------------------------
    def _wait_until_idle(self) -> None:
        """No waiting pull while a round runs or a requested round has not ended."""
        with self._cond:
            idle = self._cond.wait_for(
                lambda: self._stop.is_set() or not (self._round_running or self._paused),
                timeout=PAUSE_MAX_S)
            if not idle:  # the round never came: wait again anyway
                self._paused = False

    def _backoff(self, failures: int) -> None:
        delay = BACKOFF_S[min(failures, len(BACKOFF_S)) - 1] * self._rng.uniform(0.8, 1.2)
        self._backing_off.clear()
        until = time.monotonic() + delay
        while not self._stop.is_set() and not self._backing_off.is_set():
            remaining = until - time.monotonic()
            if remaining <= 0:
                return
            self._backing_off.wait(min(remaining, 0.2))  # stop() is looked at too

    def _run(self) -> None:
        streams = True  # until the server answers 404: then waiting pulls
        failures = 0
        try:
            while not self._stop.is_set():
                self._wait_until_idle()
                if self._stop.is_set():
                    break
                with self._cond:
                    generation, renew, self._stale = self._generation, self._stale, False
                try:
                    if self._client is None or renew:
                        self._client = self._new_client(self._client)
                    stored = self.read_cursor()
                except SyncError as exc:
                    failures += 1
                    log.info("change waiter: no client (%s)", exc.code)
                    self._backoff(failures)
                    continue
                if stored is None:  # never synced: the first round comes first
                    self._pause()
                    continue
                try:
                    if streams:
                        failures = self._listen(stored, failures)
                    else:
                        failures = self._wait_once(stored, generation, failures)
                except ApiError as exc:
                    if not streams or exc.status != 404:
                        failures = self._failed(exc, failures)
                    else:
                        log.info("change waiter: no change events here; waiting pulls")
                        streams = False
                except LoginRequired:
                    # Expired, or renewed by a round meanwhile: a round sorts it out.
                    self._close(self._client)
                    self._client = None
                    self._ask_round(generation)
                except SyncError as exc:
                    if self._stop.is_set():
                        break
                    failures = self._failed(exc, failures)
        finally:
            self._close(self._client)

    def _failed(self, exc: SyncError, failures: int) -> int:
        log.info("change waiter: %s failed (%s); again in a while", exc.code,
                 exc.detail or exc.code)
        self._backoff(failures + 1)
        return failures + 1

    def _listen(self, stored: str, failures: int) -> int:
        """One change-event stream from ``stored``, a round asked for at every ``change``,
        until the server ends it. Returns the failure count."""
        opened = time.monotonic()
        try:
            for event in self._client.change_events(stored):
                if self._stop.is_set():
                    return failures
                if event == STREAM_OPEN:
                    self.streaming = True
                    self.streams += 1
                elif event == "change":
                    failures = 0
                    self._nudge()
        finally:
            self.streaming = False
        if time.monotonic() - opened < SHORT_STREAM_S and not self._stop.is_set():
            failures += 1  # ended at once: a server shutting down, a proxy cutting it
            self._backoff(failures)
        else:
            failures = 0
        return failures

    def _wait_once(self, stored: str, generation: int, failures: int) -> int:
        """One waiting pull (a server without change events). Returns the failure count."""
        cursor = self._advanced if self._advanced and stored == self._last_stored else stored
        self._last_stored = stored
        started = time.monotonic()
        page = self._client.wait_for_changes(cursor, self.wait_s)
        if page.wait is None or page.wait <= 0:
            log.info("change waiter: the server does not wait; periodic rounds only")
            self._stop.wait(NO_WAIT_RETRY_S)
            return failures
        if page.changes or page.has_more or page.reset:
            self._advanced = None
            self._ask_round(generation)
            return 0
        self._advanced = page.cursor
        if time.monotonic() - started < min(page.wait / 2, 5.0):
            failures += 1  # an early empty answer (a server shutting down)
            self._backoff(failures)
            return failures
        return 0

    def _new_client(self, old: Any) -> Any:
        self._close(old)
        client = self.make_client()
        adapter = AbortableAdapter()
        client.session.mount("https://", adapter)
        client.session.mount("http://", adapter)
        self._adapter = adapter
        if self._stop.is_set():
            adapter.abort()
        return client

    def _close(self, client: Any) -> None:
        if client is not None:
            client.close()
        return None

    def _pause(self) -> None:
        with self._cond:
            self._paused = True

    def _nudge(self) -> None:
        """A ``change`` on the stream: a round now, or one more after the running one."""
        self.wakeups += 1
        self._call_on_change()

    def _ask_round(self, generation: int) -> None:
        """Ask for a round unless one ran since the wait began (then just ask again)."""
        with self._cond:
            if self._generation != generation or self._round_running:
                return
            self._paused = True
        self.wakeups += 1
        self._call_on_change()

    def _call_on_change(self) -> None:
        try:
            self.on_change()
        except Exception:  # noqa: BLE001 - whoever listened is gone (the app closing)
            log.debug("change waiter: nobody to tell; stopping", exc_info=True)
            self._stop.set()
