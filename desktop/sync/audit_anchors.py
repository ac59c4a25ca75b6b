"""The server's audit anchors as this desk saw them (docs/sync-protocol.md, "anchors").

Each pull page carries the daily anchors of the audit chains the account may see: the last
hash of a chain at the end of an office day. The desk keeps the first hash it received for
each (chain, day) in ``sync_state`` (``audit_anchor/<chain>/<day>`` -> ``{"seq", "hash"}``)
and never overwrites it: if the server later sends another hash for the same day, its
audit chain was rewritten since; that second hash is kept beside the first
(``audit_anchor_conflict/...``) and logged, so the two can be shown to an auditor.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any

from desktop.store import sync_state

log = logging.getLogger(__name__)

PREFIX = "audit_anchor/"
CONFLICT_PREFIX = "audit_anchor_conflict/"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_HASH = re.compile(r"[0-9a-f]{64}")


def parse(items: Any) -> list[tuple[str, str, int, str]]:
    """Well-formed anchors of a pull response as (chain, day, seq, hash); others dropped."""
    out: list[tuple[str, str, int, str]] = []
    if not isinstance(items, list):
        return out
    for item in items:
        if not isinstance(item, Mapping):
            continue
        chain, day, seq, digest = (item.get("chain"), item.get("day"), item.get("seq"),
                                   item.get("hash"))
        if isinstance(chain, str) and 0 < len(chain) <= 32 and "/" not in chain \
                and isinstance(day, str) and _DAY.fullmatch(day) \
                and type(seq) is int and seq > 0 \
                and isinstance(digest, str) and _HASH.fullmatch(digest):
            out.append((chain, day, seq, digest))
    return out


def store(conn: Any, anchors: Iterable[tuple[str, str, int, str]]) -> int:
    """Keep anchors not seen before (inside the caller's transaction ``conn``); returns how
    many arrived with a hash other than the one kept for their day."""
    conflicts = 0
    for chain, day, seq, digest in anchors:
        key = f"{chain}/{day}"
        value = json.dumps({"seq": seq, "hash": digest}, separators=(",", ":"))
        if sync_state.insert_new(conn, PREFIX + key, value):
            continue
        kept = json.loads(sync_state.read_text(conn, PREFIX + key) or "{}")
        if kept.get("hash") != digest or kept.get("seq") != seq:
            conflicts += 1
            log.warning("audit anchor %s changed on the server: kept %s, now %s", key,
                        kept.get("hash"), digest)
            sync_state.insert_new(conn, CONFLICT_PREFIX + key, value)
    return conflicts


def read(service: Any) -> list[dict[str, Any]]:
    """Every anchor this desk kept, oldest day first (for an auditor or a test)."""
    with service.reading() as conn:
        rows = sync_state.texts_under(conn, PREFIX)
    out = []
    for key, value in rows:
        chain, day = key.removeprefix(PREFIX).rsplit("/", 1)
        out.append({"chain": chain, "day": day, **json.loads(value)})
    return sorted(out, key=lambda a: (a["day"], a["chain"]))
