"""Disposisi Masuk / Disposisi Keluar (issue 17): the dispositions addressed to the officer
(unread first, "Belum dibaca" only on request) and those he sent, with their read state.
Opening an incoming one records it as read (a chain_read op in the outbox, offline too);
an unread outgoing one may be withdrawn. Lists load on the DB thread (desktop.tasks)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import Actor
from desktop import formatting
from desktop.views.detail.chain_tree import state_text

INBOX, OUTBOX = "masuk", "keluar"


def _who(service: Any, actor: Actor | None) -> Actor:
    from desktop.workflow.actor import current_actor

    return actor if actor is not None else current_actor(service)[0]


def _load(service: Any, actor: Actor | None, box: str, unread_only: bool) -> list[Any]:
    from desktop.workflow import chain  # store-backed: imported on the worker, not at start

    return chain.listing(service, _who(service, actor), box, unread_only=unread_only)


def _act(service: Any, actor: Actor | None, complaint_id: str, kind: str,
         entry_id: str) -> Any:
    from desktop.workflow import chain

    return chain.act(service, complaint_id, kind, {"entry_id": entry_id},
                     _who(service, actor))


def _dispose_context(service: Any, actor: Actor | None, complaint_id: str) -> tuple:
    """(chart of the complaint's agency, positions the officer holds today) on the DB
    thread."""
    from desktop.workflow import chain

    who = _who(service, actor)
    snapshot = service.complaint(complaint_id) or {}
    chart = chain.org_chart(service, snapshot.get("agency_code") or who.agency or "")
    return chart, chart.positions_of(who.username, service.today())


def holds_position(service: Any, complaint_id: str) -> bool:
    """Whether the signed-in officer holds (or acts in) a position of the complaint's
    agency today (DB thread)."""
    return bool(_dispose_context(service, None, complaint_id)[1])


def _start_context(service: Any, actor: Actor | None, complaint_id: str) -> tuple:
    """For a chain started from the complaint itself: the chart, the officer's positions
    and the open disposition he received for it (the new one continues it), if any."""
    from core import chain as dc

    chart, mine = _dispose_context(service, actor, complaint_id)
    me = _who(service, actor).username
    received = [e for e in dc.entries(service.complaint(complaint_id))
                if me in (e.get("to_users") or ()) and e.get("state") in dc.ACTIVE_STATES
                and not e.get("tembusan") and e.get("to_position") in chart.positions]
    return chart, mine, (received[-1] if received else None)


def _dispose(service: Any, actor: Actor | None, complaint_id: str,
             payload: dict[str, Any]) -> Any:
    from desktop.workflow import chain

    return chain.act(service, complaint_id, "chain_dispose", payload, _who(service, actor))


class DispositionsPage(QWidget):
    open_requested = Signal(str)  # complaint id
    changed = Signal()  # an op was recorded (the outbox grew)

    def __init__(self, tasks: Any, service: Any = None, actor: Actor | None = None,
                 parent: QWidget | None = None, lang: str = "id") -> None:
        super().__init__(parent)
        self.setObjectName("dispositionsPage")
        self._tasks, self._service, self.actor, self.lang = tasks, service, actor, lang
        self.items: dict[str, list[Any]] = {INBOX: [], OUTBOX: []}
        # The complaint shown in the detail pane (the window sets it): a new chain starts there.
        self.current_complaint: Callable[[], str | None] = lambda: None
        self.dialog: Any = None
        self.message: QMessageBox | None = None
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self.tables: dict[str, QTableWidget] = {}
        inbox = QWidget(self.tabs)
        box = QVBoxLayout(inbox)
        self.unread_only = QCheckBox(self.tr("Unread only"), inbox)
        self.unread_only.setObjectName("unreadOnly")
        self.unread_only.toggled.connect(lambda _on: self.reload())
        box.addWidget(self.unread_only)
        box.addWidget(self._table(INBOX, inbox))
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open and mark read"), inbox)
        self.open_button.setObjectName("openButton")
        self.open_button.clicked.connect(self._open_incoming)
        buttons.addWidget(self.open_button)
        self.further_button = QPushButton(self.tr("&Dispose further…"), inbox)
        self.further_button.setObjectName("furtherButton")
        self.further_button.clicked.connect(self._dispose_further)
        buttons.addWidget(self.further_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.tabs.addTab(inbox, self.tr("Incoming Dispositions"))
        outbox = QWidget(self.tabs)
        box = QVBoxLayout(outbox)
        box.addWidget(self._table(OUTBOX, outbox))
        buttons = QHBoxLayout()
        self.withdraw_button = QPushButton(self.tr("&Withdraw (while unread)"), outbox)
        self.withdraw_button.setObjectName("withdrawButton")
        self.withdraw_button.clicked.connect(self._withdraw)
        buttons.addWidget(self.withdraw_button)
        self.new_button = QPushButton(self.tr("&New disposition for the open complaint…"),
                                      outbox)
        self.new_button.setObjectName("newButton")
        self.new_button.clicked.connect(self._dispose_new)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.tabs.addTab(outbox, self.tr("Outgoing Dispositions"))

    def _table(self, box: str, parent: QWidget) -> QTableWidget:
        table = QTableWidget(0, 6, parent)
        table.setObjectName(f"{box}Table")
        who = self.tr("From") if box == INBOX else self.tr("To")
        table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Complaint"), who,
                                         self.tr("Sent"), self.tr("Deadline"),
                                         self.tr("State")])
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        if box == INBOX:
            table.doubleClicked.connect(lambda _index: self._open_incoming())
        self.tables[box] = table
        return table

    def set_actor(self, actor: Actor | None) -> None:
        """A fixed officer (None: whoever is signed in on the desk, read on the DB thread)."""
        self.actor = actor
        self.reload()

    def attach_service(self, service: Any) -> None:
        self._service = service
        self.reload()

    def refresh(self) -> None:
        """The data changed (a sync, an action): reload."""
        self.reload()

    def reload(self) -> None:
        if self._service is None:
            return
        for box in (INBOX, OUTBOX):
            unread = box == INBOX and self.unread_only.isChecked()
            self._tasks.run(partial(_load, self._service, self.actor, box, unread),
                            partial(self._arrived, box))

    def _arrived(self, box: str, items: list[Any]) -> None:
        self.items[box] = items
        table = self.tables[box]
        table.setRowCount(len(items))
        for row, item in enumerate(items):
            e = item.entry
            who = (f"{e.get('from_title')} ({e.get('by_name') or e.get('by')})" if box == INBOX
                   else f"{e.get('to_title')} ({', '.join(e.get('to_users') or ())})")
            cells = [f"#{item.tracking_number}" if item.tracking_number else "—", item.title,
                     who, formatting.datetime_long(e.get("sent_at"), self.lang) or "—",
                     formatting.date_long(e.get("due_date"), self.lang) or "—",
                     state_text(e) + (self.tr(", late") if item.late else "")]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if item.unread:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                cell.setData(Qt.ItemDataRole.UserRole, e.get("id"))
                table.setItem(row, column, cell)

    def _selected(self, box: str) -> Any:
        row = self.tables[box].currentRow()
        items = self.items[box]
        return items[row] if 0 <= row < len(items) else None

    def _open_incoming(self) -> None:
        item = self._selected(INBOX)
        if item is None:
            return
        self.open_requested.emit(item.complaint_id)
        if item.unread:
            self._tasks.run(partial(_act, self._service, self.actor, item.complaint_id,
                                    "chain_read", item.entry["id"]), self._recorded)

    def _withdraw(self) -> None:
        item = self._selected(OUTBOX)
        if item is None or not item.unread:
            return
        self._tasks.run(partial(_act, self._service, self.actor, item.complaint_id,
                                "chain_withdraw", item.entry["id"]), self._recorded)

    def _dispose_further(self) -> None:
        item = self._selected(INBOX)
        if item is not None and item.entry.get("state") in ("sent", "read") and \
                not item.entry.get("tembusan"):
            self._open_dialog(item.complaint_id, item.entry)

    def _dispose_new(self) -> None:
        complaint_id = self.current_complaint()
        if complaint_id:
            self._open_dialog(complaint_id, None)
        else:
            self._tell(self.tr(
                "Open a complaint in the queue first, then start its disposition here."))

    def dispose_for(self, complaint_id: str) -> None:
        """Disposisi ke Jabatan… of ``complaint_id`` (the detail pane's Tindakan lain): from
        the position the officer holds, continuing the disposition he received for it."""
        def ready(found: tuple) -> None:
            chart, mine, entry = found
            self._show_dialog(complaint_id, entry, (chart, mine))

        self._tasks.run(partial(_start_context, self._service, self.actor, complaint_id),
                        ready)

    def _open_dialog(self, complaint_id: str, entry: dict | None) -> None:
        self._tasks.run(partial(_dispose_context, self._service, self.actor, complaint_id),
                        partial(self._show_dialog, complaint_id, entry))

    def _show_dialog(self, complaint_id: str, entry: dict | None, found: tuple) -> None:
        from desktop.views.chain_dispose_dialog import ChainDisposeDialog

        chart, mine = found
        senders = [entry["to_position"]] if entry else mine
        senders = [s for s in senders if s in chart.positions]
        if not senders:
            self._tell(self.tr("You hold no position in this agency's structure today."))
            return
        self.dialog = ChainDisposeDialog(chart, senders, entry, self)
        self.dialog.accepted.connect(partial(self._submit, complaint_id))
        self.dialog.open()

    def _submit(self, complaint_id: str) -> None:
        payload = self.dialog.payload()
        self._tasks.run(partial(_dispose, self._service, self.actor, complaint_id, payload),
                        self._recorded, self._refused)

    def _refused(self, exc: BaseException) -> None:
        message = getattr(exc, "message", None) or str(exc)
        errors = getattr(exc, "errors", None)
        if errors:
            message = "\n".join(errors.values())
        self._tell(message, QMessageBox.Icon.Warning)

    def _tell(self, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> None:
        """A message that does not block the event loop (window-modal, ``open``)."""
        self.message = QMessageBox(icon, self.tr("Dispositions"), text,
                                   QMessageBox.StandardButton.Ok, self)
        self.message.open()

    def _recorded(self, _result: Any) -> None:
        self.changed.emit()
        self.reload()
