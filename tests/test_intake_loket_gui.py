"""The Loket page driven as a front-desk officer would (pytest-qt, real SQLite desk).

Ground truth: the store and its outbox, and the receipt PDF read back with pdftotext.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import subprocess  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDropEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog  # noqa: E402

from desktop import i18n  # noqa: E402
from desktop.intake import DRAFT_KEY  # noqa: E402
from desktop.store import DeskService  # noqa: E402
from desktop.tasks import Tasks  # noqa: E402
from desktop.views.loket import LoketPage  # noqa: E402

from .test_intake_import import GOOD, write_csv  # noqa: E402
from .test_intake_service import NIK, PNG, make_desk, need_pdftotext, pdf_text  # noqa: E402

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks

WAIT_MS = 15_000


class Desk:
    def __init__(self, qtbot, folder: Path) -> None:
        self.store = make_desk(folder)
        self.tasks = Tasks()
        self.page = LoketPage(self.tasks, "id")
        qtbot.addWidget(self.page)
        self.page.resize(1366, 700)
        self.page.show()
        self.page.attach_service(self.store)
        qtbot.waitUntil(lambda: self.page.context is not None, timeout=WAIT_MS)
        self.qtbot = qtbot

    def idle(self) -> None:
        self.qtbot.waitUntil(lambda: self.tasks.pending == 0, timeout=WAIT_MS)

    def close(self) -> None:
        if self.page.receipt_dialog is not None:
            self.page.receipt_dialog.close()
        self.tasks.shutdown()
        self.store.close()


@pytest.fixture
def indonesian(qapp):
    lang, translator = i18n.install(qapp, "id")
    yield
    i18n.uninstall(qapp, translator)


@pytest.fixture
def desk(qtbot, tmp_path: Path, indonesian):
    d = Desk(qtbot, tmp_path / "desk")
    yield d
    d.close()


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    if hasattr(widget, "selectAll"):
        widget.selectAll()
    qtbot.keyClicks(widget, text)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def error(page: LoketPage, name: str) -> str | None:
    label = getattr(page.ui, name)
    return label.text() if label.isVisible() else None


def record_simple(qtbot, ui) -> None:
    """Fill the least a complaint needs and press save."""
    type_into(qtbot, ui.nameEdit, "Siti")
    type_into(qtbot, ui.titleEdit, "Antrean obat sangat lama")
    type_into(qtbot, ui.contentEdit, "Antrean obat baru bergerak setelah jam sepuluh.")
    click(qtbot, ui.submitButton)


def wait_receipt(desk: Desk, previous=None):
    """The receipt dialog the page opens next (not ``previous``), once rendered."""
    desk.qtbot.waitUntil(lambda: desk.page.receipt_dialog not in (None, previous)
                         and desk.page.receipt_dialog.receipt is not None, timeout=WAIT_MS)
    return desk.page.receipt_dialog


@need_pdftotext
def test_fill_fix_errors_submit_offline_and_print(desk: Desk, qtbot, tmp_path, monkeypatch):
    page, ui = desk.page, desk.page.ui
    type_into(qtbot, ui.nameEdit, "Siti Rahmah")
    type_into(qtbot, ui.nikEdit, "63710141019")  # too short
    type_into(qtbot, ui.phoneEdit, "12345")  # not an Indonesian number
    type_into(qtbot, ui.contentEdit, "Antrean obat di puskesmas baru bergerak setelah jam 10.")
    # The title is left empty.
    click(qtbot, ui.submitButton)
    assert "16 digit" in error(page, "nikError")
    assert "diawali 08" in error(page, "phoneError")
    assert error(page, "titleError") == "Judul wajib diisi."
    assert error(page, "nameError") is None
    assert "3" in ui.formMessage.text() and "merah" in ui.formMessage.text()
    desk.idle()
    assert desk.store.total() == 0 and desk.store.outbox() == []
    # Nothing typed was lost.
    assert (ui.nameEdit.text(), ui.nikEdit.text(), ui.phoneEdit.text()) == (
        "Siti Rahmah", "63710141019", "12345")

    type_into(qtbot, ui.nikEdit, NIK)
    assert error(page, "nikError") is None, "a fixed field loses its message while typing"
    type_into(qtbot, ui.phoneEdit, "0812 3456 7890")
    type_into(qtbot, ui.titleEdit, "Antrean obat di Puskesmas Pekauman")
    assert [error(page, n) for n in ("nikError", "phoneError", "titleError")] == [None] * 3
    ui.categoryPicker.search.setText("kesehatan")
    ui.categoryPicker._pick_first_match()
    assert ui.categoryPicker.category_id() == "kesehatan"
    click(qtbot, ui.submitButton)

    dialog = wait_receipt(desk)
    number = dialog.receipt.number
    assert dialog.receipt.provisional and number.startswith("L-D1-")
    assert number in dialog.ui.numberLabel.text()
    # Recorded locally and queued for the server (no server was ever reachable).
    ops = desk.store.outbox()
    assert [(o["kind"], o["state"]) for o in ops] == [("create", "pending")]
    snap = desk.store.complaint(ops[0]["complaint_id"])
    assert (snap["provisional_number"], snap["reporter"]["nik"]) == (number, NIK)
    assert snap["category_id"] == "kesehatan"
    # The form starts afresh and the draft is gone.
    assert ui.titleEdit.text() == "" and ui.nameEdit.text() == ""
    assert desk.store.get_draft(*DRAFT_KEY) is None
    # "Simpan PDF", then read it back.
    target = tmp_path / "tanda-terima.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    click(qtbot, dialog.ui.saveButton)
    text = " ".join(pdf_text(target).split())
    for needle in (number, "Siti Rahmah", "3 hari kerja", "5 hari kerja", "TANDA TERIMA",
                   "Antrean obat di Puskesmas Pekauman", "Rina Marlina"):
        assert needle in text, needle
    assert dialog.document.pageCount() == 1  # the preview shows it
    # Another paper: the thermal roll.
    dialog.ui.paperCombo.setCurrentIndex(dialog.ui.paperCombo.findData("thermal80"))
    qtbot.waitUntil(lambda: dialog.receipt.layout == "thermal80", timeout=WAIT_MS)


def test_unidentified_reporter(desk: Desk, qtbot):
    ui = desk.page.ui
    type_into(qtbot, ui.nameEdit, "Tidak jadi disebut")
    click(qtbot, ui.unidentifiedCheck)
    assert not ui.nameEdit.isEnabled() and ui.anonymousCheck.isChecked()
    assert not ui.anonymousCheck.isEnabled()
    type_into(qtbot, ui.titleEdit, "Pungutan liar di kantor kelurahan")
    type_into(qtbot, ui.contentEdit, "Diminta uang untuk mengurus surat pengantar.")
    click(qtbot, ui.submitButton)
    wait_receipt(desk)
    snap = desk.store.complaint(desk.store.outbox()[0]["complaint_id"])
    assert snap["anonymous"] and not any((snap["reporter"] or {}).values())


def test_draft_autosaved_and_restored(desk: Desk, qtbot, tmp_path):
    page, ui = desk.page, desk.page.ui
    page._draft_timer.setInterval(20)
    type_into(qtbot, ui.titleEdit, "Draf yang belum selesai")
    type_into(qtbot, ui.nikEdit, "123")
    ui.regionPicker.set_region_code("63.71.01.1001")
    qtbot.waitUntil(lambda: (desk.store.get_draft(*DRAFT_KEY) or {}).get("region_code")
                    == "63.71.01.1001", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "tersimpan" in ui.draftLabel.text(), timeout=WAIT_MS)
    # The desk is closed and opened again: the form comes back as it was.
    again = LoketPage(desk.tasks, "id")
    qtbot.addWidget(again)
    again.attach_service(desk.store)
    qtbot.waitUntil(lambda: again.context is not None, timeout=WAIT_MS)
    assert again.ui.titleEdit.text() == "Draf yang belum selesai"
    assert again.ui.nikEdit.text() == "123"
    assert again.ui.regionPicker.region_code() == "63.71.01.1001"
    assert again.ui.regionPicker.desa.currentText()
    assert again.form()["op_id"] == page.form()["op_id"], "a restored draft keeps its ids"


def test_duplicate_hint_before_saving(desk: Desk, qtbot):
    ui = desk.page.ui

    def fill(title: str) -> None:
        type_into(qtbot, ui.nameEdit, "Budi")
        type_into(qtbot, ui.phoneEdit, "0811 500 600")
        type_into(qtbot, ui.titleEdit, title)
        type_into(qtbot, ui.contentEdit, "Lampu jalan padam sejak dua minggu yang lalu.")

    fill("Lampu jalan padam di Jalan Veteran")
    click(qtbot, ui.submitButton)
    first_dialog = wait_receipt(desk)
    first = first_dialog.receipt.number
    first_dialog.close()
    fill("Penerangan jalan mati")  # another title, the same phone
    click(qtbot, ui.submitButton)
    qtbot.waitUntil(ui.duplicatePanel.isVisible, timeout=WAIT_MS)
    listed = [ui.duplicateList.item(i).text() for i in range(ui.duplicateList.count())]
    assert len(listed) == 1 and first in listed[0] and "telepon" in listed[0]
    assert desk.store.total() == 1, "nothing is saved before the officer decides"
    click(qtbot, ui.duplicateCancelButton)
    assert not ui.duplicatePanel.isVisible() and ui.titleEdit.text() == "Penerangan jalan mati"
    click(qtbot, ui.submitButton)
    qtbot.waitUntil(ui.duplicatePanel.isVisible, timeout=WAIT_MS)
    click(qtbot, ui.duplicateContinueButton)
    second = wait_receipt(desk, first_dialog).receipt.number
    assert second != first and desk.store.total() == 2


def test_attachments_by_drag_and_drop(desk: Desk, qtbot, tmp_path):
    page, ui = desk.page, desk.page.ui
    photo = tmp_path / "foto-jalan.png"
    photo.write_bytes(PNG)
    bad = tmp_path / "catatan.txt"
    bad.write_text("bukan foto")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo)), QUrl.fromLocalFile(str(bad))])
    target = ui.attachmentList.viewport()
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    ui.attachmentList.dropEvent(event)
    QApplication.processEvents()
    desk.idle()
    assert [f["filename"] for f in ui.attachmentList.files()] == ["foto-jalan.png"]
    assert "tidak diterima" in error(page, "attachmentsError")
    assert target is not None
    type_into(qtbot, ui.nameEdit, "Ahmad")
    type_into(qtbot, ui.titleEdit, "Jalan berlubang di depan sekolah")
    type_into(qtbot, ui.contentEdit, "Lubang besar membahayakan anak sekolah.")
    click(qtbot, ui.submitButton)
    wait_receipt(desk)
    assert [o["kind"] for o in desk.store.outbox()] == ["create", "attach"]


def test_reprint_by_number(desk: Desk, qtbot):
    ui = desk.page.ui
    record_simple(qtbot, ui)
    first = wait_receipt(desk)
    number = first.receipt.number
    first.close()
    type_into(qtbot, ui.reprintEdit, number.lower())
    click(qtbot, ui.reprintButton)
    assert wait_receipt(desk, first).receipt.number == number
    type_into(qtbot, ui.reprintEdit, "L-D1-20000101-0001")
    click(qtbot, ui.reprintButton)
    dialog = desk.page.receipt_dialog
    qtbot.waitUntil(dialog.ui.messageLabel.isVisible, timeout=WAIT_MS)
    assert "tidak ditemukan" in dialog.ui.messageLabel.text()


def test_import_in_the_app_valid_rows_only_or_nothing(desk: Desk, qtbot, tmp_path):
    page = desk.page
    path = write_csv(tmp_path / "log.csv", [GOOD[0], {**GOOD[1], "nik": "12"}, GOOD[2]])
    page.start_import(str(path))
    qtbot.waitUntil(lambda: page.import_dialog is not None
                    and page.import_dialog.isVisible(), timeout=WAIT_MS)
    dialog = page.import_dialog
    table = dialog.ui.errorTable
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(2)] == ["3", "nik"]
    # "Import nothing" imports nothing.
    click(qtbot, dialog.ui.cancelButton)
    desk.idle()
    assert desk.store.total() == 0
    page.start_import(str(path))
    qtbot.waitUntil(lambda: page.import_dialog is not dialog
                    and page.import_dialog.isVisible(), timeout=WAIT_MS)
    assert "(2)" in page.import_dialog.ui.importButton.text()
    click(qtbot, page.import_dialog.ui.importButton)
    qtbot.waitUntil(lambda: desk.store.total() == 2, timeout=WAIT_MS)
    desk.idle()
    assert "2" in page.ui.formMessage.text()


def test_save_import_template(desk: Desk, qtbot, tmp_path):
    saved = []
    desk.page.save_template(str(tmp_path / "templat.xlsx"), saved.append)
    qtbot.waitUntil(lambda: bool(saved), timeout=WAIT_MS)
    assert (tmp_path / "templat.xlsx").stat().st_size > 0
    with DeskService(tmp_path / "desk") as store:
        assert store.total() == 0


def test_in_the_main_window(qtbot, tmp_path, indonesian):
    """Navigation reaches the Loket page; a recorded complaint appears in the queue."""
    from desktop.app import Desk as App

    folder = tmp_path / "app"
    make_desk(folder).close()
    app = App(folder, "id")
    try:
        window = app.window
        window.show()
        qtbot.waitUntil(lambda: window.service is not None and window.loket.context is not None,
                        timeout=WAIT_MS)
        window.ui.actionDesk.trigger()
        assert window.ui.pages.currentWidget() is window.loket
        ui = window.loket.ui
        record_simple(qtbot, ui)
        qtbot.waitUntil(lambda: window.loket.receipt_dialog is not None
                        and window.loket.receipt_dialog.receipt is not None, timeout=WAIT_MS)
        number = window.loket.receipt_dialog.receipt.number
        window.loket.receipt_dialog.close()
        qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT_MS)
        window.ui.actionQueue.trigger()
        window.ui.searchEdit.setText(number)
        qtbot.waitUntil(lambda: window.model.rowCount() == 1
                        and window.model.queue_filter.search == number, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=WAIT_MS)
    finally:
        app.close()


@pytest.mark.parametrize("paper", ["half", "thermal80"])
def test_print_path_renders_on_the_receipts_paper(desk: Desk, qtbot, tmp_path, paper):
    """What "Cetak…" sends to a printer, captured by Qt's PDF printer."""
    from PySide6.QtPrintSupport import QPrinter

    from desktop.views.loket.receipt_dialog import print_document, receipt_printer

    ui = desk.page.ui
    record_simple(qtbot, ui)
    dialog = wait_receipt(desk)
    dialog.ui.paperCombo.setCurrentIndex(dialog.ui.paperCombo.findData(paper))
    qtbot.waitUntil(lambda: dialog.receipt.layout == paper
                    and dialog.document.pageCount() == 1, timeout=WAIT_MS)
    printer = receipt_printer(dialog.document, "uji")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    print_document(dialog.document, printer)
    points = dialog.document.pagePointSize(0)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    width, height = (float(v) for v in
                     info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert abs(width - points.width()) < 2 and abs(height - points.height()) < 2
    assert out.stat().st_size > 20_000, "the page was drawn"
