"""Electronic signatures (issue 19.1): a desk with a PKCS#12 certificate signs the Lembar
Disposisi and the recap at issue time; ``lapor-desk verify-pdf`` and pyHanko's own validator
accept them; one changed byte is caught; expired and revoked certificates are refused; a
desk without a certificate prints a QR-only sheet that says so. Real certificates (a test
CA made with ``cryptography``), real PDFs, the real CLI in process."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from desktop import cli
from desktop.letters import pades

from .clocks import office_time
from .pades_fixtures import PASSPHRASE, make_pki
from .test_letters_pdftools import need_tools, run
from .test_printing_archive import NOW, _add_block, _complaint, desk_for

pytestmark = [pytest.mark.dates, need_tools]


@pytest.fixture(autouse=True)
def _at_now():
    with office_time(NOW):
        yield


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def desk(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("LAPOR_SIGN_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("LAPOR_SIGN_P12", raising=False)
    service = desk_for(tmp_path / "desk")
    yield service
    service.close()


def text(path: Path) -> str:
    """The PDF's words in reading order (no layout: a caption beside the QR stays whole)."""
    return " ".join(run("pdftotext", "-enc", "UTF-8", path, "-").split())


def _lapor(desk, *args: str) -> int:
    return cli.main(["--data-dir", str(desk.data_dir), *args])


def _verify(path: Path, *ca: Path, capsys) -> tuple[int, dict]:
    args = ["verify-pdf", str(path), "--json"]
    for c in ca:
        args += ["--ca-file", str(c)]
    code = cli.main(args)
    return code, json.loads(capsys.readouterr().out)


def _letter_rows(desk) -> int:
    from desktop.store import rows as rw

    with desk.reading() as conn:
        return rw.raw(conn).execute("SELECT count(*) FROM letters").fetchone()[0]


def test_a_configured_desk_signs_the_sheet_and_both_validators_accept_it(desk, pki, tmp_path,
                                                                         capsys):
    assert _lapor(desk, "signing", "--p12", str(pki.valid_p12), "--ca-file", str(pki.ca_pem),
                  "--crl-file", str(pki.crl_pem)) == 0
    out = capsys.readouterr().out
    assert "dr. H. Ahmad Fauzan" in out and "dapat dipakai" in out
    assert PASSPHRASE not in json.dumps(desk.get_setting("signing"))  # never stored
    _complaint(desk)
    _add_block(desk, 1, 5)
    sheet = tmp_path / "disposisi.pdf"
    assert _lapor(desk, "letter", "#1916449", "--out", str(sheet), "--paper", "a4") == 0
    assert "Ditandatangani secara elektronik oleh dr. H. Ahmad Fauzan" in capsys.readouterr().out
    data = sheet.read_bytes()

    code, report = _verify(sheet, pki.ca_pem, capsys=capsys)
    assert code == 0, report
    [sig] = report["signatures"]
    assert sig["integrity"] == "intact" and sig["trust"] == "trusted"
    assert sig["signer"] == "dr. H. Ahmad Fauzan" and sig["signing_time"].startswith("2026-11-23")
    # Human output too.
    assert cli.main(["verify-pdf", str(sheet), "--ca-file", str(pki.ca_pem)]) == 0
    human = capsys.readouterr().out
    assert "UTUH" in human and "TERPERCAYA" in human and "23 November 2026" in human

    # pyHanko's own validator, with the test CA as the only trust root.
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(data))
    [embedded] = reader.embedded_signatures
    context = ValidationContext(trust_roots=[pades._asn1_cert(pki.ca_cert)],
                                moment=embedded.self_reported_timestamp)
    status = validate_pdf_signature(embedded, context)
    assert status.bottom_line and status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    # The chain is embedded: the signer's certificate and the CA's.
    embedded_certs = {c.subject.human_friendly for c in embedded.signed_data["certificates"]
                      .native and [x.chosen for x in embedded.signed_data["certificates"]]}
    assert any("Root CA Uji LAPOR" in s for s in embedded_certs)
    # The visible stamp sits in the sheet's room to sign, on page 1.
    page = reader.root["/Pages"]["/Kids"][0].get_object()
    [widget] = [a.get_object() for a in page["/Annots"]
                if a.get_object().get("/FT") == "/Sig"]
    x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
    assert x2 - x1 > 150 and 30 < y2 - y1 < 60 and x1 > 595 / 3
    assert "ditandatangani secara elektronik dengan sertifikat" in text(sheet)

    # The archive holds the signed bytes: a reprint is the same signed file.
    again = tmp_path / "lagi.pdf"
    assert _lapor(desk, "letter", "#1916449", "--out", str(again), "--paper", "a4") == 0
    assert again.read_bytes() == data


def test_a_single_changed_byte_is_detected(desk, pki, tmp_path, capsys):
    assert _lapor(desk, "signing", "--p12", str(pki.valid_p12)) == 0
    _complaint(desk)
    _add_block(desk, 1, 5)
    sheet = tmp_path / "disposisi.pdf"
    assert _lapor(desk, "letter", "#1916449", "--out", str(sheet), "--paper", "half") == 0
    capsys.readouterr()
    data = sheet.read_bytes()
    body = data.index(b"stream") + 40  # inside the first content stream (signed range)
    for position in (body, len(data) // 2):
        changed = bytearray(data)
        changed[position] ^= 0x01
        target = tmp_path / f"changed-{position}.pdf"
        target.write_bytes(bytes(changed))
        code, report = _verify(target, pki.ca_pem, capsys=capsys)
        assert code == 7, report
        assert report["signatures"][0]["integrity"] == "modified"
        assert not report["ok"]
    # A CA that did not issue the certificate: intact but untrusted (exit 8).
    code, report = _verify(sheet, pki.other_ca_pem, capsys=capsys)
    assert code == 8 and report["signatures"][0]["integrity"] == "intact"
    assert report["signatures"][0]["trust"] == "untrusted"


@pytest.mark.parametrize("which, word", [("expired", "kedaluwarsa"), ("revoked", "dicabut")])
def test_expired_or_revoked_certificates_are_refused_at_signing(desk, pki, tmp_path, capsys,
                                                                monkeypatch, which, word):
    p12 = pki.expired_p12 if which == "expired" else pki.revoked_p12
    assert _lapor(desk, "signing", "--crl-file", str(pki.crl_pem), "--p12", str(p12)) == 1
    assert word in capsys.readouterr().err
    assert desk.get_setting("signing") is None  # refused: not configured
    # Configured anyway (env, e.g. a script): issuing refuses before taking a number.
    monkeypatch.setenv("LAPOR_SIGN_P12", str(p12))
    _complaint(desk)
    _add_block(desk, 1, 5)
    sheet = tmp_path / "disposisi.pdf"
    assert _lapor(desk, "letter", "#1916449", "--out", str(sheet)) == 1
    err = capsys.readouterr().err
    assert word in err and "tidak ditandatangani" in err
    assert not sheet.exists() and _letter_rows(desk) == 0
    with pytest.raises(pades.SigningRefused) as refused:
        pades.check_usable(pades.load_pkcs12(p12.read_bytes(), PASSPHRASE), NOW,
                           pades.load_crls([pki.crl_pem]))
    assert refused.value.code == which


def test_a_wrong_passphrase_is_refused(desk, pki, capsys, monkeypatch):
    monkeypatch.setenv("LAPOR_SIGN_PASSPHRASE", "salah")
    assert _lapor(desk, "signing", "--p12", str(pki.valid_p12)) == 1
    assert "kata sandi salah" in capsys.readouterr().err


def test_without_a_certificate_the_sheet_is_qr_only_and_says_so(desk, tmp_path, capsys):
    _complaint(desk)
    _add_block(desk, 1, 5)
    sheet = tmp_path / "disposisi.pdf"
    assert _lapor(desk, "letter", "#1916449", "--out", str(sheet), "--paper", "f4") == 0
    capsys.readouterr()
    words = text(sheet)
    assert "Dokumen ini tidak ditandatangani secara elektronik; keaslian dapat diperiksa " \
           "melalui kode QR." in words
    code, report = _verify(sheet, capsys=capsys)
    assert code == 7 and report["signatures"] == []


def test_the_recap_is_signed_in_its_signature_block(desk, pki, tmp_path, capsys):
    assert _lapor(desk, "signing", "--p12", str(pki.valid_p12)) == 0
    target = tmp_path / "rekap.pdf"
    assert _lapor(desk, "report", "--from", "2026-11-01", "--to", "2026-11-30", "--pdf",
                  str(target)) == 0
    assert "Ditandatangani secara elektronik" in capsys.readouterr().out
    code, report = _verify(target, pki.ca_pem, capsys=capsys)
    assert code == 0, report
    from pypdf import PdfReader

    widgets = [a.get_object() for p in PdfReader(target).pages for a in p.get("/Annots") or ()
               if a.get_object().get("/FT") == "/Sig"]
    assert len(widgets) == 1 and float(widgets[0]["/Rect"][2]) > float(widgets[0]["/Rect"][0])


def test_a_signature_by_a_revoked_certificate_verifies_as_untrusted_with_the_crl(pki):
    """Signed before the CRL reached the desk: verify-pdf with the CRL names it revoked."""
    from desktop.letters.disposition import render_disposition
    from desktop.letters.samples import sample_sheet
    from desktop.letters.signbox import sealing

    identity = pades.load_pkcs12(pki.revoked_p12.read_bytes(), PASSPHRASE)
    with sealing(pades.PdfSealer(identity, lambda: NOW)):  # no CRL at hand when signing
        data = render_disposition(sample_sheet(), "a4")
    [before] = pades.verify_pdf(data, [pki.ca_cert])
    assert before.intact and before.trusted
    [after] = pades.verify_pdf(data, [pki.ca_cert], pades.load_crls([pki.crl_pem]))
    assert after.intact and after.revoked and not after.trusted and not after.ok
    assert "dicabut" in " ".join(after.problems)
