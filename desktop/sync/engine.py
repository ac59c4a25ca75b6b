"""The sync engine: one implementation for the GUI and the headless ``lapor-desk sync``.

A round pushes every pending op in ``seq`` order in batches, then pulls every page since
the stored cursor. Each pushed batch's answers and each pulled page (with its cursor) are
stored in one local transaction (:mod:`desktop.sync.local`).

Database steps go through ``run_db``: called directly when headless; the GUI passes a
function that runs them on its single database thread and waits, so the network wait
never holds that thread and the GUI thread never touches either. While one page is being
stored, the next is already being fetched.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import partial
from typing import Any, TypeVar

from core import OpKind
from desktop.store.service import DeskService
from desktop.sync import attachments
from desktop.sync.client import ApiClient, PullPage
from desktop.sync.errors import LoginRequired, SyncError
from desktop.sync.local import (
    CURSOR_KEY,
    LAST_ATTEMPT_KEY,
    LAST_ERROR_KEY,
    LOGIN_REQUIRED_KEY,
    PageData,
    SyncLocal,
    now_iso,
    parse_page,
)
from desktop.sync.lock import SyncBusy, SyncLock

log = logging.getLogger(__name__)

T = TypeVar("T")
PUSH_BATCH = 250  # the server takes up to 500 ops a request
# Snapshots a page. In the GUI a page must decode without stalling the GUI thread (the GIL);
# headless, bigger pages mean fewer round trips and transactions.
PULL_LIMIT_GUI = 500
PULL_LIMIT_HEADLESS = 2000

Progress = Callable[[str, int, int | None], None]
# What the caller runs after a successful round, e.g. the agenda top-up.
AfterRound = Callable[["SyncEngine", "SyncReport"], None]


@dataclass
class SyncReport:
    started_at: str = ""
    finished_at: str = ""
    pushed: int = 0
    applied: int = 0
    duplicate: int = 0
    rejected: int = 0
    pulled: int = 0
    removed: int = 0
    reference: int = 0
    pages: int = 0
    reset: bool = False
    # "restored": the server was restored from a backup; ``resent`` confirmed ops went out
    # again and ``renumbered`` lists complaints whose old tracking number was not free.
    reset_reason: str | None = None
    resent: int = 0
    renumbered: list[tuple[int, int]] = field(default_factory=list)
    agenda_reserved: int = 0  # agenda number blocks reserved after the round
    seconds: float = 0.0
    rejected_op_ids: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Did the local data change (views should refresh)?"""
        return bool(self.applied or self.duplicate or self.rejected or self.pulled
                    or self.removed or self.reference or self.reset)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class SyncEngine:
    def __init__(self, service: DeskService, client: ApiClient, *,
                 run_db: Callable[[Callable[[], Any]], Any] | None = None,
                 push_batch: int = PUSH_BATCH, pull_limit: int | None = None,
                 progress: Progress | None = None,
                 after_round: AfterRound | None = None) -> None:
        self.service = service
        self.client = client
        self.local = SyncLocal(service)
        self.run_db = run_db
        self.push_batch = push_batch
        self.pull_limit = pull_limit or (PULL_LIMIT_HEADLESS if run_db is None
                                         else PULL_LIMIT_GUI)
        self.progress = progress
        self.after_round = after_round  # injected: sync does not import printing

    def _db(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        call = partial(fn, *args, **kwargs)
        return self.run_db(call) if self.run_db is not None else call()

    def _note(self, stage: str, done: int, total: int | None = None) -> None:
        if self.progress is not None:
            self.progress(stage, done, total)

    def cancel(self) -> None:
        """Stop at the next request (what was stored stays stored)."""
        self.client.cancelled.set()

    # -- a full round ---------------------------------------------------------------------
    def sync_once(self, lock_timeout: float = 30.0) -> SyncReport:
        """Push all, then pull all. Raises Unreachable / LoginRequired / SyncError; the
        error is also kept in sync_state for ``status`` and the status bar.

        The round holds the data directory's sync lock (:mod:`desktop.sync.lock`), so the
        ops it finds ``sending`` were left by a round that died: they go out again.
        """
        started = time.perf_counter()
        report = SyncReport(started_at=now_iso())
        lock = SyncLock(self.service.data_dir)
        if not lock.acquire(lock_timeout):
            raise SyncBusy("Sinkronisasi lain sedang berjalan pada data desk ini (aplikasi "
                           "atau tugas terjadwal); coba lagi sebentar lagi.")
        try:
            recovered = self._db(self.local.recover_sending)
            if recovered:
                log.info("%d ops left 'sending' by an earlier run go out again", recovered)
            self.push_all(report)
            self.pull_all(report)
            if report.resent:
                # The server was restored from a backup: send what it lost, then pull
                # again so this desk sees the complaints as the server now has them.
                self.push_all(report)
                self.pull_all(report)
            self._after_round(report)
        except LoginRequired as exc:
            self._db(self.local.set_states, {LAST_ERROR_KEY: exc.message,
                                             LOGIN_REQUIRED_KEY: True,
                                             LAST_ATTEMPT_KEY: now_iso()})
            raise
        except SyncError as exc:
            self._db(self.local.set_states, {LAST_ERROR_KEY: exc.message,
                                             LAST_ATTEMPT_KEY: now_iso()})
            raise
        finally:
            lock.release()
        report.finished_at = now_iso()
        report.seconds = round(time.perf_counter() - started, 3)
        return report

    # -- after a successful round ----------------------------------------------------------
    def _after_round(self, report: SyncReport) -> None:
        """The caller's after-round step (the desk's agenda top-up,
        ``desktop.printing.top_up_agenda``). Best effort: a failure is logged and never fails
        the round; the next one retries. Runs under the round's sync lock, so the GUI and a
        scheduled sync never both reserve for the same shortage."""
        if self.after_round is None or self.client.cancelled.is_set():
            return
        try:
            self.after_round(self, report)
        except Exception as exc:  # noqa: BLE001 - see the docstring
            log.warning("after-round step %s failed (retried next round): %s",
                        getattr(self.after_round, "__name__", "?"),
                        getattr(exc, "message", None) or type(exc).__name__)

    # -- push -----------------------------------------------------------------------------
    def push_all(self, report: SyncReport) -> None:
        after = 0
        while True:
            ops = self._db(self.local.take_batch, after, self.push_batch)
            if not ops:
                return
            sendable = self._upload_attachments(ops, report)
            if sendable is None:
                continue  # an op was set aside: take the batch again without it
            after = ops[-1].seq
            # The ops on their way, counting the batches already sent this round.
            self._note("push", report.pushed + len(sendable), None)
            try:
                results = self.client.push([op.wire() for op in sendable])
            except LoginRequired:
                # The server refused the token before looking at any op: as if never sent.
                self._db(self.local.release, sendable, None, undo_attempt=True)
                raise
            except BaseException as exc:
                self._db(self.local.release, sendable, _op_error(exc))
                raise
            stats = self._db(self.local.record_results, sendable, results)
            report.renumbered.extend(stats.renumbered)
            report.pushed += len(sendable)
            report.applied += stats.applied
            report.duplicate += stats.duplicate
            report.rejected += stats.rejected
            report.rejected_op_ids.extend(stats.rejected_ops)

    def _upload_attachments(self, ops: list, report: SyncReport) -> list | None:
        """PUT the files of the batch's ``attach`` ops. An op whose file is gone is
        rejected locally; the batch is then put back untouched (None) and taken again, so
        the later ops' base versions can be corrected before anything is sent."""
        for op in ops:
            if op.kind != OpKind.attach.value:
                continue
            try:
                self._db(attachments.upload_for, self.service, self.client, op.payload)
            except attachments.AttachmentMissing as exc:
                if op.resent:
                    continue  # the server had it once: it may still hold the file
                self._db(self.local.release, ops, None, undo_attempt=True)
                self._db(self.local.reject_locally, op, "invalid", exc.message)
                report.rejected += 1
                report.rejected_op_ids.append(op.op_id)
                return None
            except LoginRequired:
                self._db(self.local.release, ops, None, undo_attempt=True)
                raise
            except SyncError as exc:
                self._db(self.local.release, ops, _op_error(exc))
                raise
        return list(ops)

    # -- pull -----------------------------------------------------------------------------
    def _fetch(self, cursor: str | None) -> tuple[PullPage, PageData]:
        page = self.client.pull(cursor, self.pull_limit)
        return page, parse_page(page.changes, page.anchors)

    def _finish_bulk_load(self) -> None:
        """A pull that failed midway leaves no bulk load running: the indexes and search
        serve what was stored (the next pull goes on from the cursor, row by row)."""
        try:
            self._db(self.service.finish_bulk_load)
        except Exception:  # noqa: BLE001 - the pull's own error is the one to report
            log.warning("rebuilding the indexes after a failed pull failed", exc_info=True)

    def pull_all(self, report: SyncReport) -> None:
        cursor = self._db(self.local.get_state, CURSOR_KEY)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="lapor-pull") as fetcher:
            upcoming: Future[tuple[PullPage, PageData]] = fetcher.submit(self._fetch, cursor)
            try:
                while True:
                    page, data = upcoming.result()
                    last = not page.has_more
                    if not last:  # fetch the next page while this one is stored
                        upcoming = fetcher.submit(self._fetch, page.cursor)
                    stats = self._db(self.local.apply_page, data, page.cursor,
                                     reset=page.reset, reset_reason=page.reset_reason,
                                     stamp_sync=now_iso() if last else None,
                                     bulk=not last and report.pages == 0)
                    report.pages += 1
                    report.pulled += stats.complaints
                    report.removed += stats.removed
                    report.reference += stats.reference
                    report.reset = report.reset or stats.reset
                    report.reset_reason = report.reset_reason or stats.reset_reason
                    report.resent += stats.resent
                    self._note("pull", report.pulled, None)
                    if last:
                        return
            except BaseException:
                self._finish_bulk_load()
                already = self.client.cancelled.is_set()
                self.client.cancelled.set()  # stop a prefetch still retrying
                try:
                    upcoming.result()
                except BaseException:  # noqa: BLE001 - the first error is the one to report
                    pass
                if not already:
                    self.client.cancelled.clear()
                raise


def _op_error(exc: BaseException) -> str:
    """What an op's "last error" says after a failed send: Indonesian for the Kotak Keluar
    (the technical detail goes to the log)."""
    detail = getattr(exc, "detail", None) or type(exc).__name__
    log.info("push failed: %s", detail)
    message = getattr(exc, "message", None)
    if isinstance(message, str) and message:
        return message
    return "Gagal dikirim karena kesalahan di desk ini; dicoba lagi pada sinkronisasi berikut."
