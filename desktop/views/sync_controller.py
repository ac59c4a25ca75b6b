"""The sync engine in the GUI: timers, "Sinkronkan sekarang", status, sign-in, and the views.

``desktop.views.sync_ui.install(window)`` adds to the main window, without the window
knowing the details:
the sync status in the status bar (online/offline, last successful sync, pending and
rejected counts, the last error), "Sinkronkan sekarang" (toolbar, status bar, Ctrl+R),
the Kotak Keluar and Perlu Perhatian pages, and the sign-in dialog. The window calls
``attach_service(service)`` once the store is open. Also: a notice naming the complaints
whose actions the server rejected (``sync_notices``), and a question before the window
closes with actions not yet sent (``close_guard``).

Threads: a round runs the same :class:`SyncEngine` as ``lapor-desk sync`` on the network
pool; each of its database steps is handed to the single DB thread (``desktop.tasks``)
and waited for, so the GUI thread only ever receives results. Rounds start every
``Settings.sync_interval`` seconds, a few seconds after a local action, when the server is
reachable again (probed while offline), and on "Sinkronkan sekarang". While online, a quick
health check every ``HEARTBEAT_MS`` notices a server that went away; a round's failed
request shows "offline" at once, while it is still being retried. Once a round succeeded,
a change waiter (``desktop.sync.waiter``, its own thread) waits on the server for changes
in the desk's scope and starts a round when one comes; the periodic round stays the
fallback when that wait breaks.
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence

from desktop.tasks import DbBridge, Tasks

log = logging.getLogger(__name__)

SOON_MS = 3_000  # push this long after a local action (actions come in bursts)
PROBE_MS = (5_000, 10_000, 20_000, 30_000, 60_000)  # while offline: is it back?
HEARTBEAT_MS = 30_000  # while online: is the server still there? (a dead one shows at once)
OFFLINE_MESSAGE = "Server pusat tidak dapat dihubungi."  # a failed health check (Indonesian)
DEFAULT_INTERVAL_S = 300


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar and the pages show."""

    online: bool | None = None  # None: not known yet
    syncing: bool = False
    signed_in: bool = False
    login_required: bool = False
    server: str | None = None
    user: str | None = None
    full_name: str | None = None
    credential_store: str = "file"
    last_sync: str | None = None
    last_error: str | None = None
    pending: int = 0
    rejected: int = 0
    progress: str | None = None
    ca_file: str | None = None  # the agency's CA the server's certificate is checked with
    # The last round failed on the server's certificate or the CA file (TrustError): a
    # configuration problem, shown as such and not probed for like a lost network.
    trust_problem: bool = False
    # The technical side of ``last_error`` (an exception name, an HTTP status): for the
    # tooltip and the log, never the message itself.
    error_detail: str | None = None


def _closing_error() -> BaseException:
    from desktop.sync.errors import SyncError

    return SyncError("Aplikasi ditutup; sinkronisasi dilanjutkan nanti.", code="closing")


class SyncController(QObject):
    status_changed = Signal(object)  # SyncStatus
    synced = Signal(object)  # SyncReport of a finished round
    failed = Signal(object)  # the SyncError of a failed round
    login_needed = Signal(str)  # message: the session is gone (or never was)
    outbox_changed = Signal()  # pending/rejected ops changed: lists re-read
    _progress_signal = Signal(str, int)  # from the network thread
    _trouble_signal = Signal(str)  # from the network thread: a request just failed
    _changes_signal = Signal()  # from the change waiter: the server has something new

    def __init__(self, tasks: Tasks, *, interval_s: int = DEFAULT_INTERVAL_S,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.bridge = DbBridge(tasks, _closing_error)
        self.service: Any = None
        self.account: Any = None
        self.status = SyncStatus()
        self._running = False
        self._again = False
        self._engine: Any = None
        self._closed = False
        self._probe_step = 0
        self._login_asked = False
        self._switch_interval = sys.getswitchinterval()
        self._gc_was_enabled = True

        self.timer = QTimer(self)
        self.timer.setInterval(max(30, int(interval_s)) * 1000)
        self.timer.timeout.connect(self.auto_sync)
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(SOON_MS)
        self.soon.timeout.connect(self.auto_sync)
        self.probe = QTimer(self)
        self.probe.setSingleShot(True)
        self.probe.timeout.connect(self._probe)
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_MS)
        self.heartbeat.timeout.connect(self._heartbeat)
        self._checking = False  # a heartbeat's health check is on its way

        self.sync_action = QAction(self.tr("Sync now"), self)
        self.sync_action.setShortcut(QKeySequence("Ctrl+R"))
        self.sync_action.setToolTip(self.tr("Send waiting actions and fetch changes now"))
        self.sync_action.triggered.connect(self.sync_now)
        tasks.changed.connect(self.notify_local_change)
        self._progress_signal.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._trouble_signal.connect(self._on_trouble, Qt.ConnectionType.QueuedConnection)
        self._changes_signal.connect(self.auto_sync, Qt.ConnectionType.QueuedConnection)
        self._waiter: Any = None  # desktop.sync.waiter.ChangeWaiter while online

    # -- lifecycle ----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """A round is on its way."""
        return self._running

    def attach_service(self, service: Any) -> None:
        """The store is open: read who is signed in, then start syncing (if signed in)."""
        self.service = service
        self.db(self._open_account, self._account_opened)

    def set_interval(self, seconds: int) -> None:
        self.timer.setInterval(max(30, int(seconds)) * 1000)

    def stop(self) -> None:
        """The window closes: no new rounds; a running one stops at its next request."""
        self._closed = True
        self.bridge.closing.set()
        self._stop_waiter(join_s=0.5)
        for timer in (self.timer, self.soon, self.probe, self.heartbeat):
            timer.stop()
        if self._engine is not None:
            self._engine.cancel()
        self._round_ended()  # its answer may never be delivered now

    def _open_account(self) -> Any:  # DB thread
        from desktop.sync.account import Account

        return Account(self.service)

    def _account_opened(self, account: Any) -> None:
        self.account = account
        self.timer.start()
        self.heartbeat.start()
        self.refresh_status(then=self._first_round)

    def _first_round(self, status: SyncStatus) -> None:
        """With a session, sync at once (the desk already shows its last synced data).
        A desk that knew a server but lost its session asks for a sign-in; one that never
        had a server just says so in the status bar (it may be a local-only desk)."""
        if status.signed_in and not status.login_required:
            self.sync_now()
        elif status.server:
            self._ask_login(status.last_error or self.tr("Your session has ended: sign in "
                                                         "again to send your actions."))

    # -- status ---------------------------------------------------------------------------
    def refresh_status(self, then: Callable[[SyncStatus], None] | None = None) -> None:
        if self.account is None:
            return
        self.db(partial(_read_status, self.service, self.account),
                 partial(self._status_read, then))

    def _status_read(self, then: Callable[[SyncStatus], None] | None, data: dict) -> None:
        if self.status.online is False and not data.get("last_error"):
            data = {**data, "last_error": self.status.last_error}  # a failed health check
        self._set_status(replace(self.status, **data))
        if then is not None:
            then(self.status)

    def _set_status(self, status: SyncStatus) -> None:
        changed_counts = (status.pending, status.rejected) != (self.status.pending,
                                                               self.status.rejected)
        self.status = status
        self.status_changed.emit(status)
        if changed_counts:
            self.outbox_changed.emit()

    def notify_local_change(self) -> None:
        """Something was written (an officer's action...): show the new counts and, when
        actions wait, push them in a few seconds."""
        if self._closed or self.account is None:
            return
        self.refresh_status(then=self._push_soon)
        self.outbox_changed.emit()

    def _push_soon(self, status: SyncStatus) -> None:
        if status.pending and not self._running:
            self.soon.start()

    # -- rounds ---------------------------------------------------------------------------
    def auto_sync(self) -> None:
        """Timer and after-action rounds: only with a session (no dialog pops up)."""
        if self.status.signed_in and not self.status.login_required:
            self.sync_now()

    def sync_now(self) -> None:
        """"Sinkronkan sekarang" (and every automatic round)."""
        if self._closed or self.account is None:
            return
        if not self.status.signed_in:
            self._login_asked = False
            self._ask_login(self.tr("Sign in to the central server to send and receive "
                                    "complaints."))
            return
        if self._running:
            self._again = True
            return
        self.soon.stop()
        self._running = True
        if self._waiter is not None:
            self._waiter.round_started()
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch_interval, GUI_SWITCH_INTERVAL))
        self._gc_was_enabled = gc.isenabled()
        gc.disable()  # see _pause_garbage_collector
        self._set_status(replace(self.status, syncing=True, progress=None))
        try:
            self.tasks.run_network(self._round, self._round_done, self._round_failed)
        except RuntimeError:  # closing
            self._round_ended()

    def _round(self) -> Any:  # network thread
        from desktop.printing.reserve import top_up_agenda
        from desktop.sync.engine import SyncEngine

        # Reads the credential store; a failed request is reported at once (_on_trouble).
        client = self.bridge(partial(self.account.client, on_trouble=self._trouble))
        engine = SyncEngine(self.service, client, run_db=self.bridge,
                            progress=self._progress, after_round=top_up_agenda)
        self._engine = engine
        try:
            # After the round the engine tops up agenda numbers (on the network thread).
            return engine.sync_once(lock_timeout=0.5)  # a scheduled sync runs: next time
        finally:
            self._engine = None
            client.close()

    def _progress(self, stage: str, done: int, _total: int | None) -> None:  # network thread
        self._progress_signal.emit(stage, done)

    def _trouble(self, problem: str) -> None:  # network thread
        self._trouble_signal.emit(problem)

    def _on_trouble(self, problem: str) -> None:
        """A request of the running round failed (it is retried): the server is not
        answering, so the status says "offline" now, not when the retries run out."""
        if not self._running or self._closed:
            return
        from desktop.sync.client import unreachable_message

        log.info("sync request failed (%s); retrying", problem)
        message = unreachable_message(problem)
        if (self.status.online, self.status.last_error, self.status.error_detail) != (
                False, message, problem):
            self._set_status(replace(self.status, online=False, last_error=message,
                                     error_detail=problem))

    def _on_progress(self, stage: str, done: int) -> None:
        if stage == "pull":
            text = self.tr("receiving %1 complaints").replace("%1", str(done))
        else:
            text = self.tr("sending %1 actions").replace("%1", str(done))
        self._set_status(replace(self.status, progress=text))

    def _round_ended(self) -> None:
        if not self._running:
            return
        self._running = False
        if self._waiter is not None:
            self._waiter.round_finished()
        sys.setswitchinterval(self._switch_interval)
        if self._gc_was_enabled:
            gc.enable()

    def _round_done(self, report: Any) -> None:
        self._round_ended()
        self._probe_step = 0
        self.probe.stop()
        self._login_asked = False
        self._set_status(replace(self.status, syncing=False, online=True, progress=None,
                                 last_error=None, login_required=False,
                                 trust_problem=False, error_detail=None))
        self.refresh_status()
        self.synced.emit(report)
        self._start_waiter()
        self._maybe_again()

    def _round_failed(self, exc: BaseException) -> None:
        from desktop.sync.errors import LoginRequired, SyncError, TrustError, Unreachable

        self._round_ended()
        if not isinstance(exc, SyncError):
            self._set_status(replace(self.status, syncing=False, progress=None))
            self.tasks.report(exc)
            return
        if exc.code == "closing":
            return
        if exc.code == "busy":  # a scheduled sync holds the data dir: try again shortly
            self._set_status(replace(self.status, syncing=False, progress=None))
            self.soon.start()
            return
        log.warning("sync round failed: %s (%s)", exc.code, exc.detail or "-")
        online = self.status.online
        if isinstance(exc, Unreachable):
            online = False
            self._schedule_probe()
        elif isinstance(exc, LoginRequired):
            online = True
        self._set_status(replace(self.status, syncing=False, online=online, progress=None,
                                 last_error=exc.message, error_detail=exc.detail,
                                 login_required=isinstance(exc, LoginRequired),
                                 trust_problem=isinstance(exc, TrustError)))
        self.refresh_status()
        self.failed.emit(exc)
        if isinstance(exc, LoginRequired):
            self._stop_waiter()
            self._ask_login(exc.message)
        else:
            self._maybe_again()

    def _maybe_again(self) -> None:
        if self._again:
            self._again = False
            self.sync_now()

    # -- waiting on the server for changes ----------------------------------------------------
    def _start_waiter(self) -> None:
        """After a successful round: wait on the server for the next change (one thread)."""
        from desktop.sync.waiter import ChangeWaiter, wait_seconds

        if self._closed or self.account is None:
            return
        if self._waiter is not None and self._waiter.alive:
            self._waiter.reachable()  # the server answers: a backoff after errors ends
            return
        seconds = wait_seconds()
        if seconds <= 0:  # LAPOR_DESK_WAIT=0: periodic rounds only
            return
        from desktop.sync.local import CURSOR_KEY

        account, service = self.account, self.service
        self._waiter = ChangeWaiter(
            make_client=lambda: self.bridge(account.client),
            read_cursor=lambda: self.bridge(partial(service.get_sync_state, CURSOR_KEY)),
            on_change=self._changes_signal.emit, wait_s=seconds)
        self._waiter.start()

    def _stop_waiter(self, join_s: float = 0.0) -> None:
        waiter, self._waiter = self._waiter, None
        if waiter is not None:
            waiter.stop(timeout=join_s)

    @property
    def waiting(self) -> bool:
        """The change waiter runs (tests, the status tooltip)."""
        return self._waiter is not None and self._waiter.alive

    def request_login(self) -> None:
        """The officer asked for the sign-in dialog."""
        self.login_needed.emit("")

    def _ask_login(self, message: str) -> None:
        if self._login_asked or self._closed:
            return
        self._login_asked = True
        self.login_needed.emit(message)

    # -- offline: is the server back? --------------------------------------------------------
    def _schedule_probe(self) -> None:
        if self._closed:
            return
        self.probe.setInterval(PROBE_MS[min(self._probe_step, len(PROBE_MS) - 1)])
        self._probe_step += 1
        self.probe.start()

    def _probe(self) -> None:
        if self._closed or self.account is None or self._running:
            return
        self._ask_health(self._probed, self._probe_failed)

    def _ask_health(self, on_done: Callable[[bool], None],
                    on_error: Callable[[BaseException], None]) -> bool:
        """One quick ``GET /health`` on the network pool; False when there is no server."""
        server = self.status.server
        device = self.account.device_id if self.account is not None else None
        ca_file = self.status.ca_file
        if not server or device is None:
            return False

        def ask() -> bool:  # network thread
            from desktop.sync.client import ApiClient
            from desktop.sync.retry import RetryPolicy

            client = ApiClient(server, device, retry=RetryPolicy(attempts=1),
                               timeouts=(3.0, 5.0), ca_file=ca_file)
            try:
                return client.health()
            finally:
                client.close()

        try:
            self.tasks.run_network(ask, on_done, on_error)
        except RuntimeError:
            return False
        return True

    # -- online: is the server still there? ---------------------------------------------------
    def _heartbeat(self) -> None:
        if (self._closed or self._running or self._checking or self.account is None
                or self.status.online is not True):
            return
        self._checking = self._ask_health(self._heartbeat_answer, self._heartbeat_error)

    def _heartbeat_answer(self, reachable: bool) -> None:
        self._checking = False
        if reachable or self._closed or self._running or self.status.online is not True:
            return
        log.warning("health check failed: the central server does not answer")
        self._set_status(replace(self.status, online=False, last_error=OFFLINE_MESSAGE,
                                 error_detail="GET /health"))
        self._probe_step = 0
        self._schedule_probe()

    def _heartbeat_error(self, exc: BaseException) -> None:
        self._checking = False
        from desktop.sync.errors import TrustError

        if isinstance(exc, TrustError) and not self._closed:
            self._probe_failed(exc)

    def _probe_failed(self, exc: BaseException) -> None:
        from desktop.sync.errors import TrustError

        if isinstance(exc, TrustError):  # reachable, not trusted: probing cannot fix it
            self._set_status(replace(self.status, online=None, trust_problem=True,
                                     last_error=exc.message))
            return
        self._schedule_probe()

    def _probed(self, reachable: bool) -> None:
        if reachable:
            self._set_status(replace(self.status, online=True))
            self.auto_sync()
        else:
            self._schedule_probe()

    # -- sign-in --------------------------------------------------------------------------
    def sign_in(self, server: str, username: str, password: str,
                on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
                ) -> None:
        """Check the switch (DB), sign in (network), remember who (DB), then sync."""
        account = self.account
        if account is None:
            on_error(RuntimeError("store not open"))
            return

        def work() -> Any:  # network thread; DB steps through the bridge
            from desktop.sync.client import normalize_server_url

            url = normalize_server_url(server)
            self.bridge(partial(account.check_switch, url, username))
            ca_file = self.bridge(lambda: account.ca_file)
            user = account.authenticate(url, username, password, ca_file=ca_file)
            return self.bridge(partial(account.remember, url, username, user))

        def done(who: Any) -> None:
            self._login_asked = False
            self._set_status(replace(self.status, login_required=False, last_error=None,
                                     online=True, signed_in=True, trust_problem=False))
            self.refresh_status()
            on_done(who)
            self.sync_now()

        self.tasks.run_network(work, done, on_error)

    def sign_out(self, then: Callable[[], None] | None = None) -> None:
        """Sign out (revoke the session, forget the tokens) and forget who was acting, so
        the next officer of a shared PC starts as nobody; then call ``then``."""
        if self.account is None:
            return
        self._stop_waiter()
        account, service = self.account, self.service

        def work() -> None:  # network thread; the DB step through the bridge
            try:
                account.logout()
            finally:
                self.bridge(partial(service.set_actor, None))

        def done(_result: Any) -> None:
            self._signed_out(None)
            if then is not None:
                then()

        self.tasks.run_network(work, done, done)

    def _signed_out(self, _result: Any) -> None:
        self.refresh_status()

    def set_ca_file(self, path: str | None, on_done: Callable[[Any], None],
                    on_error: Callable[[BaseException], None]) -> None:
        """Keep the agency's CA file (None: the default bundle) on the DB thread; checked
        there (TrustError for a missing or non-PEM file). A round follows when signed in:
        the certificate problem it may fix shows at once."""
        account = self.account
        if account is None:
            on_error(RuntimeError("store not open"))
            return

        def done(stored: Any) -> None:
            self._set_status(replace(self.status, ca_file=stored, trust_problem=False))
            self.refresh_status()
            on_done(stored)
            self.auto_sync()

        self.db(partial(account.set_ca_file, path), done, on_error)

    # -- attachments --------------------------------------------------------------------------
    def fetch_attachment(self, sha256: str, on_done: Callable[[Any], None],
                         on_error: Callable[[BaseException], None] | None = None) -> None:
        """The file of ``sha256`` (a Path), from the cache or downloaded into it on demand."""
        account = self.account
        if account is None:
            return

        def work() -> Any:  # network thread; the cache lookups go to the DB thread
            from desktop.sync import attachments

            client = self.bridge(account.client)
            try:
                return attachments.fetch(self.service, client, sha256, run_db=self.bridge)
            finally:
                client.close()

        try:
            self.tasks.run_network(work, on_done, on_error)
        except RuntimeError:
            pass

    # -- the officer's decisions on ops (Kotak Keluar, Perlu Perhatian) -----------------------
    def decide(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run a decision (discard, requeue, reapply) on the DB thread; views refresh."""
        def finished(result: Any) -> None:
            self.refresh_status()
            self.outbox_changed.emit()
            if on_done is not None:
                on_done(result)

        self.db(fn, finished, on_error, changes=True)

    def db(self, fn: Callable[[], Any], on_success: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, *,
            changes: bool = False) -> None:
        """``tasks.run`` whose answer is dropped once this controller is gone."""
        if self._closed:
            return
        owner = self

        def alive(cb: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
            if cb is None:
                return None
            return lambda value: cb(value) if shiboken6.isValid(owner) else None

        try:
            self.tasks.run(fn, alive(on_success), alive(on_error), changes=changes)
        except RuntimeError:
            log.debug("desk closing: %r not started", fn)


def _pause_garbage_collector() -> None:
    """Why the cyclic garbage collector is paused while a round runs (documentation only).

    A collection walks the tracked objects while holding the GIL: during a big pull, with
    thousands of snapshot dicts alive, that froze the GUI thread for 20-300 ms. Pulled
    pages are plain JSON, freed by reference counting, so nothing cyclic piles up during
    a round; the collector resumes as soon as the round ends.
    """


# While a round runs, worker threads hand the GIL back to the GUI thread every 1 ms
# instead of Python's default 5 ms: with two busy workers, 5 ms turns could add up to
# visible stalls.
GUI_SWITCH_INTERVAL = 0.001


def _read_status(service: Any, account: Any) -> dict[str, Any]:  # DB thread
    from desktop.sync.errors import plain_message
    from desktop.sync.local import SyncLocal

    counts = SyncLocal(service).counts()
    actor = account.actor or {}
    return {
        "server": account.server_url, "ca_file": account.ca_file, "user": account.username,
        "full_name": actor.get("full_name"), "signed_in": account.signed_in,
        "login_required": bool(service.get_sync_state("login_required")),
        "credential_store": account.credential_store,
        "last_sync": service.get_sync_state("last_sync"),
        "last_error": plain_message(service.get_sync_state("last_error")),
        "pending": counts["pending"] + counts["sending"], "rejected": counts["rejected"],
    }
