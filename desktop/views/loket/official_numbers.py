"""The official tracking number of a walk-in complaint, told to the clerk when it arrives.

The clerk hands the reporter a receipt with the provisional number (``L-…``); a sync a few
seconds later brings the central server's tracking number. After every sync this watcher
looks up the complaints the page recorded that still wait for theirs; for each that has
it, a notice bar on the Loket page says so ("Nomor resmi 2000123 untuk L-… sudah terbit")
with a one-key reprint (``REPRINT_SHORTCUT``), the window's status bar repeats it (the
clerk may be on another page), and an open receipt dialog of that complaint renders again in
place with the official number.

The reprint key is a QAction: on a desk window it is the window's own (``reprint_action``,
made by ``desktop.views.loket.install`` before the page is built), so Bantuan's shortcut
list, read from the window's actions, names it too.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from desktop.views.notice_bar import NoticeBar

if TYPE_CHECKING:
    from desktop.views.loket.page import LoketPage

REPRINT_SHORTCUT = "Ctrl+Shift+P"  # Ctrl+R is "Sinkronkan sekarang", Ctrl+P the disposition
STATUS_MS = 20_000  # the main window's status bar repeats the news this long


class OfficialNumbers(QObject):
    """Child of the Loket page: ``expect(id, provisional)`` after a save, ``check()`` after
    a sync (``desktop.views.loket.build`` connects the window's sync to it)."""

    def __init__(self, page: LoketPage) -> None:
        super().__init__(page)
        self.waiting: dict[str, str] = {}  # complaint id -> provisional number
        self.issued: list[tuple[str, str, int]] = []  # (id, provisional, tracking) to reprint
        self._checking = False
        self.bar = NoticeBar(page, "officialNumberNotice")
        layout = page.ui.outerLayout
        layout.insertWidget(layout.count() - 1, self.bar)  # above the save button's row
        # A page on its own (no desk window) keeps the key to itself.
        self.action = reprint_action(page, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        page.addAction(self.action)
        self.action.triggered.connect(self.reprint)
        self.action.setEnabled(False)

    def use_action(self, action: QAction) -> None:
        """Answer the window's reprint action instead of the page's own (one key, one
        action: two actions on one key would make it ambiguous)."""
        own = self.action
        self.page.removeAction(own)
        own.deleteLater()
        self.action = action
        action.setEnabled(bool(self.issued))

    @property
    def page(self) -> LoketPage:
        return self.parent()

    def expect(self, complaint_id: str, provisional: str | None) -> None:
        self.waiting[complaint_id] = provisional or ""

    def check(self, _report: Any = None) -> None:
        """Look up (on the DB thread) which awaited complaints have their number now."""
        intake = self.page.intake
        if not self.waiting or intake is None or self._checking:
            return
        self._checking = True
        self.page.tasks.run(partial(_issued, intake.store, list(self.waiting)), self._arrived,
                            self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._checking = False
        self.page.tasks.report(exc)

    def _arrived(self, found: list[tuple[str, str, int]]) -> None:
        self._checking = False
        if not found:
            return
        for complaint_id, provisional, number in found:
            provisional = self.waiting.pop(complaint_id, "") or provisional
            self.issued = [i for i in self.issued if i[0] != complaint_id]
            self.issued.append((complaint_id, provisional, number))
            dialog = self.page.receipt_dialog
            if dialog is not None and dialog.isVisible() and dialog.complaint_id == complaint_id:
                dialog.reload()  # the open receipt shows the official number now
        self._show()

    def _show(self) -> None:
        self.action.setEnabled(bool(self.issued))
        if not self.issued:
            self.bar.dismiss()
            return
        lines = [self.tr("Official number %1 for %2 has been issued.")
                 .replace("%1", str(number)).replace("%2", provisional)
                 for _cid, provisional, number in self.issued]
        _cid, provisional, number = self.issued[0]
        keys = QKeySequence(REPRINT_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        caption = self.tr("Reprint receipt %1 (%2)").replace("%1", str(number)).replace(
            "%2", keys)
        self.bar.show_notice("\n".join(lines), [(caption, self.reprint)], kind="info")
        window = self.page.window()
        if isinstance(window, QMainWindow):  # seen on any page, for a while
            window.statusBar().showMessage(lines[-1], STATUS_MS)

    def reprint(self) -> None:
        """Print the receipt of the first complaint named in the notice, with its official
        number (the receipt dialog opens, or renders again, then the print dialog)."""
        if not self.issued:
            return
        complaint_id, _provisional, _number = self.issued.pop(0)
        self.page.reprint_receipt(complaint_id)
        self._show()


def reprint_action(parent: QObject, context: Qt.ShortcutContext) -> QAction:
    """"Reprint the receipt with the official number" on ``REPRINT_SHORTCUT``."""
    action = QAction(QCoreApplication.translate(
        "OfficialNumbers", "Reprint the receipt with the official number"), parent)
    action.setObjectName("action_reprint_official")
    action.setShortcut(QKeySequence(REPRINT_SHORTCUT))
    action.setShortcutContext(context)
    return action


def _issued(store: Any, complaint_ids: list[str]) -> list[tuple[str, str, int]]:  # DB thread
    found = []
    for complaint_id in complaint_ids:
        snapshot = store.complaint(complaint_id) or {}
        number = snapshot.get("tracking_number")
        if number is not None:
            found.append((complaint_id, str(snapshot.get("provisional_number") or ""),
                          int(number)))
    return found
