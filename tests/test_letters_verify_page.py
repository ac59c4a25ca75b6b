"""The page a disposition sheet's QR code opens (issue 15.6), on a real server process:
``GET /api/v1/letters/v/<payload in URL form>`` answers an Indonesian HTML page to a browser
and JSON to ``Accept: application/json``, and never a 500, whatever the path holds."""

from __future__ import annotations

import base64
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
import requests

from core.qr_payload import DRAFT_AGENDA, make_qr_payload, verify_url
from tests.server_fixtures import ServerHandle, dispose, make_complaint, op, start_server

pytestmark = pytest.mark.timeout(300)
YEAR = 2026
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"
JSON = "application/json"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("verify-page")
    with start_server(tmp, env={"LAPOR_QR_SECRET_FILE": str(tmp / "qr-secret.json")}) as handle:
        yield handle


@pytest.fixture(scope="module")
def issued(server: ServerHandle) -> tuple[str, bytes, str, int]:
    """(payload of a recorded letter, the agency key, its agenda text, tracking number)."""
    admin, leader = server.login("dinkes.admin"), server.login("dinkes.pimpinan")
    block = leader.post("/agenda/reserve", json={"year": YEAR, "count": 2}).json()
    cid, result = make_complaint(admin)
    version = dispose(admin, leader, cid, result["version"], ["YANKES"])
    text = f"{block['start']:03d}/DISP/DINKES/XII/{YEAR}"
    pushed = leader.push_one(op("letter_issued", cid, version, letter_id=str(uuid.uuid4()),
                                agenda_number=block["start"], agenda_year=YEAR,
                                agenda_text=text))
    assert pushed["status"] == "applied", pushed
    key = base64.b64decode(block["qr_key"])
    tracking = result["tracking_number"]
    return make_qr_payload("DINKES", text, str(tracking), key), key, text, tracking


def get(url: str, accept: str | None = BROWSER) -> requests.Response:
    headers = {"Accept": accept} if accept is not None else {}
    return requests.get(url, headers=headers, timeout=30)


def test_the_printed_url_shows_a_page_to_a_browser_and_json_on_request(
        server: ServerHandle, issued: tuple[str, bytes, str, int]) -> None:
    payload, _key, text, tracking = issued
    url = verify_url(server.url, payload)
    page = get(url)
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["cache-control"] == "no-store"
    assert "default-src 'none'" in page.headers["content-security-policy"]
    html = page.text
    assert '<html lang="id">' in html and "Pemeriksaan Lembar Disposisi" in html
    assert "ASLI" in html and "Lembar disposisi ini asli dan tercatat di server pusat." in html
    assert text in html and str(tracking) in html and "DINKES" in html
    assert "<script" not in html.lower()
    for accept in (None, "*/*"):  # a scanner app or curl: the page too
        assert get(url, accept).headers["content-type"].startswith("text/html")

    answer = get(url, JSON)
    assert answer.status_code == 200 and answer.headers["content-type"] == JSON
    same = requests.get(f"{server.api}/letters/verify", params={"payload": payload}, timeout=30)
    assert answer.json() == same.json() and answer.json()["status"] == "valid"
    # A payload pasted as printed before (with "|") is understood as well.
    pasted = get(f"{server.api}/letters/v/{quote(payload, safe='/')}", JSON)
    assert pasted.json()["status"] == "valid"


def test_every_answer_has_its_page(server: ServerHandle,
                                   issued: tuple[str, bytes, str, int]) -> None:
    payload, key, text, tracking = issued
    cases = {
        "forged": (make_qr_payload("DINKES", text, str(tracking), b"x" * 32), 200, "TIDAK SAH"),
        "unknown": (make_qr_payload("DINKES", "999/DISP/DINKES/XII/2026", str(tracking), key),
                    200, "BELUM TERCATAT"),
        "draft": (make_qr_payload("DINKES", DRAFT_AGENDA, str(tracking), key), 200,
                  "KONSEP \u2014 TIDAK SAH"),
    }
    for status, (signed, code, headline) in cases.items():
        url = verify_url(server.url, signed)
        page = get(url)
        assert page.status_code == code and headline in page.text, (status, page.text)
        assert get(url, JSON).json()["status"] == status
    # Not a sheet's code: 400, as a page or as the API's error.
    bad = f"{server.api}/letters/v/hello"
    page = get(bad)
    assert page.status_code == 400 and "KODE TIDAK DIKENALI" in page.text
    assert page.headers["content-type"].startswith("text/html")
    error = get(bad, JSON)
    assert error.status_code == 400 and error.json()["error"] == "invalid_qr"


@pytest.mark.parametrize("tail", [
    "", "*", "LPD1****", "LPD1*%00*1*2*AAAA", "LPD1*DINKES*1%2F2026*%F0%9F%98%80*AAAA",
    "LPD1*" + "A" * 5000, "%ED%A0%80", "..%2F..%2Fetc%2Fpasswd", "LPD1*<script>*1/2026*2*A",
    "LPD1*DINK%C3%89S*1/2026*123*AAAA", "%", "%zz", "LPD1*A*B*C*D*E*F", "\u00b2",
])
@pytest.mark.parametrize("accept", [BROWSER, JSON, "application/json;q=abc, text/*;q=2",
                                    "," * 500])
def test_hostile_paths_never_answer_500(server: ServerHandle, tail: str, accept: str) -> None:
    resp = requests.get(f"{server.api}/letters/v/{tail}", headers={"Accept": accept},
                        timeout=30)
    assert resp.status_code in (200, 400, 404, 422), (tail, resp.status_code, resp.text)
    assert "<script>" not in resp.text  # never echoed unescaped


def test_the_route_is_in_the_api_document(server: ServerHandle) -> None:
    spec = requests.get(f"{server.api}/openapi.json", timeout=30).json()
    route = spec["paths"]["/api/v1/letters/v/{code}"]["get"]
    assert set(route["responses"]["200"]["content"]) == {"application/json", "text/html"}
    assert "security" not in route  # public, like /letters/verify


def test_docs_name_the_url_form() -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "letters.md").read_text()
    assert "/api/v1/letters/v/" in docs and "Accept: application/json" in docs
