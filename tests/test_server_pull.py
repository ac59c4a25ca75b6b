"""Pull: full snapshot from nothing, resumable pages, removal markers when scope changes."""

from __future__ import annotations

import base64
import json

from tests.server_fixtures import (
    ServerHandle,
    dispose,
    make_complaint,
    op,
    server_fixture,
)

lapor_server = server_fixture()


def by_type(changes: list[dict], kind: str) -> dict[str, dict]:
    return {c["id"]: c for c in changes if c["type"] == kind}


def test_first_pull_is_a_full_snapshot_with_reference_data(lapor_server: ServerHandle) -> None:
    admin = lapor_server.login("disdukcapil.admin")
    cid, _ = make_complaint(lapor_server.login("disdukcapil.loket"), "DISDUKCAPIL",
                            category_id="ktp_elektronik")
    changes, cursor = admin.pull_all()
    assert cursor
    assert "kesehatan" in by_type(changes, "category")
    agencies = by_type(changes, "agency")
    assert {"DINKES", "PUPR", "DISKOMINFO", "DISDUKCAPIL"} <= set(agencies)
    assert agencies["DISKOMINFO"]["data"]["is_central"] is True
    units = by_type(changes, "unit")
    assert units and all(u["data"]["agency"] == "DISDUKCAPIL" for u in units.values())
    users = by_type(changes, "user")
    assert "disdukcapil.piak" in users
    assert all(u["data"]["agency"] == "DISDUKCAPIL" for u in users.values())
    assert "password_hash" not in json.dumps(users)
    complaints = by_type(changes, "complaint")
    assert complaints[cid]["data"]["category_id"] == "ktp_elektronik"
    assert not by_type(changes, "complaint_removed")  # nothing to remove on a first pull


def test_pagination_resumes_from_any_cursor(lapor_server: ServerHandle) -> None:
    loket = lapor_server.login("dishub.loket")
    admin = lapor_server.login("dishub.admin")
    made = [make_complaint(loket, "DISHUB")[0] for _ in range(23)]
    full, _ = admin.pull_all(limit=2000)
    pages: list[list[dict]] = []
    cursors: list[str | None] = [None]
    while True:
        page = admin.pull(cursors[-1], limit=7)
        pages.append(page["changes"])
        cursors.append(page["cursor"])
        assert len(page["changes"]) <= 7
        if not page["has_more"]:
            break
    assert len(pages) > 3
    flat = [c for p in pages for c in p]
    assert [(c["type"], c["id"]) for c in flat] == [(c["type"], c["id"]) for c in full]
    assert set(made) <= set(by_type(flat, "complaint"))
    # Resuming from any cursor yields exactly the rest, whatever page size is used then.
    for index, cursor in enumerate(cursors[:-1]):
        rest, end = admin.pull_all(cursor, limit=3 + index)
        expected = [c for p in pages[index:] for c in p]
        assert [(c["type"], c["id"]) for c in rest] == [(c["type"], c["id"]) for c in expected]
    last = admin.pull(cursors[-1])
    assert last["changes"] == [] and last["has_more"] is False
    # A later change is delivered from the last cursor, as the current full snapshot.
    changed = admin.push_one(op("verify", made[0], 1, note="Diverifikasi."))
    assert changed["status"] == "applied"
    after = admin.pull(cursors[-1])
    assert [c["id"] for c in after["changes"]] == [made[0]]
    assert after["changes"][0]["data"]["version"] == changed["version"]
    assert after["changes"][0]["data"]["timeline"][-1]["kind"] == "verify"


def test_redisposal_removes_complaint_from_the_old_unit(lapor_server: ServerHandle) -> None:
    admin = lapor_server.login("dinkes.admin")
    leader = lapor_server.login("dinkes.pimpinan")
    yankes = lapor_server.login("dinkes.yankes")
    p2p = lapor_server.login("dinkes.p2p")
    cid, res = make_complaint(lapor_server.login("dinkes.loket"))
    version = dispose(admin, leader, cid, res["version"], ["YANKES"])
    seen, yankes_cursor = yankes.pull_all()
    assert cid in by_type(seen, "complaint")
    _, p2p_cursor = p2p.pull_all()

    moved = leader.push_one(op("dispose", cid, version, unit_codes=["P2P"]))
    assert moved["status"] == "applied"
    # An unrelated later change must not hide the removal from the old unit.
    assert admin.push_one(op("note", cid, moved["version"], text="Catatan setelah pindah."))[
        "status"] == "applied"

    gone, _ = yankes.pull_all(yankes_cursor)
    assert by_type(gone, "complaint_removed").keys() == {cid}
    assert cid not in by_type(gone, "complaint")
    arrived, _ = p2p.pull_all(p2p_cursor)
    assert by_type(arrived, "complaint")[cid]["data"]["unit_codes"] == ["P2P"]


def test_reroute_to_another_agency(lapor_server: ServerHandle) -> None:
    admin = lapor_server.login("dinkes.admin")
    central = lapor_server.login("pusat.admin")
    pupr = lapor_server.login("pupr.admin")
    cid, res = make_complaint(lapor_server.login("dinkes.loket"), title="Jalan rusak di depan RS")
    _, dinkes_cursor = admin.pull_all()
    _, pupr_cursor = pupr.pull_all()
    _, central_cursor = central.pull_all()
    refused = admin.push_one(op("not_authority", cid, res["version"], reason="Urusan PUPR.",
                                suggested_agency_code="PUPR"))
    assert refused["status"] == "applied", refused
    moved = central.push_one(op("reroute", cid, refused["version"], agency_code="PUPR",
                                reason="Dialihkan ke Dinas PUPR."))
    assert moved["status"] == "applied", moved

    gone, _ = admin.pull_all(dinkes_cursor)
    assert cid in by_type(gone, "complaint_removed")
    arrived, _ = pupr.pull_all(pupr_cursor)
    assert by_type(arrived, "complaint")[cid]["data"]["agency_code"] == "PUPR"
    watched, _ = central.pull_all(central_cursor)
    assert by_type(watched, "complaint")[cid]["data"]["status"] == "belum_diverifikasi"
    # The old agency can no longer read or act on it.
    assert admin.get(f"/complaints/{cid}").status_code == 404
    assert admin.push_one(op("note", cid, moved["version"], text="x" * 20))["reason"] == \
        "forbidden"


def test_unrelated_agencies_hear_nothing(lapor_server: ServerHandle) -> None:
    disdik = lapor_server.login("disdikbud.admin")
    _, cursor = disdik.pull_all()
    make_complaint(lapor_server.login("dinkes.loket"))
    page = disdik.pull(cursor)
    assert page["changes"] == []


def test_bad_cursor_is_400_and_foreign_cursor_resets(lapor_server: ServerHandle) -> None:
    admin = lapor_server.login("dinkes.admin")
    for bad in ("tidak-valid", "!!!", base64.urlsafe_b64encode(b'{"v":9}').decode()):
        resp = admin.get("/sync/pull", params={"cursor": bad})
        assert resp.status_code == 400, resp.text
        assert resp.json()["error"] == "invalid_cursor"
    for limit in (0, -1, 100000, "lima"):
        resp = admin.get("/sync/pull", params={"limit": limit})
        assert resp.status_code == 422, resp.text
    _, other_cursor = lapor_server.login("pupr.admin").pull_all()
    page = admin.pull(other_cursor, limit=2000)
    assert page["reset"] is True
    assert by_type(page["changes"], "category")  # started again from the beginning
    assert admin.pull(page["cursor"])["reset"] is False
