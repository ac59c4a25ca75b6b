"""Closing the desk while actions still wait to be sent.

The window does not just vanish with unsent work: a window-modal question says how many
actions have not reached the central server, that they are kept on this computer and go
out the next time the desk is online, and offers "Sinkronkan lalu tutup", "Tutup saja"
and "Batal". Syncing before closing never holds the window open for long: the window
closes when the round ends, whether it worked or not (offline: the actions stay), after
``SYNC_LIMIT_MS`` at the latest, or at once when the officer closes it again.

``allow()`` lets the next close through without asking (the application shutting down).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QMessageBox

SYNC_LIMIT_MS = 20_000


class CloseGuard(QObject):
    """An event filter on the main window (install it last: it runs first)."""

    def __init__(self, controller: Any, window: Any) -> None:
        super().__init__(window)
        self.controller = controller
        self.allowed = False
        self.waiting = False  # syncing before the close
        self.box: QMessageBox | None = None
        self.sync_button: QAbstractButton | None = None
        self.close_button: QAbstractButton | None = None
        self.limit = QTimer(self)
        self.limit.setSingleShot(True)
        self.limit.setInterval(SYNC_LIMIT_MS)
        self.limit.timeout.connect(self.close_now)
        window.installEventFilter(self)

    @property
    def window(self) -> Any:
        return self.parent()

    def allow(self) -> None:
        self.allowed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.Close or watched is not self.parent() or self.allowed:
            return False
        if self.waiting:  # closed again while syncing: the officer wants out now
            self.allowed = True
            return False
        if self.controller.status.pending <= 0 or self.controller.account is None:
            return False
        event.ignore()
        self.ask()
        return True

    def ask(self) -> None:
        if self.box is not None and self.box.isVisible():
            self.box.raise_()
            return
        status = self.controller.status
        text = self.tr("%1 action(s) on this desk have not reached the central server yet. "
                       "They are kept on this computer and will be sent the next time the "
                       "desk is online.").replace("%1", str(status.pending))
        if status.online is False:
            text += "\n\n" + self.tr("The central server cannot be reached right now.")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Actions not sent yet"), text,
                          parent=self.window)
        box.setObjectName("closeGuardBox")
        can_sync = status.signed_in and not status.login_required
        self.sync_button = (box.addButton(self.tr("Sync now, then close"),
                                          QMessageBox.ButtonRole.AcceptRole)
                            if can_sync else None)
        self.close_button = box.addButton(self.tr("Close anyway"),
                                          QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.sync_button or self.close_button)
        box.setEscapeButton(cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(self._answered)
        self.box = box
        box.open()

    def _answered(self, _result: int) -> None:
        box = self.box
        if box is None:
            return
        clicked = box.clickedButton()
        box.deleteLater()
        self.box = None
        if clicked is not None and clicked is self.close_button:
            self.close_now()
        elif clicked is not None and clicked is self.sync_button:
            self.sync_then_close()

    def sync_then_close(self) -> None:
        self.waiting = True
        controller = self.controller
        controller.synced.connect(self._round_ended)
        controller.failed.connect(self._round_ended)
        self.window.statusBar().showMessage(self.tr("Sending the waiting actions, then "
                                                    "closing…"))
        self.limit.start()
        controller.sync_now()
        if not controller.running:  # nothing started (closing, no session)
            self.close_now()

    def _round_ended(self, _result: Any) -> None:
        self.close_now()

    def close_now(self) -> None:
        if self.waiting:
            self.controller.synced.disconnect(self._round_ended)
            self.controller.failed.disconnect(self._round_ended)
            self.waiting = False
        self.limit.stop()
        self.allowed = True
        self.window.close()
