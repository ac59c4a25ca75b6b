"""The officer's workflow wired into the main window.

``install(window)`` adds, without the window knowing the details:

- the richer complaint detail (``ComplaintDetail``) in place of the basic detail pane;
- the menus "Pengaduan" (every action, disabled with the reason when not allowed),
  "Navigasi" (next / previous complaint, find, refresh) and "Pengaturan";
- the filter panel and saved views under the queue's views list;
- a multi-row selection in the queue for "Disposisi terpilih";
- a notice after each sync for complaints newly disposed to the officer's unit and for
  ones that became due soon.

The window calls ``attach_service(service)`` once the store is open, and the sync GUI
calls ``after_sync()`` after each round. Every store call goes through desktop.tasks.
"""

from __future__ import annotations

import dataclasses
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QMenu, QSystemTrayIcon

from core import Actor, OpKind
from desktop.tasks import Tasks
from desktop.views.actions.base import ActionDialog
from desktop.views.actions.controller import ActionController
from desktop.views.actions.jobs import run
from desktop.views.detail.complaint_detail import ComplaintDetail, load_thumbnail
from desktop.views.filters_panel import FILTER_KEYS, FiltersPanel, load_choices

NOTICE_MS = 10_000
NOTICE_TITLES = 3  # titles named in a notice before "and N more"


def _names(store: Any) -> dict[str, dict[str, str]]:  # DB thread
    return {"categories": {c["id"]: c["name"] for c in store.categories()},
            "units": {f"{u['agency_code']}/{u['code']}": u["name"] for u in store.units()},
            "agencies": {a["code"]: a["name"] for a in store.agencies()}}


class WorkflowIntegration(QObject):
    def __init__(self, window: Any, tasks: Tasks | None = None,
                 print_action: QAction | None = None) -> None:
        super().__init__(window)
        # No Python reference to the window is kept (parent() instead): a Python-level
        # window <-> integration cycle would be left to the cyclic GC.
        self.tasks: Tasks = tasks or window.tasks
        self.workflow: Any = None  # a WorkflowService once the store is open
        self.actor: Actor | None = None
        self._related_for: str | None = None
        self.last_notice: str | None = None
        self.tray: QSystemTrayIcon | None = None
        self._sync_wired = False
        ui = window.ui

        self.controller = ActionController(self.tasks, window)
        self.controller.print_action = print_action
        self.controller.actor_loaded.connect(self._actor_loaded)
        self.controller.selection = self.selected_ids
        self.controller.next_complaint = self.move

        # The richer detail takes the basic pane's place (same interface for the window).
        old = ui.detailPane
        self.detail = ComplaintDetail()  # no parent yet: replaceWidget adopts it
        self.detail.lang = getattr(old, "lang", "id")
        ui.queueSplitter.replaceWidget(ui.queueSplitter.indexOf(old), self.detail)
        old.hide()
        old.deleteLater()
        ui.detailPane = self.detail
        self.more_menu = QMenu(self.detail)
        self.more_menu.setToolTipsVisible(True)
        for kind, action in self.controller.actions.items():
            if kind in (OpKind.mark_duplicate, OpKind.privacy_flags, OpKind.note):
                self.more_menu.addAction(action)
        self.more_menu.addSeparator()
        for action in self.controller.actions.values():
            if action not in self.more_menu.actions():
                self.more_menu.addAction(action)
        if print_action is not None:  # Cetak Disposisi of the open complaint, next to its actions
            self.more_menu.addSeparator()
            self.more_menu.addAction(print_action)
        self.detail.set_actions(self.controller.actions, self.more_menu)
        self.detail.snapshot_shown.connect(self.controller.set_snapshot)
        letters = getattr(window, "letters", None)
        if letters is not None:  # Ctrl+P prints the open complaint, selected or not
            self.detail.snapshot_shown.connect(letters.complaint_shown)
        self.detail.related_wanted.connect(self._load_related)
        self.detail.thumbnail_wanted.connect(self._load_thumbnail)
        self.detail.file_wanted.connect(self._open_attachment)
        self.detail.open_requested.connect(self.open_complaint)
        self.detail.duplicate_requested.connect(
            lambda cid: self.controller.open_action(OpKind.mark_duplicate, preselect=cid))

        self.menus = self.controller.build_menus(
            window.menuBar(), extra_go=[ui.actionFind, ui.actionRefresh])

        self.filters = FiltersPanel(ui.filterPanel)
        ui.filterLayout.addWidget(self.filters)
        self.filters.filter_changed.connect(self._filter_changed)
        self.filters.save_view_requested.connect(self._save_view)
        self.filters.saved_view_chosen.connect(self._apply_saved_view)
        self.filters.delete_view_requested.connect(self._delete_view)

        table = ui.queueTable
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.selectionModel().selectionChanged.connect(
            lambda *_: self.controller.update_selection())
        if table.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.addAction(self.controller.bulk_dispose_action)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """The window is closing: an open dialog's last keystrokes go into its draft now,
        while the database thread still takes work."""
        if event.type() == QEvent.Type.Close and isinstance(self.controller.dialog,
                                                            ActionDialog):
            self.controller.dialog.flush_draft()
        return False

    @property
    def window(self) -> Any:
        return self.parent()

    # --- the store is open ----------------------------------------------------------------
    def attach_service(self, service: Any) -> None:
        from desktop.workflow.service import WorkflowService  # the store is loaded by now

        self.workflow = WorkflowService(service)
        self.detail.deadlines.policy = service.policy
        self.detail.deadlines.calendar = service.calendar
        self.controller.set_workflow(self.workflow)
        sync = getattr(self.window, "sync", None)  # installed after us by the window
        if sync is not None and not self._sync_wired:
            sync.controller.synced.connect(self.after_sync)
            self._sync_wired = True
        run(self.tasks, self, partial(_names, service), self._names_loaded)
        run(self.tasks, self, partial(load_choices, service), self.filters.set_choices)
        self.reload_saved_views()

    def _names_loaded(self, names: dict[str, dict[str, str]]) -> None:
        self.detail.names = names
        self.detail.redraw()

    def _actor_loaded(self, actor: Actor) -> None:
        self.actor = actor
        self.detail.set_actor(actor)

    # --- queue selection and navigation ------------------------------------------------------
    def selected_ids(self) -> list[str]:
        window = self.window
        rows = sorted(i.row() for i in window.ui.queueTable.selectionModel().selectedRows())
        return [cid for cid in (window.model.id_at(r) for r in rows) if cid]

    def move(self, delta: int) -> None:
        """Open the next (``delta`` 1) or previous (-1) complaint of the queue."""
        table, model = self.window.ui.queueTable, self.window.model
        if not model.rowCount():
            return
        current = table.currentIndex().row()
        if current < 0 and self.detail.complaint_id:
            current = model.row_of(self.detail.complaint_id) or 0
        self._select_row(min(model.rowCount() - 1, max(0, current + delta)))

    def _select_row(self, row: int) -> None:
        table, model = self.window.ui.queueTable, self.window.model
        index = model.index(row, 0)
        table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        table.scrollTo(index)

    def open_complaint(self, complaint_id: str) -> None:
        """Show ``complaint_id``: its queue row when the queue holds it, else just the detail."""
        row = self.window.model.row_of(complaint_id)
        if row is not None:
            self._select_row(row)
            return
        from desktop.views.detail_pane import load_complaint

        run(self.tasks, self, partial(load_complaint, self.window.service, complaint_id),
                       lambda snap: self.detail.show_complaint(snap) if snap else None)

    # --- detail extras --------------------------------------------------------------------
    def _load_related(self, snapshot: dict[str, Any]) -> None:
        if self.workflow is None or self.actor is None or not snapshot:
            return
        self._related_for = snapshot["id"]
        run(self.tasks, self, partial(self.workflow.related_to, snapshot["id"], self.actor),
                       partial(self._related_loaded, snapshot["id"]))

    def _related_loaded(self, complaint_id: str, related: list[Any]) -> None:
        if complaint_id == self.detail.complaint_id == self._related_for:
            self.detail.show_related(related)

    def _load_thumbnail(self, sha256: str, path: str) -> None:
        service = self.window.service
        read = service.files.read_file if service is not None else None
        run(self.tasks, self, partial(load_thumbnail, path, read=read),
                       partial(self.detail.set_thumbnail, sha256),
                       lambda _exc: self.detail.set_thumbnail(sha256, None))

    def _open_attachment(self, path: str, filename: str) -> None:
        """The cached file is sealed with the desk key: its program gets a plain copy in a
        private temporary folder (desktop/store/sealed.py ``viewable_copy``)."""
        service = self.window.service
        if service is None:
            return
        from desktop.store.sealed import viewable_copy

        def failed(exc: BaseException) -> None:
            self.window.statusBar().showMessage(
                self.tr("The attachment cannot be opened: %1").replace("%1", str(exc)),
                NOTICE_MS)

        run(self.tasks, self, partial(viewable_copy, service.files, Path(path), filename),
            ComplaintDetail.open_file, failed)

    # --- filters and saved views ------------------------------------------------------------
    def _filter_changed(self, values: dict[str, Any]) -> None:
        model = self.window.model
        if model.queue_filter is None:
            return
        self.window.set_queue_filter(dataclasses.replace(model.queue_filter, **values))

    def reload_saved_views(self) -> None:
        service = self.window.service
        if service is not None:
            run(self.tasks, self, service.saved_views, self.filters.set_saved_views)

    def _current_sort(self) -> tuple[str, bool]:
        from desktop.views.queue_model import COLUMNS

        header = self.window.ui.queueTable.horizontalHeader()
        return (COLUMNS[header.sortIndicatorSection()][0],
                header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)

    def _save_view(self, name: str) -> None:
        service, flt = self.window.service, self.window.model.queue_filter
        if service is None or flt is None:
            return
        sort, descending = self._current_sort()
        run(self.tasks, self, partial(service.save_view, name, flt, sort, descending),
                       lambda _id: self.reload_saved_views())

    def _delete_view(self, view_id: int) -> None:
        service = self.window.service
        if service is not None:
            run(self.tasks, self, partial(service.delete_view, view_id),
                           lambda _r: self.reload_saved_views())

    def _apply_saved_view(self, view: dict[str, Any]) -> None:
        self.show_queue(view["filter"], view.get("sort"), bool(view.get("descending")))

    def show_queue(self, flt: Any, sort: str | None = None, descending: bool = True,
                   select: str | None = None) -> None:
        """The queue filtered by ``flt`` (a QueueFilter: view, search and the panel's
        filters, all shown as set), sorted by ``sort`` if given; ``select``: a complaint
        to open once the filtered list is in place (the Dasbor's drill-downs)."""
        from desktop.views.queue_model import COLUMNS

        window = self.window
        self.filters.set_values({k: getattr(flt, k) for k in FILTER_KEYS})
        window.ui.searchEdit.blockSignals(True)
        window.ui.searchEdit.setText(flt.search or "")
        window.ui.searchEdit.blockSignals(False)
        keys = [key for key, _title in COLUMNS]
        if sort in keys:
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            window.ui.queueTable.horizontalHeader().setSortIndicator(keys.index(sort), order)
        if select:
            model = window.model

            def queried(_count: int) -> None:
                model.queried.disconnect(queried)
                self.open_complaint(select)

            model.queried.connect(queried)
        window.ui.actionQueue.trigger()
        window.select_view(flt.view)
        window.set_queue_filter(flt)

    # --- notices after a sync ---------------------------------------------------------------
    def after_sync(self, report: Any = None) -> None:
        """Tell the officer about newly disposed and newly due complaints (each once).
        Who acts is read again first: the round may have followed a sign-in. Agency, unit
        and category names are read again when the round brought reference data (a new
        desk gets them with its first sync: codes until then)."""
        if self.workflow is None:
            return
        if report is None or getattr(report, "reference", 0) or getattr(report, "reset", False):
            run(self.tasks, self, partial(_names, self.workflow.store), self._names_loaded)
        run(self.tasks, self, self.workflow.actor, self._actor_for_notices)

    def _actor_for_notices(self, result: tuple[Actor, bool]) -> None:
        self.controller.set_actor(result)
        if self.workflow is not None:
            run(self.tasks, self, partial(self.workflow.notices, result[0]),
                self._notices_loaded)

    def _notices_loaded(self, notices: Any) -> None:
        if not notices:
            return
        parts = []
        if notices.disposed:
            parts.append(self._notice_line(
                self.tr("%1 complaints newly disposed to your unit"), notices.disposed))
        if notices.due_soon:
            parts.append(self._notice_line(
                self.tr("%1 complaints due within a working day"), notices.due_soon))
        text = "\n".join(parts)
        self.last_notice = text
        title = self.tr("LAPOR! Desk: new work")
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                self.tray = QSystemTrayIcon(self.window.windowIcon(), self)
                self.tray.messageClicked.connect(self.window.activateWindow)
            self.tray.show()
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information,
                                  NOTICE_MS)
        self.window.statusBar().showMessage(text.replace("\n", " · "), NOTICE_MS)

    def _notice_line(self, template: str, rows: Any) -> str:
        names = ", ".join(f"{r.number} {r.title}" for r in rows[:NOTICE_TITLES])
        more = len(rows) - NOTICE_TITLES
        if more > 0:
            names += " " + self.tr("and %1 more").replace("%1", str(more))
        return template.replace("%1", str(len(rows))) + ": " + names
