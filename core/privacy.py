"""What each role may see of a complaint, and what the public may see.

Anonim hides the reporter from every role but admin_pusat (the safe default of the brief:
agency officers never receive an anonymous reporter's identity). The NIK is masked to its
province/regency and last four digits for roles that have no need for it. Rahasia
complaints are never public.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from .enums import Role, Visibility
from .workflow import Actor, coerce_role

# The full NIK only where the work needs it: the loket that records the complaint and the
# agency admin who verifies it. Every other role, admin_pusat included, sees it masked.
NIK_ROLES = frozenset({Role.admin_instansi, Role.loket})
ANONYMOUS_IDENTITY_ROLES = frozenset({Role.admin_pusat})

# Fields a public listing may show. Never the reporter, units, tags or internal notes.
PUBLIC_FIELDS = (
    "id", "tracking_number", "title", "content", "classification", "category_id", "channel",
    "incident_date", "region_code", "location_text", "agency_code", "status", "received_at",
    "updated_at",
)


def mask_nik(nik: str | None) -> str | None:
    """``"6371012345670001"`` -> ``"6371********0001"``: province and regency (where the
    card was issued) and the last four digits; birth date and serial hidden. Idempotent."""
    if not nik or "*" in nik:
        return nik
    if len(nik) <= 8:
        return "*" * max(0, len(nik) - 4) + nik[-4:]
    return nik[:4] + "*" * (len(nik) - 8) + nik[-4:]


def _role(actor: Actor | Role | str) -> Role:
    return actor.role if isinstance(actor, Actor) else coerce_role(actor)


def can_see_reporter(snapshot: Mapping[str, Any], actor: Actor | Role | str) -> bool:
    return not snapshot.get("anonymous") or _role(actor) in ANONYMOUS_IDENTITY_ROLES


def redact_for(snapshot: Mapping[str, Any], actor: Actor | Role | str) -> dict[str, Any]:
    """A copy of ``snapshot`` safe to hand to ``actor`` (an Actor or a role)."""
    role = _role(actor)
    out = copy.deepcopy(dict(snapshot))
    reporter = out.get("reporter")
    if not can_see_reporter(out, role):
        out["reporter"] = None
        if isinstance(out.get("letter_ref"), dict):  # a letter's sender may be the reporter
            out["letter_ref"] = {**out["letter_ref"], "origin": None}
    elif isinstance(reporter, dict) and role not in NIK_ROLES and reporter.get("nik"):
        reporter["nik"] = mask_nik(str(reporter["nik"]))
    return out


def public_view(snapshot: Mapping[str, Any]) -> dict[str, Any] | None:
    """What a public listing may show; None for a rahasia (confidential) complaint."""
    if snapshot.get("confidential"):
        return None
    out = {key: copy.deepcopy(snapshot.get(key)) for key in PUBLIC_FIELDS}
    # Only answers addressed to the reporter are public; officer names stay internal.
    out["responses"] = [
        {"at": e.get("at"), "kind": e.get("kind"), "text": e.get("note")}
        for e in snapshot.get("timeline") or ()
        if e.get("kind") in ("follow_up", "request_clarification")
        and (e.get("data") or {}).get("visibility") == Visibility.reporter
    ]
    return out
