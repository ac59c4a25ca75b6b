"""The sync engine's side of the desk database: outbox states, pulled pages, rebuilds.

Outbox states: ``pending`` -> ``sending`` (taken into a push) -> ``applied`` or
``rejected``. A desk killed while ops are ``sending`` finds them there on the next start and
puts them back to ``pending`` (:meth:`SyncLocal.recover_sending`); the server's op-id
idempotency answers ``duplicate`` for any it had already applied, so each op takes effect
exactly once.

Every method is one transaction. A pulled page is stored with its cursor, and the officer's
still-pending ops are re-applied on top of the new server snapshots in that same
transaction, so the queue never shows their change undone and a crash at any line leaves
either the whole page or none of it.

:class:`SyncLocal` is the facade: it opens the transaction and hands it to the parts
(``push_results``, ``page_apply``, ``decisions``, ``rebuild``); the SQL they run lives in
the store (``desktop/store/sync_outbox.py``, ``sync_pages.py``, ``sync_state.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from core import COMMUTING_KINDS, Actor
from desktop.store import DeskService, sync_outbox, sync_pages, sync_state
from desktop.sync import decisions, page_apply, push_results
from desktop.sync.errors import plain_message
from desktop.sync.outbox_op import HELD_MESSAGE, OutboxOp, now_iso
from desktop.sync.page_apply import PageData, PageStats, parse_page
from desktop.sync.push_results import WAITING_FOR_CREATOR, PushStats
from desktop.sync.rebuild import KEEP, OPEN_STATES, rebuild, unchain
from desktop.sync.state_keys import (
    CURSOR_KEY,
    LAST_ATTEMPT_KEY,
    LAST_ERROR_KEY,
    LAST_SYNC_KEY,
    LOGIN_REQUIRED_KEY,
    ORG_POLICIES_KEY,
    PENDING_RESET_KEY,
    POSITIONS_KEY,
    RESTORE_KEY,
    UPLOADED_KEY,
    USERS_KEY,
)

__all__ = [
    "CURSOR_KEY", "HELD_MESSAGE", "LAST_ATTEMPT_KEY", "LAST_ERROR_KEY", "LAST_SYNC_KEY",
    "LOGIN_REQUIRED_KEY", "OPEN_STATES", "ORG_POLICIES_KEY", "PENDING_RESET_KEY",
    "POSITIONS_KEY", "RESTORE_KEY", "UPLOADED_KEY", "USERS_KEY", "WAITING_FOR_CREATOR",
    "OutboxOp", "PageData", "PageStats", "PushStats", "SyncLocal", "now_iso", "parse_page",
]

log = logging.getLogger(__name__)

_COMMUTING = frozenset(k.value for k in COMMUTING_KINDS)


class SyncLocal:
    """Sync bookkeeping over one :class:`DeskService` (any thread; one transaction a call)."""

    def __init__(self, service: DeskService) -> None:
        self.service = service

    # -- key/value state ----------------------------------------------------------------------
    def get_state(self, key: str, default: Any = None) -> Any:
        return self.service.get_sync_state(key, default)

    def set_states(self, values: Mapping[str, Any]) -> None:
        with self.service.transaction() as conn:
            for key, value in values.items():
                sync_state.write(conn, key, value)

    # -- outbox: push side --------------------------------------------------------------------
    def recover_sending(self) -> int:
        """Ops a killed desk left ``sending`` go back to ``pending`` (they are re-pushed)."""
        with self.service.transaction() as conn:
            return sync_outbox.recover_sending(conn)

    def has_pending(self) -> bool:
        with self.service.reading() as conn:
            return sync_outbox.has_open(conn)

    def take_batch(self, after_seq: int, limit: int) -> list[OutboxOp]:
        """The next ``pending`` ops after ``after_seq`` in order, marked ``sending``."""
        with self.service.transaction() as conn:
            ops = OutboxOp.from_rows(sync_outbox.sendable(conn, after_seq, limit))
            ops = self._settle_commuting_bases(conn, ops)
            if ops:
                sync_outbox.mark_sending(conn, [op.seq for op in ops], now_iso())
                # Released from a hold (the officer decided on the rejected op): forget it.
                sync_outbox.forget_holds(
                    conn, [op.seq for op in ops if op.result and op.result.get("held_by")])
        return ops

    @staticmethod
    def _settle_commuting_bases(conn: Any, ops: list[OutboxOp]) -> list[OutboxOp]:
        """Before its first send, a commuting op (note, follow-up, attachment, letter...)
        is based on the last server version this desk stored, not on the local version
        that counts the officer's other pending ops: the server takes a commuting op on
        any base up to its current version, so it then never fails just because an
        earlier op of the officer was rejected."""
        out = []
        for op in ops:
            if op.attempts == 0 and op.kind in _COMMUTING and op.base_version:
                stored = sync_pages.server_version(conn, op.complaint_id)
                # Not on the server yet: its create makes version 1 there.
                known = stored if stored is not None else 1
                if known < op.base_version:
                    sync_outbox.set_base_version(conn, op.seq, known)
                    op = replace(op, base_version=known)
            out.append(op)
        return out

    def release(self, ops: Sequence[OutboxOp], error: str | None, *,
                undo_attempt: bool = False) -> None:
        """A push that got no answer: its ops go back to ``pending`` with the error.

        ``undo_attempt``: the server refused the request before looking at any op (401),
        so the rows are put back exactly as they were: the outbox is untouched.
        """
        if not ops:
            return
        with self.service.transaction() as conn:
            if undo_attempt:
                sync_outbox.restore_attempts(
                    conn, [(max(0, op.attempts), op.updated_at, op.seq) for op in ops])
                return
            sync_outbox.release(conn, [(error, now_iso(), op.seq) for op in ops])

    def reject_locally(self, op: OutboxOp, reason: str, message: str) -> None:
        """An op the desk itself cannot send (its attachment file is gone): rejected
        without asking the server, visible with its reason, and dropped from the chain of
        the complaint's later ops exactly as a server rejection is."""
        with self.service.transaction() as conn:
            sync_outbox.reject_locally(conn, op.seq, reason, message, now_iso())
            unchain(conn, [op], hold=False)  # a missing file decides nothing later
            rebuild(self.service, conn, op.complaint_id, base=KEEP, replay_applied=True)

    def record_results(self, ops: Sequence[OutboxOp], results: Sequence[Mapping[str, Any]]
                       ) -> PushStats:
        """Store the server's answer for a pushed batch, in one transaction.

        ``applied``/``duplicate``: the op is done; a create takes its tracking number (the
        provisional number stays, and stays searchable). ``rejected``: the op stays visible
        with reason, message and the server's current state; the complaint is rebuilt from
        that state plus the officer's other open ops.
        """
        with self.service.transaction() as conn:
            return push_results.record(self.service, conn, ops, results)

    # -- pull side -------------------------------------------------------------------------
    def apply_page(self, page: PageData | Sequence[Mapping[str, Any]], cursor: str, *,
                   reset: bool = False, stamp_sync: str | None = None,
                   reset_reason: str | None = None, bulk: bool = False) -> PageStats:
        """Store one pulled page, its cursor and (when ``stamp_sync``) the sync time: one
        transaction. Pending local ops are re-applied on top of the new snapshots.

        ``reset_reason == "restored"``: the server was restored from a backup and may have
        lost ops it had confirmed. Every confirmed op goes back to the outbox in that same
        transaction (its complaint is then kept, never deleted) to be re-sent as it was:
        the server answers ``duplicate`` for what it still has and applies the rest.

        ``bulk``: the first page of a pull that has more: into an empty store it starts a
        bulk load (``desktop/store/bulk_load.py``), which the last page (``stamp_sync``)
        finishes."""
        data = page if isinstance(page, PageData) else parse_page(page)
        with self.service.transaction() as conn:
            stats = page_apply.apply(self.service, conn, data, cursor, reset=reset,
                                     stamp_sync=stamp_sync, reset_reason=reset_reason,
                                     bulk=bulk)
        if data.categories or data.units:
            self.service.invalidate_reference_cache()
        return stats

    # -- reading --------------------------------------------------------------------------
    def ops(self, states: Sequence[str] = ("pending", "sending", "rejected"),
            op_ids: Sequence[str] | None = None) -> list[OutboxOp]:
        if op_ids is not None and not op_ids:
            return []
        with self.service.reading() as conn:
            return OutboxOp.from_rows(sync_outbox.ops(conn, states, op_ids))

    def listing(self, states: Sequence[str] = ("pending", "sending", "rejected")
                ) -> list[dict[str, Any]]:
        """Ops for the Kotak Keluar / Perlu Perhatian lists, each with its complaint's
        number and title (from the op's own payload for a create not on the desk)."""
        ops = self.ops(states)
        ids = sorted({op.complaint_id for op in ops})
        with self.service.reading() as conn:
            names = sync_outbox.complaint_names(conn, ids)
        out = []
        for op in ops:
            if op.last_error and plain_message(op.last_error) != op.last_error:
                op = replace(op, last_error=plain_message(op.last_error))  # an older desk's
            number, provisional, title, status, version = names.get(
                op.complaint_id, (None, op.payload.get("provisional_number"),
                                  op.payload.get("title"), None, None))
            out.append({"op": op, "tracking_number": number, "provisional_number": provisional,
                        "title": title or "", "status": status, "version": version})
        return out

    def counts(self) -> dict[str, int]:
        with self.service.reading() as conn:
            rows = sync_outbox.counts(conn)
        counts = {"pending": 0, "sending": 0, "applied": 0, "rejected": 0}
        counts.update({state: n for state, n in rows})
        return counts

    # -- the officer's decisions on rejected or pending ops ----------------------------------
    def requeue(self, op_ids: Sequence[str]) -> int:
        """"Kirim ulang": rejected ops go back to ``pending`` (same op id, same base) and
        their effect is shown again locally."""
        with self.service.transaction() as conn:
            return decisions.requeue(self.service, conn, op_ids)

    def discard(self, op_ids: Sequence[str], *, by: str | None = None) -> list[str]:
        """"Buang": remove pending or rejected ops (never one being sent), audited, and
        rebuild their complaints without them. Discarding a create discards every open op
        of that complaint with it. Returns the op ids removed."""
        with self.service.transaction() as conn:
            return decisions.discard(self.service, conn, op_ids, by)

    def reapply(self, old: OutboxOp, complaint_id: str | None, payload: Mapping[str, Any],
                actor: Actor, new_op_id: str) -> None:
        """"Terapkan lagi" / "Ubah": in ONE transaction, the action is made again as a new
        op on the complaint's current state (local effect + outbox row, as any action) and
        the rejected op leaves the attention list, audited."""
        with self.service.transaction() as conn:
            decisions.reapply(self.service, conn, old, complaint_id, payload, actor,
                              new_op_id)

    def audit_log(self, limit: int | None = None) -> list[dict[str, Any]]:
        """The outbox audit trail, oldest first (the store's ``outbox_audit`` table)."""
        return self.service.outbox_audit(limit)
