"""A complaint rebuilt from the server's state plus the officer's open ops, and the chain
of an op's later ops fixed when it will not take effect. Steps inside the caller's
transaction (desktop/sync/local.py opens it)."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from core import Actor, DomainError, OpKind, Role, apply_op
from desktop.store import rows as rw
from desktop.store import sync_outbox, sync_pages, sync_state
from desktop.store.snapshots import dumps
from desktop.sync.outbox_op import HELD_MESSAGE, OutboxOp
from desktop.sync.state_keys import ACTOR_KEY

if TYPE_CHECKING:
    from desktop.store import DeskService

log = logging.getLogger(__name__)

OPEN_STATES = sync_outbox.OPEN_STATES


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


# As ``base``: the last server snapshot stored.
KEEP: Any = _Keep()


def actor_for(data: Mapping[str, Any], username: str | None) -> Actor | None:
    """The signed-in officer (``sync_state["actor"]``) as the author of ``username``'s op."""
    if not data.get("username"):
        return None
    try:
        return Actor(username=username or data["username"], role=Role(data["role"]),
                     agency=data.get("agency"), units=tuple(data.get("units") or ()),
                     full_name=data.get("full_name") or data["username"])
    except (KeyError, ValueError):
        return None


def rebuild(service: DeskService, conn: Any, complaint_id: str, *, base: Any,
            replay_applied: bool, base_written: bool = False) -> None:
    """Write ``base`` (a server snapshot; ``KEEP``: the last one stored) with the
    officer's open ops re-applied on top, in ``seq`` order.

    ``replay_applied`` also replays ops the server applied whose event is not yet in
    ``base`` (a base older than the push). An op that no longer applies locally is
    skipped but stays pending: the server decides.
    """
    if base is KEEP:
        base = sync_pages.stored_base(conn, complaint_id)
    states = ("pending", "sending", "applied") if replay_applied else OPEN_STATES
    ops = OutboxOp.from_rows(sync_outbox.ops_of(conn, complaint_id, states))
    done = {str(e.get("id")) for e in (base or {}).get("timeline") or ()}
    snap: dict[str, Any] | None = dict(base) if base is not None else None
    changed = False
    me = sync_state.read(conn, ACTOR_KEY) or {}
    for op in ops:
        if op.op_id in done or (op.kind == OpKind.create.value and snap is not None):
            continue
        actor = actor_for(me, op.actor)
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
        sync_pages.drop_complaint(conn, complaint_id)
    elif not changed:
        if not base_written:
            rw.write_snapshots(conn, [snap], dirty=False)
    else:
        rw.write_snapshots(conn, [snap], dirty=True,
                           base_snapshot=dumps(base) if base is not None else None)
        sync_pages.set_server_version(
            conn, complaint_id, None if base is None else int(base.get("version") or 0))


def unchain(conn: Any, dropped: Sequence[OutboxOp], *, hold: bool) -> None:
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
        sync_outbox.lower_later_bases(conn, op.complaint_id, op.seq, op.base_version or 0)
        if hold:
            sync_outbox.hold_later(conn, op.complaint_id, op.seq,
                                   dumps({"held_by": op.op_id}), HELD_MESSAGE)
