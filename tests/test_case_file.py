"""The berkas perkara (issue 19.3): ``lapor-desk case-file`` builds ONE PDF offline from the
desk's store for a complaint with 3 attachments, 2 dispositions, a follow-up and 2 letters
(one voided); it is read back with pdftotext and pypdf, every embedded file's SHA-256
matches the manifest, it is signed where the desk has a certificate, and the reporter's
identity follows the recipient's privacy rules. Real store, real PDFs, the real CLI."""

from __future__ import annotations

import hashlib
import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop import cli
from desktop.printing import issue_letter, void_letter
from desktop.sync.attachments import add_file

from .clocks import office_time
from .pades_fixtures import PASSPHRASE, make_pki
from .test_letters_pdftools import need_tools, run
from .test_printing_archive import ADMIN, LEADER, NOW, _add_block, _complaint, desk_for

pytestmark = [pytest.mark.dates, need_tools]
SHA = re.compile(r"\b[0-9a-f]{64}\b")


@pytest.fixture(autouse=True)
def _at_now():
    with office_time(NOW):
        yield


@pytest.fixture
def desk(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("LAPOR_SIGN_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("LAPOR_SIGN_P12", raising=False)
    service = desk_for(tmp_path / "desk")
    yield service
    service.close()


def _files(folder: Path) -> list[Path]:
    from PIL import Image
    from reportlab.pdfgen.canvas import Canvas

    folder.mkdir()
    photo = folder / "foto-antrean.png"
    Image.new("RGB", (320, 200), (200, 40, 40)).save(photo)
    scan = folder / "surat-pelapor.pdf"
    canvas = Canvas(str(scan))
    canvas.drawString(72, 720, "Surat keberatan pelapor halaman satu")
    canvas.showPage()
    canvas.drawString(72, 720, "Surat keberatan pelapor halaman dua")
    canvas.save()
    note = folder / "catatan.txt"
    note.write_text("Catatan petugas loket: pelapor datang pukul 09.00.\n", encoding="utf-8")
    return [photo, scan, note]


def _full_case(desk, tmp_path: Path, **complaint) -> str:
    cid = _complaint(desk, **complaint)
    for path in _files(tmp_path / "files"):
        desk.apply_local_op(cid, "attach", add_file(desk, path), ADMIN, now=NOW)
    desk.apply_local_op(cid, "dispose", {"unit_codes": ["YANKES"], "sifat": "sangat_segera",
                                         "instructions": ["Tindak lanjuti segera"],
                                         "note": "Periksa loket obat hari ini."}, LEADER,
                        now=NOW)
    desk.apply_local_op(cid, "follow_up", {"text": "Loket obat kedua dibuka mulai Senin."},
                        ADMIN, now=NOW)
    _add_block(desk, 1, 9)
    first = issue_letter(desk, cid, LEADER)
    void_letter(desk, first.letter_id, "Salah unit tujuan", LEADER)
    issue_letter(desk, cid, LEADER)
    return cid


def _text(path: Path) -> str:
    return run("pdftotext", "-enc", "UTF-8", path, "-")


def test_a_case_file_holds_everything_and_its_manifest_matches(desk, tmp_path, capsys):
    pki = make_pki(tmp_path / "pki")
    assert cli.main(["--data-dir", str(desk.data_dir), "signing", "--p12",
                     str(pki.valid_p12)]) == 0
    _full_case(desk, tmp_path)
    out = tmp_path / "berkas.pdf"
    assert cli.main(["--data-dir", str(desk.data_dir), "case-file", "#1916449", "--out",
                     str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Ditandatangani secara elektronik" in printed
    text = _text(out)
    flat = " ".join(text.split())
    # Pengantar with the kop, the sections, both letters (one voided), the follow-up.
    for words in ("DINAS KESEHATAN", "Penyampaian berkas pengaduan No. 1916449",
                  "Ombudsman Republik Indonesia", "A. DATA PENGADUAN", "B. RIWAYAT PENANGANAN",
                  "C. DISPOSISI DAN TINDAK LANJUT", "D. SURAT YANG DITERBITKAN", "E. LAMPIRAN",
                  "MANIFES BERKAS PERKARA", "001/DISP/DINKES/XI/2026", "002/DISP/DINKES/XI/2026",
                  "DIBATALKAN: Salah unit tujuan", "Loket obat kedua dibuka mulai Senin",
                  "Periksa loket obat hari ini", "Siti Rahmah",
                  "Surat keberatan pelapor halaman dua", "foto-antrean.png", "catatan.txt"):
        assert words in flat, words
    # 3 attachments + 2 letters + the complaint record, each embedded with its bytes.
    reader = PdfReader(out)
    embedded = {name: data[0] for name, data in reader.attachments.items()}
    assert len(embedded) == 6, sorted(embedded)
    manifest = text[text.index("MANIFES BERKAS PERKARA"):]
    listed = SHA.findall(manifest)
    assert len(listed) == 6
    assert sorted(hashlib.sha256(d).hexdigest() for d in embedded.values()) == sorted(listed)
    # The hashes are those of the desk's originals (the attach ops, the archived letters).
    snapshot = desk.complaint_by_number(1916449)
    for att in snapshot["attachments"]:
        assert att["sha256"] in listed or "Lembar-Disposisi" in att["filename"]
    record = json.loads(next(d for n, d in embedded.items() if n.endswith("pengaduan.json")))
    assert record["tracking_number"] == 1916449 and len(record["timeline"]) >= 8
    # The image and the PDF attachment are pages of the case file too.
    assert len(reader.pages) >= 1 + 1 + 2 + 2 + 1 + 1
    # Signed in the pengantar's signature block, and it verifies.
    assert cli.main(["verify-pdf", str(out), "--ca-file", str(pki.ca_pem), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["signatures"][0]["signer"] == "dr. H. Ahmad Fauzan"


@pytest.mark.parametrize("recipient, shown", [("ombudsman", True), ("instansi", False)])
def test_a_confidential_reporter_is_shown_only_to_oversight_bodies(desk, tmp_path, capsys,
                                                                    recipient, shown):
    cid = _complaint(desk)
    desk.apply_local_op(cid, "privacy_flags", {"confidential": True}, ADMIN, now=NOW)
    out = tmp_path / "berkas.pdf"
    assert cli.main(["--data-dir", str(desk.data_dir), "case-file", cid, "--out", str(out),
                     "--recipient", recipient]) == 0
    capsys.readouterr()
    flat = " ".join(_text(out).split())
    assert ("Siti Rahmah" in flat) is shown
    assert "RAHASIA" in flat and "tidak ditandatangani secara elektronik" in flat
    embedded = PdfReader(out).attachments
    data = next(v[0] for n, v in embedded.items() if n.endswith("pengaduan.json"))
    assert (b"Siti Rahmah" in data) is shown


def test_an_anonymous_reporter_is_never_named(desk, tmp_path, capsys):
    _complaint(desk, anonymous=True)
    out = tmp_path / "berkas.pdf"
    assert cli.main(["--data-dir", str(desk.data_dir), "case-file", "1916449", "--out",
                     str(out), "--recipient", "inspektorat"]) == 0
    capsys.readouterr()
    pdf = out.read_bytes()
    flat = " ".join(_text(out).split())
    assert "Siti Rahmah" not in flat and "Anonim" in flat
    for data in PdfReader(io.BytesIO(pdf)).attachments.values():
        assert b"Siti Rahmah" not in data[0]
    assert cli.main(["--data-dir", str(desk.data_dir), "case-file", "99", "--out",
                     str(out)]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err
