"""Jejak Audit: the server's audit log in the desk, for agency and central admins.

``install(window)`` adds "Jejak audit…" to the menu Berkas, shown only while the officer
acting is an ``admin_instansi`` or ``admin_pusat`` (the server refuses everyone else
anyway); it opens :class:`~desktop.views.audit_viewer.dialog.AuditDialog`, which fetches the
entries over the sync client on the network pool, never on the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

ADMIN_ROLES = frozenset({"admin_instansi", "admin_pusat"})


class AuditViewer(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.dialog: Any = None
        self.action = QAction(self.tr("Audit trail…"), window)
        self.action.setObjectName("actionAuditTrail")
        self.action.setStatusTip(self.tr("Who did what, when and from which device, as the "
                                         "server recorded it (admins only)"))
        self.action.setVisible(False)
        self.action.triggered.connect(self.open)
        help_ = getattr(window, "help", None)
        menu = getattr(help_, "file_menu", None)
        if menu is not None:
            quit_action = getattr(help_, "quit_action", None)
            menu.insertAction(quit_action, self.action)
            self._separator = menu.insertSeparator(quit_action)
            self._separator.setVisible(False)
        workflow = getattr(window, "workflow", None)
        if workflow is not None:
            workflow.controller.actor_loaded.connect(self.show_for)

    def show_for(self, actor: Any) -> None:
        allowed = str(getattr(actor, "role", "")) in ADMIN_ROLES
        self.action.setVisible(allowed)
        if getattr(self, "_separator", None) is not None:
            self._separator.setVisible(allowed)
        if not allowed and self.dialog is not None:
            self.dialog.close()
            self.dialog = None

    @property
    def window(self) -> Any:
        # parent(), not an attribute: no Python cycle through the main window.
        return self.parent()

    def open(self) -> Any:
        from desktop.views.audit_viewer.dialog import AuditDialog

        if self.dialog is None:
            sync = getattr(self.window, "sync", None)
            self.dialog = AuditDialog(sync.controller, self.window.service, self.window)
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            self.dialog.reload()
        else:
            self.dialog.service = self.window.service  # the store may have been reopened
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog


def install(window: Any) -> AuditViewer:
    return AuditViewer(window)
