"""``lapor-desk report`` in a subprocess, and the CSV/XLSX exports read back."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from core import WITA
from desktop.reports import export
from desktop.store import DeskService
from desktop.store.reports import build_report
from tests.test_reports_fixtures import EXPECTED, NOVEMBER, fill, open_store

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("reports-cli")
    fill(path)
    return path


def lapor(folder: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "LAPOR_DESK_DATA_DIR"}
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(folder), *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=120, env=env)


def test_json_is_the_stores_report(folder: Path):
    done = lapor(folder, "report", "--from", "2026-11-01", "--to", "2026-11-30", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    # Deadline states depend on the day the command runs: compare with the store's own
    # report for today, and the day-independent figures with the hand count.
    with DeskService(folder) as store:
        assert data == build_report(store, *NOVEMBER).as_dict()
    totals = data["totals"]
    assert (totals["received"], totals["closed"], totals["closed_on_time"],
            totals["closed_late"], totals["on_time_pct"],
            totals["median_working_days_to_close"]) == (
        EXPECTED["received"], EXPECTED["closed"], EXPECTED["closed_on_time"],
        EXPECTED["closed_late"], EXPECTED["on_time_pct"], EXPECTED["median"])
    assert {r["key"]: r["total"] for r in data["by_status"]} == EXPECTED["by_status"]
    assert {r["key"]: r["total"] for r in data["by_unit"]} == {
        k: v[0] for k, v in EXPECTED["by_unit"].items()}
    assert {r["key"]: r["total"] for r in data["by_channel"]} == EXPECTED["by_channel"]


def test_text_output_and_csv_file(folder: Path, tmp_path: Path):
    target = tmp_path / "rekap.csv"
    done = lapor(folder, "report", "--from", "2026-11-01", "--to", "2026-11-30",
                 "--csv", str(target))
    assert done.returncode == 0, done.stderr
    assert "Rekap pengaduan diterima 01/11/2026 – 30/11/2026" in done.stdout
    assert "12 diterima, 5 selesai (60,0 % tepat waktu)" in done.stdout
    assert "Bidang Pelayanan Kesehatan" in done.stdout
    rows = read_csv(target)
    assert rows[0] == ["Rekap Pengaduan"]
    assert ["Diterima", "12"] in rows and ["% tepat waktu", "60,0"] in rows


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "2026-13-01"], "--from: tanggal tidak valid: '2026-13-01'"),
    (["--to", "30/11/2026"], "Gunakan format TTTT-BB-HH"),
    (["--from", "2026-11-30", "--to", "2026-11-01"],
     "Tanggal awal (30/11/2026) sesudah tanggal akhir (01/11/2026)"),
])
def test_bad_dates_exit_6_in_indonesian(folder: Path, args: list[str], message: str):
    done = lapor(folder, "report", *args)
    assert done.returncode == 6
    assert message in done.stderr and done.stdout == ""


def test_unknown_flag_is_a_usage_error(folder: Path):
    assert lapor(folder, "report", "--bulan", "11").returncode == 2


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def section(rows: list[list[str]], title: str) -> list[list[str]]:
    start = rows.index([title]) + 1
    end = next((i for i in range(start, len(rows)) if not rows[i]), len(rows))
    return rows[start:end]


def test_csv_export_reads_back(folder: Path, tmp_path: Path):
    with open_store(folder) as store:
        report = build_report(store, *NOVEMBER)
    target = export.write_csv(tmp_path / "rekap.csv", report,
                              made=datetime(2026, 12, 15, 10, 5, tzinfo=WITA))
    rows = read_csv(target)
    assert ["Periode (tanggal diterima)", "01/11/2026 – 30/11/2026"] in rows
    assert ["Dibuat", "15/12/2026 10.05"] in rows
    units = section(rows, "Per unit")
    assert units[0] == export.wide_headers("id", "unit")
    assert ["Bidang Pelayanan Kesehatan", "5", "4", "2", "2", "50,0", "1", "0", "0"] in units
    assert ["Tanpa unit tujuan", "5", "0", "0", "0", "", "4", "3", "1"] == units[-1]
    deadline = section(rows, "Per keadaan batas waktu")
    assert deadline[1:] == [
        ["Selesai tepat waktu", "3", "25,0"], ["Selesai terlambat", "2", "16,7"],
        ["Berjalan, masih dalam batas waktu", "2", "16,7"],
        ["Berjalan, lewat batas waktu", "4", "33,3"],
        ["Pelapor tidak menanggapi, perlu ditutup", "0", "0,0"],
        ["Tanpa batas waktu (bukan wewenang, diarsipkan)", "1", "8,3"], ["Semua", "12", "100,0"]]
    assert sum(int(r[1]) for r in section(rows, "Per kanal")[1:]) == 12


def test_xlsx_export_keeps_numbers(folder: Path, tmp_path: Path):
    from openpyxl import load_workbook

    with open_store(folder) as store:
        report = build_report(store, *NOVEMBER)
    target = export.write_xlsx(tmp_path / "rekap.xlsx", report)
    book = load_workbook(target)
    assert book.sheetnames == ["Ringkasan", "Per status", "Per keadaan batas waktu",
                               "Per unit", "Per kategori", "Per klasifikasi", "Per kanal"]
    units = list(book["Per unit"].iter_rows(values_only=True))
    yankes = next(r for r in units if r[0] == "Bidang Pelayanan Kesehatan")
    assert yankes == ("Bidang Pelayanan Kesehatan", 5, 4, 2, 2, 0.5, 1, 0, 0)
    assert book["Per unit"].cell(2, 6).number_format == "0.0%"
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file left behind"


def test_pdf_export_reads_back(folder: Path, tmp_path: Path):
    from desktop.reports.pdf import write_pdf

    with open_store(folder) as store:
        report = build_report(store, *NOVEMBER)
    target = write_pdf(tmp_path / "rekap.pdf", report,
                       made=datetime(2026, 12, 15, 10, 5, tzinfo=WITA))
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "REKAPITULASI PENGADUAN MASYARAKAT" in text and "PERIODE 1–30 NOVEMBER 2026" in text
    assert "Dibuat: 15 Desember 2026 pukul 10.05 WITA" in text
    assert "% tepat waktu" in text and "60,0 %" in text
    line = next(x for x in text.splitlines() if "Bidang Pelayanan Kesehatan" in x
                and len(x.split()) > 8)
    assert line.split()[-9:] == ["5", "4", "2", "2", "50,0", "%", "1", "0", "0"]
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True,
                           check=True).stdout
    assert "LiberationSans" in fonts and "Helvetica" not in fonts


def test_pdf_option_writes_the_recap_to_sign(folder: Path, tmp_path: Path):
    target = tmp_path / "rekap.pdf"
    done = lapor(folder, "report", "--from", "2026-11-01", "--to", "2026-11-30",
                 "--pdf", str(target), "--landscape")
    assert done.returncode == 0, done.stderr
    assert f"Rekap PDF disimpan di {target}." in done.stdout
    # No signer in Pengaturan › Kop surat yet: printed without a signature block, said so.
    assert "Tanpa blok tanda tangan" in done.stdout and "alamat kantor" in done.stdout
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"Page size:\s+841\.\d+ x 595\.\d+", info)  # A4 turned
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "PERIODE 1–30 NOVEMBER 2026" in text and "Halaman 1 dari" in text
    assert "Mengetahui" not in text
    done = lapor(folder, "report", "--pdf", str(tmp_path / "nope" / "rekap.pdf"))
    assert done.returncode == 1 and "tidak dapat ditulis" in done.stderr
