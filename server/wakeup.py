"""Waking the pulls that wait for changes (``GET /sync/pull?wait=N``, server/pull_wait.py)
and the desks' change-event streams (``GET /sync/events``, server/change_events.py).

The wake-up comes from the database, so it reaches every worker of every server machine:

- **PostgreSQL**: the transaction that moves the change feed (``feed.flush``, right before
  COMMIT) also runs ``pg_notify(channel, "<last seq>|<key>|<key>|")`` with the scope keys
  of what it changed. PostgreSQL delivers a notification only when, and after, its
  transaction commits, and to every session listening on the channel, whichever machine
  it is on. Each server process keeps one listening connection on a thread of its own
  (started with the first waiting pull) and fans every notification out to the waiting
  pulls whose scope keys it names. The channel is per schema
  (``lapor_feed_<md5 of the schema>``): several servers on one PostgreSQL cluster do not
  wake each other. When that connection breaks, every waiter is woken (it re-reads the
  feed) and the thread connects again.
- **SQLite**: the committing request wakes the waiters of its own process right after
  COMMIT; a thread also reads the feed's end and the epoch twice a second and wakes
  everyone when either moved, for changes made by another worker process or by
  ``lapor-server`` commands (``after-restore``).

A notification only says "look again": the waiting pull re-reads the feed from its cursor
exactly as an ordinary pull does, so a lost, late or spurious wake-up can delay a change
(at most until the wait ends) but never skip or invent one.

Two things the waiting pulls use to stay cheap (server/pull_wait.py): ``generation`` counts
the notifications this process received (a page read after it moved saw their commits), and
``latest`` is the feed's end as far as this process heard, trusted only while the LISTEN
connection is up (read once when it connects, then raised by every notification): a desk
whose cursor is there has nothing new until a notification comes.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from server.models import FeedEntry

log = logging.getLogger("lapor.server.wakeup")

CHANNEL_SQL = "'lapor_feed_' || left(md5(current_schema()), 16)"
MAX_PAYLOAD = 7000  # PostgreSQL's limit is 8000 bytes; beyond this: "wake everyone"
SQLITE_POLL_S = 0.5
LISTEN_POLL_S = 1.0  # how often the listening thread looks at its stop flag
EVERY_SEQ = 2**62  # wake_all: a position past any real one
_LOCAL = "lapor_wakeup_local"  # session.info: what to announce after a SQLite COMMIT
# session.info: the device whose push this transaction applies. Its own change-event stream
# is not told (its round pulls right after pushing); everyone else's is.
BY_DEVICE = "lapor_by_device"
_DEVICE_MARK = "@"  # a payload entry naming that device (feed keys never begin with it)


def encode(seq: int, keys: Iterable[str] | None, by: str | None = None) -> str:
    """``"<seq>|k1|k2|"`` (and ``"@<device>|"`` when a desk's push made the change);
    ``"<seq>"`` alone means everyone."""
    if keys is None:
        return str(seq)
    entries = sorted(set(keys))
    if by and "|" not in by:
        entries.append(_DEVICE_MARK + by)
    text = f"{seq}|" + "".join(f"{k}|" for k in entries)
    return text if len(text.encode()) <= MAX_PAYLOAD else str(seq)


def decode(payload: str) -> tuple[int, frozenset[str] | None, str | None]:
    """(position, scope keys or None for everyone, the pushing device or None)."""
    head, sep, rest = payload.partition("|")
    try:
        seq = int(head)
    except ValueError:
        return 0, None, None
    if not sep:
        return seq, None, None
    entries = [k for k in rest.split("|") if k]
    by = next((k[1:] for k in entries if k.startswith(_DEVICE_MARK)), None)
    return seq, frozenset(k for k in entries if not k.startswith(_DEVICE_MARK)), by


def announce(session: Session, last_seq: int, keys: Iterable[str]) -> None:
    """Called inside the write transaction that moved the feed to ``last_seq``."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.text(f"SELECT pg_notify({CHANNEL_SQL}, :payload)"),
                        {"payload": encode(last_seq, keys, session.info.get(BY_DEVICE))})
    else:
        seq, known = session.info.get(_LOCAL, (0, set()))
        session.info[_LOCAL] = (max(seq, last_seq), set(known) | set(keys))


def announce_all(session: Session) -> None:
    """Inside a transaction that changed what every cursor means (``after-restore``): every
    waiting pull of every process is woken and reads, and each process re-reads the feed's
    end (PostgreSQL; a SQLite server's poll sees the feed jump by itself)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.text(f"SELECT pg_notify({CHANNEL_SQL}, :payload)"),
                        {"payload": encode(EVERY_SEQ, None)})


def after_commit(session: Session) -> tuple[int, set[str], str | None] | None:
    """What a committed SQLite transaction announced, and by which device (None: nothing)."""
    announced = session.info.pop(_LOCAL, None)
    if announced is None:
        return None
    return announced[0], announced[1], session.info.get(BY_DEVICE)


class Waiter:
    """One waiting pull or change-event stream: its scope keys (None: sees everything),
    feed position, and what woke it (set on its event loop, before its event)."""

    __slots__ = ("keys", "after", "loop", "device", "event", "seq", "broad", "woken_with")

    def __init__(self, keys: frozenset[str] | None, after: int,
                 loop: asyncio.AbstractEventLoop, device: str | None = None) -> None:
        self.keys, self.after, self.loop = keys, after, loop
        self.device = device  # a change-event stream's desk: not woken by its own pushes
        self.event = asyncio.Event()
        self.seq = 0  # the last position a wake-up naming scope keys announced
        self.broad = False  # woken for everyone (no keys): only a read can tell
        self.woken_with = 0  # how many waiters of this process the last wake-up woke

    def take_wake(self) -> tuple[int, bool]:
        """(position announced, woken for everyone) since the last call; on its loop."""
        seq, broad = self.seq, self.broad
        self.broad = False
        return seq, broad

    def wants(self, seq: int, keys: frozenset[str] | None) -> bool:
        if seq <= self.after:
            return False
        return keys is None or self.keys is None or not self.keys.isdisjoint(keys)


def _feed_end(conn: Any) -> int:
    """The feed's last position, on the LISTEN connection (psycopg, autocommit)."""
    from psycopg import sql

    return int(conn.execute(sql.SQL("SELECT coalesce(max(seq), 0) FROM {}").format(
        sql.Identifier(FeedEntry.__tablename__))).fetchone()[0])


def _wake(waiters: list[Waiter], seq: int, broad: bool, woken: int,
          own: list[Waiter]) -> None:
    """On the waiters' event loop: note what woke them, then wake them. ``own``: streams
    whose desk pushed the change; they move past it unwoken (a poll of the feed's end
    then does not wake them for it either)."""
    for waiter in own:
        waiter.after = max(waiter.after, seq)
    for waiter in waiters:
        if broad:
            waiter.broad = True
        else:
            waiter.seq = max(waiter.seq, seq)
        waiter.woken_with = woken
        waiter.event.set()


class Waker:
    """The waiting pulls of one server process and the thread that wakes them."""

    def __init__(self, db: Any) -> None:
        self.db = db
        self.postgres = db.engine.dialect.name == "postgresql"
        self._lock = threading.Lock()
        self._waiters: set[Waiter] = set()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.closing = False  # the process is shutting down: waiting pulls answer now
        self.listening = threading.Event()  # PostgreSQL: the LISTEN connection is up
        self.generation = 0  # wake-ups published so far (raised before any waiter wakes)
        self.latest: int | None = None  # feed end heard of (PostgreSQL, while listening)
        self.reads: dict[Any, Any] = {}  # pull_wait: the page reads in flight, shared
        self.wake_reads: Any = None  # pull_wait: (generation, since, pull_shared.SharedReads)

    # -- waiting pulls (event loop) ---------------------------------------------------------
    def register(self, keys: Iterable[str] | None, after: int,
                 device: str | None = None) -> Waiter:
        waiter = Waiter(None if keys is None else frozenset(keys), after,
                        asyncio.get_running_loop(), device)
        with self._lock:
            self._waiters.add(waiter)
            self._start()
        if self.closing:
            waiter.event.set()
        return waiter

    def unregister(self, waiter: Waiter) -> None:
        with self._lock:
            self._waiters.discard(waiter)

    @property
    def waiting(self) -> int:
        return len(self._waiters)

    def caught_up(self, after: int) -> bool:
        """Is ``after`` the feed's end, as far as the LISTEN connection tells? Then a waiter
        registered before asking hears of anything later; no need to read the feed now."""
        return self.postgres and self.listening.is_set() and self.latest == after

    # -- waking (any thread) ----------------------------------------------------------------
    def publish(self, seq: int, keys: frozenset[str] | set[str] | None,
                by: str | None = None) -> int:
        """Wake the waiters that may see a change up to ``seq`` touching ``keys`` (None:
        any scope), except the stream of ``by``, the device that pushed it. Returns how
        many were woken."""
        frozen = None if keys is None else frozenset(keys)
        broad = frozen is None or seq >= EVERY_SEQ
        by_loop: dict[asyncio.AbstractEventLoop, tuple[list[Waiter], list[Waiter]]] = {}
        with self._lock:
            self.generation += 1
            if seq < EVERY_SEQ and self.latest is not None:
                self.latest = max(self.latest, seq)
            for waiter in self._waiters:
                if waiter.wants(seq, frozen):
                    mine = by is not None and waiter.device == by
                    by_loop.setdefault(waiter.loop, ([], []))[mine].append(waiter)
        woken = sum(len(waiters) for waiters, _own in by_loop.values())
        for loop, (waiters, own) in by_loop.items():
            try:
                loop.call_soon_threadsafe(_wake, waiters, seq, broad, woken, own)
            except RuntimeError:  # that loop is closed: nobody waits there any more
                pass
        return woken

    def wake_all(self) -> int:
        return self.publish(EVERY_SEQ, None)

    def committed(self, session: Session) -> None:
        """Database.post_commit: a SQLite transaction committed; wake this process now."""
        announced = after_commit(session)
        if announced is not None and self._waiters:
            self.publish(*announced)

    def shutdown(self) -> None:
        """The process got SIGTERM/SIGINT: every waiting pull answers at once, so the
        graceful shutdown does not wait out their waits."""
        self.closing = True
        self.wake_all()

    def close(self) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=LISTEN_POLL_S + 2)

    # -- the thread -------------------------------------------------------------------------
    def _start(self) -> None:  # under self._lock
        if self._thread is not None or self._stop.is_set():
            return
        target = self._listen if self.postgres else self._poll
        self._thread = threading.Thread(target=target, name="lapor-wakeup", daemon=True)
        self._thread.start()

    def _poll(self) -> None:
        """SQLite: other processes' commits (other workers, lapor-server commands), and a
        new epoch (``after-restore`` moves no feed row, yet every cursor must hear of it)."""
        from server import feed, restore

        last, epoch = -1, None
        while not self._stop.wait(SQLITE_POLL_S):
            try:
                with self.db.read() as session:
                    seq = feed.latest_seq(session)
                    now_epoch = restore.current_epoch(session)
            except Exception as exc:  # noqa: BLE001 - keep polling; the pulls report errors
                log.warning("feed poll failed: %s", exc)
                continue
            if epoch is not None and now_epoch != epoch:
                self.wake_all()
            elif seq > last:  # waiters whose cursor is at seq already are not woken
                self.publish(seq, None)
            last, epoch = seq, now_epoch

    def _conninfo(self) -> str:
        url = self.db.engine.url.set(drivername="postgresql")
        return url.render_as_string(hide_password=False)

    def _listen(self) -> None:
        """PostgreSQL: one LISTEN connection per process; reconnects after a failure."""
        import psycopg
        from psycopg import sql

        delay = 0.5
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo(), autocommit=True,
                                     connect_timeout=10) as conn:
                    channel = conn.execute(f"SELECT {CHANNEL_SQL}").fetchone()[0]  # type: ignore[index]
                    conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))
                    # After LISTEN: a commit this misses is notified (and raises it).
                    end = _feed_end(conn)
                    with self._lock:
                        self.latest = max(self.latest or 0, end)
                    self.listening.set()
                    self.wake_all()  # whatever committed while nobody listened
                    delay = 0.5
                    while not self._stop.is_set():
                        moved = False
                        notes = conn.notifies(timeout=LISTEN_POLL_S)
                        for note in notes:
                            seq, keys, by = decode(note.payload)
                            if seq >= EVERY_SEQ:  # announce_all: the feed's end moved
                                moved = True
                                break
                            self.publish(seq, keys, by)
                            if self._stop.is_set():
                                break
                        notes.close()  # (holds the connection's lock while open)
                        if moved:  # the new end first: a woken pull may wait from it
                            end = _feed_end(conn)
                            with self._lock:
                                self.latest = end
                            self.wake_all()
            except Exception as exc:  # noqa: BLE001 - reconnect; waiting pulls re-read
                self.listening.clear()
                self.latest = None  # notifications may be lost from here on
                if self._stop.is_set():
                    break
                log.warning("LISTEN connection lost (%s); reconnecting in %.1f s",
                            type(exc).__name__, delay)
                self.wake_all()
                self._stop.wait(delay)
                delay = min(delay * 2, 5.0)
        self.listening.clear()
        self.latest = None
