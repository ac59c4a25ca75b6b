"""Jejak audit in the desk (pytest-qt, a real desk window and a real server process): admins
find it in the menu, filter it and export it; other roles never see it.

Ground truth comes from the server's own ``GET /audit`` and the written file.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import csv  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop.app import Desk as GuiDesk  # noqa: E402
from desktop.views.audit_viewer import model as m  # noqa: E402
from tests.server_fixtures import create_op, start_server  # noqa: E402
from tests.sync_fixtures import make_desk_fixture  # noqa: E402, F401

WAIT_MS = 30_000


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with start_server(tmp_path_factory.mktemp("audit-gui"), complaints=0) as handle:
        yield handle


def _open(qtbot, server, make_desk, monkeypatch, username: str) -> GuiDesk:
    desk = make_desk(username)
    monkeypatch.setenv("XDG_CONFIG_HOME", desk.env["XDG_CONFIG_HOME"])
    monkeypatch.setenv("LAPOR_DESK_RETRY", desk.env["LAPOR_DESK_RETRY"])
    desk.login(server, username)
    desk.close()
    gui = GuiDesk(desk.data_dir, "en")
    gui.window.show()
    qtbot.waitExposed(gui.window)
    controller = gui.window.workflow.controller
    qtbot.waitUntil(lambda: gui.window.service is not None
                    and gui.window.sync.controller.account is not None
                    and controller.actor is not None and controller.actor.username == username,
                    timeout=WAIT_MS)
    return gui


def _close(qtbot, gui) -> None:
    gui.close()
    qtbot.wait(100)


def _server_entries(server, **params) -> list[dict]:
    resp = server.login("dinkes.admin").get("/audit", params={"limit": 500, **params})
    assert resp.status_code == 200, resp.text
    return resp.json()["entries"]


def test_admin_filters_and_exports_the_audit_trail(qtbot, server, make_desk, monkeypatch,
                                                   tmp_path: Path) -> None:
    loket = server.login("dinkes.loket")
    op = create_op("DINKES")
    [result] = loket.push([op])
    assert result["status"] == "applied"
    number = result["tracking_number"]
    gui = _open(qtbot, server, make_desk, monkeypatch, "dinkes.admin")
    try:
        viewer = gui.window.audit
        qtbot.waitUntil(viewer.action.isVisible, timeout=WAIT_MS)
        assert viewer.action in gui.window.help.file_menu.actions()
        viewer.action.trigger()
        dialog = viewer.dialog
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=WAIT_MS)
        shown = {e["id"] for e in dialog.model.entries}
        assert shown <= {e["id"] for e in _server_entries(server)}
        assert {"login", "op_create"} <= {e["action"] for e in dialog.model.entries}
        first = dialog.model.entries[0]
        assert dialog.model.index(0, m.COL_USER).data() == (first["username"] or "")

        dialog.action.setCurrentIndex(dialog.action.findData("op_create"))
        dialog.show_button.click()
        qtbot.waitUntil(lambda: [e["action"] for e in dialog.model.entries] == ["op_create"],
                        timeout=WAIT_MS)
        assert dialog.model.index(0, m.COL_ACTION).data() == "Complaint: Record Complaint"
        assert dialog.model.index(0, m.COL_TARGET).data() == f"#{number}"
        assert dialog.model.index(0, m.COL_DEVICE).data() == loket.device_id

        dialog.action.setCurrentIndex(0)
        dialog.user.setText("dinkes.loket")
        dialog.show_button.click()
        wanted = [e["id"] for e in _server_entries(server, username="dinkes.loket")]
        qtbot.waitUntil(lambda: [e["id"] for e in dialog.model.entries] == wanted,
                        timeout=WAIT_MS)

        # The complaint by its tracking number, as the desk knows it after its sync.
        dialog.user.clear()
        qtbot.waitUntil(lambda: not gui.window.sync.controller._running
                        and bool(gui.window.sync.controller.status.last_sync), timeout=WAIT_MS)
        dialog.complaint.setText(f"#{number}")
        dialog.show_button.click()
        qtbot.waitUntil(lambda: [e["target_id"] for e in dialog.model.entries]
                        == [op["complaint_id"]], timeout=WAIT_MS)
        dialog.complaint.setText("999999")
        dialog.show_button.click()
        qtbot.waitUntil(lambda: "No complaint" in dialog.status.text(), timeout=WAIT_MS)

        dialog.complaint.clear()
        dialog.date_from.setDate(dialog.date_to.date().addDays(1))
        dialog.date_to.setDate(dialog.date_to.date().addDays(1))
        dialog.show_button.click()
        qtbot.waitUntil(lambda: dialog.status.text() == "No entries match these filters.",
                        timeout=WAIT_MS)
        assert dialog.model.rowCount() == 0 and not dialog.export_button.isEnabled()

        dialog.date_from.setDate(dialog.date_from.date().addDays(-7))
        dialog.show_button.click()
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 2, timeout=WAIT_MS)
        target = tmp_path / "jejak.csv"
        dialog.export_to(target)
        qtbot.waitUntil(target.exists, timeout=WAIT_MS)
        data = target.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(data.decode("utf-8-sig").splitlines(), delimiter=";"))
        assert rows[0][:5] == ["ID", "Time", "User", "Agency", "Action"]
        assert [int(r[0]) for r in rows[1:]] == [e["id"] for e in dialog.model.entries]
        assert "op_create" in {r[5] for r in rows[1:]}
    finally:
        _close(qtbot, gui)


def test_other_roles_do_not_see_it(qtbot, server, make_desk, monkeypatch) -> None:
    gui = _open(qtbot, server, make_desk, monkeypatch, "dinkes.loket")
    try:
        viewer = gui.window.audit
        qtbot.wait(200)
        assert not viewer.action.isVisible()
        dialog = viewer.open()  # reached anyway (a stale menu): the server refuses
        qtbot.waitUntil(lambda: "Only agency and central admins" in dialog.status.text(),
                        timeout=WAIT_MS)
        assert dialog.model.rowCount() == 0
    finally:
        _close(qtbot, gui)


def test_a_formula_in_a_user_name_stays_text(tmp_path: Path) -> None:
    target = m.write_csv(tmp_path / "a.csv", [["user"], ["=HYPERLINK(\"x\")"], ["-1"]])
    rows = list(csv.reader(target.read_text("utf-8-sig").splitlines(), delimiter=";"))
    assert rows == [["user"], ["'=HYPERLINK(\"x\")"], ["'-1"]]
