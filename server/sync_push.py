"""``POST /sync/push``: apply a batch of desk operations, each exactly once.

Ops run in order, in chunks of ``CHUNK`` per transaction. A chunk locks its complaints up
front in id order (so two desks pushing the same complaints cannot deadlock) and loads its
already-applied op ids in one query. Each op is then checked and applied in memory against
the chunk's current snapshots, so later ops on a complaint see the earlier ones; an
accepted op queues its rows (snapshot, timeline event, op id, audit entry, feed note) and a
rejected one queues nothing. The queued rows go out as one executemany per table before
COMMIT. Kinds whose checks write other tables (letters) run in a SAVEPOINT, so their
rejection undoes those writes. Results are returned only after COMMIT, so a crash at any
line leaves a chunk either entirely applied (a retry answers ``duplicate``) or not at all
(a retry applies it). When a concurrent push commits the same op id or complaint id first,
the unique constraint fails the chunk, which is rolled back and run again: it then sees the
other push's rows (``duplicate`` / ``conflict``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from core import (
    COMMUTING_KINDS,
    Actor,
    DomainError,
    OpKind,
    TransitionError,
    ValidationError,
    apply_op,
    check_base_version,
    check_scope,
    in_scope,
    redact_for,
)
from core.calendar import local_date
from core.chain import RESOLVED_KINDS, redact_chain
from server import audit, letters, org, push_checks, restore, wakeup
from server.auth import Principal
from server.complaint_store import Writes, lock_snapshots, next_tracking_numbers
from server.context import ServerContext
from server.models import AppliedOp, utcnow
from server.schemas import OpIn

log = logging.getLogger("lapor.server.push")
_OPS = AppliedOp.__table__
_INSERT_OP = sa.insert(_OPS)

# Ops per transaction: one commit and one feed numbering for many ops, while keeping row
# locks short enough that other desks' pushes are not held up for long.
CHUNK = 100
# Domain codes that mean "the complaint moved on under you" rather than "bad input".
_CONFLICT_CODES = {"status_not_allowed", "no_previous_status", "already_exists", "conflict"}


class Rejected(Exception):
    def __init__(self, reason: str, message: str, errors: dict[str, str] | None = None,
                 state: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.reason, self.message, self.errors, self.state = reason, message, errors, state


@dataclass
class _Chunk:
    """What one transaction knows while it applies its ops."""

    ctx: ServerContext
    session: Session
    principal: Principal
    actor: Actor
    now: datetime
    failed: set[str]  # complaints with a rejected op earlier in this batch
    snapshots: dict[str, dict[str, Any]] = field(default_factory=dict)  # locked, current
    priors: dict[str, Any] = field(default_factory=dict)  # op_id -> applied_ops row
    tracking: list[int] = field(default_factory=list)
    claimed: set[int] = field(default_factory=set)  # old tracking numbers given back here
    writes: Writes = field(default_factory=Writes)  # complaints, events, attachment refs
    applied: list[dict[str, Any]] = field(default_factory=list)  # applied_ops rows
    audits: list[dict[str, Any]] = field(default_factory=list)
    files: push_checks.Files | None = None

    def flush(self) -> None:
        """Write the queued rows (before COMMIT, or before a check reads those tables)."""
        self.writes.flush(self.session)
        if self.applied:
            self.session.execute(_INSERT_OP, self.applied)  # a duplicate op id fails here
        audit.record_many(self.session, self.audits)
        self.applied, self.audits = [], []


@dataclass
class _Prior:
    op_id: str
    complaint_id: str
    kind: str
    username: str
    device_id: str
    payload_hash: str
    version: int
    tracking_number: int | None
    applied_at: datetime


def payload_hash(op: OpIn) -> str:
    canonical = json.dumps(
        {"complaint_id": str(op.complaint_id), "base_version": op.base_version,
         "kind": str(op.kind), "payload": op.payload},
        sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _result(op_id: str, status: str, **fields: Any) -> dict[str, Any]:
    out = {"op_id": op_id, "status": status, "version": None, "tracking_number": None,
           "reason": None, "message": None, "errors": None, "server_state": None}
    out.update(fields)
    return out


def push(ctx: ServerContext, principal: Principal, ops: list[OpIn],
         now: datetime | None = None) -> list[dict[str, Any]]:
    """One result per op, in order. ``now`` overrides the clock (demo data only)."""
    results: list[dict[str, Any]] = []
    if not ops:
        return results
    failed: set[str] = set()
    actor = principal.actor()
    for start in range(0, len(ops), CHUNK):
        chunk = ops[start:start + CHUNK]
        for attempt in range(5):
            tried = set(failed)
            try:
                with ctx.db.write() as session:
                    session.info[wakeup.BY_DEVICE] = principal.device_id
                    state = _Chunk(ctx, session, principal, actor, now or ctx.now(), tried)
                    _prefetch(state, chunk)
                    done = [_one(state, op) for op in chunk]
                    state.flush()
                break
            except (OperationalError, IntegrityError) as exc:
                if not _retryable(exc) or attempt == 4:
                    raise
                log.info("push chunk: %s, retrying", type(exc.orig).__name__)
                time.sleep(0.02 * (attempt + 1))
        failed = tried
        results.extend(done)
    return results


def _retryable(exc: OperationalError | IntegrityError) -> bool:
    if isinstance(exc, IntegrityError):
        # A concurrent push committed the same op id (or complaint id, or agenda number)
        # first; run the chunk again and it sees that push's rows. A constraint that fails
        # for any other reason fails again each time and is raised after the last attempt.
        return True
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    if code in ("40P01", "40001"):  # deadlock detected, serialization failure
        return True
    return "database is locked" in str(exc.orig)


def _prefetch(state: _Chunk, chunk: list[OpIn]) -> None:
    """Lock the chunk's complaints (in id order), load its op ids and the files its attach
    ops name, reserve tracking numbers: a few queries for the whole chunk.

    Tracking numbers are taken here, outside any SAVEPOINT, so a rejected create never
    returns a number to the counter that a later create would then take again.
    """
    session = state.session
    state.snapshots = lock_snapshots(session, list({str(op.complaint_id) for op in chunk}))
    for prior in session.execute(sa.select(_OPS).where(
            _OPS.c.op_id.in_([str(op.op_id) for op in chunk]))):
        state.priors[prior.op_id] = prior
    creates = sum(1 for op in chunk if op.kind == OpKind.create
                  and op.tracking_number is None and str(op.op_id) not in state.priors)
    if creates:
        state.tracking = next_tracking_numbers(session, creates)
    state.files = push_checks.Files(state.principal, before_read=state.flush)
    state.files.load(session, [op.payload for op in chunk if op.kind == OpKind.attach])


def _one(state: _Chunk, op: OpIn) -> dict[str, Any]:
    """Apply one op; a rejection leaves nothing behind (queued or, for writing kinds, in
    the database)."""
    digest = payload_hash(op)
    try:
        if op.kind in push_checks.WRITING_KINDS:
            with state.session.begin_nested():
                return _apply(state, op, digest)
        return _apply(state, op, digest)
    except Rejected as exc:
        state.failed.add(str(op.complaint_id))
        return _result(str(op.op_id), "rejected", reason=exc.reason, message=exc.message,
                       errors=exc.errors, server_state=exc.state)


def _apply(state: _Chunk, op: OpIn, digest: str) -> dict[str, Any]:
    session, principal, actor, now = state.session, state.principal, state.actor, state.now
    op_id, cid, kind = str(op.op_id), str(op.complaint_id), OpKind(op.kind)
    prior = state.priors.get(op_id)
    if prior is not None:
        if prior.payload_hash != digest or prior.complaint_id != cid:
            raise Rejected("op_id_reused", "Id operasi ini sudah dipakai untuk operasi lain.")
        return _result(op_id, "duplicate", version=prior.version,
                       tracking_number=prior.tracking_number)
    current = state.snapshots.get(cid)

    def server_state() -> dict[str, Any] | None:
        if current is None or not in_scope(current, actor):
            return None
        return redact_chain(redact_for(current, actor), actor.username)

    if cid in state.failed and kind not in COMMUTING_KINDS:
        raise Rejected("conflict", "Operasi sebelumnya pada pengaduan ini ditolak; tindakan ini "
                       "bergantung padanya.", state=server_state())
    if kind is OpKind.create:
        if current is not None:
            raise Rejected("conflict", "Pengaduan dengan id ini sudah ada.", state=server_state())
    elif current is None:
        raise Rejected("not_found", "Pengaduan tidak ditemukan di server.")
    payload = dict(op.payload)
    try:
        if current is not None:
            check_scope(current, actor)
            check_base_version(current, kind, op.base_version or 0, actor.username)
        payload, letter = push_checks.prepare(session, principal, kind, cid, payload, now,
                                              state.files)
        if kind in RESOLVED_KINDS:  # holders and recipients from the agency's structure
            payload = org.resolve_op(session, kind, payload, current, actor.username,
                                     actor.agency, local_date(now))
        outcome = apply_op(current, kind, payload, actor, now, state.ctx.policy,
                           state.ctx.calendar, op_id=op_id)
        if kind is OpKind.letter_voided:
            letters.record_void(session, principal, cid, payload, now)
    except ValidationError as exc:
        raise Rejected("invalid", exc.message, errors=exc.errors, state=server_state()) from None
    except TransitionError as exc:
        reason = "forbidden" if exc.code == "role_not_allowed" else "conflict"
        raise Rejected(reason, exc.message, state=server_state()) from None
    except DomainError as exc:
        if exc.code == "forbidden":
            raise Rejected("forbidden", exc.message) from None
        reason = "conflict" if exc.code in _CONFLICT_CODES else "invalid"
        raise Rejected(reason, exc.message, state=server_state()) from None
    except letters.LetterProblem as exc:
        raise Rejected("invalid", str(exc), errors=exc.errors, state=server_state()) from None

    snapshot = outcome.snapshot
    errors = push_checks.reference_errors(session, snapshot, current)
    if errors:
        message = next(iter(errors.values())) if len(errors) == 1 else \
            f"Terdapat {len(errors)} isian yang belum benar."
        raise Rejected("invalid", message, errors=errors, state=server_state())
    tracking = snapshot.get("tracking_number")
    if kind is OpKind.create:
        tracking = _claimed_number(state, op.tracking_number)
        if tracking is None:
            if not state.tracking:  # a claim not granted (_prefetch reserved none for it)
                state.tracking = next_tracking_numbers(session, 1)
            tracking = state.tracking.pop(0)
        snapshot["tracking_number"] = tracking
    # Accepted: from here on nothing raises Rejected, so queuing the rows is safe.
    if letter is not None:
        letters.record_issue(session, principal, cid, op_id, payload, *letter)
    state.writes.save(session, snapshot, outcome.event, created_by=principal.username, now=now,
                      op_id=op_id, old_snapshot=current)
    applied = {"op_id": op_id, "complaint_id": cid, "kind": kind.value,
               "username": principal.username, "device_id": principal.device_id,
               "payload_hash": digest, "version": snapshot["version"],
               "tracking_number": tracking, "applied_at": utcnow()}
    state.applied.append(applied)
    moved = current is not None and current.get("agency_code") != snapshot.get("agency_code")
    state.audits.append(audit.row(
        action=f"op_{kind.value}", username=principal.username, agency=principal.agency,
        device_id=principal.device_id, address=principal.address, target_type="complaint",
        target_id=cid, subject_agency=snapshot.get("agency_code"),
        details={"op_id": op_id, "version": snapshot["version"], "tracking_number": tracking,
                 **({"from_agency": current.get("agency_code")} if moved else {}),
                 **_audit_marks(outcome.event)}))
    state.snapshots[cid] = snapshot
    state.priors[op_id] = _Prior(**applied)
    return _result(op_id, "applied", version=snapshot["version"], tracking_number=tracking)


def _claimed_number(state: _Chunk, claim: int | None) -> int | None:
    """A create re-sent after a restore from backup keeps the tracking number on its
    citizen's receipt when the restore lost it and no complaint holds it (server/restore.py);
    otherwise None: it gets a new number (the desk tells the officer)."""
    if claim is None or claim in state.claimed:
        return None
    state.flush()  # complaints queued by this chunk count as holding their numbers
    if not restore.tracking_claimable(state.session, claim):
        return None
    state.claimed.add(claim)
    return claim


def _audit_marks(event: dict[str, Any]) -> dict[str, Any]:
    """What the audit trail must say of an op beyond its kind: an Anonim reporter named (by
    admin_pusat, with the reason) and a back-dated create (how many days)."""
    data = event.get("data") or {}
    marks: dict[str, Any] = {}
    if data.get("anonymity_lifted"):
        marks.update(anonymity_lifted=True, reason=event.get("note"))
    if data.get("backdated_days"):
        marks["backdated_days"] = data["backdated_days"]
    return marks
