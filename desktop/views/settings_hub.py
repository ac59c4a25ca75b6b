"""One "Pengaturan": the menu bar's menu and the navigation page offer the same settings.

The menu "Pengaturan" holds the dialog-based settings (canned replies and instructions,
server and sync); the navigation page "Pengaturan" holds tabbed pages (the letterhead).
Each used to look like all of the settings. Now:

- the menu starts with "Kop surat…", which opens the page on that tab (the page itself stays
  on the navigation bar, Ctrl+4);
- the page starts with a tab "Umum" listing every entry of the menu as a button bound to
  the very same action (one implementation: same text, shortcut, enabled state).

Installed last by the main window, after the features have filled both. The page (and so
"Umum") is built when first shown, not at start-up.
"""

from __future__ import annotations

import weakref
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.clock import clock


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


# Language names are written in their own language, and the row's label in both: whoever
# cannot read the current language still finds the way back (not translated on purpose).
LANGUAGE_NAMES = (("id", "Bahasa Indonesia"), ("en", "English"))
LANGUAGE_LABEL = "Bahasa / Language"


class LanguageRow(QWidget):
    """Pengaturan › Umum › "Bahasa / Language": kept in the desk's settings.ini and used
    from the next start (``--lang`` still overrides it for one session). The row is this
    widget (label and list, beside the buttons above) and ``note`` (beside it)."""

    def __init__(self, settings: Any, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._current = current
        self.combo = QComboBox(self)
        self.combo.setObjectName("languageCombo")
        for code, name in LANGUAGE_NAMES:
            self.combo.addItem(name, code)
        stored = settings.language if settings is not None else current
        self.combo.setCurrentIndex(max(0, self.combo.findData(stored)))
        label = QLabel(LANGUAGE_LABEL, self)
        label.setBuddy(self.combo)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.combo, 1)
        self.note = QLabel()
        self.note.setObjectName("languageNote")
        self.note.setWordWrap(True)
        self._show_note(stored, chosen=False)
        self.combo.currentIndexChanged.connect(self._chosen)

    def _chosen(self, index: int) -> None:
        code = self.combo.itemData(index)
        if self._settings is not None:
            self._settings.language = code
            self._settings.sync()
        self._show_note(code, chosen=True)

    def _show_note(self, stored: str, *, chosen: bool) -> None:
        if stored == self._current:
            self.note.setText(self.tr("The language of menus, screens, messages and "
                                      "exported recaps. Letters stay in Indonesian."))
        elif chosen:
            self.note.setText(self.tr(
                "The desk shows the new language from its next start. Close it and open "
                "it again to switch now."))
        else:  # started with --lang: the stored choice waits for a start without it
            self.note.setText(self.tr("This session's language was chosen at start-up "
                                      "(--lang)."))


class ZoneRow(QWidget):
    """Pengaturan › Umum › "Zona waktu kantor": the office's zone decides "today" for
    deadlines, the queue's Jatuh Tempo/Terlambat, numbers, letters and recaps. Kept in the
    store (setting ``office_zone``, shared with ``lapor-desk`` commands), written on the
    worker thread; the window re-reads its queue when the date moves with it."""

    ZONES = (("WIB", 7), ("WITA", 8), ("WIT", 9))

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A weak reference: a strong one makes a window <-> row cycle, left to the cyclic
        # GC, which then destroys the window's widgets in any order (a segfault in CI).
        self._window = weakref.ref(window)
        self.combo = QComboBox(self)
        self.combo.setObjectName("zoneCombo")
        for code, hours in self.ZONES:
            self.combo.addItem(f"{code} (UTC+{hours})", code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(clock_zone_name())))
        label = QLabel(self.tr("Office time &zone"), self)
        label.setBuddy(self.combo)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.combo, 1)
        self.note = QLabel()
        self.note.setObjectName("zoneNote")
        self.note.setWordWrap(True)
        self.note.setText(self.tr("Decides which day it is for deadlines, numbers, letters "
                                  "and recaps. Kalimantan Selatan: WITA."))
        self.combo.currentIndexChanged.connect(self._chosen)

    def _chosen(self, index: int) -> None:
        code = self.combo.itemData(index)
        window = self._window()
        service = getattr(window, "service", None)
        if window is None or service is None:
            return
        self.combo.setEnabled(False)
        window.tasks.run(partial(service.set_setting, "office_zone", code), self._saved)

    def _saved(self, _result: object) -> None:
        self.combo.setEnabled(True)
        watcher = getattr(self._window(), "day_watcher", None)
        if watcher is not None:
            watcher.check()  # a new zone may mean another date: deadlines move with it


def clock_zone_name() -> str:
    offset = clock().now().utcoffset()
    hours = int(offset.total_seconds() // 3600) if offset is not None else 8
    return {7: "WIB", 8: "WITA", 9: "WIT"}.get(hours, "WITA")


class SettingsHub(QObject):
    """The menu's "Kop surat…" entry at once; the page's "Umum" tab when the page is built
    (it is built when first shown, see ``MainWindow.set_lazy_page``)."""

    def __init__(self, window: Any, menu: QMenu) -> None:
        super().__init__(window)
        # No Python reference to the window (see LettersIntegration): parent() is the window.
        self.menu = menu
        self._descriptions = self._describe(window)
        self._settings = getattr(window, "_settings", None)
        self._lang = getattr(window, "_lang", "id")
        self._general: GeneralTab | None = None
        self._language: LanguageRow | None = None
        self._zone: ZoneRow | None = None
        self.positions: Any = None  # Pengaturan › Jabatan (built with the page)
        first = menu.actions()[0] if menu.actions() else None
        self.letterhead_action = QAction(self.tr("&Letterhead…"), window)
        self.letterhead_action.setObjectName("action_letterhead")
        self.letterhead_action.triggered.connect(self._open_letterhead)
        self.page_action: QAction = window.ui.actionSettings
        menu.insertAction(first, self.letterhead_action)
        window.when_page_built(self.page_action, self._fill_page)

    @property
    def tabs(self) -> QTabWidget:
        """The Pengaturan page (built on first use)."""
        return self.parent().page_of(self.page_action)

    @property
    def general(self) -> GeneralTab:
        """Pengaturan › Umum (the page is built on first use)."""
        self.tabs  # noqa: B018 - builds the page, which adds this tab
        assert self._general is not None
        return self._general

    @property
    def language(self) -> LanguageRow:
        """Pengaturan › Umum › "Bahasa / Language" (the page is built on first use)."""
        self.tabs  # noqa: B018 - builds the page, which adds this row
        assert self._language is not None
        return self._language

    @property
    def zone(self) -> ZoneRow:
        """Pengaturan › Umum › "Zona waktu kantor" (the page is built on first use)."""
        self.tabs  # noqa: B018 - builds the page, which adds this row
        assert self._zone is not None
        return self._zone

    def open_page(self, tab: QWidget) -> None:
        """Show the Pengaturan page on ``tab``."""
        self.page_action.trigger()
        self.tabs.setCurrentWidget(tab)

    def _open_letterhead(self) -> None:
        self.page_action.trigger()  # builds the page (and the letters' tab) if need be
        letters = getattr(self.parent(), "letters", None)
        letterhead = getattr(letters, "letterhead_tab", None)
        self.tabs.setCurrentWidget(letterhead if letterhead is not None else self.general)

    def _fill_page(self, tabs: QWidget) -> None:
        """Add "Umum" to the page just built: every entry of the menu, then the language."""
        if not isinstance(tabs, QTabWidget):
            return
        rows: list[tuple[QAction, str] | None] = []
        for action in self.menu.actions():
            if action is self.letterhead_action:
                continue  # the page itself
            if action.isSeparator():
                if rows and rows[-1] is not None:
                    rows.append(None)
            elif not action.menu():
                rows.append((action, self._descriptions.get(id(action), action.statusTip())))
        self._general = GeneralTab(rows)
        self._language = LanguageRow(self._settings, self._lang)
        grid = self._general.widget().layout().itemAt(0).layout()
        row = grid.rowCount()
        grid.setRowMinimumHeight(row, 12)  # a gap, as between the menu's groups
        grid.addWidget(self._language, row + 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self._language.note, row + 1, 1, Qt.AlignmentFlag.AlignTop)
        self._zone = ZoneRow(self.parent())
        grid.addWidget(self._zone, row + 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self._zone.note, row + 2, 1, Qt.AlignmentFlag.AlignTop)
        tabs.insertTab(0, self._general, self.tr("General"))
        self._add_positions(tabs)
        tabs.setCurrentIndex(0)

    def _add_positions(self, tabs: QTabWidget) -> None:
        """Pengaturan › Jabatan (issue 17): the agency's structure, beside Kop Surat;
        re-read when shown and after every sync round (a change comes back that way)."""
        from desktop.views.positions_page import PositionsPage

        window = self.parent()
        page = PositionsPage(window.tasks, getattr(window, "service", None))
        self.positions = page
        tabs.addTab(page, self.tr("Positions"))
        ref = weakref.ref(window)

        def refresh() -> None:
            win = ref()
            if win is not None and getattr(win, "service", None) is not None:
                page.service = win.service
                page.reload()

        sync = getattr(window, "sync", None)
        controller = getattr(sync, "controller", None)
        if controller is not None:
            page.request_sync = controller.sync_now
            controller.synced.connect(lambda _report: refresh())
        tabs.currentChanged.connect(
            lambda index: refresh() if tabs.widget(index) is page else None)

    def _describe(self, window: Any) -> dict[int, str]:
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
                "The central server's address and the agency's CA certificate, who is "
                "signed in, and how often the desk syncs on its own.")
        return found


def install(window: Any) -> SettingsHub | None:
    """Merge the menu and the page; None when either is missing (a feature not installed)."""
    menu = window.menuBar().findChild(QMenu, "menuSettings")
    if menu is None or not window.has_page(window.ui.actionSettings):
        return None
    return SettingsHub(window, menu)
