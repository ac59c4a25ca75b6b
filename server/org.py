"""Agencies' organisation structures on the server: positions (jabatan) and the
any-level policy, synced to every desk of the agency (feed entities ``position`` and
``org_policy``), and the chart a chain op is resolved against (core/chain.py)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from core import chain
from core.org import OrgChart, Position, check_position
from server import feed
from server.models import Agency, OrgPolicy, User, utcnow
from server.models import Position as PositionRow


def person_key(username: str) -> str:
    """Feed key of one officer: complaints disposed to them through the chain."""
    return f"P:{username}"


def recipient_keys(snapshot: Mapping[str, Any] | None) -> set[str]:
    """Feed keys of everyone an active disposition of ``snapshot`` names."""
    return {person_key(u) for e in chain.entries(snapshot)
            if e.get("state") in chain.ACTIVE_STATES for u in e.get("to_users") or ()}


def position_entity_id(agency: str, code: str) -> str:
    return f"{agency}/{code}"


def _position(row: PositionRow) -> Position:
    return Position.from_json({"agency": row.agency_code, "code": row.code, "title": row.title,
                               "parent": row.parent_code, "holder": row.holder,
                               "active": row.active, "actings": json.loads(row.actings or "[]")})


def position_json(row: PositionRow) -> dict[str, Any]:
    return _position(row).to_json()


def positions(session: Session, agency: str, *, include_inactive: bool = False
              ) -> list[Position]:
    query = sa.select(PositionRow).where(PositionRow.agency_code == agency)
    if not include_inactive:
        query = query.where(PositionRow.active.is_(True))
    return [_position(r) for r in session.execute(query.order_by(PositionRow.code)).scalars()]


def any_level(session: Session, agency: str) -> bool:
    policy = session.get(OrgPolicy, agency)
    return bool(policy and policy.any_level)


def chart_for(session: Session, agency: str) -> OrgChart:
    return OrgChart.of(agency, positions(session, agency), any_level(session, agency))


class OrgProblem(ValueError):
    def __init__(self, message: str, errors: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or {}


def set_position(session: Session, agency: str, data: Mapping[str, Any]) -> Position:
    """Create or change a position (validated by the domain; holders must be the agency's
    users) and note it for the agency's desks."""
    if session.get(Agency, agency) is None:
        raise OrgProblem(f"Instansi {agency} tidak dikenal.")
    chart = chart_for(session, agency)
    code = str(data.get("code") or "").strip().upper()
    existing = session.get(PositionRow, (agency, code))
    merged = dict(data)
    if existing is not None:  # unchanged fields keep their values
        old = _position(existing).to_json()
        for key in ("title", "parent", "holder", "actings", "active"):
            merged.setdefault(key, old[key])
    chart.positions.pop(code, None)  # its own old row neither parents nor heads it
    from core import ValidationError

    try:
        pos = check_position(chart, merged)
    except ValidationError as exc:
        raise OrgProblem(exc.message, exc.errors) from None
    people = {pos.holder, *(a.username for a in pos.actings)} - {None}
    if people:
        found = set(session.execute(sa.select(User.username).where(
            User.username.in_(sorted(people)), User.agency_code == agency)).scalars())
        missing = sorted(people - found)  # type: ignore[operator]
        if missing:
            message = f"Pengguna bukan pegawai {agency}: {', '.join(missing)}."
            raise OrgProblem(message, {"holder": message})
    row = existing or PositionRow(agency_code=agency, code=pos.code)
    row.title, row.parent_code, row.holder = pos.title, pos.parent, pos.holder
    row.actings = json.dumps(pos.to_json()["actings"], ensure_ascii=False)
    row.active, row.updated_at = pos.active, utcnow()
    if existing is None:
        session.add(row)
    session.flush()
    feed.note_change(session, "position", position_entity_id(agency, pos.code),
                     {feed.staff_key(agency)})
    return pos


def set_any_level(session: Session, agency: str, allowed: bool) -> None:
    policy = session.get(OrgPolicy, agency)
    if policy is None:
        session.add(OrgPolicy(agency_code=agency, any_level=allowed))
    else:
        policy.any_level = allowed
    session.flush()
    feed.note_change(session, "org_policy", agency, {feed.staff_key(agency)})


def reference_rows(session: Session, by_type: Mapping[str, Iterable[str]]
                   ) -> dict[tuple[str, str], dict[str, Any]]:
    """Pull data of the ``position`` and ``org_policy`` feed entities named."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    wanted = set(by_type.get("position") or ())
    if wanted:
        agencies = {k.split("/", 1)[0] for k in wanted}
        for row in session.execute(sa.select(PositionRow).where(
                PositionRow.agency_code.in_(sorted(agencies)))).scalars():
            key = position_entity_id(row.agency_code, row.code)
            if key in wanted:
                out[("position", key)] = position_json(row)
    for code in by_type.get("org_policy") or ():
        out[("org_policy", code)] = {"agency": code, "any_level": any_level(session, code)}
    return out


def holds_any(session: Session, agency: str, username: str, day: date) -> bool:
    """Whether ``username`` holds (or acts in) a position of ``agency``'s chart on ``day``:
    he may receive a chain disposition, so may print its Lembar Disposisi."""
    return bool(chart_for(session, agency).positions_of(username, day))


def resolve_op(session: Session, kind: Any, payload: dict[str, Any],
               current: Mapping[str, Any] | None, username: str, agency: str | None,
               today: date) -> dict[str, Any]:
    """A chain or letter op's payload resolved against the complaint's agency chart (server
    truth): holders, recipients, and the position an officer acts through."""
    code = (current or {}).get("agency_code") or agency or ""
    return chain.resolve(kind, payload, current, chart_for(session, code), username, today)
