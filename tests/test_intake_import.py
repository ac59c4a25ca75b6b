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

from core.clock import clock
from desktop import cli
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
    assert book.sheetnames == ["pengaduan", "petunjuk", "contoh"]
    row = {**GOOD[0], "kanal": "surat", "tanggal_diterima": PAST.strftime("%d/%m/%Y") + " 09:15"}
    book["pengaduan"].append([row.get(c, "") for c in (*COLUMNS, *OPTIONAL_COLUMNS)])
    book.save(path)
    code, out = run_cli(folder, str(path), capsys=capsys)
    assert (code, out["imported"]) == (0, 1)
    snap = stored(folder)[0]
    assert snap["channel"] == "surat"
    assert snap["received_at"].startswith(f"{PAST.isoformat()}T09:15")


# --- region codes without dots (issue 14 item 9) --------------------------------------------

UNDOTTED = [("6371", "63.71"), ("637101", "63.71.01"), ("6371011001", "63.71.01.1001")]


def test_csv_with_undotted_region_codes(folder, tmp_path, capsys):
    """"6371" is how every Kalsel office writes Kota Banjarmasin: taken, stored dotted."""
    rows = [{**GOOD[0], "kode_wilayah": written, "judul": f"Antrean obat wilayah {written}"}
            for written, _ in UNDOTTED]
    code, out = run_cli(folder, str(write_csv(tmp_path / "log.csv", rows)), capsys=capsys)
    assert (code, out) == (0, {"imported": 3, "skipped": 0, "errors": []})
    by_title = {s["title"]: s["region_code"] for s in stored(folder)}
    assert by_title == {f"Antrean obat wilayah {w}": dotted for w, dotted in UNDOTTED}
    # The same log written with dots is the same complaints: nothing new.
    dotted_rows = [{**row, "kode_wilayah": dotted} for row, (_, dotted) in zip(rows, UNDOTTED,
                                                                              strict=True)]
    code, out = run_cli(folder, str(write_csv(tmp_path / "dots.csv", dotted_rows)),
                        capsys=capsys)
    assert (code, out["imported"], out["skipped"]) == (0, 0, 3)
    ops = [o for o in DeskService(folder).outbox() if o["kind"] == "create"]
    assert sorted(o["payload"]["region_code"] for o in ops) == sorted(d for _, d in UNDOTTED)


def test_xlsx_with_undotted_region_codes(folder, tmp_path, capsys):
    """Typed as text or as a number (Excel's General format), with or without dots."""
    def row(region, title):
        cells = dict(GOOD[0], kode_wilayah=region, judul=title)
        return [cells[c] for c in COLUMNS]

    rows = [row(6371, "Kode kota sebagai angka"), row("637101", "Kode kecamatan teks"),
            row(6371011001, "Kode kelurahan sebagai angka"),
            row("63.71", "Kode kota sebagai angka"),  # the first row again, with dots
            row("6399", "Kode yang tidak ada")]
    path = write_xlsx(tmp_path / "log.xlsx", rows)
    code, out = run_cli(folder, str(path), "--skip-invalid", capsys=capsys)
    assert code == 6 and out["imported"] == 3 and out["skipped"] == 1
    assert [(e["line"], e["column"]) for e in out["errors"]] == [(6, "kode_wilayah")]
    assert "6399" in out["errors"][0]["message"]
    by_title = {s["title"]: s["region_code"] for s in stored(folder)}
    assert by_title == {"Kode kota sebagai angka": "63.71", "Kode kecamatan teks": "63.71.01",
                        "Kode kelurahan sebagai angka": "63.71.01.1001"}


# --- the template round trip --------------------------------------------------------------

def test_untouched_templates_create_no_complaints(folder, tmp_path, capsys):
    """The examples in the templates are never imported as complaints."""
    from desktop.intake.template import EXAMPLES

    shipped = resource("templates", "impor-pengaduan.csv")
    assert len(EXAMPLES) >= 2
    text = shipped.read_text(encoding="utf-8-sig")
    assert "CONTOH" in text and EXAMPLES[0]["judul"] in text  # the examples are there
    code, out = run_cli(folder, str(shipped), capsys=capsys)
    assert (code, out) == (0, {"imported": 0, "skipped": 0, "errors": []})
    xlsx = write_template(tmp_path / "templat.xlsx")
    code, out = run_cli(folder, str(xlsx), capsys=capsys)
    assert (code, out) == (0, {"imported": 0, "skipped": 0, "errors": []})
    with DeskService(folder) as store:
        assert store.total() == 0 and store.outbox() == []
    # Said in words, too.
    assert cli.main(["--data-dir", str(folder), "import", str(shipped)]) == 0
    human = capsys.readouterr().out
    assert f"{len(EXAMPLES) + 1} baris catatan/contoh (diawali #) dilewati" in human
    assert "0 pengaduan diimpor" in human


def test_template_guide_and_examples(folder, tmp_path, capsys):
    """Every column explained in Indonesian; the examples are valid rows: copied into the
    data sheet (or, in the CSV, without their # mark) they import as written."""
    from desktop.intake.template import EXAMPLE_MARK, EXAMPLES

    path = write_template(tmp_path / "templat.xlsx")
    book = load_workbook(path)
    guide = {row[0]: row[1:] for row in book["petunjuk"].iter_rows(min_row=2, values_only=True)
             if row[0] in (*COLUMNS, *OPTIONAL_COLUMNS)}
    assert set(guide) == {*COLUMNS, *OPTIONAL_COLUMNS}
    assert all(required in ("wajib", "boleh kosong") and len(what) > 10
               for required, what, _example in guide.values())
    assert guide["judul"][0] == "wajib" and guide["nik"][0] == "boleh kosong"
    assert "6371" in guide["kode_wilayah"][1] and "63.71" in guide["kode_wilayah"][1]
    sample = book["contoh"]
    assert "tidak diimpor" in sample["A1"].value
    assert [c.value for c in sample[2]] == [*COLUMNS, *OPTIONAL_COLUMNS]
    copied = [[c.value for c in row] for row in sample.iter_rows(min_row=3)]
    assert len(copied) == len(EXAMPLES)
    for row in copied:
        book["pengaduan"].append(row)
    book.save(path)
    code, out = run_cli(folder, str(path), capsys=capsys)
    assert (code, out) == (0, {"imported": len(EXAMPLES), "skipped": 0, "errors": []})
    regions = sorted(s["region_code"] for s in stored(folder))
    assert regions == sorted(["63.71.01.1001", "63.71"])  # "6371" in the second example
    # The CSV's example rows without their mark: the same complaints (nothing new).
    lines = resource("templates", "impor-pengaduan.csv").read_text(encoding="utf-8-sig")
    unmarked = tmp_path / "unmarked.csv"
    unmarked.write_text(lines.replace(EXAMPLE_MARK, ""), encoding="utf-8")
    code, out = run_cli(folder, str(unmarked), capsys=capsys)
    assert (code, out["imported"], out["skipped"], out["errors"]) == (
        0, 0, len(EXAMPLES), [])


def test_template_filled_in_imports_only_the_filled_rows(folder, tmp_path, capsys):
    """The CSV template as an officer uses it: rows added below the examples."""
    template = resource("templates", "impor-pengaduan.csv").read_bytes()
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(
        [{**GOOD[0], "kode_wilayah": "6371"}.get(c, "") for c in (*COLUMNS, *OPTIONAL_COLUMNS)])
    path = tmp_path / "isi.csv"
    path.write_bytes(template + buf.getvalue().encode("utf-8"))
    code, out = run_cli(folder, str(path), capsys=capsys)
    assert (code, out) == (0, {"imported": 1, "skipped": 0, "errors": []})
    snap = stored(folder)[0]
    assert (snap["title"], snap["region_code"]) == (GOOD[0]["judul"], "63.71")
