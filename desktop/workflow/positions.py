"""The agency's structure of jabatan on the desk (issue 17): the synced copy as a tree for
Pengaturan › Jabatan, and the one way a change goes to the server, shared by the window and
``lapor-desk positions set`` (the server's ``PUT /positions/{code}``; every desk of the
agency gets the change on its next sync). No Qt."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from core import Actor, Role
from core.org import Position

POSITIONS_KEY = "org_positions"  # desktop/sync/local.py writes them on pull
USERS_KEY = "directory_users"


@dataclass(frozen=True)
class Structure:
    """One agency's positions (inactive ones too) in tree order with their depth, the
    agency's users from the synced directory, and whether this officer may change it."""

    agency: str
    rows: list[tuple[int, Position]] = field(default_factory=list)
    users: list[tuple[str, str]] = field(default_factory=list)  # (username, full name)
    editable: bool = False


def tree_rows(positions: list[Position]) -> list[tuple[int, Position]]:
    """(depth, position) in tree order; a position whose parent is unknown is a root."""
    codes = {p.code for p in positions}
    children: dict[str | None, list[Position]] = {}
    for p in positions:
        children.setdefault(p.parent if p.parent in codes else None, []).append(p)
    out: list[tuple[int, Position]] = []

    def walk(parent: str | None, depth: int, seen: set[str]) -> None:
        for p in sorted(children.get(parent, []), key=lambda p: p.code):
            if p.code not in seen:
                out.append((depth, p))
                walk(p.code, depth + 1, seen | {p.code})

    walk(None, 0, set())
    placed = {p.code for _, p in out}
    out += [(0, p) for p in positions if p.code not in placed]  # a loop: still listed
    return out


def structure(service: Any, actor: Actor) -> Structure:
    """The structure of ``actor``'s agency as this desk last synced it (DB thread)."""
    agency = actor.agency or ""
    raw = service.get_sync_state(POSITIONS_KEY, {}) or {}
    positions = [Position.from_json(p) for p in raw.values()
                 if isinstance(p, Mapping) and p.get("agency") == agency]
    directory = service.get_sync_state(USERS_KEY, {}) or {}
    users = sorted(((str(u.get("username")), str(u.get("full_name") or u.get("username")))
                    for u in (directory.values() if isinstance(directory, Mapping) else ())
                    if isinstance(u, Mapping) and u.get("agency") == agency
                    and u.get("active", True) and u.get("username")),
                   key=lambda u: u[1].casefold())
    return Structure(agency, tree_rows(positions), users,
                     actor.role == Role.admin_instansi)


def client(service: Any) -> Any:
    """The signed-in account's server client (reads the store: DB thread)."""
    from desktop.sync.account import Account

    return Account(service).client()


def save(server: Any, code: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    """Create or change one position on the server (network pool; closes the client)."""
    try:
        found: dict[str, Any] = server.set_position(code.strip().upper(), dict(fields))
        return found
    finally:
        server.close()
