"""The audit log's hash chains: one per agency, ``*`` for entries without one.

Every entry carries its chain (the acting agency's code, or ``*``), its place in it (``seq``:
1, 2, 3 ... per chain), the hash of the entry before it (``prev_hash``; ``GENESIS`` for the
first) and its own ``hash``: sha256 over a canonical encoding of its fields and
``prev_hash`` (``entry_hash``). Editing, deleting or inserting a row therefore breaks the
chain at that row, even for someone who can switch the append-only triggers off.

Appending (``append``) runs right before COMMIT: it takes each chain's ``audit:<chain>``
counter row lock (chains in sorted order, so two transactions never wait on each other in a
circle), which it holds until COMMIT, then reads the chain's head. The next transaction on
that chain can read the head only after this one committed: chain order is commit order
(the same argument as server/feed.py).

A *daily anchor* is the head of a chain at the end of an office day: written by the first
entry of a later day (under the same lock), kept in ``audit_anchors`` and sent to desks with
every pull (server/sync_pull.py), so a rewritten chain disagrees with what desks saw.

The encoding is frozen (``VERSION``): rows chained by migration 0006 and by every later
release must verify alike.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, tzinfo
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from core.clock import clock
from server.models import AuditAnchor, AuditEntry, utcnow
from server.sqlutil import insert_ignore, next_counter

CENTRAL = "*"
GENESIS = "0" * 64
VERSION = "lapor-audit-v1"
COUNTER_PREFIX = "audit:"
# The hashed fields, in this order (``at`` as UTC with microseconds).
FIELDS = ("chain", "seq", "prev_hash", "at", "username", "agency_code", "device_id",
          "address", "action", "target_type", "target_id", "subject_agency", "details")

_LOG = AuditEntry.__table__
_ANCHORS = AuditAnchor.__table__
_INSERT = sa.insert(_LOG)


def chain_of(agency: str | None) -> str:
    return agency or CENTRAL


def counter_name(chain: str) -> str:
    return f"{COUNTER_PREFIX}{chain}"


def stamp(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(entry: Mapping[str, Any]) -> str:
    """sha256 (hex) of the entry's canonical encoding: a JSON array of ``VERSION`` and the
    ``FIELDS`` values (ASCII only, no spaces)."""
    values: list[Any] = [VERSION]
    for name in FIELDS:
        value = entry.get(name)
        values.append(stamp(value) if name == "at" and value is not None else value)
    text = json.dumps(values, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def office_day(at: datetime, zone: tzinfo | None = None) -> date:
    return at.astimezone(zone or clock().zone).date()


def head(session: Session, chain: str, below: int | None = None) -> Any:
    """The chain's last entry (seq, hash, at), or the last one before seq ``below``."""
    query = sa.select(_LOG.c.seq, _LOG.c.hash, _LOG.c.at).where(_LOG.c.chain == chain)
    if below is not None:
        query = query.where(_LOG.c.seq < below)
    return session.execute(query.order_by(_LOG.c.seq.desc()).limit(1)).first()


def append(session: Session, rows: Sequence[dict[str, Any]], *, commit_delay_ms: int = 0,
           unsafe: bool = False) -> None:
    """Chain and insert ``rows`` (made by ``audit.row``), each chain in list order."""
    if not rows:
        return
    now = utcnow()
    by_chain: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        row["at"] = now  # stamped under the lock: a chain's times never go backwards
        row["chain"] = chain_of(row.get("agency_code"))
        by_chain.setdefault(row["chain"], []).append(row)
    today = office_day(now)
    for chain in sorted(by_chain):
        entries = by_chain[chain]
        if unsafe:
            first = _unsafe_numbers(session, chain, len(entries))
        else:
            first = next_counter(session, counter_name(chain), len(entries))
        prev = head(session, chain, first)
        if prev is not None and office_day(prev.at) < today:
            insert_ignore(session, _ANCHORS, {"chain": chain, "day": office_day(prev.at),
                                              "seq": prev.seq, "hash": prev.hash})
        prev_hash = prev.hash if prev is not None else GENESIS
        for offset, entry in enumerate(entries):
            entry["seq"], entry["prev_hash"] = first + offset, prev_hash
            entry["hash"] = prev_hash = entry_hash(entry)
    session.execute(_INSERT, list(rows))  # list order: ids rise with seq in every chain
    if commit_delay_ms:
        time.sleep(random.uniform(0, commit_delay_ms) / 1000.0)


def _unsafe_numbers(session: Session, chain: str, count: int) -> int:
    """Deliberately broken (test only): numbers taken and committed outside this
    transaction, so a chain's head may be read before the entry below commits."""
    engine = session.get_bind()
    with engine.connect() as conn:
        first = next_counter(Session(bind=conn), counter_name(chain), count)
        conn.commit()
    return first


def anchors_for(session: Session, chains: set[str] | None, since: date) -> list[dict[str, Any]]:
    """Anchors of ``chains`` (None: every chain) from office day ``since`` on."""
    query = sa.select(AuditAnchor).where(AuditAnchor.day >= since)
    if chains is not None:
        query = query.where(AuditAnchor.chain.in_(sorted(chains)))
    rows = session.execute(query.order_by(AuditAnchor.chain, AuditAnchor.day)).scalars()
    return [{"chain": a.chain, "day": a.day.isoformat(), "seq": a.seq, "hash": a.hash}
            for a in rows]
