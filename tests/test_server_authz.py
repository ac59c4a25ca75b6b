"""Authorization matrix: every endpoint x role x own/foreign agency, and privacy of reporters."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
import requests

from tests.server_fixtures import (
    ApiClient,
    ServerHandle,
    create_op,
    dispose,
    make_complaint,
    new_id,
    op,
    start_server,
)

# Role keys: DINKES (own agency), the central admin, PUPR (a foreign agency).
ACCOUNTS = {
    "loket": "dinkes.loket", "unit_in": "dinkes.yankes", "unit_out": "dinkes.p2p",
    "admin": "dinkes.admin", "pimpinan": "dinkes.pimpinan", "pusat": "pusat.admin",
    "f_loket": "pupr.loket", "f_unit": "pupr.binamarga", "f_admin": "pupr.admin",
    "f_pimpinan": "pupr.pimpinan",
}
OWN_SCOPE = {"loket", "unit_in", "admin", "pimpinan", "pusat"}  # may see the DINKES complaint
REPORTER = {"name": "Fulan Bin Rahasia", "nik": "6371014508900003", "phone": "081299887766",
            "email": "fulan.rahasia@example.com", "address": "Jl. Tersembunyi No. 7"}
OTHER = {"name": "Pelapor Terbuka", "nik": "6371010101900001", "phone": "081311112222",
         "email": "terbuka@example.com", "address": "Jl. Terang No. 1"}
IDENTITY = ("Fulan Bin Rahasia", "6371014508900003", "81299887766", "fulan.rahasia",
            "Tersembunyi")


@dataclass
class World:
    server: ServerHandle
    clients: dict[str, ApiClient]
    complaint: str  # DINKES, anonymous, disposed to YANKES, with an attachment
    version: int
    foreign: str  # PUPR
    secret: str  # DINKES, confidential (rahasia), not anonymous
    sha: str


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with start_server(tmp_path_factory.mktemp("authz")) as server:
        clients = {key: server.login(name) for key, name in ACCOUNTS.items()}
        cid, res = make_complaint(clients["loket"], "DINKES", anonymous=True, reporter=REPORTER)
        version = dispose(clients["admin"], clients["pimpinan"], cid, res["version"], ["YANKES"])
        sha = clients["loket"].upload(b"foto jalan rusak (teks uji)\n")
        attached = clients["loket"].push_one(op("attach", cid, version, sha256=sha,
                                                filename="foto.txt", mime="text/plain", size=1))
        assert attached["status"] == "applied", attached
        foreign, _ = make_complaint(clients["f_loket"], "PUPR")
        secret, _ = make_complaint(clients["loket"], "DINKES", confidential=True,
                                   reporter={**OTHER, "name": "Pelapor Rahasia Terbuka"})
        yield World(server, clients, cid, attached["version"], foreign, secret, sha)


# --- the matrix -----------------------------------------------------------------------------

Check = Callable[[World, ApiClient], bool]


def can_read_complaint(w: World, c: ApiClient) -> bool:
    resp = c.get(f"/complaints/{w.complaint}")
    assert resp.status_code in (200, 404), resp.text
    return resp.status_code == 200


def can_read_by_tracking_number(w: World, c: ApiClient) -> bool:
    number = w.clients["pusat"].get(f"/complaints/{w.complaint}").json()["tracking_number"]
    resp = c.get(f"/complaints/{number}")
    assert resp.status_code in (200, 404), resp.text
    return resp.status_code == 200


def can_read_foreign(w: World, c: ApiClient) -> bool:
    resp = c.get(f"/complaints/{w.foreign}")
    assert resp.status_code in (200, 404), resp.text
    return resp.status_code == 200


def can_download_attachment(w: World, c: ApiClient) -> bool:
    resp = c.get(f"/attachments/{w.sha}")
    assert resp.status_code in (200, 404), resp.text
    return resp.status_code == 200


def can_note(w: World, c: ApiClient) -> bool:
    result = c.push_one(op("note", w.complaint, 1, text=f"catatan dari {c.username}"))
    assert result["status"] in ("applied", "rejected"), result
    if result["status"] == "rejected":
        assert result["reason"] == "forbidden", result
        assert result["server_state"] is None  # nothing leaks to who may not see it
    return result["status"] == "applied"


def can_pull_it(w: World, c: ApiClient) -> bool:
    changes, _ = c.pull_all()
    ids = {ch["id"] for ch in changes if ch["type"] == "complaint"}
    return w.complaint in ids


def can_verify_foreign(w: World, c: ApiClient) -> bool:
    current = w.clients["pusat"].get(f"/complaints/{w.foreign}").json()["version"]
    result = c.push_one(op("note", w.foreign, current, text="catatan lintas instansi"))
    assert result["status"] in ("applied", "rejected"), result
    return result["status"] == "applied"


def can_create_for_foreign_agency(w: World, c: ApiClient) -> bool:
    result = c.push_one(create_op("DISHUB"))
    assert result["status"] in ("applied", "rejected"), result
    if result["status"] == "rejected":
        assert result["reason"] == "forbidden", result
    return result["status"] == "applied"


def can_read_audit(w: World, c: ApiClient) -> bool:
    resp = c.get("/audit")
    assert resp.status_code in (200, 403), resp.text
    return resp.status_code == 200


def can_reserve_agenda(w: World, c: ApiClient) -> bool:
    resp = c.post("/agenda/reserve", json={"year": 2026, "count": 5})
    assert resp.status_code in (200, 403), resp.text
    return resp.status_code == 200


def can_list_foreign_users(w: World, c: ApiClient) -> bool:
    resp = c.get("/users", params={"agency": "PUPR" if not c.username.startswith("pupr")
                                   else "DINKES"})
    assert resp.status_code in (200, 403), resp.text
    return resp.status_code == 200


def can_read_public(w: World, c: ApiClient) -> bool:
    return c.get("/public/complaints").status_code == 200


ALL = set(ACCOUNTS)
MATRIX: list[tuple[str, Check, set[str]]] = [
    ("GET /complaints/{id}", can_read_complaint, OWN_SCOPE),
    ("GET /complaints/{tracking_number}", can_read_by_tracking_number, OWN_SCOPE),
    ("GET /complaints/{foreign id}", can_read_foreign,
     {"pusat", "f_loket", "f_admin", "f_pimpinan"}),  # f_unit: not disposed to its unit
    ("GET /attachments/{sha}", can_download_attachment, OWN_SCOPE),
    ("push note", can_note, OWN_SCOPE),
    ("GET /sync/pull", can_pull_it, OWN_SCOPE),
    ("push note on foreign", can_verify_foreign, {"pusat", "f_loket", "f_admin", "f_pimpinan"}),
    ("push create for DISHUB", can_create_for_foreign_agency, {"pusat"}),
    ("GET /audit", can_read_audit, {"admin", "pusat", "f_admin"}),
    # Roles that issue letters, and the Kabid/Kepala UPT accounts who hold a position in the
    # seeded structure (they print the sheets of dispositions sent to them, issue 17.5).
    ("POST /agenda/reserve", can_reserve_agenda,
     {"admin", "pimpinan", "pusat", "f_admin", "f_pimpinan", "unit_in", "unit_out", "f_unit"}),
    ("GET /users?agency=other", can_list_foreign_users, {"pusat"}),
    ("GET /public/complaints", can_read_public, ALL),
]


@pytest.mark.parametrize("role", sorted(ACCOUNTS))
@pytest.mark.parametrize(("name", "check", "allowed"), MATRIX, ids=[m[0] for m in MATRIX])
def test_authorization_matrix(world: World, role: str, name: str, check: Check,
                              allowed: set[str]) -> None:
    assert check(world, world.clients[role]) is (role in allowed), f"{name} as {role}"


def test_users_lists_only_own_agency(world: World) -> None:
    for role, client in world.clients.items():
        users = client.get("/users").json()["users"]
        agencies = {u["agency"] for u in users}
        if role == "pusat":
            assert {"DINKES", "PUPR", "DISKOMINFO"} <= agencies
        else:
            assert agencies == {client.user["agency"]}, role
        assert all("password" not in json.dumps(u) for u in users)


def test_agency_admin_audit_is_limited_to_its_agency(world: World) -> None:
    entries = world.clients["f_admin"].get("/audit", params={"limit": 500}).json()["entries"]
    assert entries
    for entry in entries:
        assert "PUPR" in (entry["agency"], entry["subject_agency"]), entry
    assert not any(e["target_id"] == world.complaint for e in entries)


def test_every_endpoint_needs_a_token(world: World) -> None:
    spec = requests.get(f"{world.server.api}/openapi.json", timeout=10).json()
    open_paths = {"/api/v1/health", "/api/v1/ready", "/api/v1/version", "/api/v1/auth/login",
                  "/api/v1/auth/refresh", "/api/v1/letters/verify",  # verify: a public check
                  "/api/v1/letters/v/{code}"}  # the page a sheet's QR code opens
    checked = 0
    for path, methods in spec["paths"].items():
        for method in methods:
            if path in open_paths:
                continue
            url = world.server.url + path.replace("{sha256}", "a" * 64).replace(
                "{complaint_id}", world.complaint)
            resp = requests.request(method.upper(), url, timeout=10, json={}
                                    if method in ("post", "put") else None)
            assert resp.status_code == 401, (method, path, resp.status_code, resp.text)
            assert resp.json()["error"] == "token_missing"
            checked += 1
    assert checked >= 10


# --- privacy -------------------------------------------------------------------------------

def _no_identity(text: str) -> None:
    for secret in IDENTITY:
        assert secret not in text, secret


def test_anonymous_reporter_never_reaches_agency_roles(world: World) -> None:
    for role, client in world.clients.items():
        if role == "pusat":
            continue
        changes, _ = client.pull_all()
        _no_identity(json.dumps(changes))
        _no_identity(client.get(f"/complaints/{world.complaint}").text)
        _no_identity(client.get("/public/complaints", params={"limit": 200}).text)
        _no_identity(client.get("/audit", params={"limit": 500}).text)
        # A stale, non-commuting op is a conflict that carries the server state: redacted.
        stale = client.push_one(op("hold", world.complaint, 1, reason="uji konflik"))
        assert stale["status"] == "rejected"
        _no_identity(json.dumps(stale))


def test_agency_role_sees_anonymous_complaint_without_reporter(world: World) -> None:
    snap = world.clients["admin"].get(f"/complaints/{world.complaint}").json()
    assert snap["anonymous"] is True and snap["reporter"] is None
    assert snap["title"]  # the complaint itself is there


def test_central_admin_sees_anonymous_reporter(world: World) -> None:
    snap = world.clients["pusat"].get(f"/complaints/{world.complaint}").json()
    assert snap["reporter"]["name"] == REPORTER["name"]


def test_nik_is_masked_for_unit_officers(world: World) -> None:
    cid, res = make_complaint(world.clients["loket"], "DINKES", reporter=OTHER)
    dispose(world.clients["admin"], world.clients["pimpinan"], cid, res["version"], ["YANKES"])
    seen = world.clients["unit_in"].get(f"/complaints/{cid}").json()
    assert seen["reporter"]["name"] == "Pelapor Terbuka"
    assert OTHER["nik"] not in json.dumps(seen)
    assert seen["reporter"]["nik"].endswith(OTHER["nik"][-4:])
    assert world.clients["admin"].get(f"/complaints/{cid}").json()["reporter"]["nik"] == \
        OTHER["nik"]


def test_rahasia_never_on_public_listing(world: World) -> None:
    client = world.clients["pusat"]
    body = client.get("/public/complaints", params={"limit": 200}).json()
    ids = {c["id"] for c in body["complaints"]}
    assert world.secret not in ids
    assert world.complaint in ids  # anonymous but not rahasia: public, without reporter
    assert "Pelapor Rahasia Terbuka" not in json.dumps(body)
    for item in body["complaints"]:
        assert "reporter" not in item


def test_privacy_flag_change_takes_complaint_off_public_listing(world: World) -> None:
    admin = world.clients["admin"]
    cid, res = make_complaint(world.clients["loket"], "DINKES")
    assert cid in {c["id"] for c in admin.get("/public/complaints").json()["complaints"]}
    flagged = admin.push_one(op("privacy_flags", cid, res["version"], confidential=True,
                                anonymous=True))
    assert flagged["status"] == "applied", flagged
    listing = admin.get("/public/complaints", params={"limit": 200}).json()["complaints"]
    assert cid not in {c["id"] for c in listing}
    assert admin.get(f"/complaints/{cid}").json()["reporter"] is None


def test_create_result_ids_are_unique_per_complaint(world: World) -> None:
    first = world.clients["loket"].push_one(create_op("DINKES", complaint_id=new_id()))
    second = world.clients["loket"].push_one(create_op("DINKES", complaint_id=new_id()))
    assert first["tracking_number"] != second["tracking_number"]
