"""Anonymity is a one-way door for agencies, against a real server (issue 13, finding 1).

Every op kind x every agency role tries to make an Anonim complaint named (``anonymous``
false in the payload, plus what the kind needs). Afterwards the complaint is still Anonim
and the reporter's identity reaches no agency role: not its pull, not the detail, not the
audit log, not an error body. Only admin_pusat may lift it, with a written reason that the
audit trail keeps.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from core import OpKind
from tests.server_fixtures import (
    ApiClient,
    ServerHandle,
    create_op,
    op,
    server_fixture,
)

lapor_server = server_fixture()

NAME = "Zulkarnain Pelapor Rahasia"
NIK = "6371012501900007"
PHONE_DIGITS = "81398765432"
EMAIL = "zulkarnain.rahasia@example.id"
ADDRESS = "Jl. Kenanga Tersembunyi No. 17"
IDENTITY = (NAME, NIK, NIK[-4:] + "\"", PHONE_DIGITS, EMAIL, ADDRESS)
AGENCY_USERS = ("dinkes.loket", "dinkes.admin", "dinkes.pimpinan", "dinkes.yankes")

# What each kind needs beyond "anonymous": false to get past validation where it can.
EXTRA: dict[str, dict[str, Any]] = {
    "verify": {}, "privacy_flags": {}, "dispose": {"unit_codes": ["YANKES"]},
    "follow_up": {"text": "Sudah kami tindak lanjuti di lapangan."},
    "request_clarification": {"text": "Mohon lengkapi lokasi kejadian."},
    "close": {"text": "Selesai."}, "hold": {"reason": "Menunggu anggaran."},
    "resume": {}, "not_authority": {"reason": "Bukan kewenangan dinas ini."},
    "reroute": {"agency_code": "DISHUB", "reason": "Salah instansi."},
    "archive": {"reason": "Arsip."}, "reopen": {"reason": "Dibuka lagi."},
    "note": {"text": "Catatan internal."},
    "attach": {"sha256": "0" * 64, "filename": "a.txt", "mime": "text/plain", "size": 1},
    "letter_issued": {"letter_id": "00000000-0000-4000-8000-000000000001",
                      "agenda_number": 1, "agenda_year": 2026},
    "letter_voided": {"letter_id": "00000000-0000-4000-8000-000000000001",
                      "reason": "Salah cetak."},
    "mark_duplicate": {"duplicate_of": "00000000-0000-4000-8000-000000000002"},
    # The disposition chain (issue 17): the Kadis's disposition to the Kabid Yankes, then
    # the Kabid's read and report of it; an entry never carries the reporter.
    "chain_dispose": {"from_position": "KADIS", "recipients": [
        {"id": "00000000-0000-4000-8000-0000000000c1", "position": "KABID-YANKES"}],
        "catatan": "Cek lapangan."},
    "chain_read": {"entry_id": "00000000-0000-4000-8000-0000000000c1"},
    "chain_withdraw": {"entry_id": "00000000-0000-4000-8000-0000000000c1"},
    "chain_report": {"entry_id": "00000000-0000-4000-8000-0000000000c1",
                     "text": "Sudah dicek di lapangan."},
}


def _anonymous_complaint(loket: ApiClient) -> tuple[str, int]:
    body = create_op("DINKES", anonymous=True, reporter={
        "name": NAME, "nik": NIK, "phone": "0" + PHONE_DIGITS, "email": EMAIL,
        "address": ADDRESS})
    result = loket.push_one(body)
    assert result["status"] == "applied", result
    return body["complaint_id"], result["version"]


def _leaks(text: str) -> list[str]:
    return [part for part in IDENTITY if part in text]


def _current(pusat: ApiClient, cid: str) -> dict[str, Any]:
    response = pusat.get(f"/complaints/{cid}")
    assert response.status_code == 200, response.text
    return response.json()


def test_every_kind_by_every_agency_role_keeps_the_reporter_anonymous(
        lapor_server: ServerHandle) -> None:
    assert set(EXTRA) == {k.value for k in OpKind} - {"create"}
    loket = lapor_server.login("dinkes.loket")
    pusat = lapor_server.login("pusat.admin")
    clients = {u: lapor_server.login(u) for u in AGENCY_USERS}
    cid, _ = _anonymous_complaint(loket)
    truth = _current(pusat, cid)
    assert truth["anonymous"] and truth["reporter"]["name"] == NAME  # admin_pusat sees it
    outcomes: dict[tuple[str, str], str] = {}
    for user, client in clients.items():
        for kind, extra in EXTRA.items():
            version = _current(pusat, cid)["version"]
            result = client.push_one(op(kind, cid, version, anonymous=False, **extra))
            outcomes[(user, kind)] = result["status"]
            assert not _leaks(json.dumps(result)), (user, kind, result)
            snap = _current(pusat, cid)
            assert snap["anonymous"] is True, (user, kind, result)
    # The two doors that used to open are shut, with a clear Indonesian reason.
    assert outcomes[("dinkes.admin", "verify")] != "applied"
    assert outcomes[("dinkes.admin", "privacy_flags")] != "applied"
    # Nothing the agency can read names the reporter.
    for user, client in clients.items():
        detail = client.get(f"/complaints/{cid}")
        assert detail.status_code in (200, 403, 404)
        assert not _leaks(detail.text), user
        assert not _leaks(json.dumps(client.pull_all())), user
        audit = client.get("/audit", params={"complaint_id": cid})
        assert not _leaks(audit.text), user


def test_agency_refusal_says_why(lapor_server: ServerHandle) -> None:
    loket = lapor_server.login("dinkes.loket")
    admin = lapor_server.login("dinkes.admin")
    cid, version = _anonymous_complaint(loket)
    result = admin.push_one(op("privacy_flags", cid, version, anonymous=False,
                               note="Pelapor setuju namanya dibuka."))
    assert result["status"] == "rejected" and result["reason"] == "forbidden", result
    assert "Admin Pusat" in result["message"]
    # Setting Anonim/Rahasia stays open to the roles that may verify.
    named, version = _anonymous_complaint(loket)
    result = admin.push_one(op("privacy_flags", named, version, confidential=True))
    assert result["status"] == "applied", result


def test_only_admin_pusat_lifts_anonymity_with_a_written_reason(
        lapor_server: ServerHandle) -> None:
    loket = lapor_server.login("dinkes.loket")
    pusat = lapor_server.login("pusat.admin")
    admin = lapor_server.login("dinkes.admin")
    cid, version = _anonymous_complaint(loket)
    refused = pusat.push_one(op("privacy_flags", cid, version, anonymous=False))
    assert refused["status"] != "applied" and "alasan" in json.dumps(refused["errors"]), refused
    reason = "Pelapor meminta identitasnya dicantumkan secara tertulis (surat 12/XII)."
    lifted = pusat.push_one(op("privacy_flags", cid, version, anonymous=False, note=reason))
    assert lifted["status"] == "applied", lifted
    snap = _current(pusat, cid)
    assert snap["anonymous"] is False
    event = snap["timeline"][-1]
    assert event["data"]["anonymity_lifted"] is True and event["note"] == reason
    rows = pusat.get("/audit", params={"complaint_id": cid}).json()
    entries = rows["entries"] if isinstance(rows, dict) else rows
    lift = [e for e in entries if e["action"] == "op_privacy_flags"]
    assert lift and lift[0]["details"]["anonymity_lifted"] is True
    assert lift[0]["details"]["reason"] == reason
    # Named now by the central admin's decision: the agency sees the reporter from here on.
    assert admin.get(f"/complaints/{cid}").json()["reporter"]["name"] == NAME


@pytest.mark.parametrize("kind", ["verify", "privacy_flags"])
def test_admin_pusat_without_reason_is_refused_for_each_door(lapor_server: ServerHandle,
                                                             kind: str) -> None:
    loket = lapor_server.login("dinkes.loket")
    pusat = lapor_server.login("pusat.admin")
    cid, version = _anonymous_complaint(loket)
    result = pusat.push_one(op(kind, cid, version, anonymous=False))
    assert result["status"] != "applied", result
    assert _current(pusat, cid)["anonymous"] is True
