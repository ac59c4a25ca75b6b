"""Request and response bodies of the API (they make the OpenAPI document).

Complaint snapshots stay plain JSON objects here: their shape belongs to the domain
(docs/architecture.md), and the server passes them through ``core`` untouched.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from core import OpKind
from server.config import MAX_PUSH_OPS

DEVICE_PATTERN = r"^[A-Za-z0-9._:\-]{1,64}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"


def _json_integer(value: Any) -> Any:
    # JSON integers only: 3 and 3.0 are integers, true and "3" are not (lax pydantic would
    # take them).
    if isinstance(value, bool | str | bytes):
        raise ValueError("harus bilangan bulat")
    return value


JsonInt = Annotated[int, BeforeValidator(_json_integer)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorOut(BaseModel):
    error: str = Field(description="machine-readable code, e.g. invalid, forbidden, not_found")
    message: str = Field(description="Indonesian text for the officer")
    details: Any = None


class HealthOut(BaseModel):
    status: Literal["ok"]


class ReadyOut(BaseModel):
    status: Literal["ok", "unavailable"]
    database: Literal["ok", "unreachable"]
    message: str


class VersionOut(BaseModel):
    version: str
    api: int


class LoginIn(Strict):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)
    device_id: str = Field(pattern=DEVICE_PATTERN)


class RefreshIn(Strict):
    refresh_token: str = Field(min_length=1, max_length=256)


class UserOut(BaseModel):
    username: str
    full_name: str
    role: str
    agency: str
    unit: str | None


class TokenOut(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="seconds until the access token expires")
    user: UserOut


class Change(BaseModel):
    type: Literal["complaint", "complaint_removed", "category", "unit", "agency", "user",
                  "position"]
    id: str
    data: dict[str, Any] | None = Field(
        default=None, description="full current snapshot; absent for complaint_removed")


class AnchorOut(BaseModel):
    chain: str = Field(description="agency code, or '*' for entries without an agency")
    day: str = Field(description="office day (YYYY-MM-DD, the server's zone)")
    seq: int = Field(description="the chain's last entry that day")
    hash: str = Field(description="that entry's hash (sha256, hex)")


class PullOut(BaseModel):
    changes: list[Change]
    cursor: str = Field(description="opaque; send it back to continue")
    has_more: bool
    reset: bool = Field(
        default=False,
        description="true when the cursor no longer fits the account's scope and the pull "
                    "restarted from the beginning: keep only what this full pull delivers")
    reset_reason: Literal["scope", "restored"] | None = Field(
        default=None,
        description="why the pull restarted: 'scope' (role, agency or unit changed) or "
                    "'restored' (the server was restored from a backup: re-send every op "
                    "it had confirmed; op ids make that idempotent)")
    anchors: list[AnchorOut] = Field(
        default_factory=list,
        description="daily anchors of the audit chains the caller may see, last 7 office "
                    "days: a desk keeps the first hash it saw for each (chain, day)")


class OpIn(Strict):
    op_id: UUID = Field(description="made by the desk, unique per operation")
    complaint_id: UUID = Field(description="for create: the new complaint id (made by the desk)")
    base_version: Annotated[int, Field(ge=0, le=2**31 - 1),
                            BeforeValidator(_json_integer)] | None = Field(
        default=None,
        description="complaint version the desk based the operation on (0/null for create)")
    kind: OpKind
    payload: dict[str, Any] = Field(default_factory=dict)
    tracking_number: Annotated[int, Field(ge=1, le=2**53),
                               BeforeValidator(_json_integer)] | None = Field(
        default=None,
        description="only on a create re-sent after the server was restored from a backup: "
                    "the tracking number the server had given it; kept when that number was "
                    "lost with the restore and no complaint holds it, else a new one is given")


class PushIn(Strict):
    ops: list[OpIn] = Field(max_length=MAX_PUSH_OPS)


class OpResult(BaseModel):
    op_id: str
    status: Literal["applied", "duplicate", "rejected"]
    version: int | None = None
    tracking_number: int | None = None
    reason: Literal["conflict", "forbidden", "invalid", "op_id_reused", "not_found"] | None = None
    message: str | None = None
    errors: dict[str, str] | None = None
    server_state: dict[str, Any] | None = None


class PushOut(BaseModel):
    results: list[OpResult]


class AgendaReserveIn(Strict):
    year: JsonInt = Field(ge=2000, le=2100)
    count: JsonInt = Field(default=50, ge=1, le=1000)


class AgendaBlockOut(BaseModel):
    agency: str
    year: int
    start: int
    end: int
    block_id: str
    qr_key: str = Field(description="the caller's agency's QR key (base64, 32 bytes): sign the "
                                    "QR codes of disposition sheets with it; keep it secret")
    qr_key_id: str = Field(description="label of that key (e.g. v1); record it per letter")


class LetterVerifyOut(BaseModel):
    status: Literal["valid", "voided", "unknown", "forged", "draft"] = Field(
        description="valid: a letter on record; voided: on record but voided; unknown: "
                    "correctly signed but not (yet) on the server; forged: the signature does "
                    "not match (edited, or not signed with this server's key); draft: the QR "
                    "of a konsep (no agenda number), never a genuine sheet")
    message: str = Field(description="Indonesian text for whoever scanned the sheet")
    agency: str | None = None
    agenda_number: str | None = Field(default=None, description="as printed on the sheet")
    complaint_number: str | None = Field(default=None, description="as printed on the sheet")
    issued_date: date | None = Field(
        default=None, description="day the server recorded the letter (local time)")
    voided: bool = False
    voided_date: date | None = None


class AttachmentOut(BaseModel):
    sha256: str
    size: int
    mime: str
    created: bool


class DirectoryUser(BaseModel):
    username: str
    full_name: str
    role: str
    agency: str
    unit: str | None
    active: bool
    jabatan: str | None = None
    nip: str | None = None


class UsersOut(BaseModel):
    users: list[DirectoryUser]


class AuditOut(BaseModel):
    entries: list[dict[str, Any]]


class PublicListOut(BaseModel):
    complaints: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
