"""Issue 21: after the central server was restored from a backup, the desk tells the officer
in Indonesian what happened, how many actions went out again and which complaints got
another tracking number (the sync round's report, through the real window's signal)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from desktop.sync.engine import SyncReport  # noqa: E402
from tests import test_printing_gui as printing  # noqa: E402

data_dir, desk = printing.data_dir, printing.desk  # a real desk window, in Indonesian


def _notice(window) -> QMessageBox:
    boxes = [b for b in window.findChildren(QMessageBox, "restoreNotice") if b.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def test_restored_server_is_announced_with_what_was_resent(qtbot, desk) -> None:
    desk, _ids = desk
    window = desk.window
    ui = window.sync
    ui.controller.synced.emit(SyncReport(reset=True, reset_reason="restored", resent=1234,
                                         renumbered=[(2000003, 2010001)]))
    box = _notice(window)
    text = box.text()
    assert box.windowTitle() == "Server dipulihkan"
    assert "dipulihkan dari cadangan" in text and "1.234 tindakan" in text
    assert "2000003 → 2010001" in text and "beri tahu pelapornya" in text
    assert not box.isModal()  # the desk keeps working
    box.accept()
    qtbot.waitUntil(lambda: not window.findChildren(QMessageBox, "restoreNotice"))


def test_other_rounds_and_scope_resets_say_nothing(qtbot, desk) -> None:
    desk, _ids = desk
    window = desk.window
    for report in (SyncReport(applied=3), SyncReport(reset=True, reset_reason="scope")):
        window.sync.controller.synced.emit(report)
    assert not [b for b in window.findChildren(QMessageBox, "restoreNotice") if b.isVisible()]
    window.sync.controller.synced.emit(SyncReport(reset=True, reset_reason="restored",
                                                  resent=2))
    assert "tetap memakai nomor pelacakannya" in _notice(window).text()
