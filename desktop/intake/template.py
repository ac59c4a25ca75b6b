"""The paper-log import template: the CSV shipped in resources/templates/, and an XLSX made
from the same columns.

Importing either one untouched records nothing. The XLSX has the (empty) data sheet
"pengaduan", the only sheet the importer reads, a sheet "petunjuk" explaining every column
and a sheet "contoh" with example rows. The CSV has one sheet only: below the header, a note
and the example rows, each with ``#`` at the start of its first cell, which the importer
skips (``desktop.intake.import_read``).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from desktop.intake.import_read import DATA_SHEET, NOTE_MARK
from desktop.intake.importer import COLUMNS, OPTIONAL_COLUMNS

TEMPLATE_NAME = "impor-pengaduan"
TEMPLATE_COLUMNS = (*COLUMNS, *OPTIONAL_COLUMNS)
GUIDE_SHEET = "petunjuk"
EXAMPLE_SHEET = "contoh"
EXAMPLE_MARK = f"{NOTE_MARK}CONTOH "  # the CSV's example rows start with it
TEXT_COLUMNS = ("nik", "telepon", "kode_wilayah", "tanggal_kejadian", "tanggal_diterima")

# Column -> (wajib?, what to write). Indonesian: it is read by the officers filling it.
HELP: dict[str, tuple[bool, str]] = {
    "nama_pelapor": (False, "Nama pelapor. Wajib, kecuali anonim = ya."),
    "nik": (False, "NIK 16 digit, ditulis sebagai teks (bukan angka, agar Excel tidak "
                   "membulatkannya)."),
    "telepon": (False, "Nomor HP/telepon Indonesia: 08…, +62… atau 62…; spasi dan tanda "
                       "hubung boleh."),
    "email": (False, "Alamat email pelapor."),
    "alamat": (False, "Alamat pelapor."),
    "anonim": (False, "ya: identitas pelapor disembunyikan dari petugas instansi; tidak "
                      "(atau kosong): biasa."),
    "rahasia": (False, "ya: isi laporan tidak ditampilkan kepada publik; tidak (atau kosong): "
                       "biasa."),
    "klasifikasi": (False, "pengaduan, aspirasi, atau permintaan informasi. Kosong: "
                           "pengaduan."),
    "kategori": (False, "Kode atau nama kategori seperti di aplikasi, mis. kesehatan atau "
                        "Jalan dan Jembatan."),
    "kode_wilayah": (False, "Kode wilayah Kemendagri lokasi kejadian, sampai tingkat yang "
                            "diketahui. Bertitik atau tidak, keduanya diterima: Kota "
                            "Banjarmasin 63.71 atau 6371; kecamatan 63.71.01 atau 637101; "
                            "kelurahan 63.71.01.1001 atau 6371011001."),
    "lokasi": (False, "Patokan lokasi kejadian, mis. depan Puskesmas Pekauman."),
    "tanggal_kejadian": (False, "Tanggal kejadian: HH/BB/TTTT (18/11/2026) atau TTTT-BB-HH "
                                "(2026-11-18); tidak boleh di masa depan."),
    "judul": (True, "Judul singkat pengaduan, 5–200 karakter."),
    "isi": (True, "Uraian kejadian (kronologi), 10–10.000 karakter."),
    "kanal": (False, "loket (datang langsung) atau surat. Kosong: loket. Kolom tambahan: "
                     "boleh dihapus."),
    "tanggal_diterima": (False, "Kapan pengaduan diterima di kertas, mis. 20/11/2026 09:15 "
                                "(jam boleh tidak ditulis). Kosong: saat impor. Kolom "
                                "tambahan: boleh dihapus."),
}

# Example rows (valid: with the mark removed, each one imports).
EXAMPLES: tuple[dict[str, str], ...] = (
    {"nama_pelapor": "Siti Rahmah", "nik": "6371014101900001", "telepon": "0812 3456 7890",
     "email": "siti@example.id", "alamat": "Jl. Kelayan A No. 5, Banjarmasin",
     "anonim": "tidak", "rahasia": "tidak", "klasifikasi": "pengaduan",
     "kategori": "kesehatan", "kode_wilayah": "63.71.01.1001",
     "lokasi": "depan Puskesmas Pekauman", "tanggal_kejadian": "18/11/2026",
     "judul": "Antrean obat di puskesmas sangat lama",
     "isi": "Sejak awal November antrean di loket obat baru bergerak setelah pukul sepuluh.",
     "kanal": "loket", "tanggal_diterima": "20/11/2026 09:15"},
    {"nama_pelapor": "", "nik": "", "telepon": "", "email": "", "alamat": "",
     "anonim": "ya", "rahasia": "ya", "klasifikasi": "aspirasi",
     "kategori": "Jalan dan Jembatan", "kode_wilayah": "6371", "lokasi": "",
     "tanggal_kejadian": "", "judul": "Usul lampu penerangan di jalan kampung",
     "isi": "Jalan kampung gelap setiap malam; warga mengusulkan lampu penerangan jalan.",
     "kanal": "surat", "tanggal_diterima": "21/11/2026"},
)

NOTE = (f"{NOTE_MARK} CONTOH: baris yang sel pertamanya diawali tanda {NOTE_MARK} adalah "
        "catatan atau contoh dan TIDAK diimpor. Tulis setiap pengaduan pada baris baru tanpa "
        f"tanda {NOTE_MARK}; baris ini dan baris contoh boleh dihapus atau dibiarkan. "
        "Penjelasan tiap kolom ada di lembar \"petunjuk\" templat Excel (.xlsx).")
EXAMPLE_NOTE = ("CONTOH PENGISIAN. Lembar ini tidak diimpor: hanya lembar \"pengaduan\" yang "
                "dibaca. Salin baris contoh ke lembar \"pengaduan\" hanya bila memang ingin "
                "mencatatnya sebagai pengaduan sungguhan.")


def example_cells(example: dict[str, str], *, marked: bool) -> list[str]:
    cells = [example.get(c, "") for c in TEMPLATE_COLUMNS]
    if marked:
        cells[0] = EXAMPLE_MARK + cells[0]
    return cells


def csv_text() -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(TEMPLATE_COLUMNS)
    writer.writerow([NOTE])
    for example in EXAMPLES:
        writer.writerow(example_cells(example, marked=True))
    return buf.getvalue()


def write_template(target: Path) -> Path:
    """Write the template as CSV (UTF-8 with BOM, so Excel shows it right) or XLSX, chosen
    by ``target``'s suffix."""
    target = Path(target)
    if target.suffix.lower() == ".xlsx":
        _write_xlsx(target)
    else:
        target.write_bytes(b"\xef\xbb\xbf" + csv_text().encode("utf-8"))
    return target


def _write_xlsx(target: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = DATA_SHEET
    _header(sheet, Font(bold=True))
    for index, name in enumerate(TEMPLATE_COLUMNS, start=1):
        if name in TEXT_COLUMNS:
            # Text, so Excel keeps the leading 0, all 16 NIK digits and the code's dots.
            for row in range(2, 1001):
                sheet.cell(row=row, column=index).number_format = "@"
    sheet.freeze_panes = "A2"

    guide = book.create_sheet(GUIDE_SHEET)
    guide.append(["kolom", "wajib", "cara mengisi", "contoh"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for name in TEMPLATE_COLUMNS:
        required, what = HELP[name]
        example = next((e[name] for e in EXAMPLES if e.get(name)), "")
        guide.append([name, "wajib" if required else "boleh kosong", what, example])
    guide.append([])
    guide.append(["Catatan", "", "Hanya lembar \"pengaduan\" yang diimpor; satu baris satu "
                  "pengaduan, judul kolom di baris 1 jangan diubah. Baris yang sel pertamanya "
                  f"diawali tanda {NOTE_MARK} dilewati. Mengimpor berkas yang sama dua kali "
                  "tidak mencatat pengaduan dua kali."])
    for column, width in zip("ABCD", (18, 14, 90, 40), strict=True):
        guide.column_dimensions[column].width = width
    for row in guide.iter_rows(min_row=2):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")

    examples = book.create_sheet(EXAMPLE_SHEET)
    examples.append([EXAMPLE_NOTE])
    examples["A1"].font = Font(bold=True, color="B3261E")
    examples.append(list(TEMPLATE_COLUMNS))
    for cell in examples[2]:
        cell.font = Font(bold=True)
    for example in EXAMPLES:
        examples.append(example_cells(example, marked=False))
    _widths(examples)
    book.save(target)


def _header(sheet: Any, font: Any) -> None:
    sheet.append(list(TEMPLATE_COLUMNS))
    for index in range(1, len(TEMPLATE_COLUMNS) + 1):
        sheet.cell(row=1, column=index).font = font
    _widths(sheet)


def _widths(sheet: Any) -> None:
    from openpyxl.utils import get_column_letter

    for index, name in enumerate(TEMPLATE_COLUMNS, start=1):
        width = 40 if name in ("judul", "isi") else max(14, len(name) + 4)
        sheet.column_dimensions[get_column_letter(index)].width = width
