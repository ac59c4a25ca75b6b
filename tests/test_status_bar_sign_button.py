"""Issue 14: the main status bar offers exactly one of "Masuk…" and "Keluar", as the
signed-in state says: never both (the sync status had its own "Masuk…" beside the officer's
"Keluar"), never two "Masuk…". Signed in and out on a real window against a real server."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QAbstractButton  # noqa: E402

from desktop.app import Desk as GuiDesk  # noqa: E402
from tests.server_fixtures import start_server  # noqa: E402
from tests.sync_fixtures import make_desk_fixture  # noqa: E402, F401

WAIT_MS = 30_000
SIGN_WORDS = ("Masuk…", "Keluar")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with start_server(tmp_path_factory.mktemp("sign-button"), complaints=0) as handle:
        yield handle


def sign_buttons(window) -> list[str]:
    """The sign-in/sign-out words on the status bar's visible buttons."""
    return [button.text() for button in window.statusBar().findChildren(QAbstractButton)
            if button.isVisible() and button.text() in SIGN_WORDS]


def test_exactly_one_of_sign_in_and_sign_out(qtbot, server, make_desk,  # noqa: F811
                                             monkeypatch) -> None:
    desk = make_desk()
    monkeypatch.setenv("XDG_CONFIG_HOME", desk.env["XDG_CONFIG_HOME"])
    monkeypatch.setenv("LAPOR_DESK_RETRY", desk.env["LAPOR_DESK_RETRY"])
    gui = GuiDesk(desk.data_dir, "id")
    window = gui.window
    ui = window.sync
    try:
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.workflow.controller.actor is not None
                        and ui.controller.account is not None, timeout=WAIT_MS)
        # Nobody signed in, the server not known: one "Masuk…".
        qtbot.waitUntil(lambda: ui.user_label.text() == "Belum masuk", timeout=WAIT_MS)
        assert sign_buttons(window) == ["Masuk…"]

        qtbot.waitUntil(lambda: ui.login_dialog is None or not ui.login_dialog.isVisible(),
                        timeout=WAIT_MS)
        QTest.keyClick(ui.switch_user_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: ui.login_dialog is not None and ui.login_dialog.isVisible(),
                        timeout=WAIT_MS)
        dialog = ui.login_dialog
        for edit, text in ((dialog.server, server.url), (dialog.username, "dinkes.admin"),
                           (dialog.password, server.password)):
            edit.clear()
            QTest.keyClicks(edit, text)
        QTest.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible() or dialog.error.isVisible(),
                        timeout=WAIT_MS)
        assert not dialog.isVisible(), dialog.error.text()
        qtbot.waitUntil(lambda: "Admin Instansi" in ui.user_label.text(), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: sign_buttons(window) == ["Keluar"], timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not ui.controller.status.syncing, timeout=WAIT_MS)
        assert sign_buttons(window) == ["Keluar"]

        # Keluar: signed out, the next officer asked; working offline instead.
        QTest.keyClick(ui.switch_user_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: ui.user_label.text() == "Belum masuk", timeout=WAIT_MS)
        qtbot.waitUntil(lambda: ui.login_dialog is not None and ui.login_dialog.isVisible()
                        and ui.login_dialog is not dialog, timeout=WAIT_MS)
        ui.login_dialog.offline_button.click()
        qtbot.waitUntil(lambda: not ui.login_dialog.isVisible(), timeout=WAIT_MS)
        # The server is known, nobody is signed in: still one button, "Masuk…".
        qtbot.waitUntil(lambda: sign_buttons(window) == ["Masuk…"], timeout=WAIT_MS)
        assert ui.status_widget.state.text().endswith("Perlu masuk")
    finally:
        gui.close()
        qtbot.wait(100)
