"""Issue 17 on a real server: the chain ops' authorization (every new op kind x role x
position, own and foreign agency), catatan only for the sender and recipients, a pelaksana
seeing the complaint only while a disposition to him is active, the structure synced to
the agency's desks, and ``lapor-server positions``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.chain_fixtures import KASI, PLH, STAF, build_structure, chain_dispose
from tests.server_fixtures import ApiClient, ServerHandle, make_complaint, op, start_server

# Account key -> username, and the position each holds (server/org_seed.py + chain_fixtures).
ACCOUNTS = {
    "loket": "dinkes.loket",          # no position
    "kabid": "dinkes.yankes",         # KABID-YANKES
    "kabid_p2p": "dinkes.p2p",        # KABID-P2P (a sibling bidang)
    "sekretaris": "dinkes.admin",     # SEKRETARIS
    "kadis": "dinkes.pimpinan",       # KADIS
    "kasi": KASI,                     # KASI-YANKES
    "staf": STAF,                     # PELAKSANA-YANKES (an officer of LABKES)
    "plh": PLH,                       # Plh. KABID-YANKES 1-3 Dec 2026 (KABID-KESMAS too)
    "pusat": "pusat.admin",           # no position
    "f_kadis": "pupr.pimpinan",       # KADIS of PUPR (a foreign agency)
}


@dataclass
class World:
    server: ServerHandle
    clients: dict[str, ApiClient]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with start_server(tmp_path_factory.mktemp("chain")) as server:
        build_structure(server)
        yield World(server, {k: server.login(u) for k, u in ACCOUNTS.items()})


def _complaint(w: World) -> tuple[str, int]:
    cid, made = make_complaint(w.clients["loket"], "DINKES")
    verified = w.clients["sekretaris"].push_one(op("verify", cid, made["version"]))
    assert verified["status"] == "applied", verified
    return cid, verified["version"]


def _push(w: World, who: str, kind: str, cid: str, version: int, **payload) -> dict:
    return w.clients[who].push_one(op(kind, cid, version, **payload))


def _disposed(w: World, days: int | None = 5, catatan: str | None = None
              ) -> tuple[str, int, str]:
    """A complaint the Kadis disposed to the Kabid Yankes: (id, version, entry id)."""
    cid, version = _complaint(w)
    payload, (entry,) = chain_dispose("KADIS", ["KABID-YANKES"], days=days, catatan=catatan)
    done = _push(w, "kadis", "chain_dispose", cid, version, **payload)
    assert done["status"] == "applied", done
    return cid, done["version"], entry


# Who may do what: the one account (position) the rules allow; every other is refused.
MATRIX = [
    # (kind, sender position / target, the only account allowed)
    ("dispose_from_kadis", "kadis"),
    ("dispose_from_kabid", "kabid"),      # and his Plh. (test below), not the Kadis above him
    ("read", "kabid"),
    ("withdraw", "kadis"),
    ("report", "kabid"),
]


@pytest.mark.parametrize(("case", "allowed"), MATRIX, ids=[c for c, _ in MATRIX])
@pytest.mark.parametrize("who", list(ACCOUNTS))
def test_authorization_matrix(world: World, case: str, allowed: str, who: str) -> None:
    w = world
    if case == "dispose_from_kadis":
        cid, version = _complaint(w)
        payload, _ = chain_dispose("KADIS", ["KABID-YANKES"])
        result = _push(w, who, "chain_dispose", cid, version, **payload)
    else:
        cid, version, entry = _disposed(w)
        if case == "dispose_from_kabid":
            payload, _ = chain_dispose("KABID-YANKES", ["KASI-YANKES"], parent=entry)
            result = _push(w, who, "chain_dispose", cid, version, **payload)
        elif case == "read":
            result = _push(w, who, "chain_read", cid, version, entry_id=entry)
        elif case == "withdraw":
            result = _push(w, who, "chain_withdraw", cid, version, entry_id=entry)
        else:
            result = _push(w, who, "chain_report", cid, version, entry_id=entry,
                           text="Sudah ditindaklanjuti di bidang.")
    may = who == allowed or (who == "plh" and allowed == "kabid")  # the Plh. acts for him
    if may:
        assert result["status"] == "applied", result
    else:
        assert result["status"] == "rejected", result
        assert result["reason"] == "forbidden", result


def test_recipients_must_be_directly_below(world: World) -> None:
    cid, version = _complaint(world)
    payload, _ = chain_dispose("KADIS", ["KASI-YANKES"])  # skips the Kabid
    result = _push(world, "kadis", "chain_dispose", cid, version, **payload)
    assert result["status"] == "rejected" and result["reason"] == "invalid", result
    assert "di bawah langsung" in result["message"]


def test_catatan_only_for_sender_and_recipients(world: World) -> None:
    cid, version, entry = _disposed(world, catatan="Periksa RSUD Ulin, jangan bocor")
    for who, sees in (("kadis", True), ("kabid", True), ("sekretaris", False),
                      ("loket", False), ("pusat", False)):
        got = world.clients[who].get(f"/complaints/{cid}").json()
        assert (got["chain"][0]["catatan"] == "Periksa RSUD Ulin, jangan bocor") is sees, who
        changes, _ = world.clients[who].pull_all()
        pulled = next(c["data"] for c in changes if c["type"] == "complaint" and c["id"] == cid)
        assert ("jangan bocor" in json.dumps(pulled)) is sees, who


def test_pelaksana_sees_the_complaint_only_while_disposed_to_him(world: World) -> None:
    cid, version, entry = _disposed(world, days=5)
    staf = world.clients["staf"]
    assert staf.get(f"/complaints/{cid}").status_code == 404
    payload, (e2,) = chain_dispose("KABID-YANKES", ["KASI-YANKES"], parent=entry, days=3)
    version = _push(world, "kabid", "chain_dispose", cid, version, **payload)["version"]
    payload, (e3,) = chain_dispose("KASI-YANKES", ["PELAKSANA-YANKES"], parent=e2)
    version = _push(world, "kasi", "chain_dispose", cid, version, **payload)["version"]
    _, cursor = staf.pull_all()
    assert staf.get(f"/complaints/{cid}").status_code == 200
    reported = _push(world, "staf", "chain_report", cid, version, entry_id=e3,
                     text="RSUD sudah menerima pasien.")
    assert reported["status"] == "applied", reported
    assert staf.get(f"/complaints/{cid}").status_code == 404
    later, _ = staf.pull_all(cursor)
    assert {"type": "complaint_removed", "id": cid} in later


def test_structure_reaches_the_agencys_desks_only(world: World) -> None:
    changes, _ = world.clients["kabid"].pull_all()
    positions = {c["id"]: c["data"] for c in changes if c["type"] == "position"}
    assert positions["DINKES/KABID-YANKES"]["holder"] == "dinkes.yankes"
    assert positions["DINKES/KABID-YANKES"]["actings"][0]["username"] == PLH
    assert positions["DINKES/PELAKSANA-YANKES"]["parent"] == "KASI-YANKES"
    assert not any(k.startswith("PUPR/") for k in positions)


def test_positions_cli(world: World) -> None:
    listed = json.loads(world.server.cli("positions", "list", "--agency", "dinkes",
                                         "--json").stdout)
    codes = {p["code"] for p in listed["positions"]}
    assert {"KADIS", "SEKRETARIS", "KABID-YANKES", "KASI-YANKES", "PELAKSANA-YANKES"} <= codes
    text = world.server.cli("positions", "list", "--agency", "DINKES").stdout
    assert "    KASI-YANKES" in text  # indented by level under the Kabid
    bad = world.server.cli("positions", "set", "--agency", "DINKES", "--code", "KADIS",
                           "--parent", "PELAKSANA-YANKES", check=False)
    assert bad.returncode == 1 and "melingkar" in bad.stderr
    stranger = world.server.cli("positions", "set", "--agency", "DINKES", "--code", "KADIS",
                                "--holder", "pupr.pimpinan", check=False)
    assert stranger.returncode == 1 and "bukan pegawai" in stranger.stderr


def test_positions_api_admin_instansi_maintains_its_own(world: World) -> None:
    c = world.clients
    body = {"title": "Kepala Seksi Farmasi", "parent": "KABID-YANKES", "holder": KASI,
            "actings": [{"username": STAF, "kind": "plt", "start": "2026-12-01",
                         "end": "2026-12-31"}]}
    made = c["sekretaris"].put("/positions/KASI-FARMASI", json=body)
    assert made.status_code == 200, made.text
    assert made.json()["actings"][0]["kind"] == "plt"
    listed = c["loket"].get("/positions").json()
    assert "KASI-FARMASI" in {p["code"] for p in listed["positions"]}
    changes, _ = c["kabid"].pull_all()
    assert any(ch["id"] == "DINKES/KASI-FARMASI" for ch in changes if ch["type"] == "position")
    for who in ("kadis", "kabid", "loket"):  # not admins
        assert c[who].put("/positions/KASI-FARMASI", json=body).status_code == 403, who
    foreign = world.server.login("pupr.admin")
    refused = foreign.put("/positions/KASI-FARMASI", params={"agency": "DINKES"}, json=body)
    assert refused.status_code == 403
    assert c["pusat"].put("/positions/KASI-FARMASI", json=body).status_code == 422
    by_pusat = c["pusat"].put("/positions/KASI-FARMASI", params={"agency": "DINKES"},
                              json={"title": "Kepala Seksi Kefarmasian"})
    assert by_pusat.status_code == 200 and by_pusat.json()["holder"] == KASI  # kept
    bad = c["sekretaris"].put("/positions/KASI-FARMASI", json={"actings": 7})
    assert bad.status_code == 422 and "actings" in json.dumps(bad.json())
    audit = c["sekretaris"].get("/audit", params={"action": "position_set"}).json()
    assert {e["target_id"] for e in audit["entries"]} == {"DINKES/KASI-FARMASI"}
