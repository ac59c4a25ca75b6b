"""redact_for and public_view: anonymous reporters, NIK masking, rahasia complaints."""

from __future__ import annotations

import copy

import pytest

from core import Actor, Role, mask_nik, public_view, redact_for

REPORTER = {"name": "Ani", "nik": "6371015505900002", "phone": "+6281234567890",
            "email": "ani@example.id", "address": "Jl. A. Yani"}
SNAP = {
    "id": "c1", "tracking_number": 1916449, "title": "Antrian panjang", "content": "Isi...",
    "status": "ditindaklanjuti", "agency_code": "DINKES", "unit_codes": ["YANKES"],
    "anonymous": False, "confidential": False, "reporter": REPORTER, "tags": ["internal-tag"],
    "timeline": [
        {"kind": "note", "note": "internal only", "data": {"visibility": "internal"},
         "at": "2026-11-02T09:00:00+08:00", "actor": "adm"},
        {"kind": "follow_up", "note": "Sudah diperbaiki", "data": {"visibility": "reporter"},
         "at": "2026-11-03T09:00:00+08:00", "actor": "yankes1"},
        {"kind": "follow_up", "note": "Rapat internal", "data": {"visibility": "internal"},
         "at": "2026-11-04T09:00:00+08:00", "actor": "yankes1"},
    ],
}


@pytest.mark.parametrize("role", list(Role))
def test_anonymous_reporter_only_for_admin_pusat(role):
    snap = dict(SNAP, anonymous=True)
    out = redact_for(snap, Actor("x", role, "DINKES"))
    if role is Role.admin_pusat:  # the identity, with the NIK masked like everywhere else
        assert out["reporter"] == {**REPORTER, "nik": "6371********0002"}
    else:
        assert out["reporter"] is None
        assert "6371015505900002" not in repr(out) and "Ani" not in repr(out["reporter"])


@pytest.mark.parametrize(
    ("role", "sees_nik"),
    [
        (Role.admin_pusat, False),  # coordinates, never needs the full NIK
        (Role.admin_instansi, True),
        (Role.loket, True),
        (Role.pimpinan, False),
        (Role.petugas_unit, False),
    ],
)
def test_nik_masked_for_roles_without_need(role, sees_nik):
    before = copy.deepcopy(SNAP)
    out = redact_for(SNAP, role)
    assert SNAP == before, "redact_for must not mutate its input"
    expected = REPORTER["nik"] if sees_nik else "6371********0002"
    assert out["reporter"]["nik"] == expected
    assert out["reporter"]["name"] == "Ani" and out["reporter"]["phone"] == REPORTER["phone"]


def test_redact_handles_missing_reporter_and_nik():
    assert redact_for(dict(SNAP, reporter=None), Role.pimpinan)["reporter"] is None
    no_nik = dict(SNAP, reporter=dict(REPORTER, nik=None))
    assert redact_for(no_nik, Role.petugas_unit)["reporter"]["nik"] is None
    assert mask_nik("1234") == "1234" and mask_nik("") == ""
    assert mask_nik("6371015505900002") == "6371********0002"
    assert mask_nik("6371********0002") == "6371********0002"  # idempotent
    assert mask_nik("1234567") == "***4567"


def test_public_view_hides_reporter_and_internal_items():
    out = public_view(SNAP)
    assert "reporter" not in out and "unit_codes" not in out and "tags" not in out
    assert "Ani" not in repr(out) and "yankes1" not in repr(out)
    assert out["tracking_number"] == 1916449
    assert [r["text"] for r in out["responses"]] == ["Sudah diperbaiki"]


def test_public_view_none_for_confidential():
    assert public_view(dict(SNAP, confidential=True)) is None
    assert public_view(dict(SNAP, anonymous=True)) is not None
