"""A walk-in complaint's official number reaches the clerk (issue 14 item 3): recorded on the
real Loket widgets of a desk window signed in to a real server, the app's own sync brings
the tracking number a few seconds later; the Loket page says so, the open receipt dialog
shows it in place, and one key prints the receipt again with it (read back with pdftotext).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QKeySequence  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QDialog, QFrame  # noqa: E402

from desktop.app import Desk as GuiDesk  # noqa: E402
from desktop.views.loket import receipt_dialog  # noqa: E402
from tests.server_fixtures import start_server  # noqa: E402
from tests.sync_fixtures import make_desk_fixture  # noqa: E402, F401

from .test_intake_service import need_pdftotext, pdf_text  # noqa: E402

WAIT_MS = 30_000
pytestmark = [pytest.mark.slow, need_pdftotext]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with start_server(tmp_path_factory.mktemp("loket-official"), complaints=0) as handle:
        yield handle


class FakePrintDialog:
    """Stands in for QPrintDialog: "OK" at once, the printer writing a PDF file."""

    printed: list[str] = []
    target: Path | None = None

    def __init__(self, printer: QPrinter, _parent=None) -> None:
        self.printer = printer

    def exec(self) -> QDialog.DialogCode:
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(FakePrintDialog.target))
        FakePrintDialog.printed.append(self.printer.docName())
        return QDialog.DialogCode.Accepted


def shown_notice(page) -> QFrame | None:
    """The Loket page's notice about the official number, when it is shown."""
    bar = page.findChild(QFrame, "officialNumberNotice")
    return bar if bar is not None and bar.isVisible() else None


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_official_number_told_and_reprinted_with_one_key(qtbot, server, make_desk,
                                                         monkeypatch, tmp_path) -> None:
    desk = make_desk()
    monkeypatch.setenv("XDG_CONFIG_HOME", desk.env["XDG_CONFIG_HOME"])
    monkeypatch.setenv("LAPOR_DESK_RETRY", desk.env["LAPOR_DESK_RETRY"])
    desk.login(server, "dinkes.loket")
    desk.sync()  # reference data (agencies, categories)
    desk.close()
    FakePrintDialog.printed = []
    FakePrintDialog.target = tmp_path / "printed.pdf"
    monkeypatch.setattr(receipt_dialog, "QPrintDialog", FakePrintDialog)

    gui = GuiDesk(desk.data_dir, "id")
    window = gui.window
    try:
        window.show()
        qtbot.waitExposed(window)
        controller = window.sync.controller
        qtbot.waitUntil(lambda: window.service is not None and controller.status.online is True
                        and not controller.status.syncing, timeout=WAIT_MS)
        window.ui.actionDesk.trigger()
        page = window.loket
        qtbot.waitUntil(lambda: page.context is not None, timeout=WAIT_MS)
        ui = page.ui
        type_into(qtbot, ui.nameEdit, "Siti Rahmah")
        type_into(qtbot, ui.titleEdit, "Antrean obat di Puskesmas Pekauman")
        type_into(qtbot, ui.contentEdit, "Antrean obat baru bergerak setelah pukul sepuluh.")
        qtbot.mouseClick(ui.submitButton, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.receipt_dialog is not None
                        and page.receipt_dialog.receipt is not None, timeout=WAIT_MS)
        dialog = page.receipt_dialog
        provisional = dialog.receipt.number
        complaint_id = dialog.receipt.complaint_id
        assert dialog.receipt.provisional and provisional.startswith("L-")
        notice = page.findChild(QFrame, "officialNumberNotice")
        assert notice is None or not notice.isVisible()

        # The app's own sync (a few seconds after the save) brings the official number.
        qtbot.waitUntil(lambda: shown_notice(page) is not None, timeout=WAIT_MS)
        notice = shown_notice(page)
        tracking = window.service.complaint(complaint_id)["tracking_number"]
        remote = server.login("dinkes.admin").get(f"/complaints/{complaint_id}").json()
        assert remote["tracking_number"] == tracking and isinstance(tracking, int)
        text = notice.label.text()
        assert f"Nomor resmi {tracking} untuk {provisional} sudah terbit" in text, text
        assert notice.buttons[0].text() == f"Cetak ulang tanda terima {tracking} (Ctrl+Shift+P)"
        # The receipt dialog, still open, shows the official number in place.
        qtbot.waitUntil(lambda: dialog.receipt.number == str(tracking), timeout=WAIT_MS)
        assert page.receipt_dialog is dialog and not dialog.receipt.provisional
        assert str(tracking) in dialog.ui.numberLabel.text()
        dialog.close()

        # One key on the Loket page: the receipt printed again, with the official number.
        window.windowHandle().requestActivate()  # offscreen: nothing is active after a dialog
        qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
        ui.nameEdit.setFocus()
        QTest.keySequence(ui.nameEdit, QKeySequence("Ctrl+Shift+P"))
        for key in (Qt.Key.Key_Shift, Qt.Key.Key_Control):  # QTest leaves them "held"
            QTest.keyRelease(ui.nameEdit, key)
        qtbot.waitUntil(lambda: bool(FakePrintDialog.printed), timeout=WAIT_MS)
        assert FakePrintDialog.printed == [f"tanda-terima-{tracking}"]
        assert FakePrintDialog.target.stat().st_size > 10_000  # the page was drawn
        again = page.receipt_dialog
        assert again.receipt.number == str(tracking) and not again.receipt.provisional
        reprint = again.save_pdf(tmp_path / "reprint.pdf")
        words = " ".join(pdf_text(reprint).split())
        assert str(tracking) in words and "Siti Rahmah" in words
        assert "nomor sementara" not in words.lower()
        assert not notice.isVisible()  # done: nothing more to reprint
        again.close()
        qtbot.waitUntil(lambda: gui.tasks.pending == 0, timeout=WAIT_MS)
    finally:
        gui.close()
        qtbot.wait(100)
