"""What to tell the officer after a sync: complaints newly disposed to their unit, and ones
that became due soon. Each is told once: what was told is kept in the store's sync state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core import Actor, Role
from desktop.workflow import queries

SEEN_KEY = "notices_seen"


@dataclass(frozen=True)
class Notices:
    disposed: tuple[queries.NoticeRow, ...]
    due_soon: tuple[queries.NoticeRow, ...]

    def __bool__(self) -> bool:
        return bool(self.disposed or self.due_soon)


def collect(store: Any, actor: Actor, *, mark: bool = True) -> Notices:
    """New notices for ``actor`` since the last call; ``mark`` remembers them as told.
    DB thread."""
    from desktop.store.queue import AGENCY_CLOCK_STATUSES, DeadlineCutoffs

    seen = store.get_sync_state(SEEN_KEY) or {}
    seen_disposed: dict[str, str] = dict(seen.get("disposed") or {})
    seen_due: dict[str, str] = dict(seen.get("due_soon") or {})

    disposed = queries.disposed_to_units(store, actor.units, actor.agency, actor.username)
    cut = DeadlineCutoffs.compute(store.today(), store.policy, store.calendar)
    agency = None if actor.role is Role.admin_pusat else actor.agency
    due = queries.due_between(store, cut.today, cut.soon_before, AGENCY_CLOCK_STATUSES,
                              agency=agency, units=actor.units)

    new_disposed = tuple(r for r in disposed if seen_disposed.get(r.id) != r.marker)
    new_due = tuple(r for r in due if seen_due.get(r.id) != r.marker)
    if mark and (new_disposed or new_due or len(seen_disposed) != len(disposed)
                 or len(seen_due) != len(due)):
        # Keep only what is still current, so the state never grows without bound.
        store.set_sync_state(SEEN_KEY, {
            "disposed": {r.id: r.marker for r in disposed},
            "due_soon": {r.id: r.marker for r in due},
        })
    return Notices(new_disposed, new_due)
