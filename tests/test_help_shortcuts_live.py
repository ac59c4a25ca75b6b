"""Issue 14: Bantuan's shortcut list is read from the window's own actions, so it cannot
drift from what the keys do: the receipt reprint (Ctrl+Shift+P) is listed before the Loket
page is ever opened, every key an action of the window answers is listed, and the user
guide names each of them. Driven on the real desk window (F1, then the list's tab)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QAction, QKeySequence  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from desktop.paths import resource  # noqa: E402
from desktop.views.help_window import GUIDE_PARTS  # noqa: E402
from tests import test_printing_gui as printing  # noqa: E402

data_dir, desk = printing.data_dir, printing.desk  # a real desk window, in Indonesian


def listed(help_window) -> dict[str, str]:
    table = help_window.shortcuts
    return {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}


def test_the_list_is_the_windows_actions_reprint_included(qtbot, desk):
    desk, _ids = desk
    window = desk.window
    assert window.built_page(window.ui.actionDesk) is None  # the Loket not opened yet
    QTest.keyClick(window, Qt.Key.Key_F1)
    help_window = window.help.help_window
    qtbot.waitExposed(help_window)
    QTest.keyClick(help_window.tabs.tabBar(), Qt.Key.Key_Right)  # "Pintasan keyboard"
    assert help_window.tabs.currentWidget() is help_window.shortcuts
    rows = listed(help_window)
    assert rows["Ctrl+Shift+P"] == "Cetak ulang tanda terima dengan nomor resmi"

    # Every key the window's actions answer is in the list (nothing drifts) ...
    native = QKeySequence.SequenceFormat.NativeText
    keys = {a.shortcut().toString(native) for a in window.findChildren(QAction)
            if not a.shortcut().isEmpty()}
    assert keys and keys <= set(rows), sorted(keys - set(rows))
    # ... and the guide, the same text as docs/panduan-pengguna.md, names each of them.
    guide = resource(*GUIDE_PARTS).read_text(encoding="utf-8")
    numbered = {f"Ctrl+{n}" for n in range(1, 10)}  # one row: "Ctrl+1 … Ctrl+7"
    missing = sorted(k for k in keys - numbered if k not in guide)
    assert not missing, missing
    help_window.close()


def test_the_reprint_key_is_one_action_once_the_loket_is_built(qtbot, desk):
    """The page answers the window's action, not a second one on the same key (two would
    make the key ambiguous: neither fires)."""
    desk, _ids = desk
    window = desk.window
    window.ui.actionDesk.trigger()
    page = window.loket
    qtbot.waitUntil(lambda: page.context is not None, timeout=15_000)
    reprint = [a for a in window.findChildren(QAction)
               if a.shortcut() == QKeySequence("Ctrl+Shift+P")]
    assert reprint == [window.loket_reprint_action]
    assert page.official.action is window.loket_reprint_action
    assert not reprint[0].isEnabled()  # nothing to reprint until an official number arrives
