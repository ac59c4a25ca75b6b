"""Issue 17: "Disposisi ke Jabatan…" in the detail pane's Tindakan lain, for whoever holds a
position of the complaint's agency: it opens the chain dialog for the complaint shown (the
Kabid's continues the disposition he received) and records a chain_dispose in the outbox.
Someone without a position does not get it. Real desk window on a real desk store."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from desktop.screenshots.dispositions import ADMIN, KABID, seed_chain  # noqa: E402
from desktop.store import DeskService  # noqa: E402
from desktop.workflow.actor import set_local_actor  # noqa: E402
from tests.test_workflow_gui import open_desk  # noqa: E402

WAIT_MS = 15_000
pytestmark = pytest.mark.dates


def _open(qtbot, desk, complaint_id: str) -> None:
    flow = desk.window.workflow
    flow.open_complaint(complaint_id)
    qtbot.waitUntil(lambda: flow.detail.complaint_id == complaint_id
                    and desk.tasks.pending == 0, timeout=WAIT_MS)


def test_dispose_to_a_position_from_the_complaint(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    with DeskService(folder) as service:
        made = seed_chain(service)
        set_local_actor(service, ADMIN)  # the agency's admin holds no position
    desk = open_desk(qtbot, folder)
    try:
        action = desk.window.chain_dispose_action
        assert action in desk.window.workflow.more_menu.actions()
        _open(qtbot, desk, made["ids"][1])
        assert not action.isVisible()
    finally:
        desk.close()

    with DeskService(folder) as service:
        set_local_actor(service, KABID)
        before = len(service.outbox(("pending",)))
    desk = open_desk(qtbot, folder)
    try:
        action = desk.window.chain_dispose_action
        _open(qtbot, desk, made["ids"][1])  # disposed to him by the Kadis, still unread
        qtbot.waitUntil(action.isVisible, timeout=WAIT_MS)
        assert action.text() == "Disposisi ke Jabatan…"
        action.trigger()
        page = desk.window.page_of(desk.window.dispositions_action)
        qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(),
                        timeout=WAIT_MS)
        dialog = page.dialog
        assert dialog.sender.currentData() == "KABID-YANKES"
        assert dialog.parent_entry["id"] == made["entries"][1]
        codes = [dialog.recipients.item(r).data(Qt.ItemDataRole.UserRole)
                 for r in range(dialog.recipients.count())]
        assert codes == ["KASI-YANKES"]
        dialog.recipients.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.accept()
        qtbot.waitUntil(lambda: desk.tasks.pending == 0, timeout=WAIT_MS)
        queued = desk.window.service.outbox(("pending",))
        assert len(queued) == before + 1
        op = queued[-1]
        assert op["kind"] == "chain_dispose" and op["complaint_id"] == made["ids"][1]
        assert op["payload"]["parent_id"] == made["entries"][1]
        assert [r["position"] for r in op["payload"]["recipients"]] == ["KASI-YANKES"]
        chain = desk.window.service.complaint(made["ids"][1])["chain"]
        received = next(e for e in chain if e["id"] == made["entries"][1])
        assert received["state"] == "read"  # disposing further reads what he received
        assert [e["to_position"] for e in chain if e.get("parent_id") == received["id"]] \
            == ["KASI-YANKES"]
    finally:
        desk.close()
