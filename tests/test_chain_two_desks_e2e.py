"""Issue 17, done when: two desks (the Kadis's and the Kabid's, the Kabid offline for part of
it) against a real server run the chain Kadis -> Kabid -> Kasi -> pelaksana, the reports
back up, and the follow-up to the reporter; a withdrawal before the read wins, and one that
arrives after a read recorded offline earlier is refused and the sender is told (his
outbox's rejected op: Perlu Perhatian)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.workflow import chain as wc
from tests.chain_fixtures import KASI, STAF, build_structure, chain_dispose
from tests.server_fixtures import ApiClient, ServerHandle, make_complaint, op, start_server
from tests.sync_fixtures import Desk, make_desk_fixture  # noqa: F401

pytestmark = pytest.mark.slow


def _verified(loket: ApiClient, admin: ApiClient) -> str:
    cid, made = make_complaint(loket, "DINKES")
    assert admin.push_one(op("verify", cid, made["version"]))["status"] == "applied"
    return cid


def _api(client: ApiClient, kind: str, cid: str, **payload: Any) -> dict:
    version = client.get(f"/complaints/{cid}").json()["version"]
    result = client.push_one(op(kind, cid, version, **payload))
    assert result["status"] == "applied", result
    return result


def _act(desk: Desk, cid: str, kind: str, payload: dict) -> None:
    wc.act(desk.service, cid, kind, payload, desk.actor())


def _entry(desk: Desk, cid: str, entry_id: str) -> dict:
    snap = desk.service.complaint(cid)
    return next(e for e in snap["chain"] if e["id"] == entry_id)


def _rejected(desk: Desk) -> list[dict]:
    return desk.outbox("rejected")


def test_the_chain_across_two_desks(tmp_path: Path, make_desk) -> None:
    with start_server(tmp_path / "server") as server:
        _run(server, make_desk)


def _run(server: ServerHandle, make_desk) -> None:
    build_structure(server)
    loket, admin = server.login("dinkes.loket"), server.login("dinkes.admin")
    kasi, staf = server.login(KASI), server.login(STAF)
    main, other = _verified(loket, admin), _verified(loket, admin)

    kadis, kabid = make_desk("kadis"), make_desk("kabid")
    kadis.login(server, "dinkes.pimpinan")
    kabid.login(server, "dinkes.yankes")
    kadis.sync()
    assert [p["code"] for p in wc.my_positions(kadis.service, kadis.actor())] == ["KADIS"]

    # The Kadis disposes both complaints to the Kabid Yankes, with instructions and catatan.
    d1, (e1,) = chain_dispose("KADIS", ["KABID-YANKES"], days=5, catatan="Cek RSUD Ulin")
    _act(kadis, main, "chain_dispose", d1)
    d2, (b1,) = chain_dispose("KADIS", ["KABID-YANKES"], days=5)
    _act(kadis, other, "chain_dispose", d2)
    kadis.sync()
    keluar = wc.listing(kadis.service, kadis.actor(), wc.OUTBOX)
    assert {i.entry["id"]: i.entry["state"] for i in keluar} == {e1: "sent", b1: "sent"}

    kabid.sync()
    masuk = wc.listing(kabid.service, kabid.actor(), wc.INBOX, unread_only=True)
    assert {i.entry["id"] for i in masuk} == {e1, b1}  # Disposisi Masuk, Belum dibaca
    assert masuk[0].entry["catatan"] in ("Cek RSUD Ulin", None)
    listed = kabid.cli("disposisi", "masuk", "--unread", "--json")  # the same, headless
    assert listed.returncode == 0, listed.stderr
    assert {e["id"] for e in json.loads(listed.stdout)} == {e1, b1}
    assert "Belum dibaca" in kabid.cli("disposisi", "masuk").stdout

    # The Kabid works offline: reads both, disposes the first further to the Kasi.
    _act(kabid, main, "chain_read", {"entry_id": e1})
    too_long, _ = chain_dispose("KABID-YANKES", ["KASI-YANKES"], parent=e1, days=9)
    with pytest.raises(Exception, match="melewati batas waktu"):
        _act(kabid, main, "chain_dispose", too_long)
    d3, (e2,) = chain_dispose("KABID-YANKES", ["KASI-YANKES"], parent=e1, days=3,
                              catatan="Koordinasi dengan RSUD")
    _act(kabid, main, "chain_dispose", d3)
    _act(kabid, other, "chain_read", {"entry_id": b1})
    assert _entry(kabid, main, e1)["state"] == "read"

    # Meanwhile the Kadis withdraws the second (the server has no read of it: it wins) and,
    # offline too, the first (his desk still shows it unread).
    _act(kadis, other, "chain_withdraw", {"entry_id": b1})
    kadis.sync()
    assert _entry(kadis, other, b1)["state"] == "withdrawn"
    assert not _rejected(kadis)
    _act(kadis, main, "chain_withdraw", {"entry_id": e1})
    assert _entry(kadis, main, e1)["state"] == "withdrawn"  # optimistic, until the server

    # The Kabid comes back: his read and disposition of the first land; his read of the
    # withdrawn one is refused and shown to him.
    kabid.sync(expect=None)
    refused = _rejected(kabid)
    assert [r["kind"] for r in refused] == ["chain_read"], refused
    assert "ditarik" in (refused[0]["last_error"] or str(refused[0]["result"]))

    # The Kadis's withdrawal arrives after the read: refused, and he is told who read it.
    kadis.sync(expect=None)
    refused = _rejected(kadis)
    assert [r["kind"] for r in refused] == ["chain_withdraw"], refused
    assert "sudah dibaca oleh dinkes.yankes" in (refused[0]["last_error"]
                                                 or str(refused[0]["result"]))
    keluar = {i.entry["id"]: i.entry for i in wc.listing(kadis.service, kadis.actor(),
                                                          wc.OUTBOX)}
    assert keluar[e1]["state"] == "read" and keluar[e1]["read_by"] == "dinkes.yankes"

    # Down to the pelaksana (Kasi and pelaksana on their own desks, here through the API).
    _api(kasi, "chain_read", main, entry_id=e2)
    # Catatan: the Kasi reads the Kabid's to him, never the Kadis's to the Kabid.
    by_entry = {e["id"]: e for e in kasi.get(f"/complaints/{main}").json()["chain"]}
    assert by_entry[e1]["catatan"] is None and by_entry[e2]["catatan"] == \
        "Koordinasi dengan RSUD"
    d4, (e3,) = chain_dispose("KASI-YANKES", ["PELAKSANA-YANKES"], parent=e2)
    _api(kasi, "chain_dispose", main, **d4)
    assert staf.get(f"/complaints/{main}").status_code == 200
    _api(staf, "chain_report", main, entry_id=e3, text="Pasien sudah diterima RSUD.")
    assert staf.get(f"/complaints/{main}").status_code == 404  # his part is done
    _api(kasi, "chain_report", main, entry_id=e2, text="Seksi rujukan selesai.")

    # The Kabid sees the Kasi's report and reports to the Kadis.
    kabid.sync(expect=None)
    assert _entry(kabid, main, e2)["state"] == "reported"
    _act(kabid, main, "chain_report", {"entry_id": e1, "text": "Bidang Yankes: tuntas."})
    kabid.sync(expect=None)
    assert [r["kind"] for r in _rejected(kabid)] == ["chain_read"]  # nothing new refused

    kadis.sync(expect=None)
    report = _entry(kadis, main, e1)
    assert report["state"] == "reported" and report["report"]["text"] == \
        "Bidang Yankes: tuntas."
    tree = wc.tree(kadis.service.complaint(main))
    assert [(depth, e["to_position"]) for depth, e in tree] == [
        (0, "KABID-YANKES"), (1, "KASI-YANKES"), (2, "PELAKSANA-YANKES")]
    sheet = wc.above(kadis.service.complaint(main), e3)
    assert [e["from_position"] for e in sheet] == ["KADIS", "KABID-YANKES", "KASI-YANKES"]

    # The follow-up to the reporter closes the chain.
    _api(admin, "follow_up", main, text="Pasien telah dilayani di RSUD.",
         visibility="reporter")
    kadis.sync(expect=None)
    final = kadis.service.complaint(main)
    assert final["status"] == "ditindaklanjuti"
    assert all(e["state"] == "reported" for e in final["chain"])

    # The agency's admin maintains the structure from his desk; it reaches the other desks.
    admin_desk = make_desk("admin")
    admin_desk.login(server, "dinkes.admin")
    made = admin_desk.cli("positions", "set", "KASI-GIZI", "--title", "Kepala Seksi Gizi",
                          "--parent", "KABID-YANKES", "--acting",
                          f"{KASI}:plt:2026-12-01:2026-12-31")
    assert made.returncode == 0 and "KASI-GIZI" in made.stdout, made.stderr
    refused = kabid.cli("positions", "set", "KASI-GIZI", "--title", "Bukan wewenang")
    assert refused.returncode == 1 and "admin" in refused.stderr.lower(), refused.stderr
    kabid.sync(expect=None)
    chart = wc.org_chart(kabid.service, "DINKES")
    assert chart.holders("KASI-GIZI", kabid.service.today()) == [KASI]
    listed = json.loads(kabid.cli("positions", "list", "--json").stdout)
    assert "KASI-GIZI" in {p["code"] for p in listed["positions"]}
