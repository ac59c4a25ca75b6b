"""Push: exactly-once ops, op id reuse, conflicts with server state, commuting ops, agenda."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from tests.server_fixtures import (
    ServerHandle,
    create_op,
    dispose,
    make_complaint,
    new_id,
    op,
    server_fixture,
)

lapor_server = server_fixture()


def timeline_kinds(snapshot: dict[str, Any]) -> list[str]:
    return [e["kind"] for e in snapshot["timeline"]]


def test_create_assigns_tracking_number_and_version(lapor_server: ServerHandle) -> None:
    loket = lapor_server.login("dinkes.loket")
    body = create_op("DINKES")
    result = loket.push_one(body)
    assert result["status"] == "applied", result
    assert result["version"] == 1
    assert isinstance(result["tracking_number"], int) and result["tracking_number"] > 0
    assert result["reason"] is None and result["server_state"] is None
    snap = loket.get(f"/complaints/{body['complaint_id']}").json()
    assert snap["id"] == body["complaint_id"]
    assert snap["tracking_number"] == result["tracking_number"]
    assert snap["status"] == "belum_diverifikasi"
    assert timeline_kinds(snap) == ["create"]
    assert snap["timeline"][0]["id"] == body["op_id"]


@pytest.mark.parametrize(("written", "stored"), [
    ("6371", "63.71"), ("637101", "63.71.01"), ("6371011001", "63.71.01.1001"),
    ("63.71.01", "63.71.01")])
def test_region_code_with_or_without_dots(lapor_server: ServerHandle, written: str,
                                          stored: str) -> None:
    """The form every Kalsel office writes ("6371") is taken and kept dotted, as the desk's
    own validation does (the same domain rules)."""
    loket = lapor_server.login("dinkes.loket")
    body = create_op("DINKES", region_code=written)
    result = loket.push_one(body)
    assert result["status"] == "applied", result
    assert loket.get(f"/complaints/{body['complaint_id']}").json()["region_code"] == stored
    unknown = loket.push_one(create_op("DINKES", region_code="6399"))
    assert unknown["status"] == "rejected" and "region_code" in (unknown["errors"] or {})


def test_desk_cannot_choose_the_tracking_number(lapor_server: ServerHandle) -> None:
    loket = lapor_server.login("dinkes.loket")
    result = loket.push_one(create_op("DINKES", tracking_number=42))
    assert result["status"] == "applied"
    assert result["tracking_number"] != 42


def test_same_op_twice_has_one_effect(lapor_server: ServerHandle) -> None:
    loket = lapor_server.login("dinkes.loket")
    create = create_op("DINKES")
    first = loket.push_one(create)
    again = loket.push_one(create)
    assert again["status"] == "duplicate"
    assert (again["version"], again["tracking_number"]) == (first["version"],
                                                            first["tracking_number"])
    note = op("note", create["complaint_id"], 1, text="Pelapor datang lagi menanyakan.")
    results = loket.push([note, note])  # also within one batch
    assert [r["status"] for r in results] == ["applied", "duplicate"]
    assert results[1]["version"] == results[0]["version"]
    assert loket.push_one(note)["status"] == "duplicate"
    snap = loket.get(f"/complaints/{create['complaint_id']}").json()
    assert timeline_kinds(snap) == ["create", "note"]
    assert snap["version"] == 2


def test_concurrent_retries_of_one_op_apply_once(lapor_server: ServerHandle) -> None:
    loket = lapor_server.login("dinkes.loket")
    cid, _ = make_complaint(loket)
    note = op("note", cid, 1, text="Dikirim ulang oleh beberapa utas sekaligus.")
    desks = [lapor_server.login("dinkes.loket") for _ in range(6)]
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda d: d.push_one(note), desks))
    statuses = sorted(r["status"] for r in results)
    assert statuses == ["applied"] + ["duplicate"] * 5, results
    assert len({r["version"] for r in results}) == 1
    snap = loket.get(f"/complaints/{cid}").json()
    assert timeline_kinds(snap).count("note") == 1


def test_same_op_id_with_other_payload_is_rejected(lapor_server: ServerHandle) -> None:
    loket = lapor_server.login("dinkes.loket")
    cid, _ = make_complaint(loket)
    note = op("note", cid, 1, text="Isi pertama catatan.")
    assert loket.push_one(note)["status"] == "applied"
    changed = {**note, "payload": {"text": "Isi lain dengan id yang sama."}}
    result = loket.push_one(changed)
    assert result["status"] == "rejected"
    assert result["reason"] == "op_id_reused"
    assert result["message"]
    other_complaint = {**note, "complaint_id": make_complaint(loket)[0]}
    assert loket.push_one(other_complaint)["reason"] == "op_id_reused"
    snap = loket.get(f"/complaints/{cid}").json()
    assert [e.get("note") for e in snap["timeline"] if e["kind"] == "note"] == [
        "Isi pertama catatan."]


def test_conflict_carries_the_server_state(lapor_server: ServerHandle) -> None:
    admin = lapor_server.login("dinkes.admin")
    leader = lapor_server.login("dinkes.pimpinan")
    cid, res = make_complaint(lapor_server.login("dinkes.loket"))
    base = res["version"]
    won = leader.push_one(op("dispose", cid, base, unit_codes=["YANKES"]))
    assert won["status"] == "applied"
    lost = admin.push_one(op("not_authority", cid, base, reason="Bukan wewenang dinas."))
    assert lost["status"] == "rejected"
    assert lost["reason"] == "conflict"
    assert lost["message"]
    state = lost["server_state"]
    assert state["version"] == won["version"]
    assert state["status"] == "didisposisikan"
    assert state == admin.get(f"/complaints/{cid}").json()


def test_transition_no_longer_valid_is_a_conflict(lapor_server: ServerHandle) -> None:
    admin = lapor_server.login("dinkes.admin")
    cid, res = make_complaint(lapor_server.login("dinkes.loket"))
    archived = admin.push_one(op("archive", cid, res["version"], reason="Ganda."))
    assert archived["status"] == "applied"
    late = admin.push_one(op("verify", cid, archived["version"]))
    assert late["status"] == "rejected" and late["reason"] == "conflict"
    assert late["server_state"]["status"] == "diarsipkan"


def test_commuting_ops_apply_on_an_older_base(lapor_server: ServerHandle) -> None:
    admin = lapor_server.login("dinkes.admin")
    leader = lapor_server.login("dinkes.pimpinan")
    cid, res = make_complaint(lapor_server.login("dinkes.loket"))
    version = dispose(admin, leader, cid, res["version"], ["YANKES"])
    officer = lapor_server.login("dinkes.yankes")
    follow = officer.push_one(op("follow_up", cid, 1, text="Sudah ditinjau ke lokasi."))
    assert follow["status"] == "applied", follow
    note = admin.push_one(op("note", cid, 2, text="Catatan berdasar versi lama."))
    assert note["status"] == "applied"
    assert note["version"] == version + 2
    ahead = admin.push_one(op("note", cid, 99, text="Versi dari masa depan."))
    assert ahead["status"] == "rejected" and ahead["reason"] == "conflict"


def test_rejected_op_blocks_dependent_ops_in_the_batch(lapor_server: ServerHandle) -> None:
    admin = lapor_server.login("dinkes.admin")
    leader = lapor_server.login("dinkes.pimpinan")
    cid, res = make_complaint(lapor_server.login("dinkes.loket"))
    # Someone else moves the complaint on (version 2).
    assert admin.push_one(op("verify", cid, res["version"]))["status"] == "applied"
    other, _ = make_complaint(lapor_server.login("dinkes.loket"))
    batch = [
        op("dispose", cid, 1, unit_codes=["YANKES"]),  # stale: conflict
        op("hold", cid, 2, reason="Bergantung pada yang ditolak."),  # would match v2!
        op("note", cid, 2, text="Catatan tetap masuk."),  # commutes: applies
        op("note", other, 1, text="Pengaduan lain tidak terpengaruh."),
    ]
    results = leader.push(batch)
    assert [r["status"] for r in results] == ["rejected", "rejected", "applied", "applied"]
    assert results[0]["reason"] == results[1]["reason"] == "conflict"
    snap = admin.get(f"/complaints/{cid}").json()
    assert snap["status"] == "belum_diverifikasi"
    assert timeline_kinds(snap) == ["create", "verify", "note"]


def test_invalid_ops_get_field_errors(lapor_server: ServerHandle) -> None:
    loket = lapor_server.login("dinkes.loket")
    bad = loket.push_one(create_op("DINKES", title="x", content="pendek"))
    assert bad["status"] == "rejected" and bad["reason"] == "invalid"
    assert set(bad["errors"]) >= {"title", "content"}
    assert all(isinstance(m, str) and m for m in bad["errors"].values())
    unknown_cat = loket.push_one(create_op("DINKES", category_id="tidak_ada"))
    assert unknown_cat["reason"] == "invalid" and "category_id" in unknown_cat["errors"]

    cid, res = make_complaint(loket)
    leader = lapor_server.login("dinkes.pimpinan")
    no_unit = leader.push_one(op("dispose", cid, res["version"], unit_codes=["BINAMARGA"]))
    assert no_unit["reason"] == "invalid" and "unit_codes" in no_unit["errors"]
    assert no_unit["server_state"]["version"] == res["version"]


def test_forbidden_and_not_found(lapor_server: ServerHandle) -> None:
    loket = lapor_server.login("dinkes.loket")
    cid, res = make_complaint(loket)
    officer = lapor_server.login("dinkes.admin")
    wrong_role = loket.push_one(op("dispose", cid, res["version"], unit_codes=["YANKES"]))
    assert wrong_role["status"] == "rejected" and wrong_role["reason"] == "forbidden"
    missing = officer.push_one(op("note", new_id(), 1, text="Tidak ada pengaduannya."))
    assert missing["reason"] == "not_found"
    foreign = lapor_server.login("pupr.admin").push_one(op("verify", cid, res["version"]))
    assert foreign["reason"] == "forbidden" and foreign["server_state"] is None


def test_create_with_an_existing_id_is_a_conflict(lapor_server: ServerHandle) -> None:
    loket = lapor_server.login("dinkes.loket")
    cid, _ = make_complaint(loket)
    again = loket.push_one(create_op("DINKES", complaint_id=cid))
    assert again["status"] == "rejected" and again["reason"] == "conflict"
    mismatch = create_op("DINKES")
    mismatch["payload"]["id"] = new_id()
    result = loket.push_one(mismatch)
    assert result["reason"] == "invalid" and "id" in result["errors"]


def test_concurrent_creates_get_unique_tracking_numbers(lapor_server: ServerHandle) -> None:
    desks = [lapor_server.login("dinkes.loket") for _ in range(4)]

    def work(desk) -> list[int]:  # type: ignore[no-untyped-def]
        results = desk.push([create_op("DINKES") for _ in range(10)])
        assert all(r["status"] == "applied" for r in results), results
        return [r["tracking_number"] for r in results]

    with ThreadPoolExecutor(4) as pool:
        numbers = [n for chunk in pool.map(work, desks) for n in chunk]
    assert len(numbers) == len(set(numbers)) == 40


def test_attach_needs_an_uploaded_file_of_the_caller(lapor_server: ServerHandle) -> None:
    loket = lapor_server.login("dinkes.loket")
    cid, res = make_complaint(loket)
    missing = loket.push_one(op("attach", cid, res["version"], sha256="ab" * 32,
                                filename="x.txt", mime="text/plain", size=3))
    assert missing["reason"] == "invalid" and "sha256" in missing["errors"]
    other = lapor_server.login("pupr.loket")
    sha = other.upload(b"berkas milik instansi lain\n")
    stolen = loket.push_one(op("attach", cid, res["version"], sha256=sha, filename="x.txt",
                               mime="text/plain", size=1))
    assert stolen["reason"] == "invalid"
    mine = loket.upload(b"berkas saya sendiri\n")
    ok = loket.push_one(op("attach", cid, res["version"], sha256=mine,
                           filename="C:\\Users\\loket\\bukti.txt", mime="image/png", size=1))
    assert ok["status"] == "applied", ok
    item = loket.get(f"/complaints/{cid}").json()["attachments"][0]
    assert item == {"sha256": mine, "filename": "bukti.txt", "mime": "text/plain",
                    "size": len(b"berkas saya sendiri\n")}


# --- agenda numbers --------------------------------------------------------------------------

def _letter(cid: str, number: int | None, year: int = 2026, letter_id: str | None = None
            ) -> dict[str, Any]:
    payload: dict[str, Any] = {"letter_id": letter_id or new_id(), "letter_kind": "disposisi"}
    if number is not None:
        payload.update(agenda_number=number, agenda_year=year)
    return op("letter_issued", cid, 1, **payload)


def test_agenda_blocks_are_disjoint_and_enforced(lapor_server: ServerHandle) -> None:
    leader_a = lapor_server.login("dinkes.pimpinan", device_id="desk-pimpinan-a")
    leader_b = lapor_server.login("dinkes.admin", device_id="desk-admin-b")
    block_a = leader_a.post("/agenda/reserve", json={"year": 2026, "count": 10}).json()
    block_b = leader_b.post("/agenda/reserve", json={"year": 2026, "count": 10}).json()
    assert block_a["agency"] == block_b["agency"] == "DINKES"
    assert block_a["end"] - block_a["start"] == 9
    assert block_b["start"] > block_a["end"] or block_a["start"] > block_b["end"]
    foreign = lapor_server.login("pupr.pimpinan").post(
        "/agenda/reserve", json={"year": 2026, "count": 10}).json()
    assert foreign["agency"] == "PUPR" and foreign["start"] == 1  # per agency numbering

    cid, _ = make_complaint(lapor_server.login("dinkes.loket"))
    first = leader_a.push_one(_letter(cid, block_a["start"]))
    assert first["status"] == "applied", first
    reused = leader_a.push_one(_letter(cid, block_a["start"]))
    assert reused["reason"] == "invalid" and "agenda_number" in reused["errors"]
    others = leader_a.push_one(_letter(cid, block_b["start"]))
    assert others["reason"] == "invalid"
    outside = leader_a.push_one(_letter(cid, block_b["end"] + 100))
    assert outside["reason"] == "invalid"
    wrong_year = leader_a.push_one(_letter(cid, block_a["start"] + 1, year=2025))
    assert wrong_year["reason"] == "invalid"


def test_voided_letter_keeps_its_number(lapor_server: ServerHandle) -> None:
    leader = lapor_server.login("dinkes.pimpinan", device_id="desk-void")
    block = leader.post("/agenda/reserve", json={"year": 2026, "count": 3}).json()
    cid, _ = make_complaint(lapor_server.login("dinkes.loket"))
    letter_id = new_id()
    assert leader.push_one(_letter(cid, block["start"], letter_id=letter_id))["status"] == \
        "applied"
    void = leader.push_one(op("letter_voided", cid, 1, letter_id=letter_id,
                              reason="Salah tujuan unit."))
    assert void["status"] == "applied", void
    again = leader.push_one(_letter(cid, block["start"]))
    assert again["reason"] == "invalid"


def test_online_letter_gets_the_next_free_number(lapor_server: ServerHandle) -> None:
    leader = lapor_server.login("dishub.pimpinan")
    block = leader.post("/agenda/reserve", json={"year": 2026, "count": 5}).json()
    cid, _ = make_complaint(lapor_server.login("dishub.loket"), "DISHUB")
    result = leader.push_one(_letter(cid, None))
    assert result["status"] == "applied", result
    event = leader.get(f"/complaints/{cid}").json()["timeline"][-1]
    assert event["kind"] == "letter_issued"
    assert int(event["data"]["agenda_number"]) == block["end"] + 1


def test_reserve_rejects_bad_requests(lapor_server: ServerHandle) -> None:
    leader = lapor_server.login("dinkes.pimpinan")
    for body in ({"year": 2026, "count": 0}, {"year": 2026, "count": 100000},
                 {"year": "dua ribu", "count": 5}, {"count": 5}):
        resp = leader.post("/agenda/reserve", json=body)
        assert resp.status_code == 422, (body, resp.text)
        assert resp.json()["error"] == "invalid"


@pytest.mark.parametrize("count", [501])
def test_batch_size_is_limited(lapor_server: ServerHandle, count: int) -> None:
    loket = lapor_server.login("dinkes.loket")
    resp = loket.post("/sync/push", json={"ops": [create_op("DINKES") for _ in range(count)]})
    assert resp.status_code == 422
    assert resp.json()["error"] == "invalid"
    assert "ops" in json.dumps(resp.json()["details"])
