"""Paper-log import (CSV/XLSX), headless through ``lapor-desk import`` and through the
IntakeService the Loket page uses. Ground truth: the store and its outbox."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop import cli
from desktop.domain.clock import clock
from desktop.intake import IntakeService
from desktop.intake.importer import COLUMNS, OPTIONAL_COLUMNS
from desktop.intake.template import csv_text, write_template
from desktop.paths import resource
from desktop.store import DeskService

from .test_intake_service import make_desk

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks

PAST = clock().today() - timedelta(days=10)
GOOD = [
    {"nama_pelapor": "Siti Rahmah", "nik": "6371014101900001", "telepon": "0812 3456 7890",
     "email": "siti@example.id", "alamat": "Jl. Kelayan A", "anonim": "tidak",
     "rahasia": "tidak", "klasifikasi": "pengaduan", "kategori": "kesehatan",
     "kode_wilayah": "63.71.01.1001", "lokasi": "depan apotek",
     "tanggal_kejadian": PAST.strftime("%d/%m/%Y"),
     "judul": "Antrean obat di puskesmas sangat lama",
     "isi": "Antrean obat baru bergerak setelah pukul sepuluh pagi."},
    {"nama_pelapor": "", "nik": "", "telepon": "", "email": "", "alamat": "", "anonim": "ya",
     "rahasia": "YA", "klasifikasi": "Permintaan Informasi", "kategori": "Jalan dan Jembatan",
     "kode_wilayah": "63.03", "lokasi": "", "tanggal_kejadian": PAST.isoformat(),
     "judul": "Jembatan desa retak", "isi": "Jembatan di ujung desa retak sejak banjir,\n"
     "kendaraan roda empat masih melintas."},
    {"nama_pelapor": "Ahmad", "nik": "", "telepon": "+62 811-500-600", "email": "", "alamat": "",
     "anonim": "", "rahasia": "", "klasifikasi": "", "kategori": "", "kode_wilayah": "",
     "lokasi": "", "tanggal_kejadian": "", "judul": "Bantuan beasiswa belum cair",
     "isi": "Beasiswa semester ganjil belum diterima sampai sekarang."},
]


def write_csv(path: Path, rows: list[dict], *, columns=COLUMNS, delimiter: str = ",",
              encoding: str = "utf-8", bom: bool = False) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    data = buf.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def write_xlsx(path: Path, rows: list[list], header=COLUMNS) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    make_desk(tmp_path / "desk").close()
    return tmp_path / "desk"


def run_cli(folder: Path, *args: str, capsys) -> tuple[int, dict]:
    code = cli.main(["--data-dir", str(folder), "import", *args, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


def stored(folder: Path) -> list[dict]:
    with DeskService(folder) as store:
        return [store.complaint(o["complaint_id"]) for o in store.outbox()
                if o["kind"] == "create"]


def test_valid_csv_imports_every_row(folder, tmp_path, capsys):
    code, out = run_cli(folder, str(write_csv(tmp_path / "log.csv", GOOD)), capsys=capsys)
    assert (code, out) == (0, {"imported": 3, "skipped": 0, "errors": []})
    snaps = {s["title"]: s for s in stored(folder)}
    siti = snaps["Antrean obat di puskesmas sangat lama"]
    assert siti["reporter"]["phone"] == "+6281234567890"
    assert siti["incident_date"] == PAST.isoformat()
    assert siti["category_id"] == "kesehatan" and siti["channel"] == "loket"
    assert siti["provisional_number"].startswith("L-D1-")
    bridge = snaps["Jembatan desa retak"]
    assert bridge["anonymous"] and bridge["confidential"]
    assert bridge["classification"] == "permintaan_informasi"
    assert bridge["category_id"] == "jalan_jembatan"
    assert bridge["content"].startswith("Jembatan di ujung desa retak sejak banjir,\nkendaraan")
    ahmad = snaps["Bantuan beasiswa belum cair"]
    assert ahmad["classification"] == "pengaduan" and not ahmad["anonymous"]
    assert len({s["provisional_number"] for s in snaps.values()}) == 3


BAD_ROWS = [
    ("nama_pelapor", {"nama_pelapor": ""}, "Nama pelapor wajib diisi"),
    ("nik", {"nik": "123"}, "16 digit"),
    ("nik", {"nik": "6.37101E+15"}, "dibulatkan Excel"),
    ("telepon", {"telepon": "12345"}, "diawali 08"),
    ("email", {"email": "siti@"}, "Alamat email tidak valid"),
    ("anonim", {"anonim": "mungkin"}, "ya atau tidak"),
    ("rahasia", {"rahasia": "x"}, "ya atau tidak"),
    ("klasifikasi", {"klasifikasi": "keluhan"}, "tidak dikenal"),
    ("kategori", {"kategori": "kopi"}, "tidak dikenal"),
    ("kode_wilayah", {"kode_wilayah": "63.99.99"}, "tidak dikenal"),
    ("tanggal_kejadian", {"tanggal_kejadian": "kemarin"}, "tidak dikenali"),
    ("tanggal_kejadian", {"tanggal_kejadian": "31/02/2026"}, "tidak ada di kalender"),
    ("tanggal_kejadian", {"tanggal_kejadian": (clock().today() + timedelta(days=5)).isoformat()},
     "masa depan"),
    ("judul", {"judul": ""}, "Judul wajib diisi"),
    ("judul", {"judul": "Rusak"[:4]}, "minimal 5"),
    ("isi", {"isi": "pendek"}, "minimal 10"),
    ("lokasi", {"lokasi": "x" * 301}, "maksimal 300"),
]


@pytest.mark.parametrize(("column", "change", "needle"), BAD_ROWS,
                         ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(BAD_ROWS)])
def test_each_kind_of_bad_row(folder, tmp_path, capsys, column, change, needle):
    rows = [GOOD[0], {**GOOD[0], **change, "judul": change.get("judul", "Baris yang salah")},
            GOOD[2]]
    code, out = run_cli(folder, str(write_csv(tmp_path / "log.csv", rows)), capsys=capsys)
    assert code == 6 and out["imported"] == 0
    assert [(e["line"], e["column"]) for e in out["errors"]] == [(3, column)]
    assert needle in out["errors"][0]["message"]
    assert stored(folder) == [], "nothing is imported while a row is bad"


def test_skip_invalid_imports_the_good_rows(folder, tmp_path, capsys):
    rows = [GOOD[0], {**GOOD[0], "judul": "", "nik": "1"}, GOOD[2]]
    path = write_csv(tmp_path / "log.csv", rows)
    code, out = run_cli(folder, str(path), "--skip-invalid", capsys=capsys)
    assert code == 6 and out["imported"] == 2
    assert [(e["line"], e["column"]) for e in out["errors"]] == [(3, "nik"), (3, "judul")]
    assert sorted(s["title"] for s in stored(folder)) == sorted(
        [GOOD[0]["judul"], GOOD[2]["judul"]])


def test_line_numbers_count_physical_lines(folder, tmp_path, capsys):
    rows = [{**GOOD[0], "isi": "Baris satu\nbaris dua\nbaris tiga cukup panjang"},
            {**GOOD[2], "telepon": "999"}]
    code, out = run_cli(folder, str(write_csv(tmp_path / "log.csv", rows)), capsys=capsys)
    assert code == 6
    assert [(e["line"], e["column"]) for e in out["errors"]] == [(5, "telepon")]


def test_missing_columns_are_reported_on_the_header_line(folder, tmp_path, capsys):
    columns = [c for c in COLUMNS if c not in ("judul", "nik")]
    path = write_csv(tmp_path / "log.csv", GOOD, columns=columns)
    code, out = run_cli(folder, str(path), capsys=capsys)
    assert code == 6 and out["imported"] == 0
    assert [(e["line"], e["column"]) for e in out["errors"]] == [(1, "nik"), (1, "judul")]


def test_bom_semicolons_and_header_spelling(folder, tmp_path, capsys):
    header = [c.upper().replace("_", " ") for c in COLUMNS]  # "NAMA PELAPOR", ...
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in GOOD:
        writer.writerow([row[c] for c in COLUMNS])
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    code, out = run_cli(folder, str(path), capsys=capsys)
    assert (code, out["imported"], out["errors"]) == (0, 3, [])


def test_utf16_with_bom(folder, tmp_path, capsys):
    path = write_csv(tmp_path / "u16.csv", GOOD, delimiter="\t", encoding="utf-16")
    code, out = run_cli(folder, str(path), capsys=capsys)
    assert (code, out["imported"]) == (0, 3)


def test_non_utf8_line_is_reported_and_blocks_the_import(folder, tmp_path, capsys):
    rows = [GOOD[0], {**GOOD[2], "nama_pelapor": "Andr\u00e9 K\u00f6nig"}]
    path = write_csv(tmp_path / "ansi.csv", rows, encoding="cp1252")
    code, out = run_cli(folder, str(path), capsys=capsys)
    assert code == 6 and out["imported"] == 0
    assert [(e["line"], e["column"]) for e in out["errors"]] == [(3, None)]
    assert "UTF-8" in out["errors"][0]["message"]
    # The readable rows are still importable on request.
    code, out = run_cli(folder, str(path), "--skip-invalid", capsys=capsys)
    assert (code, out["imported"]) == (6, 1)


def test_xlsx_with_native_cells(folder, tmp_path, capsys):
    rows = [
        # A real date cell, a phone Excel turned into a number (leading 0 lost).
        ["Siti Rahmah", "6371014101900001", 81234567890, None, None, "tidak", "tidak",
         "pengaduan", "kesehatan", "63.71.01.1001", None, PAST, GOOD[0]["judul"],
         GOOD[0]["isi"]],
        ["Budi", 6371014101900000, None, None, None, "tidak", "tidak", None, None, None, None,
         None, "Judul baris kedua", "Isi baris kedua yang cukup panjang."],
    ]
    path = write_xlsx(tmp_path / "log.xlsx", rows)
    code, out = run_cli(folder, str(path), capsys=capsys)
    assert code == 6
    assert [(e["line"], e["column"]) for e in out["errors"]] == [(3, "nik")]
    assert "Teks" in out["errors"][0]["message"]
    code, out = run_cli(folder, str(path), "--skip-invalid", capsys=capsys)
    assert out["imported"] == 1
    snap = stored(folder)[0]
    assert snap["reporter"]["phone"] == "+6281234567890"
    assert snap["incident_date"] == PAST.isoformat()


def test_reimport_creates_no_duplicates_even_resaved(folder, tmp_path, capsys):
    path = write_csv(tmp_path / "log.csv", GOOD)
    assert run_cli(folder, str(path), capsys=capsys)[1]["imported"] == 3
    code, out = run_cli(folder, str(path), capsys=capsys)
    assert (code, out) == (0, {"imported": 0, "skipped": 3, "errors": []})
    # The same log re-saved from Excel: XLSX, other date and phone spellings, extra
    # whitespace, rows in another order.
    resaved = []
    for row in reversed(GOOD):
        cells = dict(row)
        if cells["tanggal_kejadian"]:
            cells["tanggal_kejadian"] = PAST
        if cells["telepon"].startswith("0812"):
            cells["telepon"] = "+62 812 3456 7890"
        cells["judul"] = "  " + cells["judul"] + " "
        cells["isi"] = cells["isi"].replace("\n", "\r\n")
        resaved.append([cells[c] or None for c in COLUMNS])
    code, out = run_cli(folder, str(write_xlsx(tmp_path / "again.xlsx", resaved)),
                        capsys=capsys)
    assert (code, out["imported"], out["skipped"]) == (0, 0, 3)
    assert len(stored(folder)) == 3
    # A row repeated inside one file is recorded once.
    code, out = run_cli(folder, str(write_csv(tmp_path / "twice.csv", [GOOD[0], GOOD[0]])),
                        capsys=capsys)
    assert (out["imported"], out["skipped"]) == (0, 2)


def test_same_log_on_another_desk_is_its_own(tmp_path, capsys):
    """Ids include the desk id: two desks importing their own logs never collide."""
    a = make_desk(tmp_path / "a")
    b = make_desk(tmp_path / "b", desk_id="D2")
    path = write_csv(tmp_path / "log.csv", GOOD[:1])
    try:
        ids = []
        for store in (a, b):
            intake = IntakeService(store)
            plan = intake.plan_import(path)
            ids.append(plan.rows[0].complaint_id)
            assert intake.run_import(plan).imported == 1
        assert ids[0] != ids[1]
    finally:
        a.close()
        b.close()


def test_plan_reports_already_recorded_rows(folder, tmp_path):
    path = write_csv(tmp_path / "log.csv", GOOD)
    with DeskService(folder) as store:
        intake = IntakeService(store)
        first = intake.plan_import(path)
        assert (len(first.new_rows), first.recorded) == (3, 0)
        intake.run_import(first)
        second = intake.plan_import(path)
        assert (len(second.new_rows), second.recorded) == (0, 3)


@pytest.mark.parametrize(("name", "content", "code"), [
    ("log.pdf", b"%PDF-1.4", 2),
    ("missing.csv", None, 1),
    ("broken.xlsx", b"not a zip file", 1),
])
def test_file_problems(folder, tmp_path, capsys, name, content, code):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    got, out = run_cli(folder, str(path), capsys=capsys)
    assert got == code and out["imported"] == 0 and out["errors"][0]["message"]


def test_no_officer_ever_signed_in(tmp_path, capsys):
    make_desk(tmp_path / "d", actor=None).close()
    code, out = run_cli(tmp_path / "d", str(write_csv(tmp_path / "log.csv", GOOD)),
                        capsys=capsys)
    assert code == 4 and "Masuk" in out["errors"][0]["message"]


def test_human_output(folder, tmp_path, capsys):
    path = write_csv(tmp_path / "log.csv", [GOOD[0], {**GOOD[0], "nik": "1"}])
    code = cli.main(["--data-dir", str(folder), "import", str(path)])
    out = capsys.readouterr().out
    assert code == 6
    assert "baris 3, kolom nik: NIK harus 16 digit" in out
    assert "Tidak ada yang diimpor" in out


def test_templates(folder, tmp_path, capsys):
    shipped = resource("templates", "impor-pengaduan.csv").read_bytes()
    assert shipped == b"\xef\xbb\xbf" + csv_text().encode("utf-8")
    header = next(csv.reader(io.StringIO(shipped.decode("utf-8-sig"))))
    assert tuple(header) == (*COLUMNS, *OPTIONAL_COLUMNS)
    # The XLSX template, filled in the way an officer would, imports.
    path = write_template(tmp_path / "templat.xlsx")
    book = load_workbook(path)
    assert [c.value for c in book["pengaduan"][1]] == [*COLUMNS, *OPTIONAL_COLUMNS]
    assert book.sheetnames == ["pengaduan", "petunjuk"]
    row = {**GOOD[0], "kanal": "surat", "tanggal_diterima": PAST.strftime("%d/%m/%Y") + " 09:15"}
    book["pengaduan"].append([row.get(c, "") for c in (*COLUMNS, *OPTIONAL_COLUMNS)])
    book.save(path)
    code, out = run_cli(folder, str(path), capsys=capsys)
    assert (code, out["imported"]) == (0, 1)
    snap = stored(folder)[0]
    assert snap["channel"] == "surat"
    assert snap["received_at"].startswith(f"{PAST.isoformat()}T09:15")
