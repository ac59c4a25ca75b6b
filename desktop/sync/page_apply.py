"""A pulled page: sorted by kind (:func:`parse_page`, any thread), then stored with its
cursor inside the caller's transaction (:func:`apply`; desktop/sync/local.py opens it)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop.store import bulk_load, sync_outbox, sync_pages, sync_state
from desktop.store import rows as rw
from desktop.store import snapshots as sn
from desktop.sync import audit_anchors
from desktop.sync.outbox_op import now_iso
from desktop.sync.rebuild import rebuild
from desktop.sync.state_keys import (
    CURSOR_KEY,
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

if TYPE_CHECKING:
    from desktop.store import DeskService


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


def apply(service: DeskService, conn: Any, data: PageData, cursor: str, *,
          reset: bool, stamp_sync: str | None, reset_reason: str | None,
          bulk: bool = False) -> PageStats:
    """See :meth:`desktop.sync.local.SyncLocal.apply_page`."""
    stats = PageStats(reset=reset, reset_reason=reset_reason if reset else None)
    if sync_state.read(conn, PENDING_RESET_KEY):
        reset = stats.reset = True
        sync_state.write(conn, PENDING_RESET_KEY, None)
    if reset and reset_reason == "restored":
        stats.resent = requeue_confirmed(conn)
    if reset:
        # The account's scope changed or the server was restored: keep only what
        # this full pull delivers (and what the officer still has to send).
        sync_pages.keep_only_open(conn)
    if bulk:
        bulk_load.begin(conn)
    sync_pages.merge_reference(conn, categories=data.categories, agencies=data.agencies,
                               units=data.units)
    if data.users:
        known = sync_state.read(conn, USERS_KEY, {}) or {}
        known.update(data.users)
        sync_state.write(conn, USERS_KEY, known)
    for key, found in ((POSITIONS_KEY, data.positions),
                       (ORG_POLICIES_KEY, data.org_policies)):
        if found:
            known = sync_state.read(conn, key, {}) or {}
            known.update(found)
            sync_state.write(conn, key, known)
    stats.reference = (len(data.categories) + len(data.agencies) + len(data.units)
                       + len(data.users) + len(data.positions)
                       + len(data.org_policies))
    if data.removed:
        sync_pages.remove_complaints(conn, data.removed)
        stats.removed = len(data.removed)
    stale = older_than_stored(conn, data.snapshots)
    if stale:  # never step back to an older server version (a late page)
        data.snapshots = {k: v for k, v in data.snapshots.items() if k not in stale}
        data.rows = sn.prepare(list(data.snapshots.values()))
    if data.snapshots:
        rw.write_prepared(conn, data.rows)
        stats.complaints = len(data.snapshots)
        open_ids = sync_outbox.complaints_with_open_ops(conn, list(data.snapshots))
        for cid in open_ids:
            rebuild(service, conn, cid, base=data.snapshots[cid], replay_applied=False,
                    base_written=True)
        stats.rebased = len(open_ids)
    audit_anchors.store(conn, data.anchors)
    sync_state.write(conn, CURSOR_KEY, cursor)
    if stamp_sync is not None:
        bulk_load.finish(conn)
        sync_state.write(conn, LAST_SYNC_KEY, stamp_sync)
        sync_state.write(conn, LAST_ERROR_KEY, None)
        sync_state.write(conn, LOGIN_REQUIRED_KEY, None)
    return stats


def requeue_confirmed(conn: Any) -> int:
    """Put every op the server had confirmed back to ``pending``, its body unchanged
    (op-id idempotency), marked ``resent`` with its old result (a create's tracking
    number). Files are uploaded again: the restored server may lack them."""
    stamp = now_iso()
    count, complaints = sync_pages.requeue_confirmed(conn, stamp)
    sync_state.write(conn, UPLOADED_KEY, None)
    sync_state.write(conn, RESTORE_KEY, {"at": stamp, "resent_ops": count,
                                         "complaints": complaints, "renumbered": []})
    return count


def older_than_stored(conn: Any, snapshots: Mapping[str, Mapping[str, Any]]
                      ) -> set[str]:
    """Complaints of the page whose stored server version is newer than the page's."""
    stored = sync_pages.server_versions(conn, list(snapshots))
    return {cid for cid, version in stored.items()
            if int(snapshots[cid].get("version") or 0) < version}
