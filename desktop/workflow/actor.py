"""Who is acting: the signed-in officer, or the configurable local officer of an offline desk.

The sync engine stores the signed-in officer in the store's sync state (``actor``, written
by ``DeskService.set_actor``). A desk used without signing in (seeded demo data, a desk that
has never synced) acts as the *local actor* from the store setting ``local_actor``, when one
was configured (Pengaturan); otherwise it acts as ``NOBODY``: the least privileged role, no
agency, so the domain allows it nothing, and the desk says "Belum masuk". Whatever the local
actor does is only optimistic: the server checks every op again when it is pushed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from core import Actor, Role
from core.workflow import coerce_role

ACTOR_KEY = "actor"  # sync state: the signed-in officer (DeskService.set_actor)
LOCAL_ACTOR_KEY = "local_actor"  # store setting: who acts when nobody is signed in

# What the local-officer form in Pengaturan starts from (least privilege until changed).
DEFAULT_LOCAL_ACTOR: dict[str, Any] = {
    "username": "petugas.lokal",
    "role": Role.loket.value,
    "agency": None,
    "units": [],
    "full_name": "Petugas Lokal",
}


# Who acts before anyone signs in (and no local officer is configured): no agency, the
# least privileged role; check_scope refuses every complaint and create needs an agency.
NOBODY = Actor(username="", role=Role.loket, agency=None, units=(), full_name="")


def is_nobody(actor: Actor | None) -> bool:
    """True when nobody is signed in (nor configured): the desk must say "Belum masuk"."""
    return actor is None or actor == NOBODY


def actor_from_mapping(data: Mapping[str, Any]) -> Actor:
    return Actor(
        username=str(data.get("username") or DEFAULT_LOCAL_ACTOR["username"]),
        role=coerce_role(data.get("role") or DEFAULT_LOCAL_ACTOR["role"]),
        agency=data.get("agency") or None,
        units=tuple(data.get("units") or ()),
        full_name=str(data.get("full_name") or ""),
    )


def actor_to_mapping(actor: Actor) -> dict[str, Any]:
    data = asdict(actor)
    data["role"] = str(actor.role)
    data["units"] = list(actor.units)
    return data


def current_actor(store: Any) -> tuple[Actor, bool]:
    """(actor, signed_in). ``store`` is a DeskService; call on the DB thread."""
    signed_in = store.get_sync_state(ACTOR_KEY)
    if signed_in:
        return actor_from_mapping(signed_in), True
    local = store.get_setting(LOCAL_ACTOR_KEY)
    return (actor_from_mapping(local) if local else NOBODY), False


def set_local_actor(store: Any, actor: Actor | Mapping[str, Any] | None) -> None:
    """Change (``None``: reset to the default) the officer a desk acts as when signed out."""
    if isinstance(actor, Actor):
        actor = actor_to_mapping(actor)
    elif actor is not None:
        actor = actor_to_mapping(actor_from_mapping(actor))  # validates the role
    store.set_setting(LOCAL_ACTOR_KEY, actor)
