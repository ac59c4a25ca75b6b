"""Screenshots of the Loket page (a form with mistakes, the duplicate hint, the receipt, a
paper-log import) on a 1366x768 laptop screen, and the clipping check.

    python -m desktop.screenshots.loket --out docs/screenshots
    python -m desktop.screenshots.loket --check

Headless, like ``desktop.screenshots.queue`` (whose screen set-up and clipping
check it uses). ``FrontDesk`` is an agency desk (Dinas Kesehatan: letterhead, signers,
agenda numbers, a few disposed complaints) that ``desktop.screenshots.letters``
uses as well. The UI language is Indonesian, as shipped.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from desktop.screenshots.demo_scene import settle

OFFICER = {"username": "dinkes.admin", "role": "admin_instansi", "agency": "DINKES",
           "units": [], "full_name": "Rina Marlina"}
LEADER = {"username": "dinkes.pimpinan", "role": "pimpinan", "agency": "DINKES",
          "units": [], "full_name": "dr. H. Ahmad Fauzan"}
# (tracking number, provisional number suffix, title, reporter): the agency's disposed
# complaints, the ones Cetak Disposisi prints.
DISPOSED = (
    (1916449, 1, "Antrean obat di Puskesmas Pekauman mengular sampai siang", "Siti Rahmah"),
    (None, 3, "Posyandu Melati kekurangan vitamin A untuk balita", "Nurhayati"),
    (1916502, 4, "Kasus demam berdarah meningkat di Kelurahan Kelayan Selatan", "Ahmad Yani"),
)
NIK = "6371014101900001"


class FrontDesk:
    """A Dinas Kesehatan desk (desk D1) with the main window open; Rina Marlina (admin
    instansi) signed in, no server reachable."""

    def __init__(self, data_dir: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from desktop.app import Desk
        from desktop.store import DeskService

        self.data_dir = data_dir
        with DeskService(data_dir) as store:
            self.complaints = self._seed(store)
        self.desk = Desk(data_dir, "id")
        self.app = QApplication.instance()
        self.window = self.desk.window
        self.window.showMaximized()
        self.wait(lambda: self.window.service is not None and not self.window.model.loading
                  and self.window.loket.context is not None)

    @staticmethod
    def _seed(store: Any) -> list[str]:
        from core import clock
        from desktop.printing import agenda
        from desktop.printing import settings as ls
        from desktop.store import rows
        from desktop.store.demo import reference_data
        from desktop.workflow.actor import actor_from_mapping, set_local_actor

        store.merge_reference(**reference_data())
        store.set_setting("desk_id", "D1")
        set_local_actor(store, OFFICER)
        store.set_actor(OFFICER)  # signed in (as last seen by the server): letters need it
        signers = (
            ls.SignerEntry.new(jabatan="KEPALA DINAS KESEHATAN PROVINSI KALIMANTAN SELATAN",
                               name="dr. H. Ahmad Fauzan, M.Kes.",
                               pangkat="Pembina Utama Muda (IV/c)", nip="197001011995031002"),
            ls.SignerEntry.new(jabatan="SEKRETARIS DINAS KESEHATAN",
                               name="Hj. Noor Aida, S.KM., M.Kes.", pangkat="Pembina (IV/a)",
                               nip="198001012005012003"))
        ls.save(store, ls.LetterSettings(
            agency_code="DINKES",
            header_lines=("PEMERINTAH PROVINSI KALIMANTAN SELATAN", "DINAS KESEHATAN"),
            address="Jalan Belitung Darat No. 118, Banjarmasin, Kalimantan Selatan 70116",
            phone_fax="Telepon (0511) 3355 661, Faksimile (0511) 3355 662",
            web_email="Laman dinkes.kalselprov.go.id, Pos-el dinkes@kalselprov.go.id",
            signers=signers, default_signer=signers[0].id, paper="f4", configured=True))
        now = clock().now()
        with store.transaction() as conn:
            agenda.add_block(rows.raw(conn), block_id=str(uuid.uuid4()), agency="DINKES",
                             year=now.year, start=45, end=94, reserved_at=now.isoformat())
        received = now - timedelta(days=3)
        officer, leader = actor_from_mapping(OFFICER), actor_from_mapping(LEADER)
        ids = []
        for tracking, seq, title, name in DISPOSED:
            cid = str(uuid.uuid4())
            store.apply_local_op(None, "create", {
                "id": cid, "title": title,
                "content": "Dilaporkan di loket; rincian ada pada berkas pengaduan.",
                "classification": "pengaduan", "category_id": "puskesmas_rumah_sakit",
                "channel": "loket", "agency_code": "DINKES", "tracking_number": tracking,
                "provisional_number": f"L-D1-{received:%Y%m%d}-{seq:04d}",
                "reporter": {"name": name, "nik": NIK if seq == 1 else "",
                             "phone": "0811 500 600" if seq == 1 else ""},
            }, officer, now=received)
            store.apply_local_op(cid, "verify", {}, officer, now=received)
            store.apply_local_op(cid, "dispose", {
                "unit_codes": ["YANKES"], "sifat": "segera",
                "instructions": ["Proses lebih lanjut", "Koordinasikan/konfirmasikan"],
                "note": "Mohon ditindaklanjuti dan laporkan hasilnya kepada kami."},
                leader, now=received)
            ids.append(cid)
        return ids

    def wait(self, done: Callable[[], bool], timeout: float = 30.0) -> None:
        settle(self.app, lambda: done() and self.desk.tasks.pending == 0, timeout)

    def pump(self, seconds: float = 0.4) -> None:
        """Let threaded painting finish (QPdfView renders its pages on a worker thread)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.01)

    def close(self) -> None:
        self.desk.close()


def _write_files(folder: Path) -> list[Path]:
    """A photo and a scanned letter for the attachment list."""
    from PySide6.QtGui import QColor, QImage, QPainter

    photo = folder / "foto-antrean.jpg"
    image = QImage(1600, 1200, QImage.Format.Format_RGB32)
    image.fill(QColor("#c9d3dc"))
    painter = QPainter(image)
    for i in range(12):  # people queueing, roughly
        painter.fillRect(120 + i * 115, 520 + (i % 3) * 20, 70, 420, QColor("#3d4a57"))
    painter.end()
    image.save(str(photo), "JPG", 92)
    scan = folder / "surat-pengaduan.pdf"
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(scan))
    pdf.drawString(72, 760, "Kepada Yth. Kepala Dinas Kesehatan Provinsi Kalimantan Selatan")
    pdf.showPage()
    pdf.save()
    return [photo, scan]


def _write_log(path: Path, today: Any) -> None:
    """A paper log with one good row and two bad ones."""
    from desktop.intake.importer import COLUMNS

    good = {"nama_pelapor": "Hj. Masrah", "nik": "6371015505700002",
            "telepon": "0813 4800 1122", "klasifikasi": "pengaduan",
            "kategori": "puskesmas_rumah_sakit", "kode_wilayah": "63.71.01.1001",
            "tanggal_kejadian": (today - timedelta(days=4)).strftime("%d/%m/%Y"),
            "judul": "Obat hipertensi kosong di Puskesmas Pekauman",
            "isi": "Sudah dua minggu obat hipertensi tidak tersedia di apotek puskesmas."}
    bad_nik = {**good, "nama_pelapor": "Rusdi", "nik": "63",
               "judul": "Ambulans desa tidak bisa dihubungi malam hari",
               "isi": "Nomor ambulans desa tidak pernah diangkat setelah pukul 21.00."}
    bad_date = {**good, "nama_pelapor": "Fitriani", "nik": "", "telepon": "12345",
                "tanggal_kejadian": "31/02/2026",
                "judul": "Pungutan biaya surat keterangan sehat",
                "isi": "Diminta membayar Rp50.000 untuk surat keterangan sehat."}
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for row in (good, bad_nik, bad_date):
            writer.writerow([row.get(c, "") for c in COLUMNS])


def scenes(front: FrontDesk, folder: Path) -> Iterator[tuple[str, Any]]:
    """(file name, widget) for every Loket screen, each on screen in turn."""
    window = front.window
    page = window.loket
    ui = page.ui
    window.ui.actionDesk.trigger()
    front.wait(lambda: page.isVisible())
    today = page.context.today
    # An officer types a walk-in complaint, with two slips: a short NIK, no title yet.
    ui.nameEdit.setText("Siti Rahmah")
    ui.nikEdit.setText(NIK[:14])
    ui.phoneEdit.setText("0811 500 600")
    ui.emailEdit.setText("siti.rahmah@example.id")
    ui.addressEdit.setText("Jl. Kelayan A Gg. Purnama No. 12, Banjarmasin")
    ui.contentEdit.setPlainText(
        "Sejak awal November antrean di loket obat Puskesmas Pekauman baru bergerak setelah "
        "pukul sepuluh pagi. Pasien lansia menunggu berdiri karena kursi di ruang tunggu "
        "kurang, dan nomor antrean sering dilewati tanpa pemberitahuan.\n\n"
        "Pelapor meminta jam buka loket obat ditepati dan kursi tunggu ditambah.")
    ui.categoryPicker.search.setText("puskesmas")
    ui.categoryPicker.set_category_id("puskesmas_rumah_sakit")
    ui.regionPicker.set_region_code("63.71.01.1001")
    ui.locationEdit.setText("Loket obat Puskesmas Pekauman")
    from PySide6.QtCore import QDate

    day = today - timedelta(days=5)
    ui.incidentDateEdit.setDate(QDate(day.year, day.month, day.day))
    page.add_files([str(p) for p in _write_files(folder)])
    front.wait(lambda: len(ui.attachmentList.files()) == 2)
    page.save_draft()
    front.wait(lambda: bool(ui.draftLabel.text()))
    ui.submitButton.click()
    front.wait(lambda: ui.titleError.isVisible())
    yield "loket.png", window
    # Fixed; the same reporter's open complaint about the same matter is found.
    ui.nikEdit.setText(NIK)
    ui.titleEdit.setText("Antrean obat di Puskesmas Pekauman masih mengular sampai siang")
    ui.titleEdit.setCursorPosition(0)
    ui.submitButton.click()
    front.wait(lambda: ui.duplicatePanel.isVisible())
    yield "loket-duplikat.png", window
    # Saved anyway: the receipt with the provisional number.
    ui.duplicateContinueButton.click()
    front.wait(lambda: page.receipt_dialog is not None
               and page.receipt_dialog.receipt is not None
               and page.receipt_dialog.document.pageCount() > 0)
    yield "loket-tanda-terima.png", page.receipt_dialog
    page.receipt_dialog.accept()
    # A paper log from the days the desk was down: one good row, two with problems.
    log = folder / "log-kertas.csv"
    _write_log(log, today)
    page.start_import(log.name)  # relative: the dialog shows the name as given
    front.wait(lambda: page.import_dialog is not None and page.import_dialog.isVisible())
    yield "loket-impor.png", page.import_dialog
    page.import_dialog.reject()


def run(module_scenes: Callable[[FrontDesk, Path], Iterator[tuple[str, Any]]],
        argv: list[str] | None, description: str) -> int:
    """The command line both FrontDesk modules share: ``--out``, ``--scale``, ``--check``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, help="write PNGs into this folder")
    parser.add_argument("--scale", type=float, default=1.0, help="QT_SCALE_FACTOR (1.25: 125%%)")
    parser.add_argument("--check", action="store_true", help="fail when something is clipped")
    args = parser.parse_args(argv)
    from desktop.screenshots.queue import clipped, configure_qt

    out = args.out.resolve() if args.out else None
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="lapor-front-shots-") as tmp:
        tmp_path = Path(tmp)
        configure_qt(args.scale, tmp_path)
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(sys.argv[:1])
        work = tmp_path / "berkas"
        work.mkdir()
        here = Path.cwd()
        os.chdir(work)
        front = FrontDesk(tmp_path / "desk")
        try:
            for name, shot in module_scenes(front, work):
                if not hasattr(shot, "save"):  # a widget; a QImage is saved as it is
                    front.pump()
                    problems += [f"{name}: {p}" for p in clipped(shot)]
                    shot = shot.grab()
                if out:
                    out.mkdir(parents=True, exist_ok=True)
                    target = out / (name if args.scale == 1 else
                                    name.replace(".png", f"-{int(args.scale * 100)}.png"))
                    shot.save(str(target))
                    print(target)
        finally:
            front.close()
            app.processEvents()
            os.chdir(here)
    for problem in problems:
        print(f"clipped: {problem}", file=sys.stderr)
    return 1 if args.check and problems else 0


def main(argv: list[str] | None = None) -> int:
    return run(scenes, argv, __doc__.splitlines()[0])


if __name__ == "__main__":
    sys.exit(main())
