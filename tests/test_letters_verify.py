"""QR codes of disposition sheets verified by the server (docs/letters.md "QR key").

A real server process hands each letter-issuing desk its agency's QR key with every agenda
block; a real desk issues a sheet, the QR is read back from the PDF's drawing, and the
public ``GET /letters/verify`` answers valid / voided / unknown / forged.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import re
import uuid
from pathlib import Path

import pytest
import requests
from pypdf import PdfReader

from core.qr_payload import make_qr_payload, verify_url
from desktop.credentials import CredentialStore
from desktop.letters.pdfparts import qr_matrix
from desktop.printing import (
    IssueOptions,
    ensure_agenda_numbers,
    issue_letter,
    preview_letter,
    void_letter,
)
from desktop.printing import qr_key as qk
from desktop.printing import settings as letter_settings
from desktop.printing.archive import archive_path
from desktop.printing.reserve import top_up_agenda
from desktop.printing.sheet import DRAFT_AGENDA
from desktop.store import DeskService
from desktop.sync.account import Account
from desktop.sync.engine import SyncEngine
from desktop.sync.retry import RetryPolicy
from tests.server_fixtures import (
    ApiClient,
    ServerHandle,
    dispose,
    make_complaint,
    op,
    start_server,
)

from .test_letters_pdftools import flat, page_sizes, qr_codes, run, text
from .test_printing_archive import complete_kop

pytestmark = pytest.mark.timeout(300)
YEAR = 2026
IDENTITY = ("Siti Aminah", "081234567890", "Antrean panjang", "Pasien menunggu")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("verify")
    env = {"LAPOR_QR_SECRET_FILE": str(tmp / "qr-secret.json")}
    with start_server(tmp, env=env) as handle:
        yield handle


def secret_of(server: ServerHandle, key_id: str = "v1") -> bytes:
    data = json.loads((server.tmp_dir / "qr-secret.json").read_text())
    return data["secrets"][key_id].encode()


def verify(server: ServerHandle, payload: str) -> requests.Response:
    # No token: whoever holds the printed sheet may ask.
    return requests.get(f"{server.api}/letters/verify", params={"payload": payload}, timeout=30)


def reserve(client: ApiClient, count: int = 5) -> requests.Response:
    return client.post("/agenda/reserve", json={"year": YEAR, "count": count})


def disposed_complaint(server: ServerHandle, **overrides) -> tuple[str, int, int]:
    """(id, version, tracking number) of a DINKES complaint disposed to YANKES."""
    admin, leader = server.login("dinkes.admin"), server.login("dinkes.pimpinan")
    cid, result = make_complaint(admin, **overrides)
    version = dispose(admin, leader, cid, result["version"], ["YANKES"])
    return cid, version, result["tracking_number"]


# --- the key handed out with agenda blocks ------------------------------------------------

def test_reserve_hands_the_own_agency_key_to_letter_issuers_only(server: ServerHandle) -> None:
    leader = server.login("dinkes.pimpinan")
    first, second = reserve(leader).json(), reserve(leader).json()
    assert first["qr_key_id"] == second["qr_key_id"] == "v1"
    assert first["qr_key"] == second["qr_key"]  # the same key with every block
    key = base64.b64decode(first["qr_key"], validate=True)
    # As designed: HMAC-SHA256(server secret, "lapor-qr/v1/" + agency code).
    expected = hmac.new(secret_of(server), b"lapor-qr/v1/DINKES", hashlib.sha256).digest()
    assert key == expected and len(key) == 32
    assert reserve(server.login("dinkes.admin")).json()["qr_key"] == first["qr_key"]
    other = reserve(server.login("pupr.admin")).json()
    assert other["agency"] == "PUPR" and other["qr_key"] != first["qr_key"]
    central = reserve(server.login("pusat.admin")).json()
    assert central["agency"] == "DISKOMINFO"
    assert central["qr_key"] not in (first["qr_key"], other["qr_key"])
    # The Kabid (petugas_unit) holds KABID-YANKES: he prints the sheets of the dispositions
    # sent to him (issue 17.5), with his agency's key. The loket holds no position.
    assert reserve(server.login("dinkes.yankes")).json()["qr_key"] == first["qr_key"]
    refused = reserve(server.login("dinkes.loket"))
    assert refused.status_code == 403, refused.text
    assert "qr_key" not in refused.text
    # The secret file is the owner's only, and neither secret nor key reaches the log.
    assert (server.tmp_dir / "qr-secret.json").stat().st_mode & 0o077 == 0
    log = server.log()
    assert secret_of(server).decode() not in log and first["qr_key"] not in log


# --- a desk's sheet, read back from the PDF ------------------------------------------------

def qr_in_pdf(pdf: bytes) -> tuple[tuple[bool, ...], ...]:
    """The QR module matrix as drawn on the sheet (one filled path of ``re`` rectangles)."""
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data().decode("latin-1")
    runs = re.findall(r"((?:[-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ re\s+){20,})f", content)
    assert len(runs) == 1, "expected exactly one QR code on the sheet"
    rects = [tuple(map(float, m)) for m in
             re.findall(r"([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) re", runs[0])]
    module = rects[0][3]
    n = round(max(y + h for _, y, _, h in rects) / module)
    grid = [[False] * n for _ in range(n)]
    for x, y, w, _h in rects:
        for col in range(round(x / module), round((x + w) / module)):
            grid[n - 1 - round(y / module)][col] = True
    return tuple(tuple(row) for row in grid)


class Desk:
    def __init__(self, root: Path, server: ServerHandle, username: str) -> None:
        self.service = DeskService(root / "data")
        store = CredentialStore("x", directory=root / "creds")
        self.account = Account(self.service, store=store)
        store.device_id = self.account.device_id
        self.account.login(server.url, username, server.password)
        self.client = self.account.client(retry=RetryPolicy(attempts=2))

    def sync(self) -> None:
        report = SyncEngine(self.service, self.client, after_round=top_up_agenda).sync_once()
        assert report.rejected == 0, self.service.outbox(("rejected",))

    def close(self) -> None:
        self.client.close()
        self.service.close()


@pytest.fixture
def desk(tmp_path: Path, server: ServerHandle, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LAPOR_DESK_CREDENTIAL_STORE", "file")
    made = Desk(tmp_path, server, "dinkes.pimpinan")
    letter_settings.save(made.service, complete_kop())  # issuing needs a complete kop
    yield made
    made.close()


def test_a_desk_sheet_verifies_then_shows_voided(desk: Desk, server: ServerHandle) -> None:
    cid, _version, tracking = disposed_complaint(server)
    data_dir = Path(desk.service.data_dir)
    desk.sync()
    ensure_agenda_numbers(desk.service, desk.client)
    key = qk.load(data_dir, "DINKES")
    assert key is not None and key.key_id == "server:v1"
    assert key.key == hmac.new(secret_of(server), b"lapor-qr/v1/DINKES", hashlib.sha256).digest()

    record = issue_letter(desk.service, cid, options=IssueOptions(paper="a4"))
    assert record.qr_key_id == "server:v1"
    payload = make_qr_payload("DINKES", record.agenda_number, str(tracking), key.key)
    pdf = desk.service.files.read_file(archive_path(desk.service, record.sha256))
    # Exactly this payload is on the sheet, inside the link to this server's page.
    url = verify_url(server.url, payload)
    assert qr_in_pdf(pdf) == qr_matrix(url)

    pending = verify(server, payload).json()
    assert pending["status"] == "unknown" and "belum tercatat" in pending["message"]

    desk.sync()
    opened = requests.get(url, headers={"Accept": "application/json"}, timeout=30)
    assert opened.status_code == 200 and opened.json()["status"] == "valid", opened.text
    page = requests.get(url, headers={"Accept": "text/html"}, timeout=30)
    assert "Lembar disposisi ini asli" in page.text and record.agenda_number in page.text
    answer = verify(server, payload)
    assert answer.status_code == 200 and answer.headers["cache-control"] == "no-store"
    body = answer.json()
    assert body["status"] == "valid", body
    assert body["agency"] == "DINKES" and body["agenda_number"] == record.agenda_number
    assert body["complaint_number"] == str(tracking)
    assert body["issued_date"][:4] == str(record.agenda_year)
    assert body["voided"] is False and body["voided_date"] is None

    # Any edited field breaks the tag.
    for forged in (payload.replace(str(tracking), str(tracking + 1)),
                   payload.replace("DINKES", "PUPR", 1),
                   payload[:-1] + ("A" if payload[-1] != "A" else "B"),
                   make_qr_payload("DINKES", record.agenda_number, str(tracking), b"x" * 32)):
        body = verify(server, forged).json()
        assert body == {"status": "forged", "message": body["message"], "agency": None,
                        "agenda_number": None, "complaint_number": None, "issued_date": None,
                        "voided": False, "voided_date": None}

    reason = "Salah unit tujuan, terbit ulang dengan perbaikan"
    void_letter(desk.service, record.letter_id, reason)
    desk.sync()
    answer = verify(server, payload)
    body = answer.json()
    assert body["status"] == "voided" and body["voided"] is True
    assert body["voided_date"] is not None and "dibatalkan" in body["message"]
    for hidden in (reason, record.letter_id, "dinkes.pimpinan", *IDENTITY):
        assert hidden not in answer.text


def test_a_draft_says_konsep_and_carries_no_valid_qr(desk: Desk, server: ServerHandle,
                                                     tmp_path: Path) -> None:
    """Issue 15.2: the preview before issuing looked genuine (no mark, a QR signed with the
    real key that the server called "Tanda pengaman kode QR sah")."""
    cid, _version, tracking = disposed_complaint(server)
    desk.sync()
    ensure_agenda_numbers(desk.service, desk.client)
    key = qk.load(Path(desk.service.data_dir), "DINKES")
    for paper in ("a4", "f4", "half"):
        path = tmp_path / f"draft-{paper}.pdf"
        path.write_bytes(preview_letter(desk.service, cid, options=IssueOptions(
            paper=paper, include_content=True)))
        pages = len(page_sizes(path))
        for page in range(1, pages + 1):
            assert "KONSEP \u2014 TIDAK SAH" in flat(run("pdftotext", "-f", str(page), "-l",
                                                          str(page), path, "-")), (paper, page)
            assert qr_codes(path, page) == [], (paper, page)
    # The issued sheet has no mark and its QR reads back as the signed payload.
    record = issue_letter(desk.service, cid, options=IssueOptions(paper="a4"))
    issued = tmp_path / "issued.pdf"
    issued.write_bytes(desk.service.files.read_file(archive_path(desk.service, record.sha256)))
    assert "KONSEP" not in text(issued)
    payload = make_qr_payload("DINKES", record.agenda_number, str(tracking), key.key)
    assert qr_codes(issued) == [verify_url(server.url, payload)]
    # A draft payload signed with the real key (what earlier drafts printed) is refused.
    draft = make_qr_payload("DINKES", DRAFT_AGENDA, str(tracking), key.key)
    body = verify(server, draft).json()
    assert body["status"] == "draft" and "konsep" in body["message"].lower(), body
    assert "tidak sah" in body["message"] and body["agenda_number"] is None


def test_unknown_and_malformed_payloads(server: ServerHandle) -> None:
    key = base64.b64decode(reserve(server.login("dinkes.pimpinan")).json()["qr_key"])
    cid, _version, tracking = disposed_complaint(server)
    never_issued = make_qr_payload("DINKES", "999/DISP/DINKES/XI/2026", str(tracking), key)
    body = verify(server, never_issued).json()
    assert body["status"] == "unknown" and body["agenda_number"] == "999/DISP/DINKES/XI/2026"
    assert body["issued_date"] is None
    # Signed, but for another agency's sheet with this agency's key: the tag does not fit.
    assert verify(server, make_qr_payload("PUPR", "001/X/2026", "1", key)).json()["status"] \
        == "forged"

    for bad in ("hello", "LPD1|DINKES|1/2026|123", "LPD2|DINKES|1/2026|123|AAAA",
                "LPD1||1/2026|123|AAAA", "LPD1|DINKES|1/2026|123|AAAA|extra",
                "LPD1|DINKÉS|1/2026|123|AAAA"):
        resp = verify(server, bad)
        assert resp.status_code == 400, (bad, resp.text)
        assert resp.json()["error"] == "invalid_qr" and "kode QR" in resp.json()["message"]
    too_long = verify(server, "LPD1|" + "A" * 2000)
    assert too_long.status_code == 422 and too_long.json()["error"] == "invalid"
    missing = requests.get(f"{server.api}/letters/verify", timeout=30)
    assert missing.status_code == 422
    assert cid  # the complaint exists: "unknown" is about the letter, not the complaint


def test_a_letter_recorded_without_its_printed_text_is_found_by_number(
        server: ServerHandle) -> None:
    """Letters pushed without ``agenda_text`` (older desks): matched on number and year."""
    leader = server.login("dinkes.pimpinan")
    block = reserve(leader, 3).json()
    cid, version, tracking = disposed_complaint(server)
    number = block["start"]
    pushed = leader.push_one(op("letter_issued", cid, version, letter_id=str(uuid.uuid4()),
                                agenda_number=number, agenda_year=YEAR))
    assert pushed["status"] == "applied", pushed
    key = base64.b64decode(block["qr_key"])
    text = f"{number:03d}/DISP/DINKES/XI/{YEAR}"
    assert verify(server, make_qr_payload("DINKES", text, str(tracking), key)).json()[
        "status"] == "valid"
    # The same number on another complaint's sheet is not this letter.
    assert verify(server, make_qr_payload("DINKES", text, str(tracking + 1000), key)).json()[
        "status"] == "unknown"


def test_a_desk_still_on_a_local_key_fetches_the_server_key(desk: Desk,
                                                            server: ServerHandle) -> None:
    """Blocks reserved before the server sent keys: the desk reserves one number for the key."""
    data_dir = Path(desk.service.data_dir)
    desk.sync()
    ensure_agenda_numbers(desk.service, desk.client)
    server_key = qk.load(data_dir, "DINKES")
    assert server_key is not None and server_key.from_server
    qk.save(data_dir, "DINKES", qk.QrKey(b"l" * 32, "local:abcd"))  # as an old desk had it
    report = ensure_agenda_numbers(desk.service, desk.client)
    assert [b["end"] - b["start"] for b in report.reserved] == [0]  # one number, used later
    assert report.qr_key_id == "server:v1"
    assert qk.load(data_dir, "DINKES") == server_key
    assert ensure_agenda_numbers(desk.service, desk.client).reserved == []
