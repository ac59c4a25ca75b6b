"""Command line of ``lapor-desk``: the GUI by default, headless sub-commands for scripts.

Exit codes (a contract for scheduled tasks, see README):
  0 success · 1 error (also: TLS certificate or CA file problems) · 2 usage error
  3 server unreachable · 4 login required · 5 rejected operations remain
  6 some input rows invalid · 7 verify-pdf: no signature, or a signature broken /
  the document modified after signing · 8 verify-pdf: intact but not trusted
Each sub-command lives in ``desktop/commands/<module>.py`` as ``run(args) -> int`` and is
imported only when used, so ``lapor-desk --version`` stays instant.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from core.cli_text import Commands, Parser
from desktop import __version__
from desktop.commands.common import (  # noqa: F401 - the codes, re-exported for callers
    EXIT_ERROR,
    EXIT_INVALID_INPUT,
    EXIT_LOGIN_REQUIRED,
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_UNREACHABLE,
    EXIT_USAGE,
)

JSON_HELP = "keluaran JSON (untuk skrip)"
COMPLAINT_HELP = "nomor pelacakan, nomor sementara atau id pengaduan"


def _add(sub: Commands, name: str, target: str, help_: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_)
    parser.set_defaults(target=target)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="lapor-desk", description="LAPOR! Desk: meja kerja pengaduan "
                    "masyarakat. Tanpa perintah: membuka jendela desk.")
    parser.add_version(f"lapor-desk {__version__}")
    parser.add_argument("--data-dir", metavar="FOLDER",
                        help="folder data (bawaan: env LAPOR_DESK_DATA_DIR, lalu folder data "
                        "pengguna dari sistem operasi)")
    parser.add_argument("--demo", action="store_true",
                        help="jalankan server demo bawaan, masuk sebagai petugas demo, lalu "
                        "buka desk")
    parser.add_argument("--lang", choices=["id", "en"],
                        help="bahasa tampilan: id (Indonesia, bawaan) atau en (Inggris)")
    parser.add_argument("--quit-after", type=float, metavar="DETIK",
                        help="tutup desk setelah DETIK detik (uji asap hasil build); kode "
                        "keluar 1 bila basis data lokal tidak dapat dibuka")
    parser.set_defaults(target="desktop.app:run")
    sub = parser.add_commands("command", help_="salah satu perintah di bawah; tanpa perintah: "
                              "buka jendela desk")

    dev = sub.add_parser("dev", help="alat pengembang")
    dev_sub = dev.add_commands("dev_command", required=True)
    seed = _add(dev_sub, "seed", "desktop.commands.seed:run",
                "isi basis data lokal dengan data demo")
    seed.add_argument("--count", type=int, default=1000, metavar="JUMLAH",
                      help="jumlah pengaduan demo (bawaan: 1.000)")
    seed.add_argument("--seed", type=int, default=None, metavar="ANGKA",
                      help="benih acak (data yang sama setiap kali)")
    seed.add_argument("--plaintext", action="store_true",
                      help="basis data tanpa enkripsi seperti pada versi lama (untuk menguji "
                      "migrasi ke basis data terenkripsi; jangan untuk data sungguhan)")

    login = _add(sub, "login", "desktop.commands.session:login", "masuk ke server pusat")
    login.add_argument("--server", required=True, metavar="URL",
                       help="alamat server pusat, mis. https://lapor.kalselprov.go.id")
    login.add_argument("--username", required=True, metavar="NAMA",
                       help="nama pengguna (kata sandi dari env LAPOR_PASSWORD atau ditanyakan)")
    login.add_argument("--ca-file", metavar="BERKAS",
                       help="sertifikat CA instansi (PEM) yang menerbitkan sertifikat server; "
                       "disimpan untuk sinkronisasi berikutnya ('' kembali ke bundel bawaan)")
    _add(sub, "logout", "desktop.commands.session:logout", "keluar dan lupakan token")

    sync = _add(sub, "sync", "desktop.commands.session:sync",
                "satu putaran penuh: kirim semua, ambil semua")
    sync.add_argument("--json", action="store_true", help=JSON_HELP)

    status = _add(sub, "status", "desktop.commands.session:status", "keadaan desk")
    status.add_argument("--json", action="store_true", help=JSON_HELP)

    lst = _add(sub, "list", "desktop.commands.listing:run", "daftar pengaduan di antrean lokal")
    lst.add_argument("--json", action="store_true", help=JSON_HELP)
    lst.add_argument("--status", metavar="STATUS", help="hanya pengaduan dengan status ini")
    lst.add_argument("--search", metavar="TEKS", help="cari teks")
    lst.add_argument("--limit", type=int, metavar="N", help="paling banyak N pengaduan")

    dispo = _add(sub, "disposisi", "desktop.commands.dispositions:run",
                 "Disposisi Masuk (kepada Anda) atau Keluar (dari Anda), berjenjang")
    dispo.add_argument("box", choices=("masuk", "keluar", "rekap"),
                       help="masuk, keluar, atau rekap per jabatan")
    dispo.add_argument("--unread", action="store_true", help="hanya yang belum dibaca")
    dispo.add_argument("--json", action="store_true", help=JSON_HELP)

    positions = _add(sub, "positions", "desktop.commands.positions:run",
                     "susunan jabatan instansi (lihat; ubah: admin instansi)")
    pos_sub = positions.add_commands("positions_command",  # type: ignore[attr-defined]
                                     help_="salah satu perintah di bawah", required=True)
    pos_list = pos_sub.add_parser("list", help="daftar jabatan instansi Anda")
    pos_set = pos_sub.add_parser("set", help="buat atau ubah jabatan (admin instansi)")
    pos_set.add_argument("code", metavar="KODE", help="kode jabatan")
    pos_set.add_argument("--title", metavar="NAMA", help="nama jabatan")
    pos_set.add_argument("--parent", metavar="KODE", help="kode jabatan atasan")
    pos_set.add_argument("--holder", metavar="PENGGUNA", help="pejabat definitif ('' kosong)")
    pos_set.add_argument("--acting", action="append", metavar="PENGGUNA:plt|plh:MULAI:SELESAI",
                         help="Plt./Plh. (boleh berulang; mengganti daftar yang ada)")
    pos_set.add_argument("--inactive", action="store_true", help="nonaktifkan jabatan")
    for p in (pos_list, pos_set):
        p.add_argument("--json", action="store_true", help=JSON_HELP)

    imp = _add(sub, "import", "desktop.commands.intake:run_import",
               "impor buku catatan kertas (CSV/XLSX)")
    imp.add_argument("file", metavar="BERKAS", help="berkas CSV atau XLSX")
    imp.add_argument("--json", action="store_true", help=JSON_HELP)
    imp.add_argument("--skip-invalid", action="store_true",
                     help="lewati baris yang tidak sah, impor sisanya")

    report = _add(sub, "report", "desktop.commands.report:run",
                  "rekap pengaduan yang diterima dalam satu periode")
    report.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                        help="hari pertama diterima (bawaan: tanggal 1 bulan --to)")
    report.add_argument("--to", metavar="YYYY-MM-DD",
                        help="hari terakhir diterima (bawaan: hari ini)")
    report.add_argument("--json", action="store_true", help=JSON_HELP)
    report.add_argument("--position", metavar="KODE",
                        help="hanya pengaduan yang didisposisikan ke jabatan ini (kode jabatan, "
                             "lapor-desk positions list)")
    report.add_argument("--csv", metavar="BERKAS", help="tulis juga rekapnya sebagai CSV")
    report.add_argument("--pdf", metavar="BERKAS",
                        help="tulis juga rekap untuk ditandatangani sebagai PDF (kop surat, "
                             "grafik, blok tanda tangan)")
    report.add_argument("--landscape", action="store_true",
                        help="PDF pada A4 mendatar (bawaan: A4 tegak)")
    report.add_argument("--unsigned", action="store_true",
                        help="PDF tanpa tanda tangan elektronik walaupun desk memiliki "
                        "sertifikat")

    letter = _add(sub, "letter", "desktop.commands.letters:run",
                  "tulis PDF lembar disposisi (terbitkan atau cetak ulang)")
    letter.add_argument("complaint", metavar="PENGADUAN", help=COMPLAINT_HELP)
    letter.add_argument("--out", required=True, metavar="BERKAS.pdf", help="berkas PDF tujuan")
    letter.add_argument("--paper", choices=["a4", "f4", "half"], default=None,
                        help="kertas (bawaan: kertas di Pengaturan › Kop surat)")
    letter.add_argument("--unsigned", action="store_true",
                        help="jangan tandatangani secara elektronik (hanya kode QR) walaupun "
                        "desk memiliki sertifikat")

    receipt = _add(sub, "receipt", "desktop.commands.receipt:run",
                   "tulis (atau tulis ulang) PDF tanda terima pengaduan")
    receipt.add_argument("complaint", metavar="PENGADUAN", help=COMPLAINT_HELP)
    receipt.add_argument("--out", required=True, metavar="BERKAS.pdf", help="berkas PDF tujuan")
    receipt.add_argument("--paper", choices=["a4", "half", "thermal80"], default="half",
                         help="kertas (bawaan: half, setengah folio)")

    signing = _add(sub, "signing", "desktop.commands.signing:run",
                   "sertifikat tanda tangan elektronik desk: atur, periksa, tampilkan")
    signing.add_argument("--p12", metavar="BERKAS.p12",
                         help="sertifikat dan kunci penanda tangan (PKCS#12, mis. dari BSrE); "
                         "kata sandi dari env LAPOR_SIGN_PASSPHRASE atau ditanyakan, tidak "
                         "pernah disimpan")
    signing.add_argument("--pkcs11-module", metavar="PUSTAKA",
                         help="pustaka PKCS#11 token (perlu paket python-pkcs11)")
    signing.add_argument("--token", metavar="LABEL", help="label token PKCS#11")
    signing.add_argument("--key", metavar="LABEL", help="label kunci pada token PKCS#11")
    signing.add_argument("--location", metavar="TEMPAT", help="tempat penandatanganan")
    signing.add_argument("--ca-file", action="append", metavar="PEM",
                         help="pasang sertifikat CA (rantai BSrE); boleh berulang")
    signing.add_argument("--crl-file", action="append", metavar="CRL",
                         help="pasang daftar pencabutan sertifikat (CRL); boleh berulang")
    signing.add_argument("--check", action="store_true",
                         help="buka sertifikat dan periksa masa berlaku dan pencabutannya")
    signing.add_argument("--clear", action="store_true",
                         help="hapus pengaturan sertifikat (kembali ke lembar hanya kode QR)")
    signing.add_argument("--json", action="store_true", help=JSON_HELP)

    verify = _add(sub, "verify-pdf", "desktop.commands.verify_pdf:run",
                  "periksa tanda tangan elektronik sebuah PDF: penanda tangan, waktu, "
                  "keutuhan, kepercayaan")
    verify.add_argument("file", metavar="BERKAS", help="berkas PDF")
    verify.add_argument("--ca-file", action="append", metavar="PEM",
                        help="sertifikat CA yang dipercaya (PEM/DER); boleh berulang "
                        "(ditambah CA yang dipasang di desk)")
    verify.add_argument("--crl-file", action="append", metavar="CRL",
                        help="CRL untuk memeriksa pencabutan; boleh berulang")
    verify.add_argument("--json", action="store_true", help=JSON_HELP)

    case = _add(sub, "case-file", "desktop.commands.case_file:run",
                "berkas perkara satu pengaduan sebagai satu PDF (untuk Ombudsman, "
                "Inspektorat atau instansi lain)")
    case.add_argument("complaint", metavar="PENGADUAN", help=COMPLAINT_HELP)
    case.add_argument("--out", required=True, metavar="BERKAS.pdf", help="berkas PDF tujuan")
    case.add_argument("--recipient", choices=["ombudsman", "inspektorat", "instansi"],
                      default="ombudsman",
                      help="penerima (menentukan identitas pelapor yang dicantumkan; "
                      "bawaan: ombudsman)")
    case.add_argument("--to", metavar="NAMA", help="nama penerima pada surat pengantar")
    case.add_argument("--unsigned", action="store_true",
                      help="tanpa tanda tangan elektronik walaupun desk memiliki sertifikat")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    module_name, func_name = args.target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        print(f"lapor-desk: perintah ini belum tersedia ({module_name})", file=sys.stderr)
        return EXIT_USAGE
    try:
        return int(getattr(module, func_name)(args) or 0)
    except BrokenPipeError:
        # `lapor-desk list | head`: the reader left; stop quietly, like other shell tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
