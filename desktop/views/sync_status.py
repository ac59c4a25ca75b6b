"""The sync status in the status bar: ● online/offline, last successful sync, waiting and
rejected counts (each opens its list), the last error and "Sinkronkan sekarang".

The officer reads Indonesian words only: the error shown is the sync error's message; its
technical side (``SyncStatus.error_detail``) is in the tooltip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

if TYPE_CHECKING:
    from desktop.views.sync_controller import SyncController, SyncStatus

ERROR_CHARS = 60  # longer errors are cut in the bar (whole in the tooltip)


class SyncStatusWidget(QWidget):
    """Status bar: ● online/offline, last successful sync, waiting and rejected counts
    (each opens its list), the last error, and "Sinkronkan sekarang"."""

    def __init__(self, controller: SyncController, lang: str = "id",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.lang = lang
        # False where the window has its own sign-in/sign-out button beside the signed-in
        # officer (desktop/views/sync_controller.py): one of "Masuk…"/"Keluar" at a time.
        self.offers_sign_in = True
        self.state = QLabel(self)
        self.state.setObjectName("syncState")
        self.last = QLabel(self)
        self.last.setObjectName("syncLast")
        self.pending = QToolButton(self)
        self.pending.setObjectName("syncPending")
        self.pending.setAutoRaise(True)
        self.rejected = QToolButton(self)
        self.rejected.setObjectName("syncRejected")
        self.rejected.setAutoRaise(True)
        self.rejected.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.error = QLabel(self)
        self.error.setObjectName("syncError")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setMaximumWidth(360)
        self.sign_in = QToolButton(self)
        self.sign_in.setObjectName("syncSignIn")
        self.sign_in.setText(self.tr("Sign in…"))
        self.sign_in.setAutoRaise(True)
        self.sign_in.clicked.connect(controller.request_login)
        self.button = QToolButton(self)
        self.button.setObjectName("syncNow")
        self.button.setDefaultAction(controller.sync_action)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for widget in (self.state, self.last, self.pending, self.rejected, self.error,
                       self.sign_in, self.button):
            layout.addWidget(widget)
        controller.status_changed.connect(self.show_status)
        self.show_status(controller.status)

    def state_text(self, status: SyncStatus) -> tuple[str, str]:
        """(words, dot colour) of the state."""
        if status.syncing and status.online is False:  # a request failed: retrying
            return self.tr("Offline · trying again…"), "#e37400"
        if status.syncing:
            text = self.tr("Syncing…")
            return (f"{text} ({status.progress})" if status.progress else text), "#1a73e8"
        if status.trust_problem:
            return self.tr("Certificate problem"), "#b3261e"
        if status.login_required or (not status.signed_in and status.server):
            return self.tr("Sign-in needed"), "#b3261e"
        if not status.server:
            return self.tr("Not connected to a server"), "#80868b"
        if status.online is False:
            return self.tr("Offline"), "#e37400"
        if status.online:
            return self.tr("Online"), "#188038"
        return self.tr("Connecting…"), "#80868b"

    def show_status(self, status: SyncStatus) -> None:
        from desktop.formatting import short_time

        text, color = self.state_text(status)
        self.state.setText(f"<span style='color:{color}'>●</span> {text}")
        self.last.setText(self.tr("Last sync: %1").replace(
            "%1", short_time(status.last_sync, self.lang) or self.tr("never")))
        self.pending.setText(self.tr("%1 waiting").replace("%1", str(status.pending)))
        self.pending.setVisible(status.pending > 0)
        self.rejected.setText(self.tr("%1 rejected").replace("%1", str(status.rejected)))
        self.rejected.setVisible(status.rejected > 0)
        self.sign_in.setVisible(self.offers_sign_in
                                and (not status.signed_in or status.login_required))
        error = status.last_error or ""
        self.error.setText(error if len(error) <= ERROR_CHARS
                           else error[:ERROR_CHARS - 3] + "…")
        # While a round runs, an error shows only once it met one (offline, retrying).
        self.error.setVisible(bool(error) and (not status.syncing or status.online is False))
        store = (self.tr("credential vault") if status.credential_store == "keyring" else
                 self.tr("private file (no credential vault on this computer)"))
        tip = [self.tr("Server: %1").replace("%1", status.server or "-"),
               self.tr("User: %1").replace("%1", status.full_name or status.user or "-"),
               self.tr("Sign-in token: %1").replace("%1", store)]
        if error:
            tip.append(self.tr("Last error: %1").replace("%1", error))
        if status.error_detail:
            tip.append(self.tr("Technical detail: %1").replace("%1", status.error_detail))
        self.setToolTip("\n".join(tip))
