"""Agencies, units, users and categories: the reference data, its JSON and its feed notes."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from server import audit, feed
from server.errors import ApiError
from server.models import Agency, Category, Unit, User
from server.security import hash_password

ROLES = ("loket", "petugas_unit", "admin_instansi", "pimpinan", "admin_pusat")
UNIT_KINDS = ("bidang", "upt", "sekretariat", "seksi")


def agency_json(a: Agency) -> dict[str, Any]:
    return {"code": a.code, "name": a.name, "short_name": a.short_name,
            "is_central": a.is_central, "address": a.address, "phone": a.phone,
            "email": a.email, "website": a.website}


def unit_json(u: Unit) -> dict[str, Any]:
    return {"agency": u.agency_code, "code": u.code, "name": u.name, "kind": u.kind,
            "active": u.active}


def unit_entity_id(agency: str, code: str) -> str:
    return f"{agency}/{code}"


def user_entity_json(u: User) -> dict[str, Any]:
    return {"username": u.username, "full_name": u.full_name, "role": u.role,
            "agency": u.agency_code, "unit": u.unit_code, "active": u.active,
            "jabatan": u.jabatan, "nip": u.nip}


def category_json(c: Category) -> dict[str, Any]:
    return {"id": c.id, "parent_id": c.parent_id, "name": c.name, "sort": c.sort,
            "active": c.active}


def create_agency(session: Session, code: str, name: str, *, short_name: str | None = None,
                  is_central: bool = False, **contact: str | None) -> Agency:
    code = code.strip().upper()
    if not code or len(code) > 32:
        raise ApiError(422, "invalid", "Kode instansi wajib diisi (maks. 32 karakter).")
    if session.get(Agency, code) is not None:
        raise ApiError(409, "exists", f"Instansi {code} sudah ada.")
    agency = Agency(code=code, name=name, short_name=short_name or code, is_central=is_central,
                    **{k: v for k, v in contact.items() if k in ("address", "phone", "email",
                                                                 "website")})
    session.add(agency)
    feed.note_change(session, "agency", code, {feed.EVERYONE})
    audit.record(session, action="create_agency", username=None, agency=code, device_id="cli",
                 target_type="agency", target_id=code)
    return agency


def create_unit(session: Session, agency: str, code: str, name: str, kind: str = "bidang") -> Unit:
    code = code.strip().upper()
    if session.get(Agency, agency) is None:
        raise ApiError(404, "not_found", f"Instansi {agency} tidak ditemukan.")
    if kind not in UNIT_KINDS:
        raise ApiError(422, "invalid", f"Jenis unit harus salah satu dari {', '.join(UNIT_KINDS)}.")
    exists = session.execute(sa.select(Unit).where(Unit.agency_code == agency,
                                                   Unit.code == code)).scalar()
    if exists is not None:
        raise ApiError(409, "exists", f"Unit {code} sudah ada di {agency}.")
    unit = Unit(agency_code=agency, code=code, name=name, kind=kind, active=True)
    session.add(unit)
    feed.note_change(session, "unit", unit_entity_id(agency, code), {feed.staff_key(agency)})
    audit.record(session, action="create_unit", username=None, agency=agency, device_id="cli",
                 target_type="unit", target_id=unit_entity_id(agency, code))
    return unit


def create_user(session: Session, username: str, *, role: str, agency: str, unit: str | None,
                password: str, full_name: str | None = None, jabatan: str | None = None,
                nip: str | None = None, password_hash: str | None = None) -> User:
    username = username.strip()
    if not username or len(username) > 64 or not username.replace(".", "").replace(
            "_", "").replace("-", "").isalnum():
        raise ApiError(422, "invalid", "Nama pengguna: 1-64 huruf, angka, titik, _ atau -.")
    if role not in ROLES:
        raise ApiError(422, "invalid", f"Peran harus salah satu dari {', '.join(ROLES)}.")
    agency_row = session.get(Agency, agency)
    if agency_row is None:
        raise ApiError(404, "not_found", f"Instansi {agency} tidak ditemukan.")
    if role == "admin_pusat" and not agency_row.is_central:
        raise ApiError(422, "invalid", "Admin pusat harus berada di instansi pusat.")
    if role == "petugas_unit" and not unit:
        raise ApiError(422, "invalid", "Petugas unit wajib punya unit (--unit).")
    if unit:
        unit = unit.strip().upper()
        found = session.execute(sa.select(Unit).where(Unit.agency_code == agency,
                                                      Unit.code == unit)).scalar()
        if found is None:
            raise ApiError(404, "not_found", f"Unit {unit} tidak ada di {agency}.")
    if len(password) < 8 and password_hash is None:
        raise ApiError(422, "invalid", "Kata sandi minimal 8 karakter.")
    if session.execute(sa.select(User.id).where(User.username == username)).first():
        raise ApiError(409, "exists", f"Pengguna {username} sudah ada.")
    user = User(username=username, full_name=full_name or username, role=role,
                agency_code=agency, unit_code=unit or None,
                password_hash=password_hash or hash_password(password), active=True,
                jabatan=jabatan, nip=nip)
    session.add(user)
    feed.note_change(session, "user", username, {feed.staff_key(agency)})
    audit.record(session, action="create_user", username=None, agency=agency, device_id="cli",
                 target_type="user", target_id=username, details={"role": role})
    return user


def ensure_categories(session: Session) -> int:
    """Insert the default categories into an empty table; returns how many were added."""
    from core.categories import DEFAULT_CATEGORIES

    if session.execute(sa.select(sa.func.count()).select_from(Category)).scalar():
        return 0
    for position, cat in enumerate(DEFAULT_CATEGORIES):
        session.add(Category(id=cat.id, parent_id=cat.parent, name=cat.name, sort=position,
                             active=True))
        feed.note_change(session, "category", cat.id, {feed.EVERYONE})
    return len(DEFAULT_CATEGORIES)


def list_users(session: Session, agency: str | None) -> list[User]:
    stmt = sa.select(User).order_by(User.agency_code, User.username)
    if agency is not None:
        stmt = stmt.where(User.agency_code == agency)
    return list(session.execute(stmt).scalars())
