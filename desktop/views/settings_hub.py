"""One "Pengaturan": the menu bar's menu and the navigation page offer the same settings.

The menu "Pengaturan" holds the dialog-based settings (canned replies and instructions,
server and sync); the navigation page "Pengaturan" holds tabbed pages (the letterhead).
Each used to look like all of the settings. Now:

- the menu starts with "Kop surat…", which opens the page on that tab (the page itself stays
  on the navigation bar, Ctrl+4);
- the page starts with a tab "Umum" listing every entry of the menu as a button bound to
  the very same action (one implementation: same text, shortcut, enabled state).

Installed last by the main window, after the features have filled both.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)


def _follow(button: QPushButton, action: QAction) -> None:
    """The button shows what the action says now (text as in the menu, "…" included)."""
    button.setText(action.text().replace("&&", "\0").replace("&", "").replace("\0", "&"))
    button.setEnabled(action.isEnabled())
    button.setToolTip(action.toolTip())


class GeneralTab(QScrollArea):
    """Pengaturan › Umum: one row per settings action, a button and what it is for."""

    def __init__(self, rows: list[tuple[QAction, str] | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsGeneral")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(16, 16, 16, 16)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        grid.setColumnStretch(1, 1)
        self.buttons: list[QPushButton] = []
        for row, item in enumerate(rows):
            if item is None:  # a separator in the menu: a gap here
                grid.setRowMinimumHeight(row, 12)
                continue
            action, description = item
            button = QPushButton(body)
            button.setSizePolicy(QSizePolicy.Policy.MinimumExpanding,
                                 QSizePolicy.Policy.Fixed)
            button.clicked.connect(action.trigger)
            action.changed.connect(partial(_follow, button, action))
            _follow(button, action)
            label = QLabel(description, body)
            label.setWordWrap(True)
            label.setBuddy(button)
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1, Qt.AlignmentFlag.AlignTop)
            self.buttons.append(button)
        outer.addLayout(grid)
        outer.addStretch(1)
        self.setWidget(body)


class SettingsHub(QObject):
    def __init__(self, window: Any, menu: QMenu, tabs: QTabWidget) -> None:
        super().__init__(window)
        self.menu = menu
        self.tabs = tabs
        descriptions = self._descriptions(window)
        rows: list[tuple[QAction, str] | None] = []
        for action in menu.actions():
            if action.isSeparator():
                if rows and rows[-1] is not None:
                    rows.append(None)
            elif not action.menu():
                rows.append((action, descriptions.get(id(action), action.statusTip())))
        self.general = GeneralTab(rows)
        tabs.insertTab(0, self.general, self.tr("General"))
        tabs.setCurrentIndex(0)

        letterhead = getattr(getattr(window, "letters", None), "letterhead_tab", None)
        first = menu.actions()[0] if menu.actions() else None
        self.letterhead_action = QAction(self.tr("&Letterhead…"), window)
        self.letterhead_action.setObjectName("action_letterhead")
        self.letterhead_action.triggered.connect(
            lambda: self.open_page(letterhead if letterhead is not None else self.general))
        self.page_action: QAction = window.ui.actionSettings
        menu.insertAction(first, self.letterhead_action)

    def open_page(self, tab: QWidget) -> None:
        """Show the Pengaturan page on ``tab``."""
        self.page_action.trigger()
        self.tabs.setCurrentWidget(tab)

    def _descriptions(self, window: Any) -> dict[int, str]:
        """What each known settings action is for (keyed by identity)."""
        found: dict[int, str] = {}
        workflow = getattr(window, "workflow", None)
        if workflow is not None:
            found[id(workflow.controller.settings_action)] = self.tr(
                "Canned replies to reporters, the disposition instruction checklist, and the "
                "officer this desk acts as while nobody is signed in.")
        sync = getattr(window, "sync", None)
        if sync is not None:
            found[id(sync.controller.sync_action)] = self.tr(
                "Send waiting actions to the central server and fetch its changes now.")
            found[id(sync.sign_in_action)] = self.tr(
                "Sign in with your officer account on the central server.")
            found[id(sync.settings_action)] = self.tr(
                "The central server's address, who is signed in, and how often the desk "
                "syncs on its own.")
        return found


def install(window: Any) -> SettingsHub | None:
    """Merge the menu and the page; None when either is missing (a feature not installed)."""
    menu = window.menuBar().findChild(QMenu, "menuSettings")
    page = window.page_of(window.ui.actionSettings)
    if menu is None or not isinstance(page, QTabWidget):
        return None
    return SettingsHub(window, menu, page)
