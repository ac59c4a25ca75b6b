"""Cetak Disposisi and Pengaturan › Letterhead, driven through the real desk window on a
real SQLite desk (pytest-qt). Ground truth: the archive files and a second DeskService."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import hashlib  # noqa: E402
import io  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox  # noqa: E402

from core import Actor, Role  # noqa: E402
from desktop.app import Desk  # noqa: E402
from desktop.printing import letters_for, reprint_bytes  # noqa: E402
from desktop.printing import settings as ls  # noqa: E402
from desktop.store import DeskService  # noqa: E402
from desktop.views.letters import SettingsTabs  # noqa: E402
from desktop.views.letters.printer import paint_documents  # noqa: E402
from desktop.views.letters.void_dialog import LetterVoidDialog  # noqa: E402
from tests.test_printing_archive import LEADER, NOW, _add_block, _complaint  # noqa: E402

WAIT_MS = 15_000


def _pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def data_dir(tmp_path: Path) -> tuple[Path, list[str]]:
    folder = tmp_path / "desk"
    with DeskService(folder) as service:
        service.merge_reference(
            agencies=[{"code": "DINKES", "name": "Dinas Kesehatan Provinsi Kalimantan Selatan"}],
            units=[{"agency_code": "DINKES", "code": "YANKES",
                    "name": "Bidang Pelayanan Kesehatan"}])
        service.set_actor(LEADER)
        signer = ls.SignerEntry.new(jabatan="KEPALA DINAS KESEHATAN PROVINSI KALIMANTAN SELATAN",
                                    name="dr. H. Ahmad Fauzan, M.Kes.",
                                    pangkat="Pembina Utama Muda (IV/c)",
                                    nip="197001011995031002")
        ls.save(service, ls.LetterSettings(
            agency_code="DINKES",
            header_lines=("PEMERINTAH PROVINSI KALIMANTAN SELATAN", "DINAS KESEHATAN"),
            address="Jalan Belitung Darat No. 118, Banjarmasin 70116",
            phone_fax="Telepon (0511) 3355 661", web_email="dinkes.kalselprov.go.id",
            signers=(signer,), default_signer=signer.id, paper="f4"))
        ids = [_complaint(service, tracking=1916449 + i, provisional=f"L-D1-20261120-000{i}")
               for i in range(2)]
        _add_block(service, 45, 60, year=NOW.year)
    return folder, ids


@pytest.fixture
def desk(qtbot, data_dir):
    folder, ids = data_dir
    desk = Desk(folder, "id")  # the default UI language, translations included
    desk.window.show()
    qtbot.waitExposed(desk.window)
    qtbot.waitUntil(lambda: desk.window.service is not None and not desk.window.model.loading,
                    timeout=WAIT_MS)
    yield desk, ids
    desk.close()


def _wait_idle(qtbot, desk: Desk) -> None:
    qtbot.waitUntil(lambda: desk.tasks.pending == 0, timeout=WAIT_MS)


def _open_dialog(qtbot, desk: Desk, ids: list[str]):
    window = desk.window
    table = window.ui.queueTable
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=WAIT_MS)
    if len(ids) == 2:
        table.selectAll()
        assert sorted(window.letters.selected_ids()) == sorted(ids)
        assert window.letters.print_action.isEnabled()
        window.letters.print_action.trigger()
    else:
        window.letters.open_dialog(ids)
    dialog = window.letters.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: bool(dialog.items) and dialog.ui.preview.ready, timeout=WAIT_MS)
    return dialog


def test_issue_preview_save_and_void_from_the_window(qtbot, desk, tmp_path):
    desk, ids = desk
    dialog = _open_dialog(qtbot, desk, ids)
    assert "Konsep" in dialog.ui.previewTitle.text()
    assert dialog.paper == "f4" and dialog.ui.signerCombo.currentText().startswith("dr. H.")
    assert not dialog.ui.printButton.isEnabled() and not dialog.ui.saveButton.isEnabled()
    assert dialog.ui.issueButton.isEnabled() and "2" in dialog.ui.issueButton.text()

    qtbot.mouseClick(dialog.ui.issueButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: all(i.active("f4") is not None for i in dialog.items),
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "No. Agenda" in dialog.ui.previewTitle.text() and
                    dialog.ui.preview.ready, timeout=WAIT_MS)
    _wait_idle(qtbot, desk)
    service = desk.window.service
    records = [letters_for(service, cid)[-1] for cid in ids]
    assert sorted(r.agenda_seq for r in records) == [45, 46]
    shown = dialog.current_item().active("f4")
    assert dialog.ui.preview.data == reprint_bytes(service, shown.letter_id)
    assert dialog.ui.printButton.isEnabled() and not dialog.ui.issueButton.isEnabled()

    # One PDF for the selection: both archived sheets, page for page.
    combined = tmp_path / "semua.pdf"
    dialog.save_pdf(str(combined))
    _wait_idle(qtbot, desk)
    assert _pages(combined.read_bytes()) == 2
    # One PDF per complaint: the archived bytes themselves.
    dialog.ui.perComplaintRadio.setChecked(True)
    folder = tmp_path / "per-pengaduan"
    dialog.save_pdf(str(folder))
    _wait_idle(qtbot, desk)
    for record in records:
        data = (folder / record.filename).read_bytes()
        assert hashlib.sha256(data).hexdigest() == record.sha256

    # Void the current letter with a reason; the number stays used.
    dialog.ui.complaintList.setCurrentRow(0)
    assert dialog.ui.voidButton.isEnabled() and not dialog.ui.voidButton.toolTip()
    qtbot.mouseClick(dialog.ui.voidButton, Qt.MouseButton.LeftButton)
    void = dialog.findChild(LetterVoidDialog)
    assert void is not None and void.isVisible()
    void.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert void.isVisible() and "minimal" in void.ui.errorLabel.text()
    void.ui.reasonEdit.setPlainText("Salah unit tujuan")
    void.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.items[0].active("f4") is None, timeout=WAIT_MS)
    _wait_idle(qtbot, desk)
    first = letters_for(service, dialog.items[0].complaint_id)[-1]
    assert first.voided and first.void_reason == "Salah unit tujuan"
    assert dialog.ui.issueButton.isEnabled() and not dialog.ui.printButton.isEnabled()
    assert "dibatalkan: Salah unit tujuan" in dialog.ui.stateLabel.text()
    dialog.close()


def test_print_pages_keep_the_sheet_size(qtbot, desk, tmp_path):
    desk, ids = desk
    dialog = _open_dialog(qtbot, desk, ids[:1])
    dialog.ui.paperCombo.setCurrentIndex(dialog.ui.paperCombo.findData("half"))
    qtbot.mouseClick(dialog.ui.issueButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.items[0].active("half") is not None, timeout=WAIT_MS)
    _wait_idle(qtbot, desk)
    data = reprint_bytes(desk.window.service, dialog.items[0].active("half").letter_id)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert paint_documents(printer, [data, data]) == 2
    from pypdf import PdfReader

    pages = PdfReader(str(out)).pages
    assert len(pages) == 2
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    assert abs(width - 215 * 72 / 25.4) < 2 and abs(height - 165 * 72 / 25.4) < 2
    dialog.close()


def test_letterhead_page_saves_and_checks(qtbot, desk):
    desk, _ids = desk
    window = desk.window
    tabs = window.ui.pages.widget(window.ui.pages.count() - 1)
    window.ui.actionSettings.trigger()
    assert isinstance(window.ui.pages.currentWidget(), SettingsTabs)
    page = window.letters.profile_page
    qtbot.waitUntil(page.isEnabled, timeout=WAIT_MS)
    assert tabs is not None
    assert page.ui.line2Edit.text() == "DINAS KESEHATAN"
    assert page.ui.signersTable.rowCount() == 1
    assert page.ui.numbersLabel.text().startswith("Sisa 16 nomor agenda")
    page.ui.line3Edit.setText("BIDANG PELAYANAN")
    page.add_signer()
    row = page.ui.signersTable.rowCount() - 1
    for column, text in enumerate(("Hj. Noor Aida", "SEKRETARIS", "Pembina (IV/a)", "123")):
        page.ui.signersTable.item(row, column).setText(text)
    page.ui.agendaFormatEdit.setText("{seq:04d}/{agency}/{year}")
    assert page.ui.agendaExampleLabel.text().startswith("Contoh: 0045/DINKES/")
    page.save()
    assert "NIP" in page.ui.errorLabel.text()
    page.ui.signersTable.item(row, 3).setText("198001012005012003")
    page.save()
    _wait_idle(qtbot, desk)
    assert page.ui.errorLabel.text() == "" and page.ui.savedLabel.text() == "Tersimpan."
    with DeskService(window.service.data_dir) as truth:
        stored = ls.load(truth)
    assert stored.header_lines[-1] == "BIDANG PELAYANAN"
    assert [s.name for s in stored.signers] == ["dr. H. Ahmad Fauzan, M.Kes.", "Hj. Noor Aida"]
    assert stored.agenda_format == "{seq:04d}/{agency}/{year}"
    page.preview_sample()
    qtbot.waitUntil(lambda: page.ui.samplePreview.ready, timeout=WAIT_MS)
    assert page.ui.samplePreview.data.startswith(b"%PDF-")


def test_clerk_cannot_issue(qtbot, desk):
    desk, ids = desk
    clerk = Actor(username="dinkes.loket", role=Role.loket, agency="DINKES", units=(),
                  full_name="Petugas")
    desk.window.service.set_actor(clerk)
    dialog = _open_dialog(qtbot, desk, ids[:1])
    qtbot.mouseClick(dialog.ui.issueButton, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, desk)
    boxes = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and "Peran Anda tidak menerbitkan" in boxes[0].text()
    assert dialog.items[0].active("f4") is None
    assert letters_for(desk.window.service, ids[0]) == []
    dialog.close()


def test_void_is_offered_only_to_whom_may_void(qtbot, desk):
    """The leader issued the sheet; a loket officer sees it but cannot void it: the button
    is off and says who can, instead of refusing after the reason was typed."""
    desk, ids = desk
    dialog = _open_dialog(qtbot, desk, ids[:1])
    qtbot.mouseClick(dialog.ui.issueButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.items[0].active("f4") is not None, timeout=WAIT_MS)
    _wait_idle(qtbot, desk)
    assert dialog.ui.voidButton.isEnabled()
    dialog.close()
    clerk = Actor(username="dinkes.loket", role=Role.loket, agency="DINKES", units=(),
                  full_name="Petugas")
    desk.window.service.set_actor(clerk)
    dialog = _open_dialog(qtbot, desk, ids[:1])
    assert dialog.items[0].active("f4") is not None
    assert not dialog.ui.voidButton.isEnabled()
    assert dialog.ui.voidButton.toolTip().startswith("Hanya admin instansi, pimpinan")
    qtbot.mouseClick(dialog.ui.voidButton, Qt.MouseButton.LeftButton)
    assert dialog.findChild(LetterVoidDialog) is None
    dialog.close()


def test_an_incomplete_kop_is_refused_and_opens_the_letterhead_editor(qtbot, desk):
    """Issue 15.3: the refusal says what is missing and offers the Kop Surat editor."""
    desk, ids = desk
    service = desk.window.service
    settings = ls.load(service)
    service.set_setting(ls.SETTINGS_KEY, {**settings.to_json(), "address": ""})
    dialog = _open_dialog(qtbot, desk, ids[:1])
    qtbot.mouseClick(dialog.ui.issueButton, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, desk)
    qtbot.waitUntil(lambda: dialog.kop_box is not None and dialog.kop_box.isVisible(),
                    timeout=WAIT_MS)
    box = dialog.kop_box
    assert "alamat kantor" in box.text() and "Kop Surat" in box.text()
    assert letters_for(service, ids[0]) == []
    button = next(b for b in box.buttons() if b.text() == "Buka Pengaturan Kop Surat")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    window = desk.window
    qtbot.waitUntil(lambda: window.ui.pages.currentWidget() is window.letters.settings_tabs,
                    timeout=WAIT_MS)
    assert window.letters.settings_tabs.currentWidget() is window.letters.letterhead_tab


def test_detail_more_menu_offers_print_disposition(qtbot, desk):
    desk, ids = desk
    window = desk.window
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=WAIT_MS)
    window.ui.queueTable.selectRow(0)
    qtbot.waitUntil(lambda: window.ui.detailPane.complaint_id is not None, timeout=WAIT_MS)
    menu = window.workflow.more_menu
    assert window.letters.print_action in menu.actions()
    assert window.letters.print_action.text() == "Cetak Disposisi…"
    window.letters.print_action.trigger()
    dialog = window.letters.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.close()
