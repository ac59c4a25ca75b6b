"""An action as data: its steps (ops with op ids fixed up front), the dry run that checks
them with the domain alone, and the context a dialog is built from. Light (domain only),
so the GUI can import it at start-up without the store.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from core import Actor, DeadlinePolicy, OpKind, WorkingCalendar, apply_op
from core.clock import clock
from desktop.workflow import canned

if TYPE_CHECKING:
    from desktop.workflow.queries import RelatedComplaint


@dataclass(frozen=True)
class Step:
    """One op of an action. ``op_id`` is fixed when the officer starts the action."""

    kind: OpKind
    payload: dict[str, Any]
    op_id: str


def step(kind: OpKind | str, payload: Mapping[str, Any] | None = None,
         op_id: str | None = None) -> Step:
    return Step(OpKind(kind), dict(payload or {}), op_id or str(uuid.uuid4()))


def dry_run(snapshot: Mapping[str, Any], steps: Sequence[Step], actor: Actor, *,
            policy: DeadlinePolicy, calendar: WorkingCalendar,
            now: datetime | None = None) -> dict[str, Any]:
    """The snapshot after ``steps``, computed by the domain alone (pure, no store).

    Dialogs call it on the GUI thread to check input and preview deadlines; it raises the
    same ``DomainError`` the real write would, with the same Indonesian messages.
    """
    now = now or clock().now()
    snap: dict[str, Any] = dict(snapshot)
    for item in steps:
        snap = apply_op(snap, item.kind, item.payload, actor, now, policy, calendar,
                        op_id=item.op_id).snapshot
    return snap


@dataclass
class ActionContext:
    """Everything a dialog needs, loaded in one DB-thread job."""

    snapshot: dict[str, Any] | None  # as the actor may see it (redact_for)
    actor: Actor
    signed_in: bool
    today: date
    policy: DeadlinePolicy
    calendar: WorkingCalendar
    units: list[dict] = field(default_factory=list)  # of the complaint's agency
    agencies: list[dict] = field(default_factory=list)
    categories: list[dict] = field(default_factory=list)
    replies: list[canned.CannedReply] = field(default_factory=list)
    instructions: list[str] = field(default_factory=list)
    draft: dict[str, Any] | None = None  # {"op_ids": {...}, "fields": {...}}
    related: list[RelatedComplaint] = field(default_factory=list)
    snapshots: list[dict[str, Any]] = field(default_factory=list)  # bulk: the selection

    def agency_name(self, code: str | None) -> str:
        return next((a["name"] for a in self.agencies if a["code"] == code), code or "")

    def unit_names(self, codes: Sequence[str]) -> str:
        names = {u["code"]: u["name"] for u in self.units}
        return ", ".join(names.get(c, c) for c in codes)

    def reply_values(self, due: date | None = None) -> dict[str, str]:
        snap = self.snapshot or {}
        return canned.values_for(
            snap, self.actor, today=self.today, agency_name=self.agency_name(
                snap.get("agency_code")), unit_names=self.unit_names(snap.get("unit_codes") or ()),
            due=due)
