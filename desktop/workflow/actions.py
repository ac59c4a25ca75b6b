"""The officer's actions and whether one may be taken now, derived from ``core``.

The desk enables exactly what the domain's own checks (``check_scope`` then
``check_transition``, the order the server applies them in) would accept, and gives the
domain's Indonesian reason when it would not. The server still enforces every rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core import (
    TRANSITIONS,
    Actor,
    DomainError,
    OpKind,
    Status,
    check_scope,
    check_state,
    check_transition,
)

# The actions the desk offers an officer, in menu order. ``create`` belongs to the front
# desk; ``attach`` rides along with a follow-up; letters belong to desktop.letters.
UI_ACTIONS: tuple[OpKind, ...] = (
    OpKind.verify,
    OpKind.dispose,
    OpKind.follow_up,
    OpKind.request_clarification,
    OpKind.hold,
    OpKind.resume,
    OpKind.not_authority,
    OpKind.reroute,
    OpKind.close,
    OpKind.archive,
    OpKind.reopen,
    OpKind.mark_duplicate,
    OpKind.privacy_flags,
    OpKind.note,
)
# Allowed in every status: not worth a button of their own on the detail header.
_ALWAYS = frozenset({OpKind.note, OpKind.privacy_flags, OpKind.mark_duplicate})

NO_COMPLAINT = "no_complaint"


@dataclass(frozen=True)
class Availability:
    """``enabled``, or ``code`` + Indonesian ``message`` saying why not."""

    kind: OpKind
    enabled: bool
    code: str | None = None
    message: str | None = None


def availability(snapshot: Mapping[str, Any] | None, actor: Actor, kind: OpKind) -> Availability:
    if snapshot is None:
        return Availability(kind, False, NO_COMPLAINT, None)
    try:
        check_scope(snapshot, actor)
        check_transition(snapshot.get("status"), kind, actor.role, snapshot.get("previous_status"))
        check_state(snapshot, kind)
    except DomainError as exc:
        return Availability(kind, False, exc.code, exc.message)
    return Availability(kind, True)


def availabilities(snapshot: Mapping[str, Any] | None, actor: Actor) -> dict[OpKind, Availability]:
    return {kind: availability(snapshot, actor, kind) for kind in UI_ACTIONS}


def enabled_kinds(snapshot: Mapping[str, Any] | None, actor: Actor) -> set[OpKind]:
    return {k for k, a in availabilities(snapshot, actor).items() if a.enabled}


def status_actions(status: Status | str | None) -> list[OpKind]:
    """Actions that move a complaint in ``status`` on (for some role): the detail header's
    buttons. Always-available housekeeping stays in the menu."""
    if status is None:
        return []
    status = Status(status)
    return [k for k in UI_ACTIONS if k not in _ALWAYS and status in TRANSITIONS[k].sources]
