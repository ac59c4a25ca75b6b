"""The recap a kepala dinas signs (issue 15.11, 18.4), read back with poppler.

Rendered from the hand-counted November store (tests/test_reports_fixtures.py): complaint B
is routed to two units, so November's unit rows add up to 13 for 12 complaints.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from core import WITA
from desktop.letters import AgencyProfile, Signer
from desktop.printing import settings as letter_settings
from desktop.reports.pdf import Letterhead, period_text, write_pdf
from desktop.reports.printable import write_recap_pdf
from desktop.store.dashboard import monthly_trend
from desktop.store.reports import build_report
from tests.test_letters_pdftools import (
    assert_fonts_embedded,
    assert_in_order,
    need_tools,
    page_sizes,
    qpdf_clean,
    run,
    text,
)
from tests.test_reports_fixtures import NOVEMBER, fill, open_store

pytestmark = [pytest.mark.dates, need_tools]

MADE = datetime(2026, 12, 15, 10, 5, tzinfo=WITA)
PROFILE = AgencyProfile(
    code="DINKES", header_lines=("PEMERINTAH PROVINSI KALIMANTAN SELATAN", "DINAS KESEHATAN"),
    address="Jalan Belitung Darat No. 118, Banjarmasin, Kalimantan Selatan 70116",
    phone_fax="Telepon (0511) 3355661", web_email="dinkes.kalselprov.go.id")
SIGNER = Signer(jabatan="KEPALA DINAS KESEHATAN PROVINSI KALIMANTAN SELATAN",
                name="dr. Hj. Rina Marlina, M.Kes.", pangkat="Pembina Utama Muda (IV/c)",
                nip="197001011995031002")
NOTE = "pengaduan ditujukan ke lebih dari satu unit"
LATE_NOVEMBER = (date(2026, 11, 20), date(2026, 11, 30))  # F, G, I, L: one unit at most


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("reports-pdf")
    fill(path)
    return path


@pytest.fixture
def store(folder: Path):
    service = open_store(folder)
    yield service
    service.close()


def pages(path: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", path), re.M).group(1))


def flat(path: Path, page: int | None = None) -> str:
    return " ".join(text(path, page).split())


def test_signed_recap_reads_back(store, tmp_path: Path):
    report = build_report(store, *NOVEMBER)
    target = write_pdf(tmp_path / "rekap.pdf", report, MADE, Letterhead(PROFILE, SIGNER),
                       monthly_trend(store, report.date_to))
    qpdf_clean(target)
    assert_fonts_embedded(target)
    n = pages(target)
    assert n >= 2
    assert all(size == pytest.approx((595.3, 841.9), abs=1) for size in page_sizes(target))
    for page in range(1, n + 1):  # page furniture on every page
        words = flat(target, page)
        assert f"Halaman {page} dari {n}" in words
        assert "Dibuat: 15 Desember 2026 pukul 10.05 WITA" in words
    first = flat(target, 1)
    assert_in_order(first, [
        "PEMERINTAH PROVINSI KALIMANTAN SELATAN", "DINAS KESEHATAN",
        "Jalan Belitung Darat No. 118, Banjarmasin", "Telepon (0511) 3355661",
        "dinkes.kalselprov.go.id", "REKAPITULASI PENGADUAN MASYARAKAT",
        "PERIODE 1–30 NOVEMBER 2026", "Diterima 12", "Selesai 5", "% tepat waktu 60,0 %",
        "Tren 12 bulan (Des 2025 – Nov 2026)", "Ketepatan waktu per unit",
        "Bidang Pelayanan Kesehatan (4) 50,0 %"])
    whole = flat(target)
    assert_in_order(whole, ["Per unit", "Bidang Pelayanan Kesehatan 5 4 2 2 50,0 %",
                            f"Catatan: 1 {NOTE} dan dihitung pada setiap unit tujuannya",
                            "jumlah per unit (13) lebih besar daripada jumlah pengaduan yang "
                            "diterima (12)", "Per kategori"])
    # The signature block closes the last page: place and date, Mengetahui, the signer.
    assert_in_order(flat(target, n), [
        "Banjarmasin, 15 Desember 2026", "Mengetahui,",
        "KEPALA DINAS KESEHATAN PROVINSI KALIMANTAN SELATAN,", "dr. Hj. Rina Marlina, M.Kes.",
        "Pembina Utama Muda (IV/c)", "NIP. 19700101 199503 1 002"])


def test_charts_are_vector_drawings(store, tmp_path: Path):
    report = build_report(store, *NOVEMBER)
    target = write_pdf(tmp_path / "rekap.pdf", report, MADE, Letterhead(PROFILE, SIGNER),
                       monthly_trend(store, report.date_to))
    # The only raster on the page is the kop's emblem (and its alpha mask).
    images = [line.split()[2] for line in run("pdfimages", "-list", target).splitlines()[2:]]
    assert sorted(images) == ["image", "smask"]
    first = text(target, 1)
    # Axis labels and bar values are text: the charts are drawn, not pasted.
    for label in ("0 %", "100 %", "Nov\n", "Diterima", "Selesai (dari yang diterima bulan itu)",
                  "Persentase selesai tepat waktu"):
        assert label in first, label
    trend = next(line for line in first.splitlines() if line.strip().startswith("Diterima")
                 and len(line.split()) == 13)
    assert trend.split()[1:] == ["0"] * 10 + ["1", "12"]  # Oct: J (31 Oct); Nov: 12


def test_note_only_when_a_complaint_has_several_units(store, tmp_path: Path):
    report = build_report(store, *LATE_NOVEMBER)
    assert report.multi_unit == 0 and sum(r.total for r in report.by_unit) == report.received
    target = write_pdf(tmp_path / "rekap.pdf", report, MADE, Letterhead(PROFILE, SIGNER))
    words = flat(target)
    assert "Per unit" in words and NOTE not in words and "Catatan:" not in words
    assert "PERIODE 20–30 NOVEMBER 2026" in words


def test_landscape_and_no_signer(store, tmp_path: Path):
    report = build_report(store, *NOVEMBER)
    target = write_pdf(tmp_path / "rekap.pdf", report, MADE, Letterhead(PROFILE, None),
                       landscape=True)
    assert all(size == pytest.approx((841.9, 595.3), abs=1) for size in page_sizes(target))
    words = flat(target)
    assert "REKAPITULASI PENGADUAN MASYARAKAT" in words and "Halaman 1 dari" in words
    assert "Mengetahui" not in words and "NIP." not in words


def test_kop_and_signer_come_from_the_letter_settings(folder: Path, tmp_path: Path):
    with open_store(folder) as store:
        report = build_report(store, *NOVEMBER)
        bare = write_recap_pdf(store, tmp_path / "tanpa.pdf", report, MADE)
        entry = letter_settings.SignerEntry.new(jabatan=SIGNER.jabatan, name=SIGNER.name,
                                                nip=SIGNER.nip)
        letter_settings.save(store, letter_settings.LetterSettings(
            agency_code="DINKES", header_lines=PROFILE.header_lines, address=PROFILE.address,
            signers=(entry,), default_signer=entry.id))
        try:
            signed = write_recap_pdf(store, tmp_path / "ttd.pdf", report, MADE)
        finally:
            store.set_setting(letter_settings.SETTINGS_KEY, None)
    assert not bare.signed and any("alamat kantor" in m for m in bare.missing)
    assert "Mengetahui" not in flat(bare.path)
    assert signed.signed and signed.missing == ()
    words = flat(signed.path)
    assert_in_order(words, ["DINAS KESEHATAN", "Jalan Belitung Darat", "PERIODE 1–30",
                            "Mengetahui,", SIGNER.name, "NIP. 19700101 199503 1 002"])


@pytest.mark.parametrize(("first", "last", "expected"), [
    (date(2026, 11, 1), date(2026, 11, 30), "1–30 NOVEMBER 2026"),
    (date(2026, 10, 1), date(2026, 11, 30), "1 OKTOBER – 30 NOVEMBER 2026"),
    (date(2025, 12, 1), date(2026, 1, 31), "1 DESEMBER 2025 – 31 JANUARI 2026"),
    (date(2026, 12, 2), date(2026, 12, 2), "2 DESEMBER 2026"),
])
def test_period_in_the_title(first: date, last: date, expected: str):
    assert period_text(first, last) == expected
