"""The paper-log import template: the CSV shipped in resources/templates/, and an XLSX
made from the same columns with a sheet of instructions (NIK and phone typed as text)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from desktop.intake.importer import COLUMNS, OPTIONAL_COLUMNS

TEMPLATE_NAME = "impor-pengaduan"
TEMPLATE_COLUMNS = (*COLUMNS, *OPTIONAL_COLUMNS)

# Column -> (what to write, example). Indonesian: it is read by the officers filling it.
HELP: dict[str, tuple[str, str]] = {
    "nama_pelapor": ("Nama pelapor; boleh kosong bila anonim = ya.", "Siti Rahmah"),
    "nik": ("16 digit NIK, ditulis sebagai teks; boleh kosong.", "6371014101900001"),
    "telepon": ("Nomor HP/telepon Indonesia (08…, +62…); boleh kosong.", "0812 3456 7890"),
    "email": ("Alamat email; boleh kosong.", "siti@example.id"),
    "alamat": ("Alamat pelapor; boleh kosong.", "Jl. Kelayan A No. 5, Banjarmasin"),
    "anonim": ("ya: identitas pelapor disembunyikan dari petugas instansi; tidak: biasa.",
               "tidak"),
    "rahasia": ("ya: isi laporan tidak ditampilkan kepada publik; tidak: biasa.", "tidak"),
    "klasifikasi": ("pengaduan, aspirasi, atau permintaan informasi (kosong: pengaduan).",
                    "pengaduan"),
    "kategori": ("Kode atau nama kategori (mis. kesehatan, Jalan dan Jembatan); boleh kosong.",
                 "kesehatan"),
    "kode_wilayah": ("Kode wilayah Kemendagri sampai desa/kelurahan bila diketahui; "
                     "boleh kosong.", "63.71.01.1001"),
    "lokasi": ("Patokan lokasi kejadian; boleh kosong.", "depan Puskesmas Pekauman"),
    "tanggal_kejadian": ("TTTT-BB-HH atau HH/BB/TTTT; boleh kosong.", "18/11/2026"),
    "judul": ("Judul singkat, 5–200 karakter. Wajib.", "Antrean obat di puskesmas sangat lama"),
    "isi": ("Uraian kejadian, 10–10.000 karakter. Wajib.",
            "Sejak awal November antrean di loket obat baru bergerak setelah pukul sepuluh."),
    "kanal": ("loket atau surat (kosong: loket). Kolom tambahan, boleh dihapus.", "loket"),
    "tanggal_diterima": ("Tanggal (dan jam) pengaduan diterima di kertas, mis. 20/11/2026 "
                         "09:15; kosong: saat impor. Kolom tambahan, boleh dihapus.",
                         "20/11/2026 09:15"),
}


def csv_text() -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(TEMPLATE_COLUMNS)
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
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "pengaduan"
    sheet.append(list(TEMPLATE_COLUMNS))
    for index, name in enumerate(TEMPLATE_COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = max(14, len(name) + 4)
        if name in ("nik", "telepon", "kode_wilayah", "tanggal_kejadian", "tanggal_diterima"):
            # Text, so Excel keeps the leading 0, all 16 NIK digits and the code's dots.
            for row in range(2, 1001):
                sheet.cell(row=row, column=index).number_format = "@"
    sheet.freeze_panes = "A2"
    guide = book.create_sheet("petunjuk")
    guide.append(["kolom", "isi", "contoh"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for name in TEMPLATE_COLUMNS:
        what, example = HELP[name]
        guide.append([name, what, example])
    guide.column_dimensions["A"].width = 18
    guide.column_dimensions["B"].width = 90
    guide.column_dimensions["C"].width = 40
    book.save(target)
