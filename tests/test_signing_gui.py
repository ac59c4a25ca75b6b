"""Issue 19 in the desk window: letters issued from the GUI are signed (PAdES) with the
desk's certificate, its passphrase asked once per session in a masked dialog; Batal issues
nothing; a certificate that cannot sign is refused; Pengaturan › Tanda tangan elektronik
sets, checks and clears it; "Berkas perkara…" writes the case file. A test CA and .p12
(tests/pades_fixtures.py), the real window (pytest-qt), read back with the CLI's verifier
and pdftotext."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog  # noqa: E402

from desktop.app import Desk  # noqa: E402
from desktop.letters.pades import load_certs, verify_pdf  # noqa: E402
from desktop.printing import agenda_status, letters_for, read_archived  # noqa: E402
from desktop.printing.signing import configure  # noqa: E402
from desktop.store import DeskService  # noqa: E402
from desktop.views.signing_session import session_for  # noqa: E402
from desktop.views.text_audit import english_texts  # noqa: E402
from tests import test_printing_gui as printing  # noqa: E402
from tests.pades_fixtures import PASSPHRASE, make_pki  # noqa: E402
from tests.test_letters_pdftools import need_tools, run  # noqa: E402
from tests.test_printing_gui import WAIT_MS, _wait_idle  # noqa: E402

data_dir = printing.data_dir  # the letters fixture: kop, signer, two complaints, numbers


@pytest.fixture
def pki(tmp_path: Path):
    return make_pki(tmp_path / "pki")


def _open_desk(qtbot, folder: Path) -> Desk:
    desk = Desk(folder, "id")
    desk.window.show()
    qtbot.waitExposed(desk.window)
    qtbot.waitUntil(lambda: desk.window.service is not None and not desk.window.model.loading,
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: desk.window.model.rowCount() == 2, timeout=WAIT_MS)
    return desk


@pytest.fixture
def signed_desk(qtbot, data_dir, pki, monkeypatch):
    """The desk with the valid test certificate configured (as ``lapor-desk signing``)."""
    monkeypatch.delenv("LAPOR_SIGN_PASSPHRASE", raising=False)
    monkeypatch.delenv("LAPOR_SIGN_P12", raising=False)
    folder, ids = data_dir
    with DeskService(folder) as service:
        configure(service, folder, p12=pki.valid_p12, ca=[pki.ca_pem], secret=PASSPHRASE)
    desk = _open_desk(qtbot, folder)
    yield desk, ids
    desk.close()


def _passphrase_dialog(qtbot, desk: Desk):
    session = session_for(desk.tasks)
    qtbot.waitUntil(lambda: session.dialog is not None and session.dialog.isVisible(),
                    timeout=WAIT_MS)
    return session.dialog


def _enter(qtbot, dialog, secret: str) -> None:
    assert dialog.field.echoMode() == dialog.field.EchoMode.Password  # masked
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, secret)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def _checks(data: bytes, pki) -> list:
    return verify_pdf(data, trust=load_certs([pki.ca_pem]))


def test_an_issued_sheet_is_signed_after_the_passphrase_asked_once(qtbot, signed_desk, pki):
    desk, ids = signed_desk
    dialog = printing._open_dialog(qtbot, desk, ids[:1])
    qtbot.mouseClick(dialog.ui.issueButton, Qt.MouseButton.LeftButton)
    ask = _passphrase_dialog(qtbot, desk)
    assert english_texts(ask) == []
    _enter(qtbot, ask, "bukan-kata-sandinya")  # wrong: said so, asked again
    qtbot.waitUntil(lambda: session_for(desk.tasks).dialog is not ask
                    and session_for(desk.tasks).dialog.isVisible(), timeout=WAIT_MS)
    again = session_for(desk.tasks).dialog
    assert again.error_label.isVisible() and "kata sandi salah" in again.error_label.text()
    _enter(qtbot, again, PASSPHRASE)
    qtbot.waitUntil(lambda: all(i.active("f4") is not None for i in dialog.items),
                    timeout=WAIT_MS)
    _wait_idle(qtbot, desk)
    service = desk.window.service
    record = letters_for(service, ids[0])[-1]
    checks = _checks(read_archived(service, record), pki)
    assert len(checks) == 1 and checks[0].ok, checks[0].problems
    assert checks[0].signer == "dr. H. Ahmad Fauzan"
    # Another paper: the same letter's copy, made now, signed with the session's sealer.
    dialog.ui.paperCombo.setCurrentIndex(dialog.ui.paperCombo.findData("a4"))
    qtbot.waitUntil(lambda: "A4" in dialog.ui.previewTitle.text() and "No. Agenda"
                    in dialog.ui.previewTitle.text() and dialog.ui.preview.ready,
                    timeout=WAIT_MS)
    _wait_idle(qtbot, desk)
    assert dialog.ui.preview.data != read_archived(service, record)
    assert [c.ok for c in _checks(dialog.ui.preview.data, pki)] == [True]
    dialog.close()

    # The second sheet of the session: no passphrase asked again, signed as well.
    dialog = printing._open_dialog(qtbot, desk, ids[1:])
    qtbot.mouseClick(dialog.ui.issueButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: all(i.active("f4") is not None for i in dialog.items),
                    timeout=WAIT_MS)
    _wait_idle(qtbot, desk)
    assert session_for(desk.tasks).dialog is again  # no new dialog
    second = letters_for(service, ids[1])[-1]
    assert [c.ok for c in _checks(read_archived(service, second), pki)] == [True]
    dialog.close()
    # The passphrase is in no setting and no file of the desk.
    folder = Path(service.data_dir)
    assert PASSPHRASE not in repr(service.get_setting("signing"))
    for path in folder.rglob("*"):
        if path.is_file() and path.stat().st_size < 50_000_000:
            assert PASSPHRASE.encode() not in path.read_bytes(), path


def test_batal_issues_nothing_and_uses_no_number(qtbot, signed_desk):
    desk, ids = signed_desk
    service = desk.window.service
    free = agenda_status(service, "DINKES", 2026)["free"]
    dialog = printing._open_dialog(qtbot, desk, ids[:1])
    qtbot.mouseClick(dialog.ui.issueButton, Qt.MouseButton.LeftButton)
    ask = _passphrase_dialog(qtbot, desk)
    qtbot.mouseClick(ask.buttons.button(QDialogButtonBox.StandardButton.Cancel),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.ui.issueButton.isEnabled, timeout=WAIT_MS)
    _wait_idle(qtbot, desk)
    assert letters_for(service, ids[0]) == []
    assert agenda_status(service, "DINKES", 2026)["free"] == free
    dialog.close()


def test_an_expired_certificate_is_refused_and_nothing_issued(qtbot, data_dir, pki,
                                                              monkeypatch):
    monkeypatch.setenv("LAPOR_SIGN_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("LAPOR_SIGN_P12", raising=False)
    folder, ids = data_dir
    with DeskService(folder) as service:  # as if it expired after it was configured
        service.set_setting("signing", {"kind": "pkcs12", "path": str(pki.expired_p12)})
    desk = _open_desk(qtbot, folder)
    try:
        dialog = printing._open_dialog(qtbot, desk, ids[:1])
        qtbot.mouseClick(dialog.ui.issueButton, Qt.MouseButton.LeftButton)
        session = session_for(desk.tasks)
        qtbot.waitUntil(lambda: session.refusal is not None and session.refusal.isVisible(),
                        timeout=WAIT_MS)
        assert "kedaluwarsa" in session.refusal.text()
        assert "Dokumen tidak dibuat" in session.refusal.text()
        _wait_idle(qtbot, desk)
        assert letters_for(desk.window.service, ids[0]) == []
        assert dialog.ui.issueButton.isEnabled()
        dialog.close()
    finally:
        desk.close()


@need_tools
def test_case_file_action_writes_the_signed_case_file(qtbot, signed_desk, pki, tmp_path,
                                                      monkeypatch):
    desk, ids = signed_desk
    window = desk.window
    window.ui.queueTable.selectRow(0)
    qtbot.waitUntil(lambda: window.ui.detailPane.complaint_id is not None, timeout=WAIT_MS)
    action = window.letters.case_file_action
    assert action in window.workflow.more_menu.actions()
    assert action in window.ui.queueTable.actions()
    assert action.text() == "Berkas perkara…" and action.isEnabled()
    cid = window.ui.detailPane.complaint_id
    action.trigger()
    qtbot.waitUntil(lambda: window.letters.case_file_dialog is not None
                    and window.letters.case_file_dialog.isVisible(), timeout=WAIT_MS)
    dialog = window.letters.case_file_dialog
    assert english_texts(dialog) == []
    target = tmp_path / "berkas.pdf"
    asked: list[str] = []

    def get_save_file_name(_parent, _caption, name, _filter):
        asked.append(name)
        return str(target), "PDF"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    dialog.radios["instansi"].click()
    assert dialog.recipient == "instansi" and dialog.name_edit.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isVisible() and not asked  # another agency needs its name
    qtbot.keyClicks(dialog.name_edit, "Dinas Pekerjaan Umum Kota Banjarmasin")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    _enter(qtbot, _passphrase_dialog(qtbot, desk), PASSPHRASE)
    qtbot.waitUntil(lambda: dialog.saved_path is not None, timeout=WAIT_MS * 2)
    assert asked and asked[0].startswith("Berkas-Perkara-") and asked[0].endswith(".pdf")
    assert dialog.saved_path == target and target.exists()
    qtbot.waitUntil(lambda: dialog.result_box is not None and dialog.result_box.isVisible(),
                    timeout=WAIT_MS)
    assert str(target) in dialog.result_box.text()
    assert "Ditandatangani secara elektronik oleh dr. H. Ahmad Fauzan" in \
        dialog.result_box.text()
    snapshot = window.service.complaint(cid)
    text = run("pdftotext", "-layout", target, "-")
    assert str(snapshot["tracking_number"]) in text
    assert "Dinas Pekerjaan Umum Kota Banjarmasin" in text
    assert snapshot["title"][:30] in " ".join(text.split())
    assert [c.ok for c in _checks(target.read_bytes(), pki)] == [True]
    dialog.close()


def test_settings_tab_sets_checks_and_clears_the_certificate(qtbot, data_dir, pki,
                                                            monkeypatch):
    monkeypatch.delenv("LAPOR_SIGN_PASSPHRASE", raising=False)
    monkeypatch.delenv("LAPOR_SIGN_P12", raising=False)
    folder, _ids = data_dir
    desk = _open_desk(qtbot, folder)
    try:
        letters = desk.window.letters
        tabs = letters.settings_tabs
        tab = letters.signing_tab
        assert tabs.tabText(tabs.indexOf(tab)) == "Tanda tangan elektronik"
        page = tab.ensure()
        qtbot.waitUntil(page.isEnabled, timeout=WAIT_MS)
        assert "Belum ada sertifikat" in page.status.text()
        assert english_texts(page) == []
        page.add_files("ca", [str(pki.ca_pem)])
        qtbot.waitUntil(lambda: "Sertifikat CA: 1" in page.status.text(), timeout=WAIT_MS)

        page.use_p12(pki.valid_p12)
        qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(),
                        timeout=WAIT_MS)
        _enter(qtbot, page.dialog, PASSPHRASE)
        qtbot.waitUntil(lambda: "dr. H. Ahmad Fauzan" in page.status.text(), timeout=WAIT_MS)
        status = page.status.text()
        assert "Root CA Uji LAPOR" in status and "2036-01-01" in status \
            and "2024-01-01" in status
        service = desk.window.service
        assert service.get_setting("signing")["path"] == str(pki.valid_p12.resolve())
        assert session_for(desk.tasks).passphrase == PASSPHRASE  # not asked again

        page.check()  # with the passphrase of the session: no dialog
        _wait_idle(qtbot, desk)
        assert "dapat menandatangani" in page.status.text()

        page.clear()
        qtbot.waitUntil(lambda: "Belum ada sertifikat" in page.status.text(), timeout=WAIT_MS)
        assert service.get_setting("signing") is None
        assert session_for(desk.tasks).passphrase is None

        page.add_files("crl", [str(pki.crl_pem)])
        qtbot.waitUntil(lambda: "(CRL): 1" in page.status.text(), timeout=WAIT_MS)
        page.use_p12(pki.revoked_p12)  # revoked by a CRL at hand: refused, not saved
        qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(),
                        timeout=WAIT_MS)
        _enter(qtbot, page.dialog, PASSPHRASE)
        qtbot.waitUntil(lambda: not page.problem.isHidden(), timeout=WAIT_MS)
        assert "dicabut" in page.problem.text()
        assert service.get_setting("signing") is None
    finally:
        desk.close()


def test_the_recap_pdf_is_signed_with_the_session_passphrase(qtbot, signed_desk, pki,
                                                            tmp_path):
    desk, _ids = signed_desk
    page = desk.window.reports
    desk.window.ui.actionReports.trigger()
    qtbot.waitUntil(lambda: page.report is not None and not page.loading, timeout=WAIT_MS)
    target = tmp_path / "rekap.pdf"
    page.export_to(target, "pdf")  # what "Cetak rekap (PDF)…" does once the file is chosen
    ask = _passphrase_dialog(qtbot, desk)
    with qtbot.waitSignal(page.exported, timeout=WAIT_MS):
        _enter(qtbot, ask, PASSPHRASE)
    checks = _checks(target.read_bytes(), pki)
    assert [c.ok for c in checks] == [True] and checks[0].signer == "dr. H. Ahmad Fauzan"
    assert "Ditandatangani secara elektronik oleh dr. H. Ahmad Fauzan" in page.notice.text()
