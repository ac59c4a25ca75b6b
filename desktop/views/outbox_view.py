"""Kotak Keluar: the officer's actions still waiting to reach the server, and the rejected.

Each row: when, which complaint, what action, its state (waiting, being sent, rejected),
attempts (blank while never sent) and the last error or the server's reason; an action a
failed round never got to send says so, with the round's error. The list also re-reads
after a failed round. "Kirim ulang" sends again (a rejected
op goes back to waiting, unchanged); "Buang" removes ops after a confirmation and is
audited. The list re-reads after every sync and every local action and keeps the
selection and the scroll position.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import op_time
from desktop.views import labels

COL_TIME, COL_COMPLAINT, COL_KIND, COL_STATE, COL_ATTEMPTS, COL_NOTE = range(6)
OP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
REJECTED = QColor("#b3261e")


def complaint_label(item: dict[str, Any]) -> str:
    number = item.get("tracking_number")
    ident = f"#{number}" if number else (item.get("provisional_number") or "")
    title = item.get("title") or ""
    return f"{ident} {title}".strip()


class OutboxModel(QAbstractTableModel):
    def __init__(self, lang: str = "id", parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.items: list[dict[str, Any]] = []
        # Why the last round failed (the sync status), for ops it never got to send.
        self.round_error: str | None = None

    def set_round_error(self, error: str | None) -> None:
        if error != self.round_error:
            self.round_error = error
            if self.items:
                self.dataChanged.emit(self.index(0, COL_NOTE),
                                      self.index(len(self.items) - 1, COL_NOTE))

    def note_text(self, op: Any) -> str:
        """The server's reason or the push's error; for an action not sent yet, that it
        was not and (after a failed round) why."""
        if op.last_error:
            return op.last_error.replace("\n", " ")
        if op.state != "pending":
            return ""
        if self.round_error:
            return self.tr("Not sent yet: %1").replace("%1", self.round_error)
        return self.tr("Not sent yet") if not op.attempts else ""

    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("Complaint"), self.tr("Action"), self.tr("State"),
                self.tr("Attempts"), self.tr("Reason / last error")]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def state_text(self, state: str) -> str:
        return {"pending": self.tr("Waiting"), "sending": self.tr("Sending"),
                "rejected": self.tr("Rejected")}.get(state, state)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        op = item["op"]
        col = index.column()
        if role == OP_ID_ROLE:
            return op.op_id
        if role == Qt.ItemDataRole.ForegroundRole and op.state == "rejected":
            return QBrush(REJECTED)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_NOTE:
            return self.note_text(op)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_ATTEMPTS and not op.attempts:
            return self.tr("Not sent yet")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == COL_TIME:
            return op_time(op, self.lang)
        if col == COL_COMPLAINT:
            return complaint_label(item)
        if col == COL_KIND:
            return labels.EVENT.text(op.kind)
        if col == COL_STATE:
            return self.state_text(op.state)
        if col == COL_ATTEMPTS:
            return str(op.attempts) if op.attempts else ""  # never tried: no "0"
        return self.note_text(op)

    def set_items(self, items: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def op_ids(self, rows: list[int]) -> list[str]:
        return [self.items[r]["op"].op_id for r in rows if 0 <= r < len(self.items)]

    def row_of(self, op_id: str) -> int | None:
        for row, item in enumerate(self.items):
            if item["op"].op_id == op_id:
                return row
        return None


class OutboxView(QWidget):
    """The Kotak Keluar page. ``controller`` is the SyncController."""

    def __init__(self, controller: Any, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.lang = lang
        self.model = OutboxModel(lang, self)
        self._generation = 0

        heading = QLabel(self.tr("Outbox"), self)
        heading.setObjectName("outboxHeading")
        heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("outboxTable")
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrow keys move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        # Short columns show whole; the complaint gets room for its title; the reason or
        # error takes the rest (its full text is in the tooltip).
        header = self.table.horizontalHeader()
        for column in (COL_TIME, COL_KIND, COL_STATE, COL_ATTEMPTS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_COMPLAINT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_COMPLAINT, 420)

        self.resend_button = QPushButton(self.tr("Send again"), self)
        self.resend_button.setObjectName("resendButton")
        self.resend_button.setToolTip(self.tr(
            "Send the selected actions again: a rejected action goes back to the queue "
            "unchanged"))
        self.discard_button = QPushButton(self.tr("Discard…"), self)
        self.discard_button.setObjectName("discardButton")
        self.discard_button.setToolTip(self.tr(
            "Remove the selected actions from this desk; they are never sent (recorded in "
            "the audit log)"))
        self.sync_button = QPushButton(self.tr("Sync now"), self)
        self.sync_button.clicked.connect(controller.sync_now)
        self.resend_button.clicked.connect(self.resend_selected)
        self.discard_button.clicked.connect(self.discard_selected)

        buttons = QHBoxLayout()
        buttons.addWidget(self.resend_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sync_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        controller.outbox_changed.connect(self.reload)
        controller.synced.connect(self._synced)
        # A failed round changed attempts and errors too: read them again.
        controller.failed.connect(self._round_failed)
        controller.status_changed.connect(self._status_changed)
        self._update_buttons()

    def _synced(self, _report: Any) -> None:
        self.reload()

    def _round_failed(self, _exc: Any) -> None:
        self.reload()

    def _status_changed(self, status: Any) -> None:
        self.model.set_round_error(None if status.syncing else status.last_error)

    # -- data -------------------------------------------------------------------------------
    def reload(self) -> None:
        if self.controller.service is None:
            return
        self._generation += 1
        service = self.controller.service
        self.controller.db(partial(_listing, service),
                           partial(self._arrived, self._generation))

    def _arrived(self, generation: int, items: list[dict[str, Any]]) -> None:
        if generation != self._generation:
            return
        selected = set(self.selected_op_ids())
        current = self.table.currentIndex()
        current_id = self.model.op_ids([current.row()])[0] if current.isValid() else None
        scroll = self.table.verticalScrollBar().value()
        self.model.set_items(items)
        selection = self.table.selectionModel()
        for row, item in enumerate(items):
            if item["op"].op_id in selected:
                selection.select(self.model.index(row, 0),
                                 selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        if current_id is not None:
            row = self.model.row_of(current_id)
            if row is not None:
                selection.setCurrentIndex(self.model.index(row, 0),
                                          selection.SelectionFlag.NoUpdate)
        self.table.verticalScrollBar().setValue(scroll)
        waiting = sum(1 for i in items if i["op"].state != "rejected")
        rejected = len(items) - waiting
        if not items:
            self.summary.setText(self.tr("Every action on this desk has reached the server."))
        else:
            self.summary.setText(
                self.tr("%1 waiting to be sent, %2 rejected by the server.")
                .replace("%1", str(waiting)).replace("%2", str(rejected)))
        self._update_buttons()

    # -- actions ----------------------------------------------------------------------------
    def selected_op_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return self.model.op_ids(rows)

    def _selected_items(self) -> list[dict[str, Any]]:
        ids = set(self.selected_op_ids())
        return [i for i in self.model.items if i["op"].op_id in ids]

    def _update_buttons(self) -> None:
        items = self._selected_items()
        self.resend_button.setEnabled(bool(items))
        self.discard_button.setEnabled(any(i["op"].state != "sending" for i in items))

    def resend_selected(self) -> None:
        items = self._selected_items()
        rejected = [i["op"].op_id for i in items if i["op"].state == "rejected"]
        if rejected:
            from desktop.sync.resolve import requeue

            self.controller.decide(partial(requeue, self.controller.service, rejected),
                                   self._requeued)
        else:
            self.controller.sync_now()

    def _requeued(self, _count: int) -> None:
        self.controller.sync_now()

    def discard_selected(self, *, confirm: bool = True) -> None:
        items = [i for i in self._selected_items() if i["op"].state != "sending"]
        if not items:
            return
        if confirm and not self.confirm_discard(items):
            return
        from desktop.sync.resolve import discard

        ids = [i["op"].op_id for i in items]
        by = self.controller.status.user
        self.controller.decide(partial(discard, self.controller.service, ids, by))

    def confirm_discard(self, items: list[dict[str, Any]]) -> bool:
        lines = [f"• {labels.EVENT.text(i['op'].kind)} — {complaint_label(i)}"
                 for i in items[:8]]
        if len(items) > 8:
            lines.append(self.tr("… and %1 more").replace("%1", str(len(items) - 8)))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Discard actions"),
                          self.tr("Discard %1 action(s)? They will never reach the server; "
                                  "the complaint shows the server's state again. This is "
                                  "recorded in the audit log.").replace("%1", str(len(items)))
                          + "\n\n" + "\n".join(lines), parent=self)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is discard


def _listing(service: Any) -> list[dict[str, Any]]:  # DB thread
    from desktop.sync.local import SyncLocal

    return SyncLocal(service).listing()
