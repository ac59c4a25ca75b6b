"""Transitions by role and status, checked against the issue's table written out here."""

from __future__ import annotations

import itertools

import pytest

from core import (
    KIND_LABELS,
    ROLE_LABELS,
    STATUS_LABELS,
    TRANSITIONS,
    Actor,
    DomainError,
    OpKind,
    Role,
    Status,
    TransitionError,
    allowed_kinds,
    can,
    check_scope,
    check_transition,
    in_scope,
)

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks

B, DD, TL, MT, SE, TD, BW, AR = (
    "belum_diverifikasi", "didisposisikan", "ditindaklanjuti", "menunggu_tanggapan_pelapor",
    "selesai", "ditunda", "bukan_wewenang", "diarsipkan",
)
ALL = {B, DD, TL, MT, SE, TD, BW, AR}
LOKET, UNIT, ADMIN, PIMPINAN, PUSAT = (
    "loket", "petugas_unit", "admin_instansi", "pimpinan", "admin_pusat",
)
EVERYONE = {LOKET, UNIT, ADMIN, PIMPINAN, PUSAT}
SAME = object()  # status unchanged
PREVIOUS = object()  # back to previous_status

# kind: (from statuses, to status, roles) — transcribed from the issue, independently of code.
EXPECTED = {
    "verify": ({B}, B, {ADMIN, PUSAT}),
    "dispose": ({B, DD}, DD, {ADMIN, PIMPINAN, PUSAT}),
    "follow_up": ({DD, TL, MT}, TL, {UNIT, ADMIN, PUSAT}),
    "request_clarification": ({DD, TL}, MT, {UNIT, ADMIN, PUSAT}),
    "close": ({TL, MT}, SE, {ADMIN, PIMPINAN, PUSAT, UNIT}),
    "hold": ({B, DD, TL, MT}, TD, {ADMIN, PIMPINAN, PUSAT}),
    "resume": ({TD}, PREVIOUS, {ADMIN, PIMPINAN, PUSAT}),
    "not_authority": ({B, DD}, BW, {ADMIN, PUSAT}),
    "reroute": ({BW}, B, {PUSAT}),
    "archive": ({SE, BW, B}, AR, {ADMIN, PUSAT}),
    "reopen": ({SE, AR}, DD, {ADMIN, PIMPINAN, PUSAT}),
    "note": (ALL, SAME, EVERYONE),
    "attach": (ALL, SAME, EVERYONE),
    "privacy_flags": (ALL, SAME, {ADMIN, PUSAT}),
    "letter_issued": (ALL, SAME, {ADMIN, PIMPINAN, PUSAT}),
    "letter_voided": (ALL, SAME, {ADMIN, PIMPINAN, PUSAT}),
    "mark_duplicate": (ALL - {AR}, SAME, {ADMIN, PUSAT}),
    # The chain (issue 17): the position held decides, not the role; a chain disposition
    # of a complaint awaiting disposition starts its follow-up (test_domain_chain.py).
    "chain_dispose": ({B, DD, TL, MT}, SAME, EVERYONE),
    "chain_read": ({B, DD, TL, MT, TD}, SAME, EVERYONE),
    "chain_withdraw": ({B, DD, TL, MT, TD}, SAME, EVERYONE),
    "chain_report": ({B, DD, TL, MT, TD}, SAME, EVERYONE),
}
CREATE_ROLES = {LOKET, ADMIN, PUSAT, UNIT}


def test_expected_table_covers_every_kind():
    assert set(EXPECTED) | {"create"} == {k.value for k in OpKind}
    assert set(TRANSITIONS) == set(OpKind)


CASES = list(itertools.product(sorted(EXPECTED), sorted(ALL), sorted(EVERYONE)))


@pytest.mark.parametrize(("kind", "status", "role"), CASES)
def test_transition_matrix(kind, status, role):
    sources, target, roles = EXPECTED[kind]
    previous = DD  # only used by resume
    if role in roles and status in sources:
        result = check_transition(status, kind, role, previous_status=previous)
        if target is SAME:
            assert result == status
        elif target is PREVIOUS:
            assert result == previous
        else:
            assert result == target
        # Chain kinds: the position held decides, so the role's action list omits them.
        assert (OpKind(kind) in allowed_kinds(status, role)) != kind.startswith("chain_")
    else:
        with pytest.raises(TransitionError) as err:
            check_transition(status, kind, role, previous_status=previous)
        expected_code = "role_not_allowed" if role not in roles else "status_not_allowed"
        assert err.value.code == expected_code
        assert err.value.message  # Indonesian text shown to the officer
        assert OpKind(kind) not in allowed_kinds(status, role)


@pytest.mark.parametrize("role", sorted(EVERYONE))
def test_create_roles(role):
    if role in CREATE_ROLES:
        assert check_transition(None, "create", role) == Status.belum_diverifikasi
        assert allowed_kinds(None, role) == {OpKind.create}
        assert can(role, "create")
    else:
        with pytest.raises(TransitionError):
            check_transition(None, "create", role)
        assert allowed_kinds(None, role) == set()
        assert not can(role, "create")


@pytest.mark.parametrize("status", sorted(ALL))
def test_create_on_existing_complaint_refused(status):
    with pytest.raises(TransitionError) as err:
        check_transition(status, "create", "admin_pusat")
    assert err.value.code == "already_exists"


# --- hand-written spot checks, phrased from the brief rather than the table ---------------


def test_messages_are_indonesian_and_specific():
    with pytest.raises(TransitionError) as err:
        check_transition("selesai", "dispose", "pimpinan")
    assert err.value.message == "Pengaduan berstatus Selesai tidak dapat didisposisikan."
    with pytest.raises(TransitionError) as err:
        check_transition("belum_diverifikasi", "dispose", "loket")
    assert err.value.message == "Peran Petugas Loket tidak berwenang melakukan Disposisi."
    assert str(err.value) == err.value.message


def test_front_desk_only_logs_and_annotates():
    assert allowed_kinds("belum_diverifikasi", Role.loket) == {OpKind.note, OpKind.attach}
    assert not can("loket", "verify")


def test_unit_officer_works_but_does_not_route():
    kinds = allowed_kinds("didisposisikan", "petugas_unit")
    assert OpKind.follow_up in kinds and OpKind.request_clarification in kinds
    assert OpKind.dispose not in kinds and OpKind.hold not in kinds
    assert OpKind.close in allowed_kinds("ditindaklanjuti", "petugas_unit")


def test_only_central_admin_reroutes():
    assert check_transition("bukan_wewenang", "reroute", "admin_pusat") == "belum_diverifikasi"
    for role in (ADMIN, PIMPINAN, UNIT, LOKET):
        with pytest.raises(TransitionError):
            check_transition("bukan_wewenang", "reroute", role)


def test_resume_returns_to_previous_status_and_needs_it():
    assert check_transition("ditunda", "resume", "pimpinan", "ditindaklanjuti") == (
        Status.ditindaklanjuti
    )
    with pytest.raises(TransitionError) as err:
        check_transition("ditunda", "resume", "pimpinan", None)
    assert err.value.code == "no_previous_status"


def test_reopen_after_done_and_archive_but_not_while_active():
    assert check_transition("selesai", "reopen", "pimpinan") == "didisposisikan"
    assert check_transition("diarsipkan", "reopen", "admin_instansi") == "didisposisikan"
    with pytest.raises(TransitionError, match="Ditindaklanjuti"):
        check_transition("ditindaklanjuti", "reopen", "pimpinan")


def test_archived_is_read_only_except_records():
    assert OpKind.mark_duplicate not in allowed_kinds("diarsipkan", "admin_pusat")
    assert {OpKind.note, OpKind.attach, OpKind.reopen} <= allowed_kinds("diarsipkan", "admin_pusat")
    assert OpKind.dispose not in allowed_kinds("diarsipkan", "admin_pusat")


def test_unknown_values_raise_domain_error():
    with pytest.raises(DomainError) as err:
        check_transition("belum_diverifikasi", "dispose", "bupati")
    assert err.value.code == "unknown_role"
    with pytest.raises(DomainError) as err:
        check_transition("hilang", "dispose", "admin_pusat")
    assert err.value.code == "unknown_status"
    with pytest.raises(DomainError) as err:
        check_transition("selesai", "teleport", "admin_pusat")
    assert err.value.code == "unknown_kind"


def test_labels_cover_every_value():
    assert set(STATUS_LABELS) == set(Status)
    assert set(ROLE_LABELS) == set(Role)
    assert set(KIND_LABELS) == set(OpKind)


# --- scope -------------------------------------------------------------------------------

SNAP = {"agency_code": "DINKES", "unit_codes": ["YANKES"], "status": "didisposisikan"}


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        (Actor("pusat", Role.admin_pusat, "DISKOMINFO"), True),
        (Actor("adm", Role.admin_instansi, "DINKES"), True),
        (Actor("adm2", Role.admin_instansi, "DISDIK"), False),
        (Actor("boss", Role.pimpinan, "DINKES"), True),
        (Actor("u1", Role.petugas_unit, "DINKES", ("YANKES",)), True),
        (Actor("u2", Role.petugas_unit, "DINKES", ("P2P",)), False),
        (Actor("u3", Role.petugas_unit, "DISDIK", ("YANKES",)), False),
        (Actor("desk", Role.loket, "DINKES"), True),
        (Actor("nobody", Role.loket, None), False),
    ],
)
def test_scope(actor, expected):
    assert in_scope(SNAP, actor) is expected
    if expected:
        check_scope(SNAP, actor)
    else:
        with pytest.raises(DomainError) as err:
            check_scope(SNAP, actor)
        assert err.value.code == "forbidden"


def test_actor_coerces_role_string():
    actor = Actor("x", "pimpinan", "DINKES", ["A"])
    assert actor.role is Role.pimpinan and actor.units == ("A",)
    with pytest.raises(DomainError):
        Actor("x", "raja")


def test_errors_pickle_and_serialise():
    import pickle

    from core import ValidationError

    err = pickle.loads(pickle.dumps(TransitionError("status_not_allowed", "Tidak boleh.")))
    assert isinstance(err, TransitionError) and err.code == "status_not_allowed"
    assert str(err) == "Tidak boleh."
    verr = pickle.loads(pickle.dumps(ValidationError({"nik": "NIK salah.", "phone": "x"})))
    assert verr.errors == {"nik": "NIK salah.", "phone": "x"}
    assert verr.to_dict()["errors"]["nik"] == "NIK salah."
