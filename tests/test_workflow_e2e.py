"""End to end: an admin acts in the desk GUI, the GUI syncs with a real server process, and a
second desk (the unit officer's) receives the result, is told about it, answers it with a
follow-up and an attachment, and the admin's desk receives that in turn."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from pathlib import Path  # noqa: E402

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage  # noqa: E402

from core import OpKind  # noqa: E402
from desktop.app import Desk as GuiDesk  # noqa: E402
from desktop.views.actions.base import ActionDialog  # noqa: E402
from tests.server_fixtures import make_complaint, start_server  # noqa: E402
from tests.sync_fixtures import make_desk_fixture  # noqa: E402, F401

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks

WAIT_MS = 30_000
TITLE = "Obat hipertensi kosong di puskesmas Pekauman"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with start_server(tmp_path_factory.mktemp("workflow-e2e"), complaints=0) as handle:
        yield handle


OPENED: list[GuiDesk] = []  # closed desks stay referenced: late replies find live objects


def open_gui(qtbot, data_dir: Path) -> GuiDesk:
    gui = GuiDesk(data_dir, "id")
    OPENED.append(gui)
    gui.window.resize(1300, 740)
    gui.window.show()
    qtbot.waitExposed(gui.window)
    qtbot.waitUntil(lambda: gui.window.service is not None
                    and gui.window.sync.controller.account is not None
                    and gui.window.workflow.controller.actor is not None, timeout=WAIT_MS)
    gui.window.sync.controller.soon.setInterval(3_600_000)  # the test decides when to sync
    return gui


def sync_round(qtbot, gui: GuiDesk) -> None:
    """"Sinkronkan sekarang", then wait until the round is over and nothing is pending."""
    controller = gui.window.sync.controller
    qtbot.waitUntil(lambda: not controller._running, timeout=WAIT_MS)  # noqa: SLF001
    controller.sync_now()
    qtbot.waitUntil(lambda: not controller._running and controller.status.pending == 0  # noqa: SLF001
                    and bool(controller.status.last_sync), timeout=WAIT_MS)


def show(qtbot, gui: GuiDesk, complaint_id: str) -> None:
    flow = gui.window.workflow
    gui.window.refresh()
    qtbot.waitUntil(lambda: gui.window.model.row_of(complaint_id) is not None, timeout=WAIT_MS)
    flow.open_complaint(complaint_id)
    qtbot.waitUntil(lambda: (flow.controller.snapshot or {}).get("id") == complaint_id
                    and gui.tasks.pending == 0, timeout=WAIT_MS)


def dialog_for(qtbot, gui: GuiDesk, kind: OpKind) -> ActionDialog:
    controller = gui.window.workflow.controller
    assert controller.actions[kind].isEnabled(), controller.actions[kind].toolTip()
    controller.actions[kind].trigger()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, ActionDialog)
                    and controller.dialog.kind is kind and controller.dialog.isVisible(),
                    timeout=WAIT_MS)
    return controller.dialog


def confirm(qtbot, dialog: ActionDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=WAIT_MS)


def test_an_action_in_the_gui_reaches_a_second_desk(qtbot, server, make_desk, monkeypatch,
                                                    tmp_path):
    loket = server.login("dinkes.loket")
    cid, _ = make_complaint(loket, "DINKES", title=TITLE)
    admin_desk = make_desk("admin")
    for key in ("XDG_CONFIG_HOME", "LAPOR_DESK_RETRY", "PYTHON_KEYRING_BACKEND"):
        monkeypatch.setenv(key, admin_desk.env[key])
    admin_desk.login(server, "dinkes.admin")
    admin_desk.sync()
    admin_desk.close()

    # The admin verifies and disposes in the GUI; the GUI syncs.
    gui = open_gui(qtbot, admin_desk.data_dir)
    try:
        show(qtbot, gui, cid)
        dialog = dialog_for(qtbot, gui, OpKind.verify)
        dialog.ui.anonymousCheck.setChecked(True)
        confirm(qtbot, dialog)
        show(qtbot, gui, cid)
        dialog = dialog_for(qtbot, gui, OpKind.dispose)
        for row in range(dialog.ui.unitsList.count()):
            item = dialog.ui.unitsList.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == "YANKES":
                item.setCheckState(Qt.CheckState.Checked)
        dialog.ui.sifatSegera.setChecked(True)
        confirm(qtbot, dialog)
        sync_round(qtbot, gui)
        admin_ops = [o for o in gui.window.service.outbox(("applied",)) if o["complaint_id"] == cid]
    finally:
        gui.close()
    assert [o["kind"] for o in admin_ops] == ["verify", "dispose"]

    central = server.login("dinkes.admin").get(f"/complaints/{cid}").json()
    assert (central["status"], central["unit_codes"], central["sifat"], central["anonymous"]) == (
        "didisposisikan", ["YANKES"], "segera", True)
    event_ids = [e["id"] for e in central["timeline"]]
    assert all(event_ids.count(o["op_id"]) == 1 for o in admin_ops)  # exactly once

    # The unit officer's desk: told about the new disposition, answers it with a photo.
    unit_desk = make_desk("unit")
    unit_desk.login(server, "dinkes.yankes")
    unit_desk.close()
    gui = open_gui(qtbot, unit_desk.data_dir)
    try:
        flow = gui.window.workflow
        sync_round(qtbot, gui)
        qtbot.waitUntil(lambda: flow.last_notice is not None, timeout=WAIT_MS)
        assert TITLE in flow.last_notice
        show(qtbot, gui, cid)
        received = flow.controller.snapshot
        assert received["reporter"] is None  # anonymous now: never reaches the unit
        assert [e["id"] for e in received["timeline"]][-2:] == [o["op_id"] for o in admin_ops]
        dialog = dialog_for(qtbot, gui, OpKind.follow_up)
        photo = tmp_path / "rak-obat.png"
        image = QImage(60, 40, QImage.Format.Format_RGB32)
        image.fill(QColor("teal"))
        assert image.save(str(photo))
        dialog.add_files([str(photo)])
        qtbot.waitUntil(lambda: dialog.ui.attachmentsList.count() == 1, timeout=WAIT_MS)
        dialog.ui.textEdit.setFocus()
        qtbot.keyClicks(dialog.ui.textEdit, "Stok obat sudah dikirim dari gudang farmasi.")
        confirm(qtbot, dialog)
        sync_round(qtbot, gui)
    finally:
        gui.close()

    admin_desk.sync()
    seen = admin_desk.service.complaint(cid)
    assert seen["status"] == "ditindaklanjuti"
    assert seen["timeline"][-1]["kind"] == "follow_up"
    assert seen["timeline"][-1]["note"] == "Stok obat sudah dikirim dari gudang farmasi."
    assert seen["timeline"][-1]["actor"] == "dinkes.yankes"
    assert [a["filename"] for a in seen["attachments"]] == ["rak-obat.png"]
