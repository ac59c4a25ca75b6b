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
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from core import COMMUTING_KINDS, Actor, DomainError, OpKind, Role, apply_op
from core.clock import clock
from desktop.store import DeskService
from desktop.store import rows as rw
from desktop.store import snapshots as sn
from desktop.store.snapshots import dumps, loads
from desktop.sync import audit_anchors
from desktop.sync.errors import plain_message

log = logging.getLogger(__name__)

OPEN_STATES = ("pending", "sending")
CURSOR_KEY = "cursor"
LAST_SYNC_KEY = "last_sync"
LAST_ERROR_KEY = "last_error"
LAST_ATTEMPT_KEY = "last_attempt"
LOGIN_REQUIRED_KEY = "login_required"
PENDING_RESET_KEY = "pending_reset"
USERS_KEY = "directory_users"
# The agencies' structures of jabatan (issue 17): "AGENCY/CODE" -> position JSON, and
# agency -> {"any_level": bool} (desktop/workflow/chain.py reads them).
POSITIONS_KEY = "org_positions"
ORG_POLICIES_KEY = "org_policies"
UPLOADED_KEY = "uploaded_attachments"
# After the server was restored from a backup: what this desk re-sent and which complaints
# came back under another tracking number (for the officer; `lapor-desk status`).
RESTORE_KEY = "server_restored"
_CHUNK = 900
_COMMUTING = frozenset(k.value for k in COMMUTING_KINDS)
_COMMUTING_SQL = ", ".join(f"'{k}'" for k in sorted(_COMMUTING))
# A pending op held back while the rejected op it followed awaits the officer's decision.
_HELD = ("(o.result IS NOT NULL AND json_extract(o.result, '$.held_by') IN "
         "(SELECT op_id FROM outbox WHERE state = 'rejected'))")
WAITING_FOR_CREATOR = ("Menunggu: server pusat dipulihkan dari cadangan dan belum memiliki "
                       "pengaduan ini; dikirim lagi setelah desk pembuatnya mengirim ulang.")
HELD_MESSAGE = ("Ditahan: tindakan sebelumnya pada pengaduan ini ditolak server. Putuskan "
                "dulu tindakan itu di Perlu Perhatian.")


def now_iso() -> str:
    return clock().now().isoformat(timespec="seconds")


@dataclass(frozen=True)
class OutboxOp:
    seq: int
    op_id: str
    kind: str
    complaint_id: str
    payload: dict[str, Any]
    base_version: int | None
    actor: str | None
    created_at: str
    attempts: int
    state: str
    last_error: str | None = None
    reject_reason: str | None = None
    server_state: dict[str, Any] | None = None
    result: dict[str, Any] | None = None
    updated_at: str | None = None

    def wire(self) -> dict[str, Any]:
        """The op as ``POST /sync/push`` takes it. A create re-sent after the server was
        restored from a backup asks for the tracking number it had (on the receipt)."""
        out = {"op_id": self.op_id, "complaint_id": self.complaint_id,
               "base_version": self.base_version, "kind": self.kind, "payload": self.payload}
        result = self.result or {}
        if self.kind == OpKind.create.value and result.get("resent") \
                and result.get("tracking_number") is not None:
            out["tracking_number"] = result["tracking_number"]
        return out

    @property
    def resent(self) -> bool:
        """Confirmed once, sent again because the server was restored from a backup."""
        return bool((self.result or {}).get("resent"))

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> OutboxOp:
        return cls(
            seq=row["seq"], op_id=row["op_id"], kind=row["kind"],
            complaint_id=row["complaint_id"], payload=loads(row["payload"], {}) or {},
            base_version=row["base_version"], actor=row["actor"], created_at=row["created_at"],
            attempts=row["attempts"], state=row["state"], last_error=row["last_error"],
            reject_reason=row["reject_reason"], server_state=loads(row["server_state"]),
            result=loads(row["result"]), updated_at=row["updated_at"])


@dataclass
class PushStats:
    applied: int = 0
    duplicate: int = 0
    rejected: int = 0
    rejected_ops: list[str] = field(default_factory=list)
    renumbered: list[tuple[int, int]] = field(default_factory=list)  # (old, new) tracking


@dataclass
class PageStats:
    complaints: int = 0
    removed: int = 0
    reference: int = 0
    rebased: int = 0
    reset: bool = False
    reset_reason: str | None = None
    resent: int = 0  # confirmed ops queued again (the server was restored from a backup)


@dataclass
class PageData:
    """A pulled page sorted by kind, with the snapshots' table rows already prepared (this
    may run on the network thread, so the database thread only executes statements)."""

    snapshots: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    categories: list[tuple] = field(default_factory=list)
    agencies: list[tuple] = field(default_factory=list)
    units: list[tuple] = field(default_factory=list)
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    positions: dict[str, dict[str, Any]] = field(default_factory=dict)
    org_policies: dict[str, dict[str, Any]] = field(default_factory=dict)
    rows: Any = None
    anchors: Sequence[tuple[str, str, int, str]] = ()  # audit anchors (audit_anchors.py)


def parse_page(changes: Sequence[Mapping[str, Any]],
               anchors: Sequence[tuple[str, str, int, str]] = ()) -> PageData:
    data = PageData(anchors=anchors)
    for change in changes:
        kind, key, item = change.get("type"), str(change.get("id")), change.get("data")
        if kind == "complaint" and isinstance(item, Mapping):
            data.snapshots.pop(key, None)  # the last change of a complaint wins
            data.snapshots[key] = item
            if key in data.removed:
                data.removed.remove(key)
        elif kind == "complaint_removed":
            data.snapshots.pop(key, None)
            data.removed.append(key)
        elif kind == "category" and isinstance(item, Mapping):
            data.categories.append((item["id"], item.get("parent_id"), item.get("name") or ""))
        elif kind == "agency" and isinstance(item, Mapping):
            data.agencies.append((item["code"], item.get("name") or item["code"]))
        elif kind == "unit" and isinstance(item, Mapping):
            data.units.append((item.get("agency") or item.get("agency_code") or "",
                               item["code"], item.get("name") or item["code"]))
        elif kind == "user" and isinstance(item, Mapping):
            data.users[key] = dict(item)
        elif kind == "position" and isinstance(item, Mapping):
            data.positions[key] = dict(item)
        elif kind == "org_policy" and isinstance(item, Mapping):
            data.org_policies[key] = dict(item)
    data.rows = sn.prepare(list(data.snapshots.values()))
    return data


_OUTBOX_COLS = ("seq, op_id, kind, complaint_id, payload, base_version, actor, created_at, "
                "attempts, state, last_error, reject_reason, server_state, result, updated_at")


def _rows(cursor: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _placeholders(items: Sequence[Any]) -> str:
    return ", ".join("?" for _ in items)


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class SyncLocal:
    """Sync bookkeeping over one :class:`DeskService` (any thread; one transaction a call)."""

    def __init__(self, service: DeskService) -> None:
        self.service = service

    # -- key/value state (inside a transaction) ---------------------------------------------
    @staticmethod
    def _set_state(raw: Any, key: str, value: Any) -> None:
        if value is None:
            raw.execute("DELETE FROM sync_state WHERE key = ?", (key,))
        else:
            raw.execute("INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) "
                        "DO UPDATE SET value = excluded.value", (key, dumps(value)))

    @staticmethod
    def _get_state(raw: Any, key: str, default: Any = None) -> Any:
        row = raw.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
        return default if row is None else loads(row[0])

    def get_state(self, key: str, default: Any = None) -> Any:
        return self.service.get_sync_state(key, default)

    def set_states(self, values: Mapping[str, Any]) -> None:
        with self.service.transaction() as conn:
            raw = rw.raw(conn)
            for key, value in values.items():
                self._set_state(raw, key, value)

    # -- outbox: push side --------------------------------------------------------------------
    def recover_sending(self) -> int:
        """Ops a killed desk left ``sending`` go back to ``pending`` (they are re-pushed)."""
        with self.service.transaction() as conn:
            cur = rw.raw(conn).execute(
                "UPDATE outbox SET state = 'pending' WHERE state = 'sending'")
            return cur.rowcount

    def has_pending(self) -> bool:
        with self.service.reading() as conn:
            return rw.raw(conn).execute(
                "SELECT 1 FROM outbox WHERE state IN ('pending', 'sending') LIMIT 1"
            ).fetchone() is not None

    def take_batch(self, after_seq: int, limit: int) -> list[OutboxOp]:
        """The next ``pending`` ops after ``after_seq`` in order, marked ``sending``."""
        with self.service.transaction() as conn:
            raw = rw.raw(conn)
            cur = raw.execute(
                f"SELECT {_OUTBOX_COLS} FROM outbox o WHERE state = 'pending' AND seq > ? "
                f"AND NOT {_HELD} ORDER BY seq LIMIT ?", (after_seq, limit))
            ops = [OutboxOp.from_row(r) for r in _rows(cur)]
            ops = self._settle_commuting_bases(raw, ops)
            if ops:
                stamp = now_iso()
                raw.executemany(
                    "UPDATE outbox SET state = 'sending', attempts = attempts + 1, "
                    "updated_at = ? WHERE seq = ?", [(stamp, op.seq) for op in ops])
                # Released from a hold (the officer decided on the rejected op): forget it.
                raw.executemany(
                    "UPDATE outbox SET result = NULL, last_error = NULL WHERE seq = ? AND "
                    "json_extract(result, '$.held_by') IS NOT NULL",
                    [(op.seq,) for op in ops if op.result and op.result.get("held_by")])
        return ops

    @staticmethod
    def _settle_commuting_bases(raw: Any, ops: list[OutboxOp]) -> list[OutboxOp]:
        """Before its first send, a commuting op (note, follow-up, attachment, letter...)
        is based on the last server version this desk stored, not on the local version
        that counts the officer's other pending ops: the server takes a commuting op on
        any base up to its current version, so it then never fails just because an
        earlier op of the officer was rejected."""
        out = []
        for op in ops:
            if op.attempts == 0 and op.kind in _COMMUTING and op.base_version:
                row = raw.execute("SELECT server_version FROM complaints WHERE id = ?",
                                  (op.complaint_id,)).fetchone()
                # Not on the server yet: its create makes version 1 there.
                known = row[0] if row and row[0] is not None else 1
                if known is not None and known < op.base_version:
                    raw.execute("UPDATE outbox SET base_version = ? WHERE seq = ?",
                                (known, op.seq))
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
            raw = rw.raw(conn)
            if undo_attempt:
                raw.executemany(
                    "UPDATE outbox SET state = 'pending', attempts = ?, updated_at = ? "
                    "WHERE seq = ? AND state = 'sending'",
                    [(max(0, op.attempts), op.updated_at, op.seq) for op in ops])
                return
            raw.executemany(
                "UPDATE outbox SET state = 'pending', last_error = ?, updated_at = ? "
                "WHERE seq = ? AND state = 'sending'",
                [(error, now_iso(), op.seq) for op in ops])

    def reject_locally(self, op: OutboxOp, reason: str, message: str) -> None:
        """An op the desk itself cannot send (its attachment file is gone): rejected
        without asking the server, visible with its reason, and dropped from the chain of
        the complaint's later ops exactly as a server rejection is."""
        with self.service.transaction() as conn:
            raw = rw.raw(conn)
            raw.execute(
                "UPDATE outbox SET state = 'rejected', reject_reason = ?, last_error = ?, "
                "updated_at = ? WHERE seq = ?", (reason, message, now_iso(), op.seq))
            self._unchain(raw, [op], hold=False)  # a missing file decides nothing later
            self._rebuild(conn, op.complaint_id, base=_KEEP, replay_applied=True)

    def record_results(self, ops: Sequence[OutboxOp], results: Sequence[Mapping[str, Any]]
                       ) -> PushStats:
        """Store the server's answer for a pushed batch, in one transaction.

        ``applied``/``duplicate``: the op is done; a create takes its tracking number (the
        provisional number stays, and stays searchable). ``rejected``: the op stays visible
        with reason, message and the server's current state; the complaint is rebuilt from
        that state plus the officer's other open ops.
        """
        stats = PushStats()
        by_id = {op.op_id: op for op in ops}
        stamp = now_iso()
        with self.service.transaction() as conn:
            raw = rw.raw(conn)
            rebuild: dict[str, dict[str, Any] | None] = {}
            dropped: list[OutboxOp] = []
            waiting: set[str] = set()  # complaints the restored server does not have yet
            for result in results:
                op = by_id.get(str(result.get("op_id")))
                if op is None:
                    continue
                status = result.get("status")
                if status in ("applied", "duplicate"):
                    if status == "applied":
                        stats.applied += 1
                    else:
                        stats.duplicate += 1
                    outcome = {"status": status, "version": result.get("version"),
                               "tracking_number": result.get("tracking_number")}
                    raw.execute(
                        "UPDATE outbox SET state = 'applied', result = ?, last_error = NULL, "
                        "reject_reason = NULL, server_state = NULL, updated_at = ? "
                        "WHERE seq = ?", (dumps(outcome), stamp, op.seq))
                    tracking = result.get("tracking_number")
                    old = (op.result or {}).get("tracking_number") if op.resent else None
                    if op.kind == OpKind.create.value and tracking is not None \
                            and old is not None and old != tracking:
                        # Re-sent after a restore, its old number was not free: the
                        # complaint now has a new one (the officer is told).
                        stats.renumbered.append((int(old), int(tracking)))
                        raw.execute("UPDATE complaints SET tracking_number = ? WHERE id = ?",
                                    (tracking, op.complaint_id))
                        self._note_renumbered(raw, int(old), int(tracking))
                    elif op.kind == OpKind.create.value and tracking is not None:
                        raw.execute(
                            "UPDATE complaints SET tracking_number = ? WHERE id = ? AND "
                            "tracking_number IS NULL AND NOT EXISTS (SELECT 1 FROM complaints "
                            "WHERE tracking_number = ?)", (tracking, op.complaint_id, tracking))
                elif status == "rejected" and op.resent and (
                        result.get("reason") == "not_found" or op.complaint_id in waiting):
                    # Re-sent after a restore, for a complaint the server does not have yet:
                    # its creator's desk has not re-sent it. Wait for it (next round), never
                    # reject what the server had once accepted.
                    waiting.add(op.complaint_id)
                    raw.execute("UPDATE outbox SET state = 'pending', last_error = ?, "
                                "updated_at = ? WHERE seq = ?", (WAITING_FOR_CREATOR, stamp,
                                                                 op.seq))
                elif status == "rejected":
                    stats.rejected += 1
                    stats.rejected_ops.append(op.op_id)
                    message = result.get("message") or "Ditolak server."
                    errors = result.get("errors")
                    if errors:
                        message = message + " " + "; ".join(
                            f"{k}: {v}" for k, v in dict(errors).items())
                    raw.execute(
                        "UPDATE outbox SET state = 'rejected', reject_reason = ?, last_error = ?,"
                        " server_state = ?, result = ?, updated_at = ? WHERE seq = ?",
                        (result.get("reason") or "invalid", message,
                         None if result.get("server_state") is None
                         else dumps(result["server_state"]),
                         dumps({"status": "rejected", "errors": errors}), stamp, op.seq))
                    state = result.get("server_state")
                    if op.complaint_id not in rebuild or state is not None:
                        rebuild[op.complaint_id] = state
                    dropped.append(op)
                else:  # unknown answer: keep it for the next round
                    raw.execute("UPDATE outbox SET state = 'pending', last_error = ? "
                                "WHERE seq = ?", (f"Jawaban server tidak dikenal: {status}",
                                                   op.seq))
            answered = {str(r.get("op_id")) for r in results}
            unanswered = [(stamp, op.seq) for op in ops if op.op_id not in answered]
            if unanswered:  # the server skipped them: they go out again next round
                raw.executemany("UPDATE outbox SET state = 'pending', updated_at = ? "
                                "WHERE seq = ? AND state = 'sending'", unanswered)
            self._unchain(raw, dropped, hold=True)
            for complaint_id, state in rebuild.items():
                base = _KEEP if state is None else state
                self._rebuild(conn, complaint_id, base=base, replay_applied=True)
        return stats

    # -- pull side -------------------------------------------------------------------------
    def apply_page(self, page: PageData | Sequence[Mapping[str, Any]], cursor: str, *,
                   reset: bool = False, stamp_sync: str | None = None,
                   reset_reason: str | None = None) -> PageStats:
        """Store one pulled page, its cursor and (when ``stamp_sync``) the sync time: one
        transaction. Pending local ops are re-applied on top of the new snapshots.

        ``reset_reason == "restored"``: the server was restored from a backup and may have
        lost ops it had confirmed. Every confirmed op goes back to the outbox in that same
        transaction (its complaint is then kept, never deleted) to be re-sent as it was:
        the server answers ``duplicate`` for what it still has and applies the rest."""
        data = page if isinstance(page, PageData) else parse_page(page)
        stats = PageStats(reset=reset, reset_reason=reset_reason if reset else None)
        with self.service.transaction() as conn:
            raw = rw.raw(conn)
            if self._get_state(raw, PENDING_RESET_KEY):
                reset = stats.reset = True
                self._set_state(raw, PENDING_RESET_KEY, None)
            if reset and reset_reason == "restored":
                stats.resent = self._requeue_confirmed(raw)
            if reset:
                # The account's scope changed or the server was restored: keep only what
                # this full pull delivers (and what the officer still has to send).
                raw.execute(
                    "DELETE FROM complaints WHERE local_dirty = 0 AND id NOT IN "
                    "(SELECT complaint_id FROM outbox WHERE state IN ('pending', 'sending'))")
            if data.categories:
                raw.executemany(
                    "INSERT INTO categories (id, parent_id, name) VALUES (?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id, "
                    "name = excluded.name", data.categories)
            if data.agencies:
                raw.executemany(
                    "INSERT INTO agencies (code, name) VALUES (?, ?) ON CONFLICT(code) "
                    "DO UPDATE SET name = excluded.name", data.agencies)
            if data.units:
                raw.executemany(
                    "INSERT INTO units (agency_code, code, name) VALUES (?, ?, ?) "
                    "ON CONFLICT(agency_code, code) DO UPDATE SET name = excluded.name",
                    data.units)
            if data.users:
                known = self._get_state(raw, USERS_KEY, {}) or {}
                known.update(data.users)
                self._set_state(raw, USERS_KEY, known)
            for key, found in ((POSITIONS_KEY, data.positions),
                               (ORG_POLICIES_KEY, data.org_policies)):
                if found:
                    known = self._get_state(raw, key, {}) or {}
                    known.update(found)
                    self._set_state(raw, key, known)
            stats.reference = (len(data.categories) + len(data.agencies) + len(data.units)
                               + len(data.users) + len(data.positions)
                               + len(data.org_policies))
            if data.removed:
                for chunk in _chunks(data.removed):
                    raw.execute(f"DELETE FROM complaints WHERE id IN ({_placeholders(chunk)})",
                                list(chunk))
                stats.removed = len(data.removed)
            stale = self._older_than_stored(raw, data.snapshots)
            if stale:  # never step back to an older server version (a late page)
                data.snapshots = {k: v for k, v in data.snapshots.items() if k not in stale}
                data.rows = sn.prepare(list(data.snapshots.values()))
            if data.snapshots:
                rw.write_prepared(conn, data.rows)
                stats.complaints = len(data.snapshots)
                open_ids = self._open_complaints(raw, list(data.snapshots))
                for cid in open_ids:
                    self._rebuild(conn, cid, base=data.snapshots[cid], replay_applied=False,
                                  base_written=True)
                stats.rebased = len(open_ids)
            audit_anchors.store(raw, data.anchors)
            self._set_state(raw, CURSOR_KEY, cursor)
            if stamp_sync is not None:
                self._set_state(raw, LAST_SYNC_KEY, stamp_sync)
                self._set_state(raw, LAST_ERROR_KEY, None)
                self._set_state(raw, LOGIN_REQUIRED_KEY, None)
        if data.categories or data.units:
            self.service.invalidate_reference_cache()
        return stats

    def _requeue_confirmed(self, raw: Any) -> int:
        """Put every op the server had confirmed back to ``pending``, its body unchanged
        (op-id idempotency), marked ``resent`` with its old result (a create's tracking
        number). Files are uploaded again: the restored server may lack them."""
        stamp = now_iso()
        cur = raw.execute(
            "UPDATE outbox SET state = 'pending', last_error = NULL, updated_at = ?, "
            "result = json_set(COALESCE(result, '{}'), '$.resent', json('true')) "
            "WHERE state = 'applied'", (stamp,))
        count = cur.rowcount
        complaints = raw.execute(
            "SELECT COUNT(DISTINCT complaint_id) FROM outbox WHERE state = 'pending' AND "
            "json_extract(result, '$.resent')").fetchone()[0]
        self._set_state(raw, UPLOADED_KEY, None)
        self._set_state(raw, RESTORE_KEY, {"at": stamp, "resent_ops": count,
                                           "complaints": complaints, "renumbered": []})
        return count

    def _note_renumbered(self, raw: Any, old: int, new: int) -> None:
        notice = self._get_state(raw, RESTORE_KEY) or {"at": now_iso(), "resent_ops": 0,
                                                         "complaints": 0, "renumbered": []}
        notice.setdefault("renumbered", []).append([old, new])
        self._set_state(raw, RESTORE_KEY, notice)

    @staticmethod
    def _older_than_stored(raw: Any, snapshots: Mapping[str, Mapping[str, Any]]) -> set[str]:
        ids = list(snapshots)
        stale: set[str] = set()
        for chunk in _chunks(ids):
            for cid, stored in raw.execute(
                    "SELECT id, server_version FROM complaints WHERE server_version IS NOT NULL "
                    f"AND id IN ({_placeholders(chunk)})", list(chunk)):
                if int(snapshots[cid].get("version") or 0) < stored:
                    stale.add(cid)
        return stale

    @staticmethod
    def _open_complaints(raw: Any, ids: Sequence[str]) -> list[str]:
        out: list[str] = []
        for chunk in _chunks(ids):
            out.extend(r[0] for r in raw.execute(
                "SELECT DISTINCT complaint_id FROM outbox WHERE state IN ('pending', 'sending') "
                f"AND complaint_id IN ({_placeholders(chunk)})", list(chunk)))
        return out

    @staticmethod
    def _unchain(raw: Any, dropped: Sequence[OutboxOp], *, hold: bool) -> None:
        """Fix the ops made after an op that will not take effect (rejected, discarded).

        Their base version counted the dropped op's version step: without that step they
        would expect a server version one higher than the one they really saw, and could
        then apply on top of someone else's change that happens to reach that number (a
        silent overwrite). So their base goes down by one per dropped predecessor, for ops
        never sent (``attempts = 0``; an op the server may have seen keeps its exact body,
        for op-id idempotency).

        ``hold`` (a rejection): the later non-commuting ops were decided with the rejected
        one in view, so they wait ("held", marked in ``result``) until the officer has
        decided about it in Perlu Perhatian (docs/sync-protocol.md, Push). A discard is that
        decision, so it holds nothing.
        """
        for op in sorted(dropped, key=lambda o: o.seq):
            if op.kind == OpKind.create.value:
                continue  # later ops of a dropped create cannot apply anyway
            raw.execute(
                "UPDATE outbox SET base_version = base_version - 1 WHERE complaint_id = ? "
                "AND seq > ? AND state = 'pending' AND attempts = 0 AND base_version > ?",
                (op.complaint_id, op.seq, op.base_version or 0))
            if hold:
                raw.execute(
                    "UPDATE outbox SET result = ?, last_error = ? WHERE complaint_id = ? AND "
                    f"seq > ? AND state = 'pending' AND kind NOT IN ({_COMMUTING_SQL})",
                    (dumps({"held_by": op.op_id}), HELD_MESSAGE, op.complaint_id, op.seq))

    # -- rebuilding a complaint from the server's state plus the officer's ops --------------
    @staticmethod
    def _actor_for(data: Mapping[str, Any], username: str | None) -> Actor | None:
        """The signed-in officer (``sync_state["actor"]``) as the author of ``username``'s op."""
        if not data.get("username"):
            return None
        try:
            return Actor(username=username or data["username"], role=Role(data["role"]),
                         agency=data.get("agency"), units=tuple(data.get("units") or ()),
                         full_name=data.get("full_name") or data["username"])
        except (KeyError, ValueError):
            return None

    def _rebuild(self, conn: Any, complaint_id: str, *, base: Any,
                 replay_applied: bool, base_written: bool = False) -> None:
        """Write ``base`` (a server snapshot; ``_KEEP``: the last one stored) with the
        officer's open ops re-applied on top, in ``seq`` order.

        ``replay_applied`` also replays ops the server applied whose event is not yet in
        ``base`` (a base older than the push). An op that no longer applies locally is
        skipped but stays pending: the server decides.
        """
        raw = rw.raw(conn)
        if base is _KEEP:
            base = self._stored_base(conn, complaint_id)
        states = ("pending", "sending", "applied") if replay_applied else OPEN_STATES
        cur = raw.execute(
            f"SELECT {_OUTBOX_COLS} FROM outbox WHERE complaint_id = ? AND state IN "
            f"({_placeholders(states)}) ORDER BY seq", (complaint_id, *states))
        ops = [OutboxOp.from_row(r) for r in _rows(cur)]
        done = {str(e.get("id")) for e in (base or {}).get("timeline") or ()}
        snap: dict[str, Any] | None = dict(base) if base is not None else None
        changed = False
        service = self.service
        me = self._get_state(raw, "actor") or {}
        for op in ops:
            if op.op_id in done or (op.kind == OpKind.create.value and snap is not None):
                continue
            actor = self._actor_for(me, op.actor)
            if actor is None:
                continue
            try:
                moment = datetime.fromisoformat(op.created_at)
                snap = apply_op(snap, op.kind, op.payload, actor, moment, service.policy,
                                service.calendar, op_id=op.op_id).snapshot
            except (DomainError, ValueError, TypeError) as exc:
                log.info("op %s no longer applies locally (%s); left to the server",
                         op.op_id, getattr(exc, "code", type(exc).__name__))
                continue
            if op.state == "applied" and op.kind == OpKind.create.value and op.result:
                snap["tracking_number"] = op.result.get("tracking_number")
            changed = True
        if snap is None:
            raw.execute("DELETE FROM complaints WHERE id = ?", (complaint_id,))
        elif not changed:
            if not base_written:
                rw.write_snapshots(conn, [snap], dirty=False)
        else:
            rw.write_snapshots(conn, [snap], dirty=True,
                               base_snapshot=dumps(base) if base is not None else None)
            raw.execute("UPDATE complaints SET server_version = ? WHERE id = ?",
                        (None if base is None else int(base.get("version") or 0),
                         complaint_id))

    def _stored_base(self, conn: Any, complaint_id: str) -> dict[str, Any] | None:
        """The last server snapshot of a complaint as stored (None: never on the server)."""
        row = rw.raw(conn).execute(
            "SELECT c.local_dirty, t.base_snapshot FROM complaints c "
            "LEFT JOIN complaint_texts t ON t.rid = c.rid WHERE c.id = ?",
            (complaint_id,)).fetchone()
        if row is None:
            return None
        dirty, base_text = row
        if dirty:
            return loads(base_text)
        return rw.load_snapshot(conn, complaint_id)

    # -- reading --------------------------------------------------------------------------
    def ops(self, states: Sequence[str] = ("pending", "sending", "rejected"),
            op_ids: Sequence[str] | None = None) -> list[OutboxOp]:
        sql = (f"SELECT {_OUTBOX_COLS} FROM outbox WHERE state IN ({_placeholders(states)})")
        params: list[Any] = list(states)
        if op_ids is not None:
            if not op_ids:
                return []
            sql += f" AND op_id IN ({_placeholders(op_ids)})"
            params.extend(op_ids)
        with self.service.reading() as conn:
            return [OutboxOp.from_row(r) for r in _rows(
                rw.raw(conn).execute(sql + " ORDER BY seq", params))]

    def listing(self, states: Sequence[str] = ("pending", "sending", "rejected")
                ) -> list[dict[str, Any]]:
        """Ops for the Kotak Keluar / Perlu Perhatian lists, each with its complaint's
        number and title (from the op's own payload for a create not on the desk)."""
        ops = self.ops(states)
        ids = sorted({op.complaint_id for op in ops})
        names: dict[str, tuple] = {}
        with self.service.reading() as conn:
            raw = rw.raw(conn)
            for chunk in _chunks(ids):
                for row in raw.execute(
                        "SELECT id, tracking_number, provisional_number, title, status, version "
                        f"FROM complaints WHERE id IN ({_placeholders(chunk)})", list(chunk)):
                    names[row[0]] = row[1:]
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
            rows = rw.raw(conn).execute(
                "SELECT state, count(*) FROM outbox GROUP BY state").fetchall()
        counts = {"pending": 0, "sending": 0, "applied": 0, "rejected": 0}
        counts.update({state: n for state, n in rows})
        return counts

    # -- the officer's decisions on rejected or pending ops ----------------------------------
    def requeue(self, op_ids: Sequence[str]) -> int:
        """"Kirim ulang": rejected ops go back to ``pending`` (same op id, same base) and
        their effect is shown again locally."""
        with self.service.transaction() as conn:
            raw = rw.raw(conn)
            touched: set[str] = set()
            count = 0
            for chunk in _chunks(list(op_ids)):
                rows = raw.execute(
                    f"SELECT complaint_id FROM outbox WHERE state = 'rejected' AND op_id IN "
                    f"({_placeholders(chunk)})", list(chunk)).fetchall()
                touched.update(r[0] for r in rows)
                # Its held dependants count its step again (they were never sent).
                raw.execute(
                    "UPDATE outbox SET base_version = base_version + 1 WHERE state = 'pending' "
                    "AND attempts = 0 AND json_extract(result, '$.held_by') IN "
                    f"({_placeholders(chunk)})", list(chunk))
                cur = raw.execute(
                    "UPDATE outbox SET state = 'pending', reject_reason = NULL, "
                    "server_state = NULL, last_error = NULL, attempts = 0, updated_at = ? "
                    f"WHERE state = 'rejected' AND op_id IN ({_placeholders(chunk)})",
                    [now_iso(), *chunk])
                count += cur.rowcount
            self._audit(conn, "requeue", list(op_ids))
            for cid in sorted(touched):
                self._rebuild(conn, cid, base=_KEEP, replay_applied=True)
        return count

    def discard(self, op_ids: Sequence[str], *, by: str | None = None) -> list[str]:
        """"Buang": remove pending or rejected ops (never one being sent), audited, and
        rebuild their complaints without them. Discarding a create discards every open op
        of that complaint with it. Returns the op ids removed."""
        with self.service.transaction() as conn:
            raw = rw.raw(conn)
            chosen = self._ops_in(raw, op_ids, ("pending", "rejected"))
            creates = {op.complaint_id for op in chosen if op.kind == OpKind.create.value}
            if creates:
                ids = sorted(creates)
                cur = raw.execute(
                    f"SELECT {_OUTBOX_COLS} FROM outbox WHERE state IN ('pending', 'rejected') "
                    f"AND complaint_id IN ({_placeholders(ids)})", ids)
                extra = [OutboxOp.from_row(r) for r in _rows(cur)]
                seen = {op.op_id for op in chosen}
                chosen += [op for op in extra if op.op_id not in seen]
            if not chosen:
                return []
            entries = [self._audit_entry("discard", op, by) for op in chosen]
            raw.executemany("DELETE FROM outbox WHERE seq = ?", [(op.seq,) for op in chosen])
            self._unchain(raw, [op for op in chosen if op.state == "pending"], hold=False)
            self._append_audit(conn, entries)
            for cid in sorted({op.complaint_id for op in chosen}):
                self._rebuild(conn, cid, base=_KEEP, replay_applied=True)
        return [op.op_id for op in chosen]

    def reapply(self, old: OutboxOp, complaint_id: str | None, payload: Mapping[str, Any],
                actor: Actor, new_op_id: str) -> None:
        """"Terapkan lagi" / "Ubah": in ONE transaction, the action is made again as a new
        op on the complaint's current state (local effect + outbox row, as any action) and
        the rejected op leaves the attention list, audited."""
        with self.service.transaction() as conn:
            raw = rw.raw(conn)
            chosen = self._ops_in(raw, [old.op_id], ("rejected",))
            if not chosen:
                return
            self.service.apply_local_op(complaint_id, old.kind, payload, actor,
                                        op_id=new_op_id, conn=conn)
            entry = self._audit_entry("reapply", chosen[0], actor.username)
            entry["new_op_id"] = new_op_id
            raw.execute("DELETE FROM outbox WHERE seq = ?", (chosen[0].seq,))
            self._append_audit(conn, [entry])

    def audit_log(self, limit: int | None = None) -> list[dict[str, Any]]:
        """The outbox audit trail, oldest first (the store's ``outbox_audit`` table)."""
        return self.service.outbox_audit(limit)

    @staticmethod
    def _ops_in(raw: Any, op_ids: Sequence[str], states: Sequence[str]) -> list[OutboxOp]:
        out: list[OutboxOp] = []
        for chunk in _chunks(list(op_ids)):
            cur = raw.execute(
                f"SELECT {_OUTBOX_COLS} FROM outbox WHERE op_id IN ({_placeholders(chunk)}) "
                f"AND state IN ({_placeholders(states)}) ORDER BY seq", [*chunk, *states])
            out.extend(OutboxOp.from_row(r) for r in _rows(cur))
        return out

    @staticmethod
    def _audit_entry(action: str, op: OutboxOp, by: str | None) -> dict[str, Any]:
        return {"id": str(uuid.uuid4()), "at": now_iso(), "action": action, "by": by,
                "op_id": op.op_id, "kind": op.kind, "complaint_id": op.complaint_id,
                "state": op.state, "base_version": op.base_version,
                "reject_reason": op.reject_reason, "last_error": op.last_error,
                "created_at": op.created_at, "payload": op.payload}

    def _audit(self, conn: Any, action: str, op_ids: Sequence[str]) -> None:
        self._append_audit(conn, [{"id": str(uuid.uuid4()), "at": now_iso(), "action": action,
                                   "op_ids": list(op_ids)}])

    def _append_audit(self, conn: Any, entries: list[dict[str, Any]]) -> None:
        # In the decision's own transaction; the store keeps the newest entries.
        self.service.append_outbox_audit(conn, entries)


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


_KEEP: Any = _Keep()
