"""Who may do what, in which status: the transition table and its checks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from .chain import addressed_to as chain_addressed_to
from .chain import ended_message as chain_ended_message
from .chain import letter_by_position as chain_letter_by_position
from .enums import (
    KIND_LABELS,
    KIND_VERBS,
    ROLE_LABELS,
    STATUS_LABELS,
    OpKind,
    Role,
    Status,
)
from .errors import DomainError, TransitionError

S = Status
R = Role
ALL_STATUSES = frozenset(Status)
ALL_ROLES = frozenset(Role)


@dataclass(frozen=True)
class Actor:
    """The officer performing an action. ``agency`` is the agency code (None: none)."""

    username: str
    role: Role
    agency: str | None = None
    units: tuple[str, ...] = ()
    full_name: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "role", coerce_role(self.role))
        object.__setattr__(self, "units", tuple(self.units or ()))


@dataclass(frozen=True)
class Transition:
    """One action kind: the statuses it starts from, where it leads, and who may do it.

    ``sources`` is empty for ``create`` (no complaint yet). ``target`` None means the
    status does not change; ``restores_previous`` means it returns to ``previous_status``.
    """

    kind: OpKind
    sources: frozenset[Status]
    target: Status | None
    roles: frozenset[Role]
    restores_previous: bool = False


def _t(
    kind: OpKind,
    sources: Iterable[Status],
    target: Status | None,
    roles: Iterable[Role],
    restores_previous: bool = False,
) -> Transition:
    return Transition(kind, frozenset(sources), target, frozenset(roles), restores_previous)


_ADMINS = (R.admin_instansi, R.admin_pusat)
_LEADERS = (R.admin_instansi, R.pimpinan, R.admin_pusat)
_WORKERS = (R.petugas_unit, R.admin_instansi, R.admin_pusat)
_ACTIVE = (S.belum_diverifikasi, S.didisposisikan, S.ditindaklanjuti, S.menunggu_tanggapan_pelapor)

TRANSITIONS: dict[OpKind, Transition] = {
    t.kind: t
    for t in (
        _t(OpKind.create, (), S.belum_diverifikasi,
           (R.loket, R.admin_instansi, R.admin_pusat, R.petugas_unit)),
        _t(OpKind.verify, (S.belum_diverifikasi,), S.belum_diverifikasi, _ADMINS),
        _t(OpKind.dispose, (S.belum_diverifikasi, S.didisposisikan), S.didisposisikan, _LEADERS),
        _t(OpKind.follow_up,
           (S.didisposisikan, S.ditindaklanjuti, S.menunggu_tanggapan_pelapor),
           S.ditindaklanjuti, _WORKERS),
        _t(OpKind.request_clarification, (S.didisposisikan, S.ditindaklanjuti),
           S.menunggu_tanggapan_pelapor, _WORKERS),
        _t(OpKind.close, (S.ditindaklanjuti, S.menunggu_tanggapan_pelapor), S.selesai,
           (*_LEADERS, R.petugas_unit)),
        _t(OpKind.hold, _ACTIVE, S.ditunda, _LEADERS),
        _t(OpKind.resume, (S.ditunda,), None, _LEADERS, restores_previous=True),
        _t(OpKind.not_authority, (S.belum_diverifikasi, S.didisposisikan), S.bukan_wewenang,
           _ADMINS),
        _t(OpKind.reroute, (S.bukan_wewenang,), S.belum_diverifikasi, (R.admin_pusat,)),
        _t(OpKind.archive, (S.selesai, S.bukan_wewenang, S.belum_diverifikasi), S.diarsipkan,
           _ADMINS),
        _t(OpKind.reopen, (S.selesai, S.diarsipkan), S.didisposisikan, _LEADERS),
        # Records of what happened (and privacy protection) are accepted in every status,
        # archived included: they commute, and rejecting them after an offline sync would
        # lose an officer's work or leave a reporter exposed.
        _t(OpKind.note, ALL_STATUSES, None, ALL_ROLES),
        _t(OpKind.attach, ALL_STATUSES, None, ALL_ROLES),
        _t(OpKind.letter_issued, ALL_STATUSES, None, _LEADERS),
        _t(OpKind.letter_voided, ALL_STATUSES, None, _LEADERS),
        _t(OpKind.privacy_flags, ALL_STATUSES, None, _ADMINS),
        # Marking a duplicate is housekeeping before archiving; an archive is read-only.
        _t(OpKind.mark_duplicate, ALL_STATUSES - {S.diarsipkan}, None, _ADMINS),
        # The chain: whoever holds the position acts, whatever the role (chain.resolve on
        # the server checks the holder). Disposing a complaint awaiting disposition starts
        # its follow-up (chain.target_status); reading and reporting stay possible on hold.
        _t(OpKind.chain_dispose, _ACTIVE, None, ALL_ROLES),
        _t(OpKind.chain_read, (*_ACTIVE, S.ditunda), None, ALL_ROLES),
        _t(OpKind.chain_withdraw, (*_ACTIVE, S.ditunda), None, ALL_ROLES),
        _t(OpKind.chain_report, (*_ACTIVE, S.ditunda), None, ALL_ROLES),
    )
}

assert set(TRANSITIONS) == set(OpKind), "every OpKind needs a transition row"

# Kinds a holder of a position may do whatever his role (check_transition's by_position).
POSITION_KINDS = frozenset({OpKind.letter_issued, OpKind.letter_voided})


E = TypeVar("E", bound=Enum)


def _coerce(enum_cls: type[E], value: object, code: str, what: str) -> E:
    try:
        return enum_cls(value)
    except ValueError:
        raise DomainError(code, f"{what} tidak dikenal: {value!r}.") from None


def coerce_role(value: Role | str) -> Role:
    return _coerce(Role, value, "unknown_role", "Peran")


def coerce_status(value: Status | str) -> Status:
    return _coerce(Status, value, "unknown_status", "Status")


def coerce_kind(value: OpKind | str) -> OpKind:
    return _coerce(OpKind, value, "unknown_kind", "Jenis tindakan")


def can(role: Role | str, kind: OpKind | str) -> bool:
    """True when ``role`` may perform ``kind`` in at least some status."""
    return coerce_role(role) in TRANSITIONS[coerce_kind(kind)].roles


def may_letter(role: Role | str, kind: OpKind | str, snapshot: Mapping[str, Any] | None,
               payload: Mapping[str, Any]) -> bool:
    """May an officer issue or void this Lembar Disposisi: his role allows it, or the
    (resolved) payload is made through the position its chain disposition was sent to."""
    kind = coerce_kind(kind)
    return can(role, kind) or chain_letter_by_position(kind, payload, snapshot)


def check_transition(
    status: Status | str | None,
    kind: OpKind | str,
    role: Role | str,
    previous_status: Status | str | None = None,
    *,
    by_position: bool = False,
) -> Status:
    """Return the status after ``kind``, or raise ``TransitionError`` saying why not.

    ``status`` is None only for ``create``. ``previous_status`` is needed for ``resume``.
    The role is checked before the status: "you may never do this" is the clearer answer.
    ``by_position``: the officer acts through the position the op concerns (the Lembar
    Disposisi of a chain disposition sent to him, ``chain.letter_by_position``), so his
    role does not matter, as for the chain's own kinds.
    """
    kind = coerce_kind(kind)
    role = coerce_role(role)
    rule = TRANSITIONS[kind]
    if role not in rule.roles and not (by_position and kind in POSITION_KINDS):
        raise TransitionError(
            "role_not_allowed",
            f"Peran {ROLE_LABELS[role]} tidak berwenang melakukan {KIND_LABELS[kind]}.",
        )
    if kind is OpKind.create:
        if status is not None:
            raise TransitionError("already_exists", "Pengaduan ini sudah tercatat.")
        assert rule.target is not None
        return rule.target
    if status is None:
        raise TransitionError("not_found", "Pengaduan belum tercatat.")
    status = coerce_status(status)
    if status not in rule.sources:
        raise TransitionError(
            "status_not_allowed",
            f"Pengaduan berstatus {STATUS_LABELS[status]} tidak dapat {KIND_VERBS[kind]}.",
        )
    if rule.restores_previous:
        if previous_status is None:
            raise TransitionError(
                "no_previous_status",
                "Status sebelum ditunda tidak diketahui; pengaduan tidak dapat dilanjutkan.",
            )
        return coerce_status(previous_status)
    return rule.target if rule.target is not None else status


def check_state(snapshot: Mapping[str, Any] | None, kind: OpKind | str) -> None:
    """Rules on the complaint beyond its status: a verified complaint is not verified again
    (its status stays ``belum_diverifikasi`` until disposition)."""
    if snapshot is not None and coerce_kind(kind) is OpKind.verify and snapshot.get(
        "verified_at"
    ) and snapshot.get("status") == Status.belum_diverifikasi:
        raise TransitionError(
            "already_verified",
            "Pengaduan ini sudah diverifikasi; langkah berikutnya adalah disposisi.",
        )


def allowed_kinds(status: Status | str | None, role: Role | str) -> set[OpKind]:
    """Every kind ``role`` may perform on a complaint in ``status`` (None: not yet created).

    Chain kinds are not listed: the position an officer holds decides them, not the role
    (the chain's own views offer them)."""
    role = coerce_role(role)
    if status is None:
        return {OpKind.create} if role in TRANSITIONS[OpKind.create].roles else set()
    status = coerce_status(status)
    return {
        kind
        for kind, rule in TRANSITIONS.items()
        if role in rule.roles and status in rule.sources and not kind.startswith("chain_")
    }


def in_scope(snapshot: Mapping[str, Any] | None, actor: Actor) -> bool:
    """May ``actor`` see and act on this complaint at all?

    admin_pusat sees everything; others only their own agency's complaints; petugas_unit
    only those disposed to one of their units.
    """
    if actor.role is Role.admin_pusat:
        return True
    if snapshot is None:
        return False
    if not actor.agency or snapshot.get("agency_code") != actor.agency:
        return False
    if actor.role is Role.petugas_unit:
        # A pelaksana outside the complaint's units sees it while a disposition to them
        # is active (sent or read, not yet reported, withdrawn or closed).
        return bool(set(snapshot.get("unit_codes") or ()) & set(actor.units)) or \
            chain_addressed_to(snapshot, actor.username)
    return True


def check_scope(snapshot: Mapping[str, Any] | None, actor: Actor) -> None:
    """Raise ``DomainError("forbidden")`` when the complaint is outside the actor's reach."""
    if not in_scope(snapshot, actor):
        if actor.role is Role.petugas_unit and snapshot and snapshot.get(
            "agency_code"
        ) == actor.agency:
            message = chain_ended_message(snapshot, actor.username) or \
                "Pengaduan ini tidak didisposisikan ke unit Anda."
        else:
            message = "Pengaduan ini bukan kewenangan instansi Anda."
        raise DomainError("forbidden", message)
