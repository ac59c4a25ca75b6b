"""What sync adds to the main window (``install(window)``): the status bar's sync status
and sign-in button, "Sinkronkan sekarang", the Kotak Keluar and Perlu Perhatian pages, the
sign-in and server dialogs, the rejected-actions notice and the question before closing with
unsent work. The rounds themselves: :mod:`desktop.views.sync_controller`.
"""

from __future__ import annotations

import weakref
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QToolButton

from desktop.views.sync_controller import DEFAULT_INTERVAL_S, SyncController, SyncStatus


class _CloseWatcher(QObject):
    def __init__(self, controller: SyncController, parent: QObject) -> None:
        super().__init__(parent)
        self.controller = controller

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Close:
            self.controller.stop()
        return False


class SyncUi(QObject):
    """Everything sync adds to the main window (see the module docstring)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        from desktop.views.attention_view import AttentionView
        from desktop.views.outbox_view import OutboxView
        from desktop.views.sync_status import SyncStatusWidget

        settings = getattr(window, "_settings", None)
        interval = getattr(settings, "sync_interval", DEFAULT_INTERVAL_S)
        lang = getattr(window, "_lang", "id")
        self.controller = SyncController(window.tasks, interval_s=interval, parent=self)
        controller = self.controller
        self.status_widget = SyncStatusWidget(controller, lang, window)
        self.status_widget.offers_sign_in = False  # the button beside the officer's name
        self.status_widget.sign_in.hide()
        old_label = getattr(window, "sync_label", None)
        if old_label is not None:
            old_label.hide()
        window.statusBar().addPermanentWidget(self.status_widget)

        ui = window.ui
        self.outbox_action = QAction(self.tr("Outbox"), window)
        self.outbox_action.setCheckable(True)
        self.outbox_action.setToolTip(self.tr("Actions waiting to be sent, and rejected ones"))
        self.attention_action = QAction(self.tr("Needs Attention"), window)
        self.attention_action.setCheckable(True)
        self.attention_action.setToolTip(self.tr(
            "Actions the server rejected, beside the server's current state"))
        group = ui.actionQueue.actionGroup()
        before = ui.actionSettings
        for action in (self.outbox_action, self.attention_action):
            if group is not None:
                group.addAction(action)
            ui.navBar.insertAction(before, action)
        ui.navBar.addAction(controller.sync_action)
        self.outbox_page = OutboxView(controller, lang)
        self.attention_page = AttentionView(controller, lang)
        window.set_page(self.outbox_action, self.outbox_page)
        window.set_page(self.attention_action, self.attention_page)
        self.status_widget.pending.clicked.connect(self.outbox_action.trigger)
        self.status_widget.rejected.clicked.connect(self.attention_action.trigger)
        self.sign_in_action = QAction(self.tr("Sign in to the server…"), window)
        self.sign_in_action.triggered.connect(self._sign_in_requested)
        self.settings_action = QAction(self.tr("Server and sync…"), window)
        self.settings_action.triggered.connect(self.show_settings)
        window.addAction(controller.sync_action)
        menu = window.menuBar().findChild(QMenu, "menuSettings")
        if menu is None:
            menu = window.menuBar().addMenu(self.tr("&Server"))
        menu.addSeparator()
        for action in (controller.sync_action, self.sign_in_action, self.settings_action):
            menu.addAction(action)
        self._settings = settings

        # Who is acting, always in view (a shared loket PC), and one action to switch.
        self.user_label = QLabel(window)
        self.user_label.setObjectName("signedInUser")
        self.switch_user_action = QAction(self.tr("Sign out / switch user…"), window)
        self.switch_user_action.setObjectName("switchUser")
        self.switch_user_action.triggered.connect(self.switch_user)
        self.switch_user_button = QToolButton(window)
        self.switch_user_button.setObjectName("switchUserButton")
        self.switch_user_button.setAutoRaise(True)
        self.switch_user_button.clicked.connect(self.switch_user)
        window.statusBar().addWidget(self.user_label)
        window.statusBar().addWidget(self.switch_user_button)
        menu.addAction(self.switch_user_action)
        self._who: tuple | None = None
        self.show_actor(None)
        workflow = getattr(window, "workflow", None)
        if workflow is not None:
            workflow.controller.actor_loaded.connect(self.show_actor)

        controller.status_changed.connect(self._status_changed)
        controller.synced.connect(self._synced)
        controller.login_needed.connect(self.show_login)
        self.login_dialog: Any = None
        self._settings_dialog: weakref.ref | None = None
        self.restore_notice: Any = None
        self._watcher = _CloseWatcher(controller, window)
        window.installEventFilter(self._watcher)
        from desktop.views.close_guard import CloseGuard
        from desktop.views.sync_notices import RejectedNotice

        # Installed after the watcher, so it is asked first: a close it holds back for the
        # officer's answer does not stop syncing.
        self.close_guard = CloseGuard(controller, window)
        self.rejected_notice = RejectedNotice(controller, window, self.attention_action.trigger,
                                              self.attention_page)

    def attach_service(self, service: Any) -> None:
        self.controller.attach_service(service)
        self.outbox_page.reload()
        self.attention_page.reload()

    def show_actor(self, actor: Any) -> None:
        """"Name · Role" of the officer the desk acts as, or "Belum masuk"."""
        from desktop.views.labels import ROLE
        from desktop.workflow.actor import is_nobody

        if is_nobody(actor):
            self.user_label.setText(self.tr("Not signed in"))
            self.user_label.setToolTip(self.tr("Nobody is signed in: sign in with your "
                                               "officer account to act on complaints."))
        else:
            name = actor.full_name or actor.username
            self.user_label.setText(f"{name} · {ROLE.text(str(actor.role))}")
            self.user_label.setToolTip(self.tr("Signed in as %1").replace("%1", actor.username))
        self._show_switch_button()

    def _session(self) -> bool:
        """Someone is signed in to the server and the session holds (else: sign in)."""
        status = self.controller.status
        return bool(status.signed_in and not status.login_required)

    def _show_switch_button(self) -> None:
        """One button beside the officer's name: "Keluar" while a session holds, else
        "Masuk…" (never both: the sync status offers no sign-in of its own here)."""
        signed_in = self._session()
        self.switch_user_button.setText(self.tr("Sign out") if signed_in
                                        else self.tr("Sign in…"))
        self.switch_action_enabled(signed_in)

    def switch_action_enabled(self, signed_in: bool) -> None:
        self.switch_user_button.setToolTip(
            self.tr("Sign out and let another officer sign in (shared PC)") if signed_in
            else self.tr("Sign in with your officer account"))

    def switch_user(self) -> None:
        """Sign out when someone is signed in, then ask the next officer to sign in."""
        if self._session():
            self.controller.sign_out(then=lambda: self.show_login(None))
        else:
            self.show_login(None)

    def _status_changed(self, status: SyncStatus) -> None:
        who = (status.signed_in, status.user, status.login_required)
        if who != self._who:  # signed in, out or as someone else: ask who acts now
            self._who = who
            workflow = getattr(self.parent(), "workflow", None)
            if workflow is not None:
                workflow.controller.reload_actor()
        self._show_switch_button()
        self.outbox_action.setText(self.tr("Outbox (%1)").replace("%1", str(status.pending))
                                   if status.pending else self.tr("Outbox"))
        self.attention_action.setText(
            self.tr("Needs Attention (%1)").replace("%1", str(status.rejected))
            if status.rejected else self.tr("Needs Attention"))

    def _synced(self, report: Any) -> None:
        """Show what the round brought: the queue, counts and open complaint re-read (the
        window keeps selection and scroll). The workflow's notices listen to ``synced``."""
        if report.changed:
            self.parent().refresh()
        from desktop.views.restore_notice import show_restore_notice

        self.restore_notice = show_restore_notice(self.parent(), report)

    def _sign_in_requested(self) -> None:
        self.show_login(None)

    def show_settings(self) -> None:
        from desktop.views.server_settings import ServerSettingsDialog

        dialog = ServerSettingsDialog(self.controller, self._settings, self.parent())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.server_chosen.connect(self._sign_in_at)
        self._settings_dialog = weakref.ref(dialog)  # no strong ref to a window
        dialog.open()

    @property
    def settings_dialog(self) -> Any:
        """The open "Server and sync" dialog, if any."""
        dialog = self._settings_dialog() if self._settings_dialog is not None else None
        return dialog if dialog is not None and shiboken6.isValid(dialog) else None

    def _sign_in_at(self, server: str) -> None:
        """Pengaturan got another server address: signing in there is what switches."""
        self.show_login(None, server)

    def show_login(self, message: str | None, server: str | None = None) -> None:
        from desktop.views.login_dialog import LoginDialog

        if self.login_dialog is not None and self.login_dialog.isVisible():
            return
        self.login_dialog = LoginDialog(self.controller, message or None, self.parent(),
                                        server=server)
        self.login_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.login_dialog.open()


def install(window: Any) -> SyncUi:
    """Wire sync into ``window``; call ``attach_service(service)`` once the store is open."""
    return SyncUi(window)
