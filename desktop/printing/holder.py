"""Who may issue and void a Lembar Disposisi on this desk: a role that issues letters
(core.workflow.can), or the holder (or Plt./Plh.) of the position the sheet's chain
disposition was sent to, whatever his role. The rule is core's (``chain.resolve`` sets
``acting_for`` from the synced structure, ``workflow.may_letter`` decides); the server
resolves the op again against its own structure and decides the same way."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from core import Actor, OpKind
from core import chain as dc
from core.org import OrgChart
from core.workflow import can, may_letter
from desktop.sync.org_chart import org_chart

if TYPE_CHECKING:
    from desktop.store import DeskService

__all__ = ["chart_of", "held_positions", "may", "resolved"]


def chart_of(service: DeskService, snapshot: Mapping[str, Any] | None,
             agency: str | None) -> OrgChart:
    """The structure of the complaint's agency (else ``agency``) as last synced."""
    return org_chart(service, str((snapshot or {}).get("agency_code") or agency or ""))


def held_positions(service: DeskService, snapshot: Mapping[str, Any] | None,
                   username: str | None, agency: str | None = None) -> tuple[str, ...]:
    """The positions ``username`` holds or acts in today in the complaint's agency."""
    if not username:
        return ()
    chart = chart_of(service, snapshot, agency)
    return tuple(chart.positions_of(username, service.today()))


def resolved(service: DeskService, kind: OpKind, payload: Mapping[str, Any],
             snapshot: Mapping[str, Any] | None, actor: Actor,
             chart: OrgChart | None = None) -> dict[str, Any]:
    """The letter op's payload with the ``acting_for`` core trusts (a sent one is dropped)."""
    chart = chart if chart is not None else chart_of(service, snapshot, actor.agency)
    return dc.resolve(kind, payload, snapshot, chart, actor.username, service.today())


def may(service: DeskService, kind: OpKind, payload: Mapping[str, Any],
        snapshot: Mapping[str, Any] | None, actor: Actor) -> bool:
    """May ``actor`` make this letter op (issue with ``chain_entry``, void by ``letter_id``)."""
    if can(actor.role, kind):
        return True  # no structure read for the roles that issue letters anyway
    return may_letter(actor.role, kind, snapshot,
                      resolved(service, kind, payload, snapshot, actor))
