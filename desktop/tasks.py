"""The one background-task helper: the GUI thread never waits on SQLite or the network.

- ``tasks.run(fn, on_success, on_error)``: database work, on ONE worker thread, so the
  local database has a single writer and reads see every earlier write in order.
- ``tasks.run_network(...)``: HTTP work, on a small pool of its own, so a slow server
  never holds up the queue.
- ``DbBridge(tasks)(fn)``: from a network thread (a sync round, the change waiter), run one
  database step on the DB thread and wait for its result: handed straight to the DB
  thread's queue, never through the GUI thread, so a busy GUI never stalls a sync round.

Call it from the GUI thread. ``fn`` runs on the worker; ``on_success(result)`` or
``on_error(exc)`` runs later on the GUI thread (the worker posts a Qt event to it).
Without ``on_error``, the failure is logged and announced through :attr:`Tasks.failed`,
which the main window shows to the officer.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

log = logging.getLogger(__name__)

NETWORK_WORKERS = 4
DB_THREAD = "lapor-db"


class Closing(Exception):
    """The desk closed while a worker waited for a database step."""


class DbBridge:
    """``bridge(fn)`` from a worker thread: run ``fn`` on the DB thread, return its result
    (or raise its error). ``closing`` set: stop waiting and raise ``closing_error()``."""

    def __init__(self, tasks: Tasks,
                 closing_error: Callable[[], BaseException] = lambda: Closing()) -> None:
        self.tasks = tasks
        self.closing = threading.Event()
        self._closing_error = closing_error

    def __call__(self, fn: Callable[[], Any]) -> Any:
        try:
            future = self.tasks.call_db(fn)
        except RuntimeError as exc:  # the desk is closing
            raise self._closing_error() from exc
        while True:
            try:
                return future.result(timeout=0.1)
            except TimeoutError:
                if self.closing.is_set():
                    raise self._closing_error() from None


@dataclass
class _Job:
    fn: Callable[[], Any]
    on_success: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    changes: bool = False
    result: Any = None
    error: BaseException | None = None


class _JobDone(QEvent):
    TYPE = QEvent.Type(QEvent.registerEventType())

    def __init__(self, job: _Job) -> None:
        super().__init__(self.TYPE)
        self.job = job


class _Relay(QObject):
    """Lives on the GUI thread. Workers post it a _JobDone event (postEvent is thread-safe
    and needs no Python-side signal emit); it hands the job back on the GUI thread."""

    def __init__(self, deliver: Callable[[_Job], None]) -> None:
        super().__init__()
        self._deliver = deliver

    def customEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if isinstance(event, _JobDone):
            self._deliver(event.job)


class Tasks(QObject):
    failed = Signal(str, str)  # (title, message): an error nobody handled, for the officer
    busy_changed = Signal(bool)
    changed = Signal()  # a job run with changes=True succeeded: views re-read what they show

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix=DB_THREAD)
        self._net = ThreadPoolExecutor(max_workers=NETWORK_WORKERS, thread_name_prefix="lapor-net")
        self._relay = _Relay(self._deliver)
        self._pending = 0
        self._closed = False

    @property
    def pending(self) -> int:
        """Jobs submitted whose result has not yet been delivered on the GUI thread."""
        return self._pending

    def run(self, fn: Callable[[], Any], on_success: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, *,
            changes: bool = False) -> Future[None]:
        """Run database work ``fn`` on the single DB thread. Pass ``changes=True`` for a
        write: once it succeeds, :attr:`changed` tells every view to refresh."""
        return self._submit(self._db, fn, on_success, on_error, changes)

    def run_network(self, fn: Callable[[], Any], on_success: Callable[[Any], None] | None = None,
                    on_error: Callable[[BaseException], None] | None = None) -> Future[None]:
        """Run network work ``fn`` on the network pool (never touches the database)."""
        return self._submit(self._net, fn, on_success, on_error, False)

    def call_db(self, fn: Callable[[], Any]) -> Future[Any]:
        """Queue ``fn`` on the DB thread from any thread and return its future (behind
        every job queued before it: the single writer's order holds). Nothing is delivered
        to the GUI thread; use :class:`DbBridge` to wait for it."""
        if threading.current_thread().name.startswith(DB_THREAD):
            done: Future[Any] = Future()  # already on the DB thread: run it in place
            try:
                done.set_result(fn())
            except BaseException as exc:  # noqa: BLE001 - handed back through the future
                done.set_exception(exc)
            return done
        if self._closed:
            raise RuntimeError("Tasks is shut down")
        return self._db.submit(fn)

    def shutdown(self, final: Callable[[], Any] | None = None) -> None:
        """Finish every queued database job (writes must not be lost), then ``final`` (e.g.
        closing the database) on the DB thread. Queued network jobs are dropped: what they
        would have sent stays in the outbox for the next start."""
        if self._closed:
            return
        self._closed = True
        if final is not None:
            self._db.submit(_quietly, final)
        self._net.shutdown(wait=False, cancel_futures=True)
        self._db.shutdown(wait=True)

    def _submit(self, pool: ThreadPoolExecutor, fn: Callable[[], Any],
                on_success: Callable[[Any], None] | None,
                on_error: Callable[[BaseException], None] | None,
                changes: bool) -> Future[None]:
        if self._closed:
            if changes:  # a write after shutdown must fail loudly, never vanish
                raise RuntimeError("Tasks is shut down")
            # A late read (a timer or view reacting while the window closes) has nobody
            # left to answer: drop it instead of raising into Qt's event loop.
            log.debug("read submitted after shutdown dropped")
            dropped: Future[None] = Future()
            dropped.cancel()
            return dropped
        job = _Job(fn, on_success, on_error, changes)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        return pool.submit(self._execute, job)

    def _execute(self, job: _Job) -> None:  # worker thread
        try:
            job.result = job.fn()
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
            job.error = exc
        QCoreApplication.postEvent(self._relay, _JobDone(job))

    def _deliver(self, job: _Job) -> None:  # GUI thread
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if job.error is None:
            if job.on_success is not None:
                try:
                    job.on_success(job.result)
                except RuntimeError as exc:
                    # The receiving widget was deleted while the job ran (window closed).
                    if "already deleted" not in str(exc) and "has been deleted" not in str(exc):
                        raise
                    log.debug("result for a deleted receiver dropped")
            if job.changes:
                self.changed.emit()
        elif job.on_error is not None:
            job.on_error(job.error)
        else:
            self.report(job.error)

    def report(self, exc: BaseException) -> None:
        """Log ``exc`` and announce it to the officer in their language."""
        log.error("background task failed", exc_info=exc)
        self.failed.emit(*describe_error(exc))


def describe_error(exc: BaseException) -> tuple[str, str]:
    """(title, message) for the officer. Domain errors carry an Indonesian message meant to
    be shown as is; anything else is a fault, reported with its type for the helpdesk."""
    title = QCoreApplication.translate("Tasks", "Something went wrong")
    message = getattr(exc, "message", None)
    if isinstance(message, str) and message:
        return title, message
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    text = QCoreApplication.translate(
        "Tasks", "The operation could not be completed.\n\nDetails for the helpdesk: %1")
    return title, text.replace("%1", detail)


def _quietly(fn: Callable[[], Any]) -> None:
    try:
        fn()
    except Exception:  # noqa: BLE001 - shutting down; nothing to show it on
        log.exception("shutdown step failed")
