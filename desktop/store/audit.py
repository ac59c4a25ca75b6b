"""The outbox audit trail: the officer's decisions on outbox ops (revision 0003).

One row per entry ("discard", "reapply", "requeue"; the sync code builds the entries),
appended in the caller's transaction so the decision and its record commit together.
Only the newest ``KEEP`` entries are kept: the trail explains recent decisions on this
desk; the server keeps its own append-only audit of what reached it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from desktop.store import snapshots as sn

KEEP = 10_000


def append(raw: Any, entries: Sequence[Mapping[str, Any]], keep: int = KEEP) -> None:
    """Append ``entries`` (dicts with ``id``, ``at``, ``action``...) on the sqlite3
    connection ``raw`` and drop what falls beyond the newest ``keep``."""
    if not entries:
        return
    rows = []
    for entry in entries:
        item = dict(entry)
        item.setdefault("id", str(uuid.uuid4()))
        rows.append((str(item["id"]), str(item.get("at") or ""), str(item.get("action") or ""),
                     item.get("by"), item.get("op_id"), item.get("complaint_id"),
                     sn.dumps(item)))
    raw.executemany(
        "INSERT INTO outbox_audit (id, at, action, actor, op_id, complaint_id, entry) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    # seq never repeats and only the oldest rows are ever deleted: the newest ``keep``
    # entries are exactly those above max(seq) - keep.
    raw.execute("DELETE FROM outbox_audit WHERE seq <= (SELECT max(seq) FROM outbox_audit) - ?",
                (keep,))


def entries(raw: Any, limit: int | None = None) -> list[dict[str, Any]]:
    """The trail, oldest first; ``limit``: only the newest ``limit`` entries."""
    if limit is None:
        cur = raw.execute("SELECT entry FROM outbox_audit ORDER BY seq")
    else:
        cur = raw.execute("SELECT entry FROM (SELECT seq, entry FROM outbox_audit ORDER BY seq "
                          "DESC LIMIT ?) ORDER BY seq", (max(0, limit),))
    return [sn.loads(text) for (text,) in cur]
