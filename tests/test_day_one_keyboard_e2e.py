"""Issue 14, "Done when": by keyboard alone, a new clerk logs a walk-in and hands over a
receipt with the official number, and a kepala bidang verifies it, disposes it and saves its
Lembar Disposisi as PDF.

Two desks signed in to one real server (``start_server``); every step of the officers is a
key (QTest.keyClick/keyClicks/keySequence): no widget method is called for them. Only the
operating system's print dialog is stood in for (it prints to a PDF file at once), and the
offscreen platform's window activation is asked for after a dialog closes. Ground truth: the
server's record, and the PDFs read back with pdftotext.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeySequence  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QWidget  # noqa: E402

from desktop.app import Desk as GuiDesk  # noqa: E402
from desktop.printing import settings as ls  # noqa: E402
from desktop.views.loket import receipt_dialog  # noqa: E402
from tests.server_fixtures import start_server  # noqa: E402
from tests.sync_fixtures import make_desk_fixture  # noqa: E402, F401

from .test_intake_service import need_pdftotext, pdf_text  # noqa: E402

WAIT_MS = 30_000
pytestmark = [pytest.mark.slow, need_pdftotext]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with start_server(tmp_path_factory.mktemp("day-one-keys"), complaints=0) as handle:
        yield handle


class PrintToFile:
    """Stands in for the operating system's print dialog: "Cetak" at once, to a PDF file."""

    target: Path | None = None
    printed: list[str] = []

    def __init__(self, printer: QPrinter, _parent=None) -> None:
        self.printer = printer

    def exec(self) -> QDialog.DialogCode:
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(PrintToFile.target))
        PrintToFile.printed.append(self.printer.docName())
        return QDialog.DialogCode.Accepted


def key(keys: str, widget: QWidget | None = None) -> None:
    """Press ``keys`` ("Ctrl+Shift+V") where the focus is (or on ``widget``)."""
    target = widget or QApplication.focusWidget() or QApplication.activeWindow()
    QTest.keySequence(target, QKeySequence(keys))
    for modifier in (Qt.Key.Key_Shift, Qt.Key.Key_Control):  # QTest leaves them "held"
        QTest.keyRelease(target, modifier)


def press(qt_key: Qt.Key) -> None:
    QTest.keyClick(QApplication.focusWidget() or QApplication.activeWindow(), qt_key)


def tab_to(qtbot, widget: QWidget, limit: int = 80) -> None:
    """Tab, as the officer does, until ``widget`` has the focus."""
    for _ in range(limit):
        if widget.hasFocus():
            return
        press(Qt.Key.Key_Tab)
        qtbot.wait(5)
    raise AssertionError(f"Tab never reached {widget.objectName()}")


def type_text(text: str) -> None:
    QTest.keyClicks(QApplication.focusWidget(), text)


def activate(qtbot, window: QWidget) -> None:
    """Offscreen, nothing is active once a dialog closes: what the window manager does."""
    window.activateWindow()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)


def open_gui(qtbot, desk) -> GuiDesk:
    gui = GuiDesk(desk.data_dir, "id")
    gui.window.resize(1366, 728)
    gui.window.show()
    qtbot.waitExposed(gui.window)
    controller = gui.window.sync.controller
    qtbot.waitUntil(lambda: gui.window.service is not None and controller.status.online is True
                    and not controller.status.syncing, timeout=WAIT_MS)
    activate(qtbot, gui.window)
    return gui


def sync_now(qtbot, gui) -> None:
    controller = gui.window.sync.controller
    key("Ctrl+R")
    qtbot.waitUntil(lambda: controller.status.syncing, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not controller.status.syncing and controller.status.pending == 0,
                    timeout=WAIT_MS)


def save_as_by_keys(path: Path) -> None:
    """The file dialog the desk opens, answered by keyboard: the name typed, then Enter."""
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, answer)
            return
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name.hasFocus()  # where the dialog opens: the file name, selected
        QTest.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(name, str(path))
        QTest.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(50, answer)


def test_walk_in_to_lembar_disposisi_by_keyboard(qtbot, server, make_desk,  # noqa: F811
                                                 monkeypatch, tmp_path) -> None:
    clerk_desk, leader_desk = make_desk("loket"), make_desk("kepala")
    monkeypatch.setenv("XDG_CONFIG_HOME", clerk_desk.env["XDG_CONFIG_HOME"])
    monkeypatch.setenv("LAPOR_DESK_RETRY", clerk_desk.env["LAPOR_DESK_RETRY"])
    clerk_desk.login(server, "dinkes.loket")
    clerk_desk.sync()  # reference data (agencies, units, categories)
    clerk_desk.close()
    leader_desk.login(server, "dinkes.admin")
    leader_desk.sync()
    # The agency's letterhead and signer, as its admin set them up once (Pengaturan).
    signer = ls.SignerEntry.new(jabatan="KEPALA BIDANG PELAYANAN KESEHATAN",
                                name="dr. Rahmat Hidayat, M.Kes.", pangkat="Pembina (IV/a)",
                                nip="197503102000031004")
    ls.save(leader_desk.service, ls.LetterSettings(
        agency_code="DINKES", header_lines=("PEMERINTAH PROVINSI KALIMANTAN SELATAN",
                                            "DINAS KESEHATAN"),
        address="Jalan Belitung Darat No. 118, Banjarmasin 70116", signers=(signer,),
        default_signer=signer.id, paper="a4"))
    leader_desk.close()
    PrintToFile.target, PrintToFile.printed = tmp_path / "tanda-terima.pdf", []
    monkeypatch.setattr(receipt_dialog, "QPrintDialog", PrintToFile)

    # --- The clerk: a walk-in, its receipt, the official number, the reprint. -----------
    gui = open_gui(qtbot, clerk_desk)
    try:
        window = gui.window
        key("Ctrl+2")  # Loket
        page = window.loket
        qtbot.waitUntil(lambda: page.context is not None and page.isVisible(), timeout=WAIT_MS)
        ui = page.ui
        tab_to(qtbot, ui.nameEdit)
        type_text("Siti Rahmah")
        tab_to(qtbot, ui.titleEdit)
        type_text("Antrean obat di Puskesmas Pekauman mengular")
        tab_to(qtbot, ui.contentEdit)
        type_text("Antrean obat baru bergerak setelah pukul sepuluh setiap pagi.")
        tab_to(qtbot, ui.submitButton)
        press(Qt.Key.Key_Space)  # Simpan
        qtbot.waitUntil(lambda: page.receipt_dialog is not None
                        and page.receipt_dialog.receipt is not None, timeout=WAIT_MS)
        receipt = page.receipt_dialog
        complaint_id, provisional = receipt.receipt.complaint_id, receipt.receipt.number
        assert receipt.receipt.provisional and provisional.startswith("L-")
        # The app's own sync brings the official number: the open receipt shows it.
        qtbot.waitUntil(lambda: not receipt.receipt.provisional, timeout=WAIT_MS)
        tracking = receipt.receipt.number
        assert tracking.isdigit()
        press(Qt.Key.Key_Escape)  # the receipt closes
        qtbot.waitUntil(lambda: not receipt.isVisible(), timeout=WAIT_MS)
        activate(qtbot, window)
        key("Ctrl+Shift+P")  # reprint with the official number, for the reporter
        qtbot.waitUntil(lambda: bool(PrintToFile.printed), timeout=WAIT_MS)
        assert PrintToFile.printed == [f"tanda-terima-{tracking}"]
        assert PrintToFile.target.stat().st_size > 10_000  # the page was drawn
        printed = tmp_path / "dicetak.pdf"  # what was drawn: the receipt's own PDF
        printed.write_bytes(page.receipt_dialog.receipt.pdf)
        words = " ".join(pdf_text(printed).split())
        assert tracking in words and "Siti Rahmah" in words
        assert provisional not in words and "nomor sementara" not in words.lower()
        remote = server.login("dinkes.admin").get(f"/complaints/{complaint_id}").json()
        assert str(remote["tracking_number"]) == tracking
        press(Qt.Key.Key_Escape)  # the reprinted receipt closes
        qtbot.waitUntil(lambda: not page.receipt_dialog.isVisible(), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: gui.tasks.pending == 0, timeout=WAIT_MS)
    finally:
        gui.close()
        qtbot.wait(100)

    # --- The kepala bidang: verify, dispose, Lembar Disposisi as PDF. ----------------------
    monkeypatch.setenv("XDG_CONFIG_HOME", leader_desk.env["XDG_CONFIG_HOME"])
    gui = open_gui(qtbot, leader_desk)
    try:
        window = gui.window
        flow = window.workflow.controller
        key("Ctrl+1")  # Antrian
        key("Ctrl+F")
        type_text(tracking)
        qtbot.waitUntil(lambda: window.model.rowCount() == 1
                        and window.model.id_at(0) == complaint_id, timeout=WAIT_MS)
        press(Qt.Key.Key_Tab)  # into the queue
        assert window.ui.queueTable.hasFocus()
        press(Qt.Key.Key_Home)  # its row
        qtbot.waitUntil(lambda: (flow.snapshot or {}).get("id") == complaint_id
                        and gui.tasks.pending == 0, timeout=WAIT_MS)

        key("Ctrl+Shift+V")  # Verifikasi
        qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(),
                        timeout=WAIT_MS)
        dialog = flow.dialog
        tab_to(qtbot, dialog.ui.categoryCombo)
        press(Qt.Key.Key_Down)  # the first category
        assert dialog.ui.categoryCombo.currentData()
        key("Ctrl+Return")
        qtbot.waitUntil(lambda: dialog.results is not None, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: (flow.snapshot or {}).get("verified_at") is not None
                        and gui.tasks.pending == 0, timeout=WAIT_MS)
        activate(qtbot, window)

        key("Ctrl+Shift+D")  # Disposisi
        qtbot.waitUntil(lambda: flow.dialog is not dialog and flow.dialog is not None
                        and flow.dialog.isVisible(), timeout=WAIT_MS)
        dialog = flow.dialog
        units = dialog.ui.unitsList
        tab_to(qtbot, units)
        press(Qt.Key.Key_Home)
        press(Qt.Key.Key_Space)  # the first unit, ticked
        unit = units.item(units.currentRow())
        assert unit.checkState() == Qt.CheckState.Checked
        unit_name = unit.text()
        key("Ctrl+Return")
        qtbot.waitUntil(lambda: dialog.results is not None, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: (flow.snapshot or {}).get("status") == "didisposisikan"
                        and gui.tasks.pending == 0, timeout=WAIT_MS)
        activate(qtbot, window)
        sync_now(qtbot, gui)  # both actions reach the server
        remote = server.login("dinkes.pimpinan").get(f"/complaints/{complaint_id}").json()
        assert remote["status"] == "didisposisikan" and remote["verified_at"]

        activate(qtbot, window)
        key("Ctrl+P")  # Cetak Disposisi
        letters = window.letters
        qtbot.waitUntil(lambda: letters.dialog is not None and letters.dialog.isVisible()
                        and bool(letters.dialog.items) and letters.dialog.ui.preview.ready,
                        timeout=WAIT_MS)
        sheet = letters.dialog
        tab_to(qtbot, sheet.ui.issueButton)
        press(Qt.Key.Key_Space)  # Terbitkan: the agenda number
        qtbot.waitUntil(lambda: sheet.ui.saveButton.isEnabled(), timeout=WAIT_MS)
        agenda = sheet.items[0].active(sheet.paper).agenda_number
        target = tmp_path / "lembar-disposisi.pdf"
        tab_to(qtbot, sheet.ui.saveButton)
        save_as_by_keys(target)
        press(Qt.Key.Key_Space)  # Simpan PDF…, the file named by keyboard
        qtbot.waitUntil(target.exists, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: gui.tasks.pending == 0, timeout=WAIT_MS)
        words = " ".join(pdf_text(target).split())
        assert "LEMBAR DISPOSISI" in words.upper() and agenda in words
        assert tracking in words and "dr. Rahmat Hidayat" in words
        assert " ".join(unit_name.split()) in words, (unit_name, words)
        sheet.close()
    finally:
        gui.close()
        qtbot.wait(100)
