"""Issue 21 item 6 on the desk window (pytest-qt, real widgets, real HTTPS on loopback):
Pengaturan › Server dan sinkronisasi refuses http:// to another computer and keeps the
agency's CA file (chooser + clear); the sign-in dialog refuses http:// too; a certificate
the desk does not trust shows as a certificate problem, not as "offline"."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest  # noqa: E402
import shiboken6  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from core.clock import clock  # noqa: E402
from desktop.app import Desk as GuiDesk  # noqa: E402
from desktop.credentials import Credentials  # noqa: E402
from desktop.store import DeskService  # noqa: E402
from desktop.sync.account import Account  # noqa: E402
from tests.tls_fixtures import HealthServer, TestPki  # noqa: E402

WAIT_MS = 30_000


@pytest.fixture
def pki(tmp_path) -> TestPki:
    return TestPki(tmp_path / "pki")


def open_gui(qtbot, data_dir) -> GuiDesk:
    gui = GuiDesk(data_dir, "en")
    gui.window.show()
    qtbot.waitExposed(gui.window)
    qtbot.waitUntil(lambda: gui.window.service is not None
                    and gui.window.sync.controller.account is not None, timeout=WAIT_MS)
    return gui


def close_gui(qtbot, gui) -> None:
    gui.close()
    qtbot.wait(100)


def open_settings(qtbot, gui):
    ui = gui.window.sync
    login = ui.login_dialog
    if login is not None and login.isVisible():
        login.reject()
    ui.settings_action.trigger()
    qtbot.waitUntil(lambda: ui.settings_dialog is not None
                    and ui.settings_dialog.isVisible(), timeout=WAIT_MS)
    return ui.settings_dialog


def retype(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def closed(dialog) -> bool:
    """Closed (and maybe already deleted: the dialog deletes itself on close)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_settings_refuse_plain_http_and_keep_the_agency_ca(qtbot, tmp_path, pki,
                                                           monkeypatch) -> None:
    from desktop.views import server_settings

    gui = open_gui(qtbot, tmp_path / "desk")
    try:
        service = gui.window.service
        dialog = open_settings(qtbot, gui)
        retype(qtbot, dialog.server, "http://10.1.2.3:8000")
        click(qtbot, dialog.save_button)
        assert dialog.isVisible() and dialog.error.isVisible()
        assert "harus memakai https://" in dialog.error.text()

        # A CA file chosen in the file dialog, kept in the store (the CLI's sync uses it).
        monkeypatch.setattr(server_settings.QFileDialog, "getOpenFileName",
                            lambda *_a, **_k: (str(pki.ca_file), ""))
        click(qtbot, dialog.ca_choose)
        assert dialog.ca_file.text() == str(pki.ca_file)
        retype(qtbot, dialog.server, "http://127.0.0.1:8765")
        click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: closed(dialog), timeout=WAIT_MS)
        assert service.get_sync_state("ca_file") == str(pki.ca_file.resolve())
        # Another server address: signing in there is the next step, prefilled.
        ui = gui.window.sync
        qtbot.waitUntil(lambda: ui.login_dialog is not None and ui.login_dialog.isVisible(),
                        timeout=WAIT_MS)
        assert ui.login_dialog.server.text() == "http://127.0.0.1:8765"

        # Not a PEM file: refused with the reason; then cleared back to the default.
        dialog = open_settings(qtbot, gui)
        assert dialog.ca_file.text() == str(pki.ca_file.resolve())
        not_pem = tmp_path / "bukan.pem"
        not_pem.write_text("ini bukan sertifikat\n")
        monkeypatch.setattr(server_settings.QFileDialog, "getOpenFileName",
                            lambda *_a, **_k: (str(not_pem), ""))
        click(qtbot, dialog.ca_choose)
        click(qtbot, dialog.save_button)
        assert dialog.isVisible() and "bukan sertifikat CA berformat PEM" in dialog.error.text()
        assert service.get_sync_state("ca_file") == str(pki.ca_file.resolve())
        click(qtbot, dialog.ca_clear)
        assert dialog.ca_file.text() == ""
        click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: closed(dialog), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: service.get_sync_state("ca_file") is None, timeout=WAIT_MS)
    finally:
        close_gui(qtbot, gui)


def test_sign_in_dialog_refuses_plain_http_to_another_computer(qtbot, tmp_path) -> None:
    gui = open_gui(qtbot, tmp_path / "desk")
    try:
        ui = gui.window.sync
        ui.sign_in_action.trigger()
        qtbot.waitUntil(lambda: ui.login_dialog is not None and ui.login_dialog.isVisible(),
                        timeout=WAIT_MS)
        dialog = ui.login_dialog
        retype(qtbot, dialog.server, "http://10.1.2.3:8000")
        retype(qtbot, dialog.username, "dinkes.admin")
        retype(qtbot, dialog.password, "rahasia-sekali")
        click(qtbot, dialog.sign_in_button)
        assert dialog.error.isVisible() and "harus memakai https://" in dialog.error.text()
        assert dialog.isVisible() and dialog.sign_in_button.isEnabled()  # nothing was sent
    finally:
        close_gui(qtbot, gui)


def test_an_untrusted_certificate_is_a_certificate_problem_not_offline(qtbot, tmp_path,
                                                                      pki) -> None:
    with HealthServer(pki.server_cert("127.0.0.1")) as https:
        folder = tmp_path / "desk"
        with DeskService(folder) as service:  # signed in earlier (tokens kept)
            account = Account(service)
            account.remember(https.url, "dinkes.admin", {
                "username": "dinkes.admin", "full_name": "Admin Dinkes",
                "role": "admin_instansi", "agency": "DINKES", "unit": None})
            account.store.save(Credentials(https.url, "dinkes.admin", "akses", "segar",
                                           clock().timestamp() + 3600))
        gui = open_gui(qtbot, folder)
        try:
            ui = gui.window.sync
            controller = ui.controller
            qtbot.waitUntil(lambda: controller.status.trust_problem
                            and not controller.status.syncing, timeout=WAIT_MS)
            status = controller.status
            assert "tidak dipercaya" in (status.last_error or "")
            assert "tidak dapat dihubungi" not in status.last_error
            assert status.online is not False and not controller.probe.isActive()
            assert "Certificate problem" in ui.status_widget.state.text()
            assert https.hits == 0

            # The agency's CA set in Pengaturan: the problem is gone with the next round.
            done: list[object] = []
            controller.set_ca_file(str(pki.ca_file), done.append, done.append)
            qtbot.waitUntil(lambda: bool(done) and https.hits > 0
                            and not controller.status.syncing, timeout=WAIT_MS)
            assert not controller.status.trust_problem
            assert "Certificate problem" not in ui.status_widget.state.text()
        finally:
            close_gui(qtbot, gui)
