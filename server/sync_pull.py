"""``GET /sync/pull``: the changes a user may see since a cursor, page by page.

The cursor is opaque to desks: base64url of ``{"v":1,"s":seq,"f":scope,"e":epoch}`` where
``seq`` is the feed position reached, ``scope`` fingerprints the account's role, agency and
unit and ``epoch`` names the database's history (server/restore.py: a restore from backup
starts a new one). If the account's scope changed since the cursor was made, the pull
restarts from the beginning and says ``reset: true, reset_reason: "scope"``; if the cursor
is from another epoch or ahead of the feed (a restored database), ``reset_reason:
"restored"``: the desk then re-sends what it had confirmed.
See feed.py for why ``seq`` never skips a late commit.

Every page also carries ``anchors``: the audit chains' daily anchors of the last
``ANCHOR_DAYS`` office days for the chains the account may see (its agency's; the central
admin: every chain), so desks witness the audit log (server/audit_chain.py).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from core import in_scope
from core.chain import redact_chain
from core.clock import clock
from core.validation import is_int
from server import audit_chain, directory, feed, org, restore
from server.auth import Principal
from server.complaint_store import load_views
from server.context import ServerContext
from server.errors import ApiError
from server.models import Agency, Category, Unit, User
from server.pull_shared import SHARED_SPAN, SharedReads, once

CURSOR_VERSION = 1
ANCHOR_DAYS = 7  # a desk offline over a long weekend still receives every anchor


def scope_fingerprint(principal: Principal) -> str:
    raw = f"{principal.user_id}|{principal.role}|{principal.agency}|{principal.unit or ''}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def encode_cursor(seq: int, fingerprint: str, epoch: str | None = None) -> str:
    data: dict[str, Any] = {"v": CURSOR_VERSION, "s": seq, "f": fingerprint}
    if epoch:
        data["e"] = epoch
    raw = json.dumps(data, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[int, str, str | None]:
    """(feed position, scope fingerprint, epoch or None for a cursor made before epochs)."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        seq, fingerprint, epoch = data["s"], data["f"], data.get("e")
        version = data.get("v")
        # Booleans are ints to Python (True == 1): never a cursor's version or position.
        if not is_int(version) or version != CURSOR_VERSION or not is_int(seq) or seq < 0 \
                or not isinstance(fingerprint, str) \
                or not (epoch is None or isinstance(epoch, str)):
            raise ValueError
        return seq, fingerprint, epoch
    except (ValueError, KeyError, TypeError, UnicodeError, binascii.Error):
        raise ApiError(400, "invalid_cursor",
                       "Kursor sinkronisasi tidak dikenal. Mulai ulang sinkronisasi tanpa kursor.",
                       ) from None


def audience_keys(principal: Principal) -> set[str] | None:
    """Feed keys whose changes this account may hear about (None: everything).

    A superset filter only: whether a complaint is visible is decided by the domain's
    ``in_scope`` on its current snapshot.
    """
    if principal.role == "admin_pusat":
        return None
    keys = {feed.EVERYONE, feed.staff_key(principal.agency), org.person_key(principal.username)}
    if principal.role == "petugas_unit":
        if principal.unit:
            keys.add(feed.unit_key(principal.agency, principal.unit))
    else:
        keys.add(feed.agency_key(principal.agency))
    return keys


class PullPage:
    """One page of changes, encoded without re-serialising stored snapshots."""

    def __init__(self, parts: list[str], cursor: str, has_more: bool, reset: bool,
                 reset_reason: str | None = None,
                 anchors: list[dict[str, Any]] | None = None) -> None:
        self.parts, self.cursor, self.has_more, self.reset = parts, cursor, has_more, reset
        self.reset_reason = reset_reason if reset else None
        self.anchors = anchors or []

    def to_bytes(self) -> bytes:
        tail = json.dumps({"cursor": self.cursor, "has_more": self.has_more,
                           "reset": self.reset, "reset_reason": self.reset_reason,
                           "anchors": self.anchors}, separators=(",", ":"))
        return ('{"changes":[' + ",".join(self.parts) + "]," + tail[1:]).encode("utf-8")

    def to_dict(self) -> dict[str, Any]:
        return json.loads(self.to_bytes())


class FeedRow:
    """A feed row read once for the pulls of a wake-up (pull_shared)."""

    __slots__ = ("seq", "entity_type", "entity_id", "audience")

    def __init__(self, seq: int, entity_type: str, entity_id: str, audience: str) -> None:
        self.seq, self.entity_type, self.entity_id = seq, entity_type, entity_id
        self.audience = audience


def heard_by(audience: str, keys: set[str] | None) -> bool:
    """``feed.read_page``'s filter on one row: its audience names one of ``keys``."""
    return keys is None or any(f"|{k}|" in audience for k in keys)


def pull(ctx: ServerContext, principal: Principal, cursor: str | None, limit: int,
         reads: SharedReads | None = None) -> PullPage:
    """One page for ``principal``. ``reads``: the account-independent reads shared by the
    waiting pulls of one wake-up (server/pull_shared.py); None reads everything here."""
    fingerprint = scope_fingerprint(principal)
    after, reset, reason = 0, False, None
    made_for, made_in = fingerprint, None
    if cursor:
        after, made_for, made_in = decode_cursor(cursor)
    actor = principal.actor()
    with ctx.db.lookup() as session:
        # Read the feed's end first: every row at or below it has committed (feed.py), so
        # a later statement sees all of them even if newer commits arrive in between.
        epoch, upto = once(reads, "end", lambda: (restore.current_epoch(session),
                                                  feed.latest_seq(session)))
        if cursor and (after > upto or not once(
                reads, ("in_epoch", made_in),
                lambda: restore.cursor_in_epoch(session, made_in, epoch))):
            # Made before a restore from backup (another epoch, or ahead of the feed): the
            # desk must also re-send what it had confirmed, so this reason wins over scope.
            after, reset, reason = 0, True, "restored"
        elif made_for != fingerprint:
            after, reset, reason = 0, True, "scope"
        initial = after == 0
        keys = audience_keys(principal)
        rows: list[Any]
        if reads is not None and not initial and upto - after <= SHARED_SPAN:
            span = once(reads, ("feed", after, upto), lambda: [
                FeedRow(r.seq, r.entity_type, r.entity_id, r.audience or "")
                for r in feed.read_page(session, after, upto, None, SHARED_SPAN + 1)])
            rows = [r for r in span if heard_by(r.audience, keys)][:limit + 1]
        else:
            rows = feed.read_page(session, after, upto, keys, limit + 1)
        has_more = len(rows) > limit
        rows = rows[:limit]
        next_seq = rows[-1].seq if has_more else upto
        parts = _materialize(session, rows, actor, initial, reads)
        chains = None if principal.role == "admin_pusat" else frozenset({principal.agency})
        since = clock().today() - timedelta(days=ANCHOR_DAYS)
        anchors = once(reads, ("anchors", chains, since), lambda: audit_chain.anchors_for(
            session, None if chains is None else set(chains), since))
    return PullPage(parts, encode_cursor(next_seq, fingerprint, epoch), has_more, reset, reason,
                    anchors)


def _materialize(session, rows, actor, initial: bool,  # type: ignore[no-untyped-def]
                 reads: SharedReads | None = None) -> list[str]:
    """JSON text of each change, in feed order."""
    by_type: dict[str, list[str]] = {}
    for row in rows:
        by_type.setdefault(row.entity_type, []).append(row.entity_id)
    # The role's view was made by redact_for when the complaint was written (complaint_store).
    ids, role = by_type.get("complaint", []), actor.role.value
    complaints = once(reads, ("views", role, tuple(ids)),
                      lambda: load_views(session, ids, role))
    others = tuple((k, tuple(v)) for k, v in sorted(by_type.items()) if k != "complaint")
    refs = once(reads, ("reference", others), lambda: _reference(session, by_type))
    out: list[str] = []
    for row in rows:
        kind, key = row.entity_type, row.entity_id
        if kind == "complaint":
            stored = complaints.get(key)
            if stored is not None and in_scope(json.loads(stored[0]), actor):
                data = stored[1]
                if '"catatan"' in data:  # only a disposition's sender and recipients read it
                    data = json.dumps(redact_chain(json.loads(data), actor.username),
                                      ensure_ascii=False, separators=(",", ":"))
                out.append(f'{{"type":"complaint","id":{json.dumps(key)},"data":{data}}}')
            elif not initial:
                out.append(json.dumps({"type": "complaint_removed", "id": key}))
        else:
            ref = refs.get((kind, key))
            if ref is not None:
                out.append(json.dumps({"type": kind, "id": key, "data": ref},
                                      ensure_ascii=False, separators=(",", ":")))
    return out


def _reference(session, by_type: dict[str, list[str]]) -> dict[tuple[str, str], dict]:  # type: ignore[no-untyped-def]
    out: dict[tuple[str, str], dict] = org.reference_rows(session, by_type)
    if by_type.get("agency"):
        for a in session.execute(sa.select(Agency).where(Agency.code.in_(by_type["agency"]))
                                 ).scalars():
            out[("agency", a.code)] = directory.agency_json(a)
    if by_type.get("category"):
        for c in session.execute(sa.select(Category).where(Category.id.in_(by_type["category"]))
                                 ).scalars():
            out[("category", c.id)] = directory.category_json(c)
    if by_type.get("user"):
        for u in session.execute(sa.select(User).where(User.username.in_(by_type["user"]))
                                 ).scalars():
            out[("user", u.username)] = directory.user_entity_json(u)
    if by_type.get("unit"):
        wanted = set(by_type["unit"])
        agencies = {k.split("/", 1)[0] for k in wanted}
        for u in session.execute(sa.select(Unit).where(Unit.agency_code.in_(agencies))).scalars():
            key = directory.unit_entity_id(u.agency_code, u.code)
            if key in wanted:
                out[("unit", key)] = directory.unit_json(u)
    return out
