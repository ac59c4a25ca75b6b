"""Disposition letters in the desk GUI: "Cetak Disposisi" and Pengaturan › Kop surat.

``install(window)`` wires both into the main window and returns the integration object;
the window calls its ``attach_service(service)`` once the store is open:

- an action "Print disposition sheet…" (Ctrl+P) in the navigation bar, the queue's
  context menu and the window, for the selected complaints (the queue allows a
  multi-row selection) or the one open in the detail pane;
- an action "Case file…" (Berkas perkara) in the queue's context menu and the detail
  pane's "more" menu, for the one complaint selected or open;
- a "Letterhead" tab on the Settings page (a QTabWidget other settings can join), and an
  "Electronic signature" tab beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QTabWidget, QVBoxLayout, QWidget

PRINT_SHORTCUT = "Ctrl+P"


class SettingsTabs(QTabWidget):
    """The Settings page: one tab per settings area."""


class LazyTab(QWidget):
    """A tab whose widget is built when first shown (keeps QtPdf out of start-up)."""

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self.widget: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> QWidget:
        if self.widget is None:
            self.widget = self._build()
            self.layout().addWidget(self.widget)
        return self.widget

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.ensure()
        super().showEvent(event)


class LettersIntegration(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        # No Python reference to the window: a window <-> integration cycle would leave the
        # window to the cyclic GC, which may run on a worker thread (and crash Qt there).
        self.service: Any = None
        self.dialog: QWidget | None = None
        self.print_action = QAction(self.tr("Print disposition…"), window)
        self.print_action.setToolTip(self.tr("Issue, preview, print or save the disposition "
                                             "sheet of the selected complaints (Ctrl+P)"))
        self.print_action.setShortcut(QKeySequence(PRINT_SHORTCUT))
        self.print_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.print_action.setEnabled(False)
        self.print_action.triggered.connect(self.open_dialog)
        window.addAction(self.print_action)
        window.ui.navBar.addAction(self.print_action)
        table = window.ui.queueTable
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        if table.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.addAction(self.print_action)
        self.case_file_action = QAction(self.tr("Case file…"), window)
        self.case_file_action.setObjectName("action_case_file")
        self.case_file_action.setToolTip(self.tr(
            "Build the case file (berkas perkara) of this complaint as one PDF for the "
            "Ombudsman, the Inspektorat or another agency"))
        self.case_file_action.setEnabled(False)
        self.case_file_action.triggered.connect(self._case_file_triggered)
        window.addAction(self.case_file_action)
        table.addAction(self.case_file_action)
        self.case_file_dialog: QWidget | None = None
        table.selectionModel().selectionChanged.connect(self._selection_changed)

        # The Settings page is built when first shown (or asked for: ``settings_tabs``).
        self._letterhead_tab: LazyTab | None = None
        self._signing_tab: LazyTab | None = None
        window.set_lazy_page(window.ui.actionSettings, self._build_settings_tabs)

    def _build_settings_tabs(self, _window: Any) -> SettingsTabs:
        tabs = SettingsTabs()
        self._letterhead_tab = LazyTab(self._build_profile_page)
        tabs.addTab(self._letterhead_tab, self.tr("Letterhead"))
        self._signing_tab = LazyTab(self._build_signing_page)
        tabs.addTab(self._signing_tab, self.tr("Electronic signature"))
        return tabs

    def _build_signing_page(self) -> QWidget:
        from desktop.views.letters.signing_page import SigningPage

        page = SigningPage(self.window.tasks)
        if self.service is not None:
            page.set_service(self.service)
        return page

    @property
    def signing_tab(self) -> LazyTab:
        """Pengaturan › Tanda tangan elektronik's tab (the page is built on first use)."""
        if self._signing_tab is None:
            self.settings_tabs  # noqa: B018 - builds the page and its tabs
        assert self._signing_tab is not None
        return self._signing_tab

    @property
    def settings_tabs(self) -> SettingsTabs:
        """The Settings page (built on first use)."""
        return self.window.page_of(self.window.ui.actionSettings)

    @property
    def letterhead_tab(self) -> LazyTab:
        """Pengaturan › Kop Surat's tab (the page is built on first use)."""
        if self._letterhead_tab is None:
            self.settings_tabs  # noqa: B018 - builds the page and its tabs
        assert self._letterhead_tab is not None
        return self._letterhead_tab

    def _build_profile_page(self) -> QWidget:
        from desktop.views.letters.profile_page import LetterProfilePage

        page = LetterProfilePage(self.window.tasks)
        if self.service is not None:
            page.set_service(self.service)
        return page

    @property
    def profile_page(self) -> Any:
        """Pengaturan › Kop Surat (built on first use)."""
        return self.letterhead_tab.ensure()

    @property
    def window(self) -> Any:
        return self.parent()

    def attach_service(self, service: Any) -> None:
        self.service = service
        for tab in (self._letterhead_tab, self._signing_tab):
            if tab is not None and tab.widget is not None:
                tab.widget.set_service(service)
        menu = getattr(getattr(self.window, "workflow", None), "more_menu", None)
        if menu is not None and self.case_file_action not in menu.actions():
            menu.addAction(self.case_file_action)  # beside Cetak Disposisi
        self._selection_changed()

    def selected_ids(self) -> list[str]:
        """Selected queue rows in table order, else the complaint open in the detail pane."""
        table = self.window.ui.queueTable
        rows = sorted(index.row() for index in table.selectionModel().selectedRows())
        ids = [cid for cid in (self.window.model.id_at(row) for row in rows) if cid]
        if not ids and self.window.ui.detailPane.complaint_id:
            ids = [self.window.ui.detailPane.complaint_id]
        return ids

    def complaint_shown(self, _snapshot: Any) -> None:
        """The detail pane shows another complaint (or none): a keyboard officer opens one
        by moving the table's current row, which need not select it."""
        self._selection_changed()

    def _selection_changed(self, *_args: Any) -> None:
        ids = self.selected_ids()
        self.print_action.setEnabled(self.service is not None and bool(ids))
        self.case_file_action.setEnabled(self.service is not None and len(ids) == 1)

    def _case_file_triggered(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.open_case_file(ids[0])

    def open_case_file(self, complaint_id: str) -> None:
        """Berkas perkara… of ``complaint_id`` (its number is read on the DB thread)."""
        from desktop.views.letters.jobs import complaint_label

        service = self.service
        if service is None:
            return

        def label() -> str:
            snapshot = service.complaint(complaint_id)
            return complaint_label(snapshot) if snapshot else complaint_id[:8]

        self.window.tasks.run(label, partial(self._show_case_file, complaint_id))

    def _show_case_file(self, complaint_id: str, label: str) -> None:
        from desktop.views.letters.case_file_dialog import CaseFileDialog

        dialog = CaseFileDialog(self.window.tasks, self.service, complaint_id, label,
                                self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.case_file_dialog = dialog

    def open_dialog(self, complaint_ids: list[str] | None = None) -> QWidget | None:
        from desktop.views.letters.print_dialog import LetterPrintDialog

        ids = complaint_ids or self.selected_ids()
        if self.service is None or not ids:
            return None
        dialog = LetterPrintDialog(self.window.tasks, self.service, ids, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_letterhead.connect(self.show_letterhead)
        dialog.open()
        self.dialog = dialog
        return dialog


    def show_letterhead(self) -> None:
        """Pengaturan › Kop Surat in front (issuing was refused for an incomplete kop)."""
        tabs = self.settings_tabs
        tabs.setCurrentWidget(self.letterhead_tab)
        self.letterhead_tab.ensure()
        self.window.ui.actionSettings.trigger()


def install(window: Any) -> LettersIntegration:
    return LettersIntegration(window)
