"""The change feed behind ``GET /sync/pull``.

Every write transaction notes which entities it changed (``note_change``); just before it
commits, ``flush`` takes the ``feed`` counter row lock, numbers those entities and moves
their feed rows to the new numbers. The lock is held until COMMIT, so a transaction can only
take numbers after every transaction with lower numbers has committed: sequence order is
commit order. A reader that sees number N therefore already sees every number below N, and
a cursor "everything up to N" can never skip a change that commits later with a lower
number. (The price: committing writers queue on one row for the last few milliseconds of
their transaction. Proven under load by tests/test_server_concurrency.py.)
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from server import wakeup
from server.models import FeedEntry
from server.sqlutil import next_counter

FEED_COUNTER = "feed"
EVERYONE = "*"

_PENDING = "lapor_feed_pending"
_FEED = FeedEntry.__table__
_INSERT = sa.insert(_FEED)
_MOVE = sa.update(_FEED).where(_FEED.c.entity_type == sa.bindparam("b_type"),
                               _FEED.c.entity_id == sa.bindparam("b_id"))


def agency_key(agency: str) -> str:
    """Agency-wide officers (loket, admin_instansi, pimpinan) of ``agency``."""
    return f"A:{agency}"


def unit_key(agency: str, unit: str) -> str:
    """Unit officers of one unit."""
    return f"U:{agency}/{unit}"


def staff_key(agency: str) -> str:
    """Everyone working in ``agency`` (reference data: its units and users)."""
    return f"G:{agency}"


def complaint_audience(snapshot: dict) -> set[str]:
    agency = snapshot.get("agency_code") or ""
    keys = {agency_key(agency)}
    keys.update(unit_key(agency, u) for u in snapshot.get("unit_codes") or ())
    return keys


def note_change(session: Session, entity_type: str, entity_id: str,
                audience: Iterable[str]) -> None:
    """Remember that this transaction changed an entity seen by ``audience``."""
    pending: dict[tuple[str, str], set[str]] = session.info.setdefault(_PENDING, {})
    pending.setdefault((entity_type, entity_id), set()).update(audience)


def _encode(keys: Iterable[str]) -> str:
    return "|" + "|".join(sorted(set(keys))) + "|"


def _decode(text: str | None) -> set[str]:
    return {k for k in (text or "").split("|") if k}


def flush(session: Session, *, commit_delay_ms: int = 0, unsafe: bool = False) -> None:
    """Number the pending changes and write them to the feed. Call right before COMMIT."""
    pending: dict[tuple[str, str], set[str]] = session.info.pop(_PENDING, {})
    if not pending:
        return
    if unsafe:
        # Deliberately broken numbering (test only): numbers taken outside this transaction,
        # like a plain sequence, so commit order and number order can differ.
        first = _unsafe_numbers(session, len(pending))
    else:
        first = next_counter(session, FEED_COUNTER, len(pending))
    keys = list(pending)
    known: dict[tuple[str, str], str] = {}  # existing feed rows -> their audience
    by_type: dict[str, list[str]] = {}
    for entity_type, entity_id in keys:
        by_type.setdefault(entity_type, []).append(entity_id)
    for entity_type, ids in by_type.items():  # (type, id IN ...) uses the primary key index
        for start in range(0, len(ids), 500):
            rows = session.execute(sa.select(_FEED.c.entity_id, _FEED.c.audience).where(
                _FEED.c.entity_type == entity_type, _FEED.c.entity_id.in_(ids[start:start + 500])))
            known.update(((entity_type, entity_id), audience) for entity_id, audience in rows)
    inserts: list[dict] = []
    updates: list[dict] = []
    heard: set[str] = set()  # every scope key that may hear of these changes
    for offset, key in enumerate(keys):
        if key in known:
            audience = _decode(known[key]) | pending[key]
            updates.append({"b_type": key[0], "b_id": key[1], "seq": first + offset,
                            "audience": _encode(audience)})
        else:
            audience = pending[key]
            inserts.append({"entity_type": key[0], "entity_id": key[1], "seq": first + offset,
                            "audience": _encode(audience)})
        heard |= audience
    # One executemany each, however many entities the transaction changed.
    if inserts:
        session.execute(_INSERT, inserts)
    if updates:
        session.execute(_MOVE, updates)
    # Wake the pulls waiting on these scopes once this transaction commits (wakeup.py).
    wakeup.announce(session, first + len(keys) - 1, heard)
    if commit_delay_ms:
        time.sleep(random.uniform(0, commit_delay_ms) / 1000.0)


def _unsafe_numbers(session: Session, count: int) -> int:
    engine = session.get_bind()
    with engine.connect() as conn:
        first = next_counter(Session(bind=conn), FEED_COUNTER, count)
        conn.commit()
    return first


def latest_seq(session: Session) -> int:
    return int(session.execute(sa.select(sa.func.max(FeedEntry.seq))).scalar() or 0)


def read_page(session: Session, after: int, upto: int, keys: set[str] | None,
              limit: int) -> list[sa.Row[tuple[int, str, str, str]]]:
    """Feed rows ``(seq, entity_type, entity_id, audience)`` in (after, upto] that ``keys``
    may hear about, oldest first; plain rows, not ORM objects (a first pull reads 20,000).

    ``keys`` None means no filter (central admin).
    """
    query = sa.select(FeedEntry.seq, FeedEntry.entity_type, FeedEntry.entity_id,
                      FeedEntry.audience).where(FeedEntry.seq > after, FeedEntry.seq <= upto)
    if keys is not None:
        query = query.where(sa.or_(*[FeedEntry.audience.contains(f"|{k}|", autoescape=True)
                                     for k in sorted(keys)]))
    return list(session.execute(query.order_by(FeedEntry.seq).limit(limit)))


def parse_audience(text: str) -> set[str]:
    return _decode(text)


def encode_audience(keys: Iterable[str]) -> str:
    return _encode(keys)
