"""Account maintenance by the server operator: (de)activate, reset a password, sign a user
out everywhere, change role/unit/jabatan. Used by ``lapor-server`` (server/cli.py).

Anything that changes what an account may do or prove ends all its sessions, so the next
request of every desk signed in as that user answers 401 and the officer signs in again.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from core.validation import is_ascii_digits
from server import audit, feed
from server.directory import ROLES
from server.errors import ApiError
from server.models import AuthSession, Unit, User, utcnow
from server.security import hash_password


def _user(session: Session, username: str) -> User:
    user = session.execute(
        sa.select(User).where(User.username == username.strip()).with_for_update()
    ).scalar()
    if user is None:
        raise ApiError(404, "not_found", f"Pengguna {username} tidak ditemukan.")
    return user


def revoke_sessions(session: Session, user: User) -> int:
    """End every live session of ``user``; returns how many were ended."""
    result = session.execute(
        sa.update(AuthSession)
        .where(AuthSession.user_id == user.id, AuthSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    return int(result.rowcount or 0)


def sign_out_everyone(session: Session) -> int:
    """End every live session of every account (e.g. after a suspected leak)."""
    result = session.execute(sa.update(AuthSession).where(AuthSession.revoked_at.is_(None))
                             .values(revoked_at=utcnow()))
    ended = int(result.rowcount or 0)
    audit.record(session, action="sign_out_everyone", username=None, agency=None,
                 device_id="cli", details={"sessions_ended": ended})
    return ended


def _record(session: Session, user: User, action: str, details: dict[str, Any]) -> None:
    feed.note_change(session, "user", user.username, {feed.staff_key(user.agency_code)})
    audit.record(session, action=action, username=None, agency=user.agency_code,
                 device_id="cli", target_type="user", target_id=user.username,
                 details=details)


def set_active(session: Session, username: str, active: bool) -> tuple[User, int]:
    user = _user(session, username)
    ended = 0 if active else revoke_sessions(session, user)
    if user.active != active:
        user.active = active
        _record(session, user, "activate_user" if active else "deactivate_user",
                {"sessions_ended": ended})
    return user, ended


def set_password(session: Session, username: str, password: str) -> tuple[User, int]:
    if len(password) < 8:
        raise ApiError(422, "invalid", "Kata sandi minimal 8 karakter.")
    user = _user(session, username)
    user.password_hash = hash_password(password)
    ended = revoke_sessions(session, user)
    audit.record(session, action="set_password", username=None, agency=user.agency_code,
                 device_id="cli", target_type="user", target_id=user.username,
                 details={"sessions_ended": ended})
    return user, ended


def sign_out(session: Session, username: str) -> tuple[User, int]:
    user = _user(session, username)
    ended = revoke_sessions(session, user)
    audit.record(session, action="sign_out_user", username=None, agency=user.agency_code,
                 device_id="cli", target_type="user", target_id=user.username,
                 details={"sessions_ended": ended})
    return user, ended


def update(session: Session, username: str, *, role: str | None = None,
           unit: str | None = None, full_name: str | None = None, jabatan: str | None = None,
           nip: str | None = None) -> tuple[User, int]:
    """Change an account's details. ``unit=""`` removes the unit."""
    user = _user(session, username)
    if role is not None and role not in ROLES:
        raise ApiError(422, "invalid", f"Peran harus salah satu dari {', '.join(ROLES)}.")
    new_role = role or user.role
    new_unit = user.unit_code if unit is None else (unit.strip().upper() or None)
    if new_role == "admin_pusat" and user.role != "admin_pusat":
        from server.models import Agency

        agency = session.get(Agency, user.agency_code)
        if agency is None or not agency.is_central:
            raise ApiError(422, "invalid", "Admin pusat harus berada di instansi pusat.")
    if new_role == "petugas_unit" and not new_unit:
        raise ApiError(422, "invalid", "Petugas unit wajib punya unit (--unit).")
    if new_unit and new_unit != user.unit_code:
        found = session.execute(sa.select(Unit.code).where(
            Unit.agency_code == user.agency_code, Unit.code == new_unit)).first()
        if found is None:
            raise ApiError(404, "not_found", f"Unit {new_unit} tidak ada di {user.agency_code}.")
    if nip is not None and nip and (len(nip) != 18 or not is_ascii_digits(nip)):
        raise ApiError(422, "invalid", "NIP harus 18 digit angka.")
    changes: dict[str, Any] = {}
    for field, value in (("role", new_role), ("unit_code", new_unit),
                         ("full_name", full_name), ("jabatan", jabatan), ("nip", nip)):
        if value is None and field not in ("unit_code",):
            continue
        if field in ("jabatan", "nip") and value == "":
            value = None
        if getattr(user, field) != value:
            changes[field] = {"from": getattr(user, field), "to": value}
            setattr(user, field, value)
    # Role and unit decide what the account may see and do: its desks sign in again.
    ended = revoke_sessions(session, user) if {"role", "unit_code"} & changes.keys() else 0
    if changes:
        _record(session, user, "update_user", {"changes": changes, "sessions_ended": ended})
    return user, ended
