"""Bantuan: the user guide and the keyboard shortcuts, in the window (F1, menu "Bantuan"),
and the menu "Berkas" with "Keluar" (Ctrl+Q).

The guide is Indonesian Markdown written once: ``resources/help/panduan-pengguna.md`` ships
with the desk and is the same text as ``docs/panduan-pengguna.md`` (tests/test_help.py keeps
them equal). Only the window's own chrome goes through Qt's translations. The shortcuts tab
is read from the window's live actions, so it never disagrees with what the keys do.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import resource
from desktop.views.screen_fit import fit_to_screen

GUIDE_PARTS = ("help", "panduan-pengguna.md")
HELP_SHORTCUT = "F1"
LIVE_COUNT = re.compile(r"\s*\(\d[\d.]*\)$")
QUIT_SHORTCUT = "Ctrl+Q"


def guide_text() -> str:
    return resource(*GUIDE_PARTS).read_text(encoding="utf-8")


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for every action of ``window`` that has a shortcut."""
    rows: dict[str, str] = {}
    for action in window.findChildren(QAction):
        keys = action.shortcut()
        if keys.isEmpty():
            continue
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        text = text.removesuffix("…").removesuffix("...").strip()
        # A navigation button may carry a live count ("Kotak Keluar (6)"): not what it does.
        text = LIVE_COUNT.sub("", text)
        if text:
            rows.setdefault(keys.toString(QKeySequence.SequenceFormat.NativeText), text)
    return sorted(rows.items(), key=lambda row: (len(row[0]), row[0]))


class HelpWindow(QDialog):
    """The guide (Markdown) and the shortcut list, beside the desk (not modal)."""

    def __init__(self, shortcuts: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("Help — LAPOR! Desk"))
        self.tabs = QTabWidget(self)
        self.guide = QTextBrowser(self.tabs)
        self.guide.setObjectName("guideBrowser")
        self.guide.setOpenExternalLinks(True)
        self.guide.setMarkdown(guide_text())
        self.tabs.addTab(self.guide, self.tr("User guide"))
        self.shortcuts = QTableWidget(len(shortcuts), 2, self.tabs)
        self.shortcuts.setObjectName("shortcutTable")
        self.shortcuts.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.shortcuts.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.shortcuts.verticalHeader().hide()
        self.shortcuts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.shortcuts.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.shortcuts.horizontalHeader().setStretchLastSection(True)
        for row, (keys, text) in enumerate(shortcuts):
            self.shortcuts.setItem(row, 0, QTableWidgetItem(keys))
            self.shortcuts.setItem(row, 1, QTableWidgetItem(text))
        self.tabs.addTab(self.shortcuts, self.tr("Keyboard shortcuts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(900, 700)
        fit_to_screen(self)

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        self.show()
        self.raise_()
        self.activateWindow()


class HelpIntegration(QObject):
    """The menus "Berkas" (Keluar) and "Bantuan" (guide, shortcuts) of the main window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.help_window: HelpWindow | None = None
        self.guide_action = QAction(self.tr("User &guide"), window)
        self.guide_action.setObjectName("action_help")
        self.guide_action.setShortcut(QKeySequence(HELP_SHORTCUT))
        self.guide_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.guide_action.triggered.connect(self.open_guide)
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), window)
        self.shortcuts_action.setObjectName("action_shortcuts")
        self.shortcuts_action.triggered.connect(self.open_shortcuts)
        self.quit_action = QAction(self.tr("&Quit"), window)
        self.quit_action.setObjectName("action_quit")
        self.quit_action.setShortcut(QKeySequence(QUIT_SHORTCUT))
        self.quit_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(window.close)  # the usual path: closeEvent
        bar = window.menuBar()
        first = bar.actions()[0] if bar.actions() else None
        self.file_menu = QMenu(self.tr("&File"), bar)
        self.file_menu.setObjectName("menuFile")
        print_action = getattr(getattr(window, "letters", None), "print_action", None)
        if print_action is not None:
            self.file_menu.addAction(print_action)
            self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        bar.insertMenu(first, self.file_menu)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.setObjectName("menuHelp")
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addAction(self.shortcuts_action)
        for action in (self.guide_action, self.quit_action):
            window.addAction(action)

    def _window(self, tab: int) -> HelpWindow:
        if self.help_window is None:
            window: Any = self.parent()
            self.help_window = HelpWindow(shortcut_rows(window), window)
        self.help_window.show_tab(tab)
        return self.help_window

    def open_guide(self) -> HelpWindow:
        return self._window(0)

    def open_shortcuts(self) -> HelpWindow:
        return self._window(1)


def install(window: QMainWindow) -> HelpIntegration:
    return HelpIntegration(window)
