"""Issue 14 item 6: the desk always shows who is signed in, and never acts as Admin Pusat
before anyone signs in; one action signs out and lets the next officer sign in (a shared
loket PC). Real widgets, a real server process."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest  # noqa: E402

from core import OpKind, Role, Status  # noqa: E402
from desktop.app import Desk as GuiDesk  # noqa: E402
from desktop.store import DeskService  # noqa: E402
from tests.server_fixtures import start_server  # noqa: E402
from tests.sync_fixtures import make_desk_fixture  # noqa: E402, F401
from tests.test_workflow_fixtures import build_snapshot  # noqa: E402

WAIT_MS = 30_000


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with start_server(tmp_path_factory.mktemp("signed-in"), complaints=0) as handle:
        yield handle


def sign_in(qtbot, gui, server, username: str) -> None:
    ui = gui.window.sync
    qtbot.waitUntil(lambda: ui.login_dialog is not None and ui.login_dialog.isVisible(),
                    timeout=WAIT_MS)
    dialog = ui.login_dialog
    dialog.server.setText(server.url)
    dialog.username.setText(username)
    dialog.password.setText(server.password)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)


def test_who_is_signed_in_is_shown_and_switching_user_changes_it(
        qtbot, server, make_desk, monkeypatch) -> None:  # noqa: F811
    desk = make_desk()
    monkeypatch.setenv("XDG_CONFIG_HOME", desk.env["XDG_CONFIG_HOME"])
    monkeypatch.setenv("LAPOR_DESK_RETRY", desk.env["LAPOR_DESK_RETRY"])
    with DeskService(desk.data_dir) as store:
        cid = build_snapshot(Status.belum_diverifikasi)
        store.upsert_snapshots([cid])
    gui = GuiDesk(desk.data_dir)
    gui.window.resize(1366, 768)
    gui.window.show()
    qtbot.waitExposed(gui.window)
    try:
        flow = gui.window.workflow
        ui = gui.window.sync
        qtbot.waitUntil(lambda: flow.controller.actor is not None, timeout=WAIT_MS)
        # Nobody signed in: least privilege, and the status bar says so.
        assert flow.controller.actor.role is not Role.admin_pusat
        assert ui.user_label.isVisible() and ui.user_label.text() == "Belum masuk"
        flow.open_complaint(cid["id"])
        qtbot.waitUntil(lambda: flow.controller.snapshot is not None, timeout=WAIT_MS)
        verify = flow.controller.actions[OpKind.verify]
        assert not verify.isEnabled() and "Belum masuk" in verify.toolTip()

        ui.switch_user_button.click()  # "Masuk…"
        sign_in(qtbot, gui, server, "dinkes.admin")
        qtbot.waitUntil(lambda: "Admin Instansi" in ui.user_label.text(), timeout=WAIT_MS)
        assert flow.controller.actor.username == "dinkes.admin"

        ui.switch_user_action.trigger()  # sign out, then the next officer signs in
        qtbot.waitUntil(lambda: ui.user_label.text() == "Belum masuk", timeout=WAIT_MS)
        sign_in(qtbot, gui, server, "dinkes.loket")
        qtbot.waitUntil(lambda: "Petugas Loket" in ui.user_label.text(), timeout=WAIT_MS)
        assert flow.controller.actor.username == "dinkes.loket"
        assert flow.controller.actor.role is Role.loket
        gui.window.grab().save(str(desk.data_dir.parent / "signed-in.png"))
    finally:
        gui.close()
        qtbot.wait(100)
