"""The desk's main window: navigation, the queue (views, search, table, detail), status bar.

Presents and dispatches only: every service call goes through ``desktop.tasks`` and comes
back as a callback on the GUI thread, so a slow disk or a 100,000-row queue never freezes it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from desktop import formatting
from desktop.forms.ui_main_window import Ui_MainWindow
from desktop.settings import Settings
from desktop.tasks import Tasks
from desktop.views.day_watcher import DayWatcher
from desktop.views.detail_pane import load_complaint
from desktop.views.labels import VIEWS
from desktop.views.queue_columns import QueueColumns
from desktop.views.queue_model import COL_DATE, COL_TITLE, COLUMNS, QueueModel
from desktop.views.screen_fit import FRAME
from desktop.views.view_list import KEY_ROLE, CountDelegate, ViewListModel

SEARCH_DELAY_MS = 200
NUMBER_IN_TIP = re.compile(r"\s*\(Ctrl\+\d\)\s*$")  # "(Ctrl+4)" written in a tooltip
BUSY_DELAY_MS = 400  # show "Memuat…" only for work long enough to notice
DEFAULT_SIZE = (1280, 740)
# The detail pane's share of the window on first start: the queue keeps ~65 % of a
# 1366-pixel laptop screen, the detail never drops below its minimum width.
DETAIL_SHARE = 0.21


def default_split(width: int, views: int, detail_min: int, handles: int) -> list[int]:
    """Splitter sizes (views, queue, detail) for a window ``width`` pixels wide."""
    detail = max(detail_min, round(width * DETAIL_SHARE))
    return [views, max(0, width - views - detail - handles), detail]


# Posted to the window once the first query has been answered (see attach_service).
_ATTACH_FEATURES = QEvent.Type(QEvent.registerEventType())


def _nothing() -> None:  # DB thread: a marker job, answered after every job before it
    return None


class SyncStatusLabel(QLabel):
    """Right end of the status bar; the sync engine says what it is doing here."""

    def set_sync_state(self, text: str) -> None:
        self.setText(text)
        self.setToolTip(text)


class MainWindow(QMainWindow):
    # The queue's first rows are on screen (once): the desk opens the full store then.
    first_screen_shown = Signal()

    def __init__(self, tasks: Tasks, settings: Settings, lang: str = "id",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._tasks = tasks
        self._settings = settings
        self._lang = lang
        self._service: Any = None  # the open store; ``service`` once the features have it
        # The start-up's light reader (desktop/store/light.py): answers the queue's reads
        # until the store is open.
        self._reader: Any = None
        self._detail_wanted: str | None = None  # a row picked before the store was open
        self._first_screen = False
        self._features_attached = False
        self._closing = False
        self._counts_generation = 0
        self._detail_generation = 0
        self._error_box: QMessageBox | None = None
        # Pages (by navigation action) that show the store's data: given the store once
        # it is open and refreshed after every change, when built (Laporan, Dasbor...).
        self.data_pages: list[QAction] = []

        self.model = QueueModel(tasks, lang, self)
        self.view_model = ViewListModel(lang, self)
        self.ui.detailPane.lang = lang
        self._setup_navigation()
        self._setup_views_list()
        self._setup_table()
        self._setup_search()
        self._setup_status_bar()
        self._restore_layout()

        tasks.failed.connect(self.show_error)
        # Any write (an action, a sync pull) refreshes queue, counts and detail once.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        tasks.changed.connect(self._refresh_timer.start)
        tasks.busy_changed.connect(self._busy_changed)
        self.model.queried.connect(self._queried)
        self._show_list_message(self.tr("Opening the local database…"))
        # Pages not shown at start (Loket, Laporan, Pengaturan) are built on first navigation
        # or first use (``page_of``): their modules (intake, reports, SQLAlchemy) stay off the
        # GUI thread until the queue's first rows are on screen.
        from desktop.views import letters  # Cetak Disposisi + Settings › Letterhead

        self.letters = letters.install(self)
        from desktop.views import actions  # the officer's actions, detail, filters, notices

        self.workflow = actions.install(self, print_action=self.letters.print_action)
        from desktop.views import loket  # Loket: record walk-in and letter complaints

        loket.install(self)
        from desktop.views import reports  # Laporan: recaps for a period, CSV/XLSX export

        reports.install(self)
        from desktop.views import dashboard  # Dasbor: a leader's first page (after Laporan)

        self.dashboard_start = dashboard.install(self)
        from desktop.views import sync_ui  # status bar, Kotak Keluar, sign-in

        self.sync = sync_ui.install(self)
        from desktop.views import escalation_watch  # late dispositions told at start, each sync

        self.escalation_watch = escalation_watch.install(self)
        from desktop.views import settings_hub  # one Pengaturan: menu and page agree

        self.settings_hub = settings_hub.install(self)
        from desktop.views import help_window  # Berkas › Keluar, Bantuan (F1)

        self.help = help_window.install(self)
        from desktop.views import audit_viewer  # Berkas › Jejak audit… (admins)

        self.audit = audit_viewer.install(self)
        from desktop.views import dispositions_nav  # Disposisi Masuk/Keluar (last button)

        dispositions_nav.install(self)
        self._number_navigation()
        if not self._split_restored:
            self._default_split()
        # Deadlines and "sisa hari kerja" move at midnight though no data does.
        self.day_watcher = DayWatcher(self)
        self.day_watcher.day_changed.connect(self._refresh_timer.start)

    # -- public API -----------------------------------------------------------------------
    @property
    def service(self) -> Any:
        """The open store, once the queue shows it and every feature has it (else None)."""
        return self._service if self._features_attached else None

    @property
    def tasks(self) -> Tasks:
        return self._tasks

    @property
    def loket(self) -> Any:
        """The Loket page (``desktop.views.loket``), built on first use."""
        return self.page_of(self.ui.actionDesk)

    @property
    def reports(self) -> Any:
        """The Laporan page (``desktop.views.reports``), built on first use."""
        return self.page_of(self.ui.actionReports)

    @property
    def dashboard(self) -> Any:
        """The Dasbor page (``desktop.views.dashboard``), built on first use."""
        return self.page_of(self.dashboard_action)

    def set_page(self, action: QAction, page: QWidget) -> None:
        """Put a feature's screen behind a navigation action (replacing its placeholder)."""
        self._builders.pop(action, None)
        old = self._page_of.get(action)
        self.ui.pages.addWidget(page)
        self._page_of[action] = page
        if old is not None and old is not page:
            if self.ui.pages.currentWidget() is old:
                self.ui.pages.setCurrentWidget(page)
            self.ui.pages.removeWidget(old)
            old.deleteLater()
        for callback in self._when_built.pop(action, ()):
            callback(page)

    def set_lazy_page(self, action: QAction, build: Callable[[MainWindow], QWidget]) -> None:
        """Put the screen ``build(window)`` makes behind ``action``, built when first shown or
        asked for (``page_of``). ``build`` gets the window as an argument so that it need not
        hold a reference to it (a cycle would leave the window to the cyclic GC)."""
        self._builders[action] = build

    def page_of(self, action: QAction) -> QWidget | None:
        """The screen a navigation action shows (built now if it was left for later)."""
        build = self._builders.get(action)
        if build is not None:
            self.set_page(action, build(self))  # drops the builder
        return self._page_of.get(action)

    def built_page(self, action: QAction) -> QWidget | None:
        """The screen behind ``action`` if it has been built (never builds it)."""
        return None if action in self._builders else self._page_of.get(action)

    def has_page(self, action: QAction) -> bool:
        """Whether ``action`` has a screen, built or still to be built."""
        return action in self._builders or action in self._page_of

    def when_page_built(self, action: QAction, callback: Callable[[QWidget], None]) -> None:
        """Call ``callback(page)`` once the screen behind ``action`` is built (now if it is)."""
        page = self.built_page(action)
        if page is not None:
            callback(page)
        else:
            self._when_built.setdefault(action, []).append(callback)

    def show_first_screen(self, reader: Any) -> None:
        """Show the queue from the start-up's light reader (``LightReader``: the queue's
        reads only) while the store opens; ``attach_service`` hands the queue over."""
        self._reader = reader
        self._start_queue(reader)
        self._tasks.run(_nothing, self._first_query_answered)

    def attach_service(self, service: Any) -> None:
        """The store is open (on the DB thread): show the queue from it (taking it over
        from the light reader with the same rows, view, search and sort). The other
        features get the store once the first rows are on screen (their first reads, e.g.
        the sync account, would otherwise hold up that first query and paint)."""
        self._service = service
        self._reader = None
        if self.model.queue_filter is None:
            self._start_queue(service)
        else:
            self.model.set_service(service, self.model.queue_filter, handover=True)
            self._refresh_counts()
        if self._detail_wanted is not None:
            self._load_detail(self._detail_wanted)
        # The DB thread answers in order: this comes back after the query and the counts.
        self._tasks.run(_nothing, self._first_query_answered)

    def _start_queue(self, source: Any) -> None:
        from desktop.store.queue import QueueFilter  # light: no SQLAlchemy

        view = self._settings.queue_view
        if view not in VIEWS:
            view = "semua"
        self.ui.viewList.setCurrentIndex(self.view_model.index(self.view_model.row_of(view)))
        self.model.set_service(source, QueueFilter(view=view))
        self._refresh_counts()

    def _first_query_answered(self, _result: Any) -> None:
        # Low priority, as Qt posts its repaint requests: handled after the queue's paint.
        QCoreApplication.postEvent(self, QEvent(_ATTACH_FEATURES),
                                   Qt.EventPriority.LowEventPriority.value)

    def customEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == _ATTACH_FEATURES:
            if not self._first_screen:
                self._first_screen = True
                self.first_screen_shown.emit()
            self._attach_features()
        else:
            super().customEvent(event)

    def _attach_features(self) -> None:
        if self._features_attached or self._service is None or self._closing:
            return
        service = self._service
        self._features_attached = True
        self.letters.attach_service(service)
        self.workflow.attach_service(service)
        for action in (self.ui.actionDesk, self.ui.actionReports, *self.data_pages):
            page = self.built_page(action)
            if hasattr(page, "attach_service"):
                page.attach_service(service)
        self.sync.attach_service(service)
        self.escalation_watch.attach_service(service)

    def set_queue_filter(self, queue_filter: Any) -> None:
        """Show the queue for ``queue_filter`` (filter panel, saved views), counts included."""
        if self.model.queue_filter is None:
            return
        self.model.set_filter(queue_filter)
        self._refresh_counts()

    def select_view(self, key: str) -> None:
        """Make ``key`` (a QueueFilter.view) the current entry of the views list."""
        self.ui.viewList.setCurrentIndex(self.view_model.index(self.view_model.row_of(key)))

    def service_failed(self, exc: BaseException) -> None:
        self._show_list_message(self.tr("The local database could not be opened."))
        self._tasks.report(exc)

    def refresh(self) -> None:
        """Re-read the queue, counts and open complaint (after a write or a sync pull)."""
        if self._service is None:
            return
        self.model.refresh()
        self._refresh_counts()
        for action in (self.ui.actionReports, *self.data_pages):
            page = self.built_page(action)  # not built yet: computes when first shown
            if hasattr(page, "refresh"):
                page.refresh()  # recomputes now if shown, else when shown next
        if self.ui.detailPane.complaint_id:
            self._load_detail(self.ui.detailPane.complaint_id)

    def set_sync_state(self, text: str) -> None:
        self.sync_label.set_sync_state(text)

    def show_error(self, title: str, message: str) -> None:
        """Tell the officer, without blocking the event loop (the box is window-modal)."""
        if self._error_box is not None and self._error_box.isVisible():
            if message not in self._error_box.text():
                self._error_box.setText(f"{self._error_box.text()}\n\n{message}")
            return
        self._error_box = QMessageBox(QMessageBox.Icon.Warning, title, message,
                                      QMessageBox.StandardButton.Ok, self)
        self._error_box.open()

    def save_layout(self) -> None:
        s = self._settings
        s.window_geometry = self.saveGeometry()
        s.window_state = self.saveState()
        s.queue_header = self.ui.queueTable.horizontalHeader().saveState()
        s.queue_column_widths = self.columns.saved_widths()
        s.queue_splitter = self.ui.queueSplitter.saveState()
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._closing = True  # the features are not attached any more
        self.save_layout()
        super().closeEvent(event)

    # -- set-up ---------------------------------------------------------------------------
    def _setup_navigation(self) -> None:
        ui = self.ui
        self._page_of: dict[QAction, QWidget] = {ui.actionQueue: ui.queuePage}
        self._builders: dict[QAction, Callable[[MainWindow], QWidget]] = {}
        self._when_built: dict[QAction, list[Callable[[QWidget], None]]] = {}
        # Placeholders until a feature installs the page (built only if shown).
        for action in (ui.actionDesk, ui.actionSettings):
            self.set_lazy_page(action, partial(MainWindow._placeholder, action=action))
        group = QActionGroup(self)
        group.setExclusive(True)
        for action in (ui.actionQueue, ui.actionDesk, ui.actionSettings, ui.actionReports):
            group.addAction(action)
        group.triggered.connect(self._navigate)
        ui.actionRefresh.triggered.connect(self.refresh)
        ui.actionFind.triggered.connect(self._focus_search)
        self.addAction(ui.actionFind)

    def _number_navigation(self) -> None:
        """Ctrl+1, Ctrl+2… follow the navigation buttons as shown, left to right (features
        insert their pages among the designed ones)."""
        group = self.ui.actionQueue.actionGroup()
        pages = [action for action in self.ui.navBar.actions()
                 if group is not None and action.actionGroup() is group and action.isVisible()]
        for number, action in enumerate(pages[:9], start=1):
            keys = QKeySequence(f"Ctrl+{number}")
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            tip = NUMBER_IN_TIP.sub("", action.toolTip() or action.text().replace("&", ""))
            native = keys.toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({native})")

    def _placeholder(self, action: QAction) -> QWidget:
        from desktop.views.placeholder_page import ComingSoonPage

        ui = self.ui
        if action is ui.actionDesk:
            title, purpose = (self.tr("Front desk"),
                              self.tr("Log walk-in and paper complaints and print receipts."))
        else:
            title, purpose = (self.tr("Settings"),
                              self.tr("Central server, sync interval, letterhead and language."))
        return ComingSoonPage(title, purpose, ui.pages)

    def _setup_views_list(self) -> None:
        view_list = self.ui.viewList
        view_list.setModel(self.view_model)
        view_list.setItemDelegate(CountDelegate(view_list))
        view_list.selectionModel().currentChanged.connect(self._view_changed)

    def _setup_table(self) -> None:
        table = self.ui.queueTable
        table.setModel(self.model)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrow keys move in it
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(32)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        # Widths are measured and fitted by QueueColumns once the saved layout is restored.
        header.setSortIndicator(COL_DATE, Qt.SortOrder.DescendingOrder)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        table.selectionModel().currentRowChanged.connect(self._row_changed)

    def _setup_search(self) -> None:
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.ui.searchEdit.textChanged.connect(self._search_timer.start)
        self.ui.searchEdit.returnPressed.connect(self._apply_search)

    def _setup_status_bar(self) -> None:
        self.busy_label = QLabel(self.tr("Loading…"), self)
        self.busy_label.hide()
        self.sync_label = SyncStatusLabel(self)
        self.sync_label.set_sync_state(self.tr("Sync: not set up yet"))
        self.ui.statusbar.addWidget(self.busy_label)
        self.ui.statusbar.addPermanentWidget(self.sync_label)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self.busy_label.show)

    def _restore_layout(self) -> None:
        s, ui = self._settings, self.ui
        if s.window_geometry.isEmpty() or not self.restoreGeometry(s.window_geometry):
            screen = QGuiApplication.primaryScreen()
            avail = screen.availableGeometry() if screen else None
            width, height = DEFAULT_SIZE
            if avail is not None:  # the title bar and frame count too (1366x768 laptops)
                width = min(width, avail.width() - FRAME.width())
                height = min(height, avail.height() - FRAME.height())
            self.resize(width, height)
        if not s.window_state.isEmpty():
            self.restoreState(s.window_state)
        # First start: the default split is set once the features have filled the panes.
        self._split_restored = (not s.queue_splitter.isEmpty()
                                and ui.queueSplitter.restoreState(s.queue_splitter))
        ui.queueSplitter.setStretchFactor(1, 1)
        header = ui.queueTable.horizontalHeader()
        if not s.queue_header.isEmpty():
            header.restoreState(s.queue_header)
        # Saved order, hidden columns and sort stay; widths are the officer's own or measured.
        self.columns = QueueColumns(ui.queueTable, self.model, self._lang,
                                    s.queue_column_widths, self)
        self.columns.fit()
        # The header's sort indicator (saved with its state) decides the query's order.
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _default_split(self) -> None:
        ui, splitter = self.ui, self.ui.queueSplitter
        splitter.resize(self.width(), splitter.height())  # not laid out before show
        detail = ui.detailPane
        splitter.setSizes(default_split(
            self.width(), ui.filterPanel.minimumSizeHint().width(),
            max(detail.minimumWidth(), detail.minimumSizeHint().width()),
            2 * splitter.handleWidth()))

    # -- reactions ------------------------------------------------------------------------
    def _navigate(self, action: QAction) -> None:
        page = self.page_of(action)
        if page is not None:
            self.ui.pages.setCurrentWidget(page)

    def _focus_search(self) -> None:
        self.ui.actionQueue.trigger()
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    def _view_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = current.data(KEY_ROLE)
        if not key or self.model.queue_filter is None:
            return  # before the store is open: attach_service picks the saved view
        self._settings.queue_view = key
        self.model.set_filter(dataclasses.replace(self.model.queue_filter, view=key))

    def _apply_search(self) -> None:
        self._search_timer.stop()
        if self.model.queue_filter is None:
            return
        text = self.ui.searchEdit.text().strip() or None
        if text != self.model.queue_filter.search:
            self.model.set_filter(dataclasses.replace(self.model.queue_filter, search=text))
            self._refresh_counts()

    def _queried(self, count: int) -> None:
        self.ui.resultLabel.setText(
            self.tr("%1 complaints").replace("%1", formatting.number(count, lang=self._lang)))
        flt = self.model.queue_filter
        if count and not self.columns.content_measured:
            self.columns.measure_content()  # before the table shows: no visible jump
        if count:
            self.ui.listStack.setCurrentWidget(self.ui.queueTable)
        elif flt is not None and flt.search:
            self._show_list_message(self.tr("No complaint matches “%1”.").replace(
                "%1", flt.search))
        elif flt is not None and flt.view == "semua":
            self._show_list_message(self.tr(
                "No complaints on this desk yet.\nThey arrive with the first sync with the "
                "central server, or record one at the Front desk."))
        else:
            self._show_list_message(self.tr("No complaints in this view."))
        # Keep the open complaint selected if the new list still holds it.
        current = self.ui.detailPane.complaint_id
        row = self.model.row_of(current) if current else None
        if row is not None:
            table = self.ui.queueTable
            table.selectionModel().blockSignals(True)
            table.selectRow(row)
            table.selectionModel().blockSignals(False)

    def _show_list_message(self, text: str) -> None:
        self.ui.listMessage.setText(text)
        self.ui.listStack.setCurrentWidget(self.ui.listMessage)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        complaint_id = self.model.id_at(current.row()) if current.isValid() else None
        if complaint_id and complaint_id != self.ui.detailPane.complaint_id:
            self._load_detail(complaint_id)

    def _load_detail(self, complaint_id: str) -> None:
        self._detail_generation += 1
        if self._service is None:  # the first screen: the store loads it once open
            self._detail_wanted = complaint_id
            return
        self._detail_wanted = None
        self._tasks.run(partial(load_complaint, self._service, complaint_id),
                        partial(self._detail_arrived, self._detail_generation, complaint_id))

    def _detail_arrived(self, generation: int, complaint_id: str,
                        snapshot: dict[str, Any] | None) -> None:
        if generation != self._detail_generation:
            return  # the officer has moved on to another row
        if snapshot is None:
            self.ui.detailPane.show_empty(self.tr("This complaint is no longer in the local "
                                                  "database."))
            return
        self.ui.detailPane.show_complaint(snapshot, self.model.cached_row(complaint_id))

    def _refresh_counts(self) -> None:
        source = self._service or self._reader
        if source is None or self.model.queue_filter is None:
            return
        self._counts_generation += 1
        self._tasks.run(partial(source.view_counts, self.model.queue_filter),
                        partial(self._counts_arrived, self._counts_generation))

    def _counts_arrived(self, generation: int, counts: dict[str, int]) -> None:
        if generation == self._counts_generation:
            self.view_model.set_counts(counts)

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy_label.hide()

    def _header_menu(self, pos: QPoint) -> None:
        header = self.ui.queueTable.horizontalHeader()
        menu = QMenu(self)
        for column in range(len(COLUMNS)):
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            # The title is what identifies a row: it cannot be hidden.
            action.setEnabled(column != COL_TITLE)
            action.toggled.connect(partial(self._toggle_column, column))
        menu.addSeparator()
        reset = menu.addAction(self.tr("Reset column widths"))
        reset.setEnabled(bool(self.columns.user_widths))
        reset.triggered.connect(self.columns.reset)
        menu.popup(header.mapToGlobal(pos))

    def _toggle_column(self, column: int, visible: bool) -> None:
        self.columns.set_hidden(column, not visible)
