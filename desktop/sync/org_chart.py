"""The agencies' structures of jabatan as this desk last synced them (issue 17): read by
the chain (desktop/workflow/chain.py) and by the letters (a Kabid prints the Lembar
Disposisi of the disposition sent to his position, desktop/printing/holder.py)."""

from __future__ import annotations

from typing import Any

from core.org import OrgChart
from desktop.sync.state_keys import ORG_POLICIES_KEY, POSITIONS_KEY


def org_chart(store: Any, agency: str) -> OrgChart:
    """The agency's structure as this desk last synced it."""
    positions = store.get_sync_state(POSITIONS_KEY, {}) or {}
    policy = (store.get_sync_state(ORG_POLICIES_KEY, {}) or {}).get(agency) or {}
    return OrgChart.of(agency, positions.values(), bool(policy.get("any_level")))
