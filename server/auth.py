"""Sign-in, token renewal and revocation, login throttling, and the request principal.

Tokens are random strings handed to the desk once; the database holds only their SHA-256.
A session belongs to one device: the access token expires after ``LAPOR_TOKEN_TTL`` seconds,
the refresh token renews both (and is replaced on every use), logout revokes the session.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from fastapi import Request
from sqlalchemy.orm import Session

from core.clock import clock
from server import audit
from server.context import ServerContext
from server.errors import ApiError
from server.models import AuthSession, LoginThrottle, User, utcnow
from server.security import hash_password, needs_rehash, new_token, token_hash, verify_password
from server.sqlutil import insert_ignore

DEVICE_RE = re.compile(r"^[A-Za-z0-9._:\-]{1,64}$")
THROTTLE_DECAY = 15 * 60  # failures older than this are forgotten
THROTTLE_MAX_DELAY = 15 * 60


@dataclass(frozen=True)
class Principal:
    """The signed-in officer behind a request."""

    user_id: int
    username: str
    full_name: str
    role: str
    agency: str
    unit: str | None
    device_id: str
    session_id: str
    address: str | None

    def actor(self) -> Any:
        from core import Actor, Role

        return Actor(username=self.username, role=Role(self.role), agency=self.agency,
                     units=(self.unit,) if self.unit else (), full_name=self.full_name)


def user_json(user: User) -> dict[str, Any]:
    return {"username": user.username, "full_name": user.full_name, "role": user.role,
            "agency": user.agency_code, "unit": user.unit_code}


def client_address(request: Request) -> str | None:
    return request.client.host if request.client else None


def check_device_id(device_id: str | None) -> str:
    if not device_id or not DEVICE_RE.match(device_id):
        raise ApiError(422, "invalid", "ID perangkat tidak valid.",
                       {"device_id": "1-64 karakter: huruf, angka, titik, titik dua, _ atau -"})
    return device_id


def check_token_device(sent: str | None, bound: str) -> None:
    """A session's tokens work only from the device that signed in: the request's
    ``X-Device-Id`` must be present and equal to it (else ``401 device_mismatch``)."""
    challenge = {"WWW-Authenticate": 'Bearer error="invalid_token"'}
    if not sent:
        raise ApiError(401, "device_mismatch",
                       "ID perangkat (X-Device-Id) tidak dikirim. Token hanya berlaku dari "
                       "perangkat tempat Anda masuk.", headers=challenge)
    if sent != bound:
        raise ApiError(401, "device_mismatch", "Token ini milik perangkat lain.",
                       headers=challenge)


# --- throttling -------------------------------------------------------------------------

def _throttle_keys(username: str, address: str | None) -> list[tuple[str, str]]:
    keys = [("account", f"u:{username.strip().lower()[:150]}")]
    if address:
        keys.append(("address", f"a:{address[:150]}"))
    return keys


def _check_throttle(session: Session, keys: list[tuple[str, str]], now: float) -> None:
    rows = session.execute(
        sa.select(LoginThrottle).where(LoginThrottle.key.in_([k for _, k in keys]))
    ).scalars()
    wait = max((r.blocked_until - now for r in rows), default=0.0)
    if wait > 0:
        seconds = int(wait) + 1
        raise ApiError(429, "login_throttled",
                       "Terlalu banyak percobaan masuk yang gagal. "
                       f"Coba lagi dalam {seconds} detik.",
                       {"retry_after": seconds}, headers={"Retry-After": str(seconds)})


def _record_failure(session: Session, key: str, limit: int, now: float) -> None:
    insert_ignore(session, LoginThrottle.__table__,
                  {"key": key, "failures": 0, "blocked_until": 0.0, "last_failure": 0.0})
    row = session.execute(
        sa.select(LoginThrottle).where(LoginThrottle.key == key).with_for_update()
    ).scalar_one()
    if now - row.last_failure > THROTTLE_DECAY:
        row.failures = 0
    row.failures += 1
    row.last_failure = now
    if row.failures >= limit:
        # Doubling pause from the limit on: 2 s, 4 s, 8 s ... capped at 15 minutes.
        row.blocked_until = now + min(2 ** (row.failures - limit + 1), THROTTLE_MAX_DELAY)


# --- sign-in ----------------------------------------------------------------------------

def _issue(session: Session, ctx: ServerContext, auth: AuthSession, user: User,
           replaced_refresh: str | None = None) -> dict[str, Any]:
    access, refresh = new_token(), new_token()
    now = clock().timestamp()
    if replaced_refresh is not None:
        auth.prev_refresh_hash = replaced_refresh
        auth.prev_refresh_until = now + ctx.settings.refresh_grace
    auth.access_hash = token_hash(access)
    auth.access_expires = now + ctx.settings.token_ttl
    auth.refresh_hash = token_hash(refresh)
    auth.refresh_expires = now + ctx.settings.refresh_ttl
    return {"access_token": access, "refresh_token": refresh, "token_type": "bearer",
            "expires_in": ctx.settings.token_ttl, "user": user_json(user)}


def login(ctx: ServerContext, username: str, password: str, device_id: str,
          address: str | None) -> dict[str, Any]:
    device_id = check_device_id(device_id)
    keys = _throttle_keys(username, address)
    now = clock().timestamp()
    with ctx.db.read() as session:
        _check_throttle(session, keys, now)
        user = session.execute(sa.select(User).where(User.username == username)).scalar()
    ok = verify_password(user.password_hash if user and user.active else None, password)
    if not ok:
        limits = {"account": ctx.settings.login_max_failures,
                  "address": ctx.settings.login_max_failures_address}
        with ctx.db.write() as session:
            for kind, key in keys:
                _record_failure(session, key, limits[kind], now)
            audit.record(session, action="login_failed", username=username[:64],
                         agency=user.agency_code if user else None, device_id=device_id,
                         address=address)
        raise ApiError(401, "invalid_credentials", "Nama pengguna atau kata sandi salah.")
    assert user is not None
    with ctx.db.write() as session:
        user = session.get(User, user.id)
        assert user is not None
        session.execute(sa.delete(LoginThrottle).where(LoginThrottle.key == keys[0][1]))
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        auth = AuthSession(id=str(uuid.uuid4()), user_id=user.id, device_id=device_id)
        result = _issue(session, ctx, auth, user)
        session.add(auth)
        audit.record(session, action="login", username=user.username, agency=user.agency_code,
                     device_id=device_id, address=address)
    return result


def refresh(ctx: ServerContext, refresh_token: str, device_id: str | None,
            address: str | None) -> dict[str, Any]:
    """Renew both tokens; the refresh token is replaced on every use.

    The answer can be lost on a dropping network, leaving the desk with the old token
    only, so the token replaced last is accepted once more within ``refresh_grace``
    seconds (a replay rotates again; the pair in the lost answer dies). A replay after the
    grace window means two parties hold the token: the session is revoked. Otherwise only
    the device the session was signed in on (``X-Device-Id``) may renew it.
    """
    hashed = token_hash(refresh_token)
    now = clock().timestamp()
    result: dict[str, Any] | None = None
    with ctx.db.write() as session:
        auth = session.execute(
            sa.select(AuthSession).where(sa.or_(AuthSession.refresh_hash == hashed,
                                                AuthSession.prev_refresh_hash == hashed))
            .with_for_update()
        ).scalar()
        if auth is None or auth.revoked_at is not None or auth.refresh_expires <= now:
            raise ApiError(401, "invalid_refresh_token",
                           "Sesi sudah berakhir. Silakan masuk kembali.")
        user = session.get(User, auth.user_id)
        if user is None or not user.active:
            raise ApiError(401, "invalid_refresh_token", "Akun tidak aktif.")
        replay = auth.refresh_hash != hashed
        stale = replay and (auth.prev_refresh_until or 0.0) <= now
        if not stale:  # a stale token revokes the session whoever sends it
            check_token_device(device_id, auth.device_id)
        if stale:
            # Not raised here: the revocation must commit although the answer is a 401.
            auth.revoked_at = utcnow()
            audit.record(session, action="refresh_reuse", username=user.username,
                         agency=user.agency_code, device_id=auth.device_id, address=address)
        else:
            # A replay keeps the grace window of the token it replays.
            result = _issue(session, ctx, auth, user,
                            replaced_refresh=None if replay else auth.refresh_hash)
            audit.record(session, action="token_refresh_replay" if replay else "token_refresh",
                         username=user.username, agency=user.agency_code,
                         device_id=auth.device_id, address=address)
    if result is None:
        raise ApiError(401, "invalid_refresh_token", "Sesi sudah berakhir. Silakan masuk kembali.")
    return result


def logout(ctx: ServerContext, principal: Principal) -> None:
    with ctx.db.write() as session:
        session.execute(sa.update(AuthSession).where(AuthSession.id == principal.session_id)
                        .values(revoked_at=utcnow()))
        audit.record(session, action="logout", username=principal.username,
                     agency=principal.agency, device_id=principal.device_id,
                     address=principal.address)


def authenticate(ctx: ServerContext, request: Request) -> Principal:
    """The principal of a request, or 401 with a reason the desk can act on."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "token_missing", "Silakan masuk terlebih dahulu.",
                       headers={"WWW-Authenticate": "Bearer"})
    with ctx.db.lookup() as session:
        row = session.execute(
            sa.select(AuthSession, User).join(User, User.id == AuthSession.user_id)
            .where(AuthSession.access_hash == token_hash(token.strip()))
        ).first()
    if row is None or row[0].revoked_at is not None or not row[1].active:
        raise ApiError(401, "token_invalid", "Sesi tidak berlaku. Silakan masuk kembali.",
                       headers={"WWW-Authenticate": "Bearer"})
    auth, user = row
    # Before expiry: another device must never be told to renew a token it does not own.
    check_token_device(request.headers.get("x-device-id"), auth.device_id)
    if auth.access_expires <= clock().timestamp():
        raise ApiError(401, "token_expired", "Sesi kedaluwarsa. Perbarui token.",
                       headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
    return Principal(user_id=user.id, username=user.username, full_name=user.full_name,
                     role=user.role, agency=user.agency_code, unit=user.unit_code,
                     device_id=auth.device_id, session_id=auth.id,
                     address=client_address(request))
