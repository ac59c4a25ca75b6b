"""The Dasbor (Dashboard) page: ``install(window)`` adds its navigation button after
Laporan and builds the page when first shown (``window.dashboard``, Qt Charts loaded
then). It is the first page a leader (``pimpinan``, ``admin_pusat``) sees: when such an
officer is the one acting (at start, after a sign-in or a switch of user), the desk opens
on it. A click on a figure leads to the queue filtered to what it shows.
"""

from __future__ import annotations

import weakref
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

LEADER_ROLES = frozenset({"pimpinan", "admin_pusat"})
NOTICE_MS = 15_000


def install(window: Any) -> _StartPage:
    """Returns what opens the Dasbor for a leader: the window keeps it."""
    ui = window.ui
    action = QAction(QCoreApplication.translate("Dashboard", "Dashboard"), window)
    action.setObjectName("actionDashboard")
    action.setCheckable(True)
    action.setToolTip(QCoreApplication.translate(
        "Dashboard", "The period at a glance: received, completed, on time, workload"))
    group = ui.actionQueue.actionGroup()
    if group is not None:
        group.addAction(action)
    actions = ui.navBar.actions()
    after = actions.index(ui.actionReports) + 1 if ui.actionReports in actions else len(actions)
    if after < len(actions):
        ui.navBar.insertAction(actions[after], action)
    else:
        ui.navBar.addAction(action)
    window.set_lazy_page(action, build)
    window.data_pages.append(action)
    window.dashboard_action = action
    return _StartPage(window, action)


def build(window: Any) -> Any:
    from desktop.views.dashboard.page import DashboardPage

    page = DashboardPage(window.tasks, getattr(window, "_lang", "id"))
    page.setObjectName("dashboardPage")
    page.error.connect(window.show_error)
    page.drill.connect(partial(_drill, weakref.ref(window)))
    page.escalation.announced.connect(partial(announce, weakref.ref(window)))
    watch = getattr(window, "escalation_watch", None)  # the desk-wide check keeps it in step
    if watch is not None:
        watch.computed.connect(page.escalation.show_found)
    if window.service is not None:
        page.attach_service(window.service)
    return page


def _drill(window_ref: weakref.ref, drill: Any) -> None:
    window = window_ref()
    workflow = getattr(window, "workflow", None) if window is not None else None
    if workflow is not None:
        workflow.show_queue(drill.filter, drill.sort, drill.descending, drill.select)


def announce(window_ref: weakref.ref, title: str, text: str, short: str) -> None:
    """A notice for the leader: the tray's balloon (where there is a tray) with ``text``,
    and ``short`` in the status bar (one line that fits beside the sync status);
    ``window.last_announcement`` keeps the text."""
    from PySide6.QtWidgets import QSystemTrayIcon

    window = window_ref()
    if window is None:
        return
    window.last_announcement = text
    if QSystemTrayIcon.isSystemTrayAvailable():
        tray = getattr(window, "dashboard_tray", None)
        if tray is None:
            tray = window.dashboard_tray = QSystemTrayIcon(window.windowIcon(), window)
            tray.messageClicked.connect(window.activateWindow)
        tray.show()
        tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, NOTICE_MS)
    window.statusBar().showMessage(short, NOTICE_MS)


class _StartPage:
    """Opens the Dasbor when a leader starts acting on this desk: the first actor loaded,
    or a different officer after a sign-in. Holds the window weakly."""

    def __init__(self, window: Any, action: QAction) -> None:
        self._window = weakref.ref(window)
        self._action = action
        self._seen: str | None = None
        self._first = True
        workflow = getattr(window, "workflow", None)
        controller = getattr(workflow, "controller", None)
        if controller is not None:
            controller.actor_loaded.connect(self.actor_loaded)

    def actor_loaded(self, actor: Any) -> None:
        window = self._window()
        if window is None or actor is None:
            return
        username = getattr(actor, "username", None)
        role = str(getattr(actor, "role", "") or "")
        first, self._first = self._first, False
        changed = username != self._seen
        self._seen = username
        if not changed or role not in LEADER_ROLES:
            return
        # At start only while the officer has not gone elsewhere yet.
        if first and not window.ui.actionQueue.isChecked():
            return
        self._action.trigger()
