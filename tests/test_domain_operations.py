"""apply_op: every kind, purity, scope, validation and the resulting snapshot fields."""

from __future__ import annotations

import copy
import itertools
from datetime import date, datetime, timedelta

import pytest

from core import (
    WITA,
    Actor,
    DeadlinePolicy,
    DomainError,
    OpKind,
    Role,
    TransitionError,
    ValidationError,
    WorkingCalendar,
    apply_op,
    check_base_version,
    new_complaint,
)
from tests.test_domain_workflow import EXPECTED, PREVIOUS, SAME

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks

CAL = WorkingCalendar(years=[2026])
POLICY = DeadlinePolicy()
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=WITA)  # Monday

PUSAT = Actor("pusat", Role.admin_pusat, "DISKOMINFO", (), "Admin Pusat")
ADMIN = Actor("adm", Role.admin_instansi, "DINKES", (), "Admin Dinkes")
BOSS = Actor("kadis", Role.pimpinan, "DINKES", (), "Kepala Dinas")
UNIT = Actor("yankes1", Role.petugas_unit, "DINKES", ("YANKES",), "Petugas Yankes")
OTHER_UNIT = Actor("p2p1", Role.petugas_unit, "DINKES", ("P2P",), "Petugas P2P")
LOKET = Actor("loket1", Role.loket, "DINKES", (), "Petugas Loket")
FOREIGN = Actor("adm2", Role.admin_instansi, "DISDIK", (), "Admin Disdik")

PAYLOADS: dict[str, dict] = {
    "verify": {"classification": "aspirasi", "category_id": "kesehatan", "tags": ["antrian"]},
    "dispose": {"unit_codes": ["YANKES"], "sifat": "segera", "instructions": ["Koordinasikan"],
                "note": "Mohon segera"},
    "follow_up": {"text": "Sudah ditangani petugas.", "visibility": "reporter"},
    "request_clarification": {"text": "Mohon sebutkan nama puskesmas."},
    "close": {"note": "Tuntas"},
    "hold": {"reason": "Menunggu anggaran"},
    "resume": {},
    "not_authority": {"reason": "Urusan kabupaten"},
    "reroute": {"agency_code": "DPUPR"},
    "archive": {},
    "reopen": {"reason": "Pelapor keberatan", "unit_codes": ["YANKES"]},
    "note": {"text": "Sudah ditelepon."},
    "privacy_flags": {"anonymous": True},
    "attach": {"sha256": "ab" * 32, "filename": "foto.jpg", "mime": "image/jpeg", "size": 10},
    "letter_issued": {"agenda_number": "001/DINKES/2026", "letter_kind": "disposisi"},
    "letter_voided": {"reason": "Salah cetak", "agenda_number": "001/DINKES/2026"},
    "mark_duplicate": {"duplicate_of": "1916449"},
}


def _payload(**overrides):
    fields = {
        "title": "Antrian puskesmas panjang",
        "content": "Antrian di puskesmas sangat panjang setiap pagi.",
        "classification": "pengaduan",
        "channel": "loket",
        "agency_code": "DINKES",
        "reporter": {"name": "Ani", "nik": "6371015505900002", "phone": "0812 3456 7890"},
        "region_code": "63.71.01.1001",
    }
    fields.update(overrides)
    return new_complaint(**fields)


def run(snap, kind, payload=None, actor=PUSAT, at=T0, op_id=None):
    return apply_op(snap, kind, payload if payload is not None else PAYLOADS.get(kind, {}),
                    actor, at, POLICY, CAL, op_id=op_id)


def created(at=T0):
    return run(None, "create", _payload(), ADMIN, at).snapshot


def at_status(status: str) -> dict:
    """A complaint brought to ``status`` by real operations."""
    snap = created()
    path = {
        "belum_diverifikasi": [],
        "didisposisikan": ["dispose"],
        "ditindaklanjuti": ["dispose", "follow_up"],
        "menunggu_tanggapan_pelapor": ["dispose", "request_clarification"],
        "selesai": ["dispose", "follow_up", "close"],
        "ditunda": ["dispose", "hold"],
        "bukan_wewenang": ["not_authority"],
        "diarsipkan": ["archive"],
    }[status]
    for kind in path:
        snap = run(snap, kind).snapshot
    assert snap["status"] == status
    return snap


STATUSES = [
    "belum_diverifikasi", "didisposisikan", "ditindaklanjuti", "menunggu_tanggapan_pelapor",
    "selesai", "ditunda", "bukan_wewenang", "diarsipkan",
]


@pytest.mark.parametrize(("kind", "status"), list(itertools.product(
    sorted(k for k in EXPECTED if not k.startswith("chain_")), STATUSES)))  # chain: own file
def test_every_kind_in_every_status(kind, status):
    """admin_pusat may do everything its role allows; apply_op follows the issue's table."""
    snap = at_status(status)
    before = copy.deepcopy(snap)
    sources, target, roles = EXPECTED[kind]
    allowed = status in sources and "admin_pusat" in roles
    if not allowed:
        with pytest.raises(TransitionError):
            run(snap, kind)
        assert snap == before
        return
    outcome = run(snap, kind, op_id=f"op-{kind}")
    new, event = outcome
    assert snap == before, "apply_op must not mutate its input"
    expected_status = {SAME: status, PREVIOUS: before["previous_status"]}.get(target, target)
    assert new["status"] == expected_status
    assert new["version"] == before["version"] + 1
    assert new["timeline"][:-1] == before["timeline"]
    assert new["timeline"][-1] == event
    assert event["id"] == f"op-{kind}" and event["kind"] == kind
    assert event["from_status"] == status and event["to_status"] == expected_status
    assert event["actor"] == "pusat" and event["actor_name"] == "Admin Pusat"


# --- create -------------------------------------------------------------------------------


def test_create_builds_snapshot():
    payload = _payload(id="2b7c4f1e-0000-4000-8000-000000000001", provisional_number="L-D1-1")
    out = run(None, "create", payload, LOKET, T0, op_id="op-1")
    snap, event = out
    assert snap["id"] == "2b7c4f1e-0000-4000-8000-000000000001"
    assert snap["status"] == "belum_diverifikasi" and snap["version"] == 1
    assert snap["tracking_number"] is None and snap["provisional_number"] == "L-D1-1"
    assert snap["reporter"]["phone"] == "+6281234567890"
    assert snap["received_at"] == "2026-11-02T09:00:00+08:00"
    assert snap["phase_started"] == "2026-11-02"
    assert snap["due_date"] == "2026-11-05"  # 3 working days
    assert snap["unit_codes"] == [] and snap["timeline"] == [event]
    assert event["from_status"] is None and event["id"] == "op-1"
    assert "Ani" not in repr(event), "reporter identity must stay out of the timeline"


def test_create_is_deterministic_given_op_id():
    payload = _payload()
    del payload["id"]
    first = run(None, "create", payload, ADMIN, T0, op_id="11111111-1111-4111-8111-111111111111")
    again = run(None, "create", payload, ADMIN, T0, op_id="11111111-1111-4111-8111-111111111111")
    assert first == again
    other = run(None, "create", payload, ADMIN, T0, op_id="22222222-2222-4222-8222-222222222222")
    assert other.snapshot["id"] != first.snapshot["id"]


def test_create_received_earlier_starts_clock_then():
    snap = run(None, "create", _payload(received_at="2026-10-30T15:00:00+08:00"), ADMIN).snapshot
    assert snap["phase_started"] == "2026-10-30" and snap["due_date"] == "2026-11-04"


def test_create_from_a_fast_clock_is_clamped_to_now():
    # The desk's clock is three hours ahead: accepted, and the clock starts at our now.
    snap = run(None, "create", _payload(received_at="2026-11-02T12:00:00+08:00"), ADMIN).snapshot
    assert snap["received_at"] == "2026-11-02T09:00:00+08:00"
    assert snap["phase_started"] == "2026-11-02"


def test_create_received_beyond_skew_tolerance_is_rejected():
    with pytest.raises(ValidationError) as err:
        run(None, "create", _payload(received_at="2026-11-03T09:00:01+08:00"), ADMIN)
    assert "masa depan" in err.value.errors["received_at"]


def test_create_utc_now_uses_wita_date():
    late_utc = datetime(2026, 11, 1, 17, 30, tzinfo=WITA.utc)  # 01:30 WITA on 2 Nov
    snap = run(None, "create", _payload(), ADMIN, late_utc).snapshot
    assert snap["phase_started"] == "2026-11-02"
    assert snap["received_at"] == "2026-11-02T01:30:00+08:00"


def test_create_collects_all_errors():
    payload = _payload(received_at="2027-01-01T00:00:00+08:00", sifat="kilat")
    payload.update(title="", classification=None, reporter={"name": "Ani", "phone": "12"})
    with pytest.raises(ValidationError) as err:
        run(None, "create", payload, ADMIN)
    assert set(err.value.errors) == {
        "title", "classification", "reporter.phone", "received_at", "sifat",
    }


def test_create_scope_and_role():
    with pytest.raises(DomainError) as err:
        run(None, "create", _payload(agency_code="DISDIK"), LOKET)
    assert err.value.code == "forbidden"
    with pytest.raises(TransitionError):
        run(None, "create", _payload(), BOSS)
    # admin_pusat may log for any agency; others default to their own.
    assert run(None, "create", _payload(agency_code="DISDIK"), PUSAT).snapshot["agency_code"] == (
        "DISDIK"
    )
    payload = _payload()
    payload["agency_code"] = None
    assert run(None, "create", payload, LOKET).snapshot["agency_code"] == "DINKES"
    with pytest.raises(TransitionError) as err:
        run(created(), "create", _payload(), ADMIN)
    assert err.value.code == "already_exists"


# --- each kind ------------------------------------------------------------------------------


def test_verify_updates_fields_and_marks_verified():
    snap = run(created(), "verify", {"title": "Antrian Puskesmas Teluk Dalam",
                                     "classification": "aspirasi", "confidential": True,
                                     "tags": ["antrian", "antrian", "puskesmas"]}, ADMIN).snapshot
    assert snap["status"] == "belum_diverifikasi"
    assert snap["verified_at"] == "2026-11-02T09:00:00+08:00"
    assert snap["title"] == "Antrian Puskesmas Teluk Dalam"
    assert snap["classification"] == "aspirasi" and snap["confidential"] is True
    assert snap["tags"] == ["antrian", "puskesmas"]
    assert snap["phase_started"] == "2026-11-02"  # same verification phase
    with pytest.raises(ValidationError) as err:
        run(created(), "verify", {"classification": "gosip", "anonymous": "ya"}, ADMIN)
    assert set(err.value.errors) == {"classification", "anonymous"}


def test_dispose_sets_units_deadline_and_sheet():
    at = T0 + timedelta(days=1)  # Tuesday 3 Nov
    snap = run(created(), "dispose", PAYLOADS["dispose"], BOSS, at).snapshot
    assert snap["status"] == "didisposisikan" and snap["unit_codes"] == ["YANKES"]
    assert snap["sifat"] == "segera"
    assert snap["phase_started"] == "2026-11-03" and snap["due_date"] == "2026-11-10"
    assert snap["verified_at"] is not None
    sheet = snap["disposition"]
    assert sheet["instructions"] == ["Koordinasikan"] and sheet["note"] == "Mohon segera"
    assert sheet["due_date"] == "2026-11-10" and sheet["by"] == "kadis"
    assert snap["timeline"][-1]["note"] == "Mohon segera"


def test_dispose_due_date_override_and_redispose_keeps_clock():
    snap = run(created(), "dispose", {"unit_codes": ["YANKES"], "due_date": "2026-11-30"},
               ADMIN).snapshot
    assert snap["due_date"] == "2026-11-30" and snap["due_override"] == "2026-11-30"
    later = T0 + timedelta(days=3)
    again = run(snap, "dispose", {"unit_codes": ["P2P", "YANKES"]}, ADMIN, later).snapshot
    assert again["phase_started"] == "2026-11-02" and again["due_date"] == "2026-11-30"
    assert again["unit_codes"] == ["P2P", "YANKES"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "unit_codes"),
        ({"unit_codes": []}, "unit_codes"),
        ({"unit_codes": "YANKES"}, "unit_codes"),
        ({"unit_codes": [""]}, "unit_codes"),
        ({"unit_codes": ["YANKES"], "sifat": "kilat"}, "sifat"),
        ({"unit_codes": ["YANKES"], "due_date": "2026-10-01"}, "due_date"),
        ({"unit_codes": ["YANKES"], "due_date": "besok"}, "due_date"),
        ({"unit_codes": ["YANKES"], "instructions": "Koordinasikan"}, "instructions"),
    ],
)
def test_dispose_rejects_bad_payload(payload, field):
    with pytest.raises(ValidationError) as err:
        run(created(), "dispose", payload, ADMIN)
    assert field in err.value.errors


def test_follow_up_by_unit_restarts_auto_close_clock():
    snap = at_status("didisposisikan")
    at = T0 + timedelta(days=2)  # Wednesday 4 Nov
    snap = run(snap, "follow_up", {"text": "Sudah diperbaiki."}, UNIT, at).snapshot
    assert snap["status"] == "ditindaklanjuti"
    assert snap["phase_started"] == "2026-11-04" and snap["due_date"] == "2026-11-18"
    assert snap["timeline"][-1]["data"] == {"visibility": "reporter"}
    later = T0 + timedelta(days=7)
    snap = run(snap, "follow_up", {"text": "Tambahan.", "visibility": "internal"}, UNIT,
               later).snapshot
    assert snap["phase_started"] == "2026-11-09"
    with pytest.raises(ValidationError) as err:
        run(snap, "follow_up", {"text": "   "}, UNIT)
    assert err.value.errors == {"text": "Isi tindak lanjut wajib diisi."}
    with pytest.raises(DomainError) as err:
        run(snap, "follow_up", {"text": "x"}, OTHER_UNIT)
    assert err.value.code == "forbidden"


def test_request_clarification_and_close():
    snap = run(at_status("didisposisikan"), "request_clarification",
               {"text": "Di puskesmas mana?"}, UNIT).snapshot
    assert snap["status"] == "menunggu_tanggapan_pelapor" and snap["due_date"] == "2026-11-16"
    with pytest.raises(ValidationError):
        run(at_status("didisposisikan"), "request_clarification", {}, UNIT)
    closed = run(snap, "close", {"note": "Tidak ada tanggapan", "auto": True}, UNIT).snapshot
    assert closed["status"] == "selesai" and closed["due_date"] is None
    assert closed["timeline"][-1]["data"] == {"auto": True}


def test_hold_requires_reason_and_remembers_status():
    snap = at_status("ditindaklanjuti")
    with pytest.raises(ValidationError) as err:
        run(snap, "hold", {"reason": ""}, BOSS)
    assert err.value.errors == {"reason": "Alasan penundaan wajib diisi."}
    held = run(snap, "hold", {"reason": "Menunggu hasil lab"}, BOSS).snapshot
    assert held["status"] == "ditunda" and held["previous_status"] == "ditindaklanjuti"
    assert held["hold_started"] == "2026-11-02" and held["due_date"] == snap["due_date"]
    resumed = run(held, "resume", {}, BOSS, T0 + timedelta(days=7)).snapshot
    assert resumed["status"] == "ditindaklanjuti" and resumed["previous_status"] is None
    assert resumed["held_working_days"] == 5 and resumed["hold_started"] is None
    assert resumed["timeline"][-1]["data"] == {"held_working_days": 5}


def test_not_authority_reroute_and_new_agency_scope():
    with pytest.raises(ValidationError):
        run(at_status("didisposisikan"), "not_authority", {}, ADMIN)
    snap = run(at_status("didisposisikan"), "not_authority",
               {"reason": "Urusan jalan", "suggested_agency_code": "DPUPR"}, ADMIN).snapshot
    assert snap["status"] == "bukan_wewenang" and snap["due_date"] is None
    with pytest.raises(TransitionError):
        run(snap, "reroute", {"agency_code": "DPUPR"}, ADMIN)
    with pytest.raises(ValidationError) as err:
        run(snap, "reroute", {"agency_code": "DINKES"}, PUSAT)
    assert "sama" in err.value.errors["agency_code"]
    later = T0 + timedelta(days=2)
    rerouted = run(snap, "reroute", {"agency_code": "DPUPR"}, PUSAT, later).snapshot
    assert rerouted["status"] == "belum_diverifikasi" and rerouted["agency_code"] == "DPUPR"
    assert rerouted["unit_codes"] == [] and rerouted["verified_at"] is None
    assert rerouted["phase_started"] == "2026-11-04" and rerouted["due_date"] == "2026-11-09"
    with pytest.raises(DomainError) as err:
        run(rerouted, "note", {"text": "halo"}, ADMIN)  # DINKES no longer sees it
    assert err.value.code == "forbidden"
    run(rerouted, "note", {"text": "halo"}, Actor("pu", Role.admin_instansi, "DPUPR"))


def test_archive_and_reopen():
    archived = run(created(), "archive", {"reason": "Duplikat"}, ADMIN).snapshot
    assert archived["status"] == "diarsipkan" and archived["due_date"] is None
    with pytest.raises(ValidationError) as err:
        run(archived, "reopen", {"reason": "Pelapor keberatan"}, BOSS)
    assert "unit_codes" in err.value.errors  # never disposed: must say where it goes
    with pytest.raises(ValidationError) as err:
        run(archived, "reopen", {"unit_codes": ["YANKES"]}, BOSS)
    assert set(err.value.errors) == {"reason"}
    reopened = run(archived, "reopen", {"reason": "Pelapor keberatan", "unit_codes": ["YANKES"]},
                   BOSS, T0 + timedelta(days=1)).snapshot
    assert reopened["status"] == "didisposisikan" and reopened["unit_codes"] == ["YANKES"]
    assert reopened["due_date"] == "2026-11-10"
    done = at_status("selesai")
    again = run(done, "reopen", {"reason": "Belum tuntas"}, BOSS).snapshot
    assert again["unit_codes"] == ["YANKES"]


def test_note_privacy_flags_attach_letters_duplicate():
    snap = at_status("diarsipkan")
    noted = run(snap, "note", {"text": "Catatan arsip"}, LOKET).snapshot
    assert noted["status"] == "diarsipkan"
    assert noted["timeline"][-1]["data"] == {"visibility": "internal"}
    with pytest.raises(ValidationError):
        run(snap, "note", {}, LOKET)

    flagged = run(created(), "privacy_flags", {"confidential": True}, ADMIN).snapshot
    assert flagged["confidential"] is True and flagged["anonymous"] is False
    with pytest.raises(ValidationError) as err:
        run(created(), "privacy_flags", {}, ADMIN)
    assert "privacy" in err.value.errors

    item = dict(PAYLOADS["attach"], filename="C:\\Users\\ani\\foto.jpg")
    attached = run(created(), "attach", item, LOKET).snapshot
    assert attached["attachments"] == [
        {"sha256": "ab" * 32, "filename": "foto.jpg", "mime": "image/jpeg", "size": 10}
    ]
    twice = run(attached, "attach", item, LOKET).snapshot
    assert len(twice["attachments"]) == 1 and twice["version"] == attached["version"] + 1
    with pytest.raises(ValidationError) as err:
        run(created(), "attach", {"sha256": "xyz", "filename": "", "size": -1}, LOKET)
    assert set(err.value.errors) == {"sha256", "filename", "size"}

    issued = run(created(), "letter_issued", {"agenda_number": 17}, BOSS).snapshot
    assert issued["timeline"][-1]["data"]["agenda_number"] == "17"
    with pytest.raises(ValidationError):
        run(created(), "letter_voided", {"agenda_number": 17}, BOSS)

    dup = run(created(), "mark_duplicate", {"duplicate_of": 1916449}, ADMIN).snapshot
    assert dup["duplicate_of"] == "1916449"
    with pytest.raises(ValidationError):
        run(dup, "mark_duplicate", {"duplicate_of": dup["id"]}, ADMIN)


def test_scope_is_checked_before_transition():
    snap = at_status("selesai")
    with pytest.raises(DomainError) as err:
        run(snap, "dispose", PAYLOADS["dispose"], FOREIGN)
    assert err.value.code == "forbidden" and not isinstance(err.value, TransitionError)
    with pytest.raises(DomainError) as err:
        run(created(), "note", {"text": "x"}, UNIT)  # not disposed to any unit yet
    assert err.value.code == "forbidden"


def test_same_inputs_same_result_on_desk_and_server():
    snap = at_status("didisposisikan")
    a = run(snap, "follow_up", PAYLOADS["follow_up"], UNIT, T0, op_id="op-9")
    b = run(copy.deepcopy(snap), "follow_up", PAYLOADS["follow_up"], UNIT, T0, op_id="op-9")
    assert a == b


def test_check_base_version():
    snap = at_status("didisposisikan")  # version 2
    check_base_version(snap, "dispose", 2)
    with pytest.raises(DomainError) as err:
        check_base_version(snap, OpKind.dispose, 1)
    assert err.value.code == "conflict"
    check_base_version(snap, "note", 1)  # commutes
    with pytest.raises(DomainError):
        check_base_version(snap, "note", 3)


def test_missing_snapshot():
    with pytest.raises(DomainError) as err:
        run(None, "note", {"text": "x"})
    assert err.value.code == "not_found"


def test_naive_now_is_taken_as_wita():
    snap = run(None, "create", _payload(), ADMIN, datetime(2026, 11, 2, 9, 0)).snapshot
    assert snap["received_at"] == "2026-11-02T09:00:00+08:00"
    assert date.fromisoformat(snap["phase_started"]) == date(2026, 11, 2)
