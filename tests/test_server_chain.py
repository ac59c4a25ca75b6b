"""Issue 17 on a real server: the chain ops' authorization (every new op kind x role x
position, own and foreign agency), catatan only for the sender and recipients, a pelaksana
seeing the complaint only while a disposition to him is active, the structure synced to
the agency's desks, and ``lapor-server positions``."""

from __future__ import annotations

import json
import uuid
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


# --- issue 17.5: the Lembar Disposisi of one level -------------------------------------------
# A chain disposition's recipient (holder or Plt./Plh. of its position) issues and voids the
# sheet for THAT entry whatever his role; the roles that issue letters keep doing so.
LEADERS = {"sekretaris", "kadis", "pusat"}  # admin_instansi, pimpinan, admin_pusat
LETTER_MATRIX = [
    # (case, the accounts allowed besides the leaders)
    ("issue_kabid_level", {"kabid", "plh"}),
    ("issue_top_level", set()),          # the Kadis's own sheet: roles only
    ("issue_kasi_level", {"kasi"}),      # another level: not the Kabid
    ("void_kabid_letter", {"kabid", "plh"}),
    ("void_kadis_letter", set()),        # a leader's letter: roles only
    ("void_kasi_letter", {"kasi"}),      # another level's letter: not the Kabid
]


def _kasi_level(w: World) -> tuple[str, int, str, str]:
    """The Kabid disposed on to the Kasi: (id, version, Kabid's entry, Kasi's entry)."""
    cid, version, entry = _disposed(w)
    payload, (kasi_entry,) = chain_dispose("KABID-YANKES", ["KASI-YANKES"], parent=entry)
    done = _push(w, "kabid", "chain_dispose", cid, version, **payload)
    assert done["status"] == "applied", done
    return cid, done["version"], entry, kasi_entry


def _issue(w: World, who: str, cid: str, version: int, level: str | None) -> dict:
    extra = {"chain_entry": level} if level else {}
    return _push(w, who, "letter_issued", cid, version, letter_id=str(uuid.uuid4()),
                 letter_kind="disposisi", **extra)


@pytest.mark.parametrize(("case", "allowed"), LETTER_MATRIX, ids=[c for c, _ in LETTER_MATRIX])
@pytest.mark.parametrize("who", list(ACCOUNTS))
def test_letter_authorization_matrix(world: World, case: str, allowed: set[str],
                                     who: str) -> None:
    w = world
    cid, version, kabid_entry, kasi_entry = _kasi_level(w)
    action, key = case.split("_")[:2]  # the level: the Kabid's, the Kadis's (top), the Kasi's
    level = {"kabid": kabid_entry, "top": None, "kadis": None, "kasi": kasi_entry}[key]
    if action == "issue":
        result = _issue(w, who, cid, version, level)
    else:  # the level's own officer issued it
        issued = _issue(w, key, cid, version, level)
        assert issued["status"] == "applied", issued
        letter_id = next(e["data"]["letter_id"] for e in reversed(
            w.clients["kadis"].get(f"/complaints/{cid}").json()["timeline"])
            if e["kind"] == "letter_issued")
        result = _push(w, who, "letter_voided", cid, issued["version"], letter_id=letter_id,
                       reason="Salah cetak nomor agenda")
    if who in LEADERS or who in allowed:
        assert result["status"] == "applied", result
    else:
        assert result["status"] == "rejected", result
        assert result["reason"] == "forbidden", result


def test_letter_refusals_keep_the_role_wording(world: World) -> None:
    """A non-leader without a disposition to a position he holds is refused as before (the
    role's wording), and a client-sent ``acting_for`` counts for nothing."""
    cid, version, entry = _disposed(world)
    top = _issue(world, "kabid", cid, version, None)
    assert top["status"] == "rejected" and top["reason"] == "forbidden", top
    assert "Petugas Unit tidak berwenang" in top["message"], top
    forged = _push(world, "loket", "letter_issued", cid, version, letter_id=str(uuid.uuid4()),
                   chain_entry=entry, acting_for="KABID-YANKES")
    assert forged["status"] == "rejected" and "tidak berwenang" in forged["message"], forged
    unknown = _issue(world, "kabid", cid, version, str(uuid.uuid4()))  # no such disposition
    assert unknown["status"] == "rejected" and unknown["reason"] == "forbidden", unknown
    mine = _issue(world, "kabid", cid, version, entry)
    assert mine["status"] == "applied", mine
    event = world.clients["kadis"].get(f"/complaints/{cid}").json()["timeline"][-1]
    assert event["kind"] == "letter_issued" and event["actor"] == "dinkes.yankes"
    assert event["data"]["chain_entry"] == entry and "acting_for" not in event["data"]


@pytest.mark.parametrize(("who", "status"), [
    ("kabid", 200), ("plh", 200), ("kasi", 200), ("staf", 200),  # hold a position today
    ("kadis", 200), ("sekretaris", 200),                          # roles that issue letters
    ("loket", 403),                                               # neither
])
def test_agenda_reserve_for_position_holders(world: World, who: str, status: int) -> None:
    got = world.clients[who].post("/agenda/reserve", json={"year": 2026, "count": 5})
    assert got.status_code == status, got.text
    if status == 200:
        assert got.json()["agency"] == "DINKES" and got.json()["end"] - got.json()[
            "start"] == 4
    else:
        assert got.json()["error"] == "forbidden", got.text
