"""The Tanda Terima Pengaduan's data: a complaint snapshot, the desk's letterhead (the one
its letters use, ``desktop.printing.settings``), the deadline policy and the officer, made
into ``desktop.letters.Receipt``.

The number printed is the server's tracking number once a sync has brought it, else the
provisional one, so a reprint after sync carries the official number by itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from core import DeadlinePolicy
from core.clock import clock
from desktop.letters import AgencyProfile, Receipt

STATUS_URL_KEY = "receipt_status_url"  # settings: e.g. "https://lapor.example/status/"


def build_receipt(snapshot: Mapping[str, Any], profile: AgencyProfile, *, officer_name: str,
                  policy: DeadlinePolicy, desk_id: str = "", status_url: str | None = None,
                  printed_at: datetime | None = None, officer_nip: str = "") -> Receipt:
    receipt = Receipt.from_snapshot(
        snapshot, profile, officer_name=officer_name,
        printed_at=printed_at or clock().now(), desk_id=desk_id,
        verification_days=policy.verification_days, follow_up_days=policy.follow_up_days,
        status_url=status_url)
    return replace(receipt, auto_close_days=policy.auto_close_days or None,
                   officer_nip=officer_nip)
