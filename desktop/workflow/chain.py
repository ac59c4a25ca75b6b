"""The disposition chain on the desk (issue 17): the agency's structure as synced, chain ops
applied locally through the outbox like every action (offline too), and the officer's
"Disposisi Masuk" (to me) and "Disposisi Keluar" (from me) lists.

No Qt: runs on the DB thread (desktop.tasks) or in a headless command.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from core import Actor, OpKind
from core import chain as dc
from core.chain import above, tree  # noqa: F401 - re-exported for the desk
from desktop.store import rows
from desktop.sync.org_chart import org_chart

POSITIONS_KEY = "org_positions"  # desktop/sync/local.py writes them on pull
ORG_POLICIES_KEY = "org_policies"

INBOX, OUTBOX = "masuk", "keluar"


def my_positions(store: Any, actor: Actor) -> list[dict[str, str]]:
    """The positions ``actor`` holds or acts in today: [{"code", "title"}]."""
    chart = org_chart(store, actor.agency or "")
    return [{"code": c, "title": chart.positions[c].title}
            for c in chart.positions_of(actor.username, store.today())]


def new_recipients(positions: Sequence[str]) -> list[dict[str, str]]:
    """Recipients with fresh entry ids (fixed when the officer starts the action, so a
    retried submit records nothing twice)."""
    return [{"id": str(uuid.uuid4()), "position": p} for p in positions]


def act(store: Any, complaint_id: str, kind: OpKind | str, payload: Mapping[str, Any],
        actor: Actor, *, op_id: str | None = None) -> Any:
    """Apply one chain op locally and queue it: resolved against the synced structure
    first (the server resolves it again against its own and decides)."""
    kind = OpKind(kind)
    if kind not in dc.CHAIN_KINDS:
        raise ValueError(f"not a chain op: {kind}")
    snapshot = store.complaint(complaint_id)
    agency = (snapshot or {}).get("agency_code") or actor.agency or ""
    resolved = dc.resolve(kind, payload, snapshot, org_chart(store, agency), actor.username,
                          store.today())
    return store.apply_local_op(complaint_id, kind, resolved, actor, op_id=op_id)


@dataclass(frozen=True)
class ChainItem:
    """One disposition entry as a row of Disposisi Masuk / Keluar."""

    complaint_id: str
    tracking_number: int | None
    title: str
    entry: dict[str, Any]

    late: bool = False  # open past its deadline: the complaint is late at this level

    @property
    def unread(self) -> bool:
        return self.entry.get("state") == dc.SENT


def _chained(store: Any) -> list[dict[str, Any]]:
    """Snapshots that have a chain (its entries live in the texts' ``extra`` JSON)."""
    with store.reading() as conn:
        ids = [r[0] for r in rows.raw(conn).execute(
            "SELECT c.id FROM complaints c JOIN complaint_texts t ON t.rid = c.rid "
            "WHERE t.extra LIKE '%\"chain\"%'").fetchall()]
        snaps = [rows.load_snapshot(conn, cid) for cid in ids]
    return [s for s in snaps if s and dc.entries(s)]


def listing(store: Any, actor: Actor, box: str, *, unread_only: bool = False
            ) -> list[ChainItem]:
    """Disposisi Masuk (``box="masuk"``: addressed to the actor; unread first, then open,
    then withdrawn or finished, each newest first) or Disposisi Keluar (``"keluar"``: sent by
    the actor, with their read state, newest first)."""
    out: list[ChainItem] = []
    me = actor.username
    today = store.today()
    for snap in _chained(store):
        late = {e.get("id") for e in dc.late_entries(snap, today)}
        for entry in dc.entries(snap):
            mine = me in (entry.get("to_users") or ()) if box == INBOX else entry.get("by") == me
            if not mine or (unread_only and entry.get("state") != dc.SENT):
                continue
            out.append(ChainItem(snap["id"], snap.get("tracking_number"),
                                 str(snap.get("title") or ""), dict(entry),
                                 entry.get("id") in late))
    # Newest first; ties (one moment, e.g. a batch) in a fixed order, never the store's.
    out.sort(key=lambda i: (i.entry.get("sent_at") or "", str(i.entry.get("id") or "")),
             reverse=True)
    if box == INBOX:
        # Stable: unread first, then what is still to be worked on, withdrawn ones last.
        out.sort(key=lambda i: (not i.unread, i.entry.get("state") not in dc.ACTIVE_STATES))
    return out


def tally(store: Any) -> list[dict[str, Any]]:
    """Per receiving position, dispositions (not tembusan) that are open, of which unread
    and late (deadline passed), and reported: where the complaints wait, level by level."""
    today = store.today()
    rows: dict[str, dict[str, Any]] = {}
    for snap in _chained(store):
        late = {e.get("id") for e in dc.late_entries(snap, today)}
        for e in dc.entries(snap):
            if e.get("tembusan"):
                continue
            row = rows.setdefault(str(e.get("to_position")), {
                "position": e.get("to_position"), "title": e.get("to_title"), "open": 0,
                "unread": 0, "late": 0, "reported": 0})
            state = e.get("state")
            row["open"] += state in dc.ACTIVE_STATES
            row["unread"] += state == dc.SENT
            row["late"] += e.get("id") in late
            row["reported"] += state == dc.REPORTED
    return sorted(rows.values(), key=lambda r: (-r["late"], -r["open"], str(r["position"])))


def dumps(items: Sequence[ChainItem]) -> str:
    return json.dumps([{"complaint_id": i.complaint_id, "tracking_number": i.tracking_number,
                        "title": i.title, "late": i.late, **i.entry} for i in items],
                      ensure_ascii=False)
