"""The audit viewer window: who did what, when, from which device, as the server recorded it.

Filters (user, action, period, complaint) go to ``GET /audit`` on the network pool; a
complaint typed as its tracking or provisional number is looked up in the local store first
(through the DB thread). 500 entries at a time, newest first; "Muat yang lebih lama" asks
for the next 500. "Ekspor CSV…" writes what is shown (on the DB thread).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.clock import clock
from desktop.views import date_input
from desktop.views.audit_viewer import model as m

PAGE = 500
DEFAULT_DAYS = 30
_UUID = re.compile(r"[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")


class ComplaintNotFound(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def resolve_complaint(service: Any, text: str) -> str:  # DB thread
    """The complaint id for what the officer typed: an id, a tracking number (#123) or a
    provisional number known to this desk."""
    text = text.strip().lstrip("#").strip()
    if _UUID.fullmatch(text):
        return text.lower()
    with service.reading() as conn:
        found = conn.exec_driver_sql(
            "SELECT id FROM complaints WHERE CAST(tracking_number AS TEXT) = ? "
            "OR provisional_number = ? LIMIT 1", (text, text)).fetchone()
    if found is None:
        raise ComplaintNotFound("")
    return str(found[0])


def fetch(controller: Any, service: Any, complaint: str, filters: dict[str, Any]
          ) -> list[dict[str, Any]]:  # network thread; DB steps through the bridge
    from desktop.sync.errors import NotSignedIn

    account = controller.account
    if account is None or service is None:
        raise NotSignedIn()
    if complaint:
        filters = {**filters, "complaint_id": controller.bridge(
            partial(resolve_complaint, service, complaint))}
    client = controller.bridge(account.client)
    try:
        return client.audit(**filters)
    finally:
        client.close()


class AuditDialog(QDialog):
    def __init__(self, controller: Any, service: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Audit trail"))
        self.controller, self.service = controller, service
        self._generation = 0
        self.model = m.AuditModel(self)
        self._build()
        self.resize(1100, 600)

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.user = QLineEdit(self)
        self.user.setPlaceholderText(self.tr("user name, e.g. dinkes.loket"))
        self.action = QComboBox(self)
        self.action.addItem(self.tr("All actions"), "")
        for code in m.action_codes():
            self.action.addItem(m.action_text(code), code)
        today = clock().today()
        self.date_from = self._date(today - timedelta(days=DEFAULT_DAYS))
        self.date_to = self._date(today)
        self.complaint = QLineEdit(self)
        self.complaint.setPlaceholderText(self.tr("tracking number or id"))
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(lambda: self.reload())
        form = QFormLayout()
        period = QHBoxLayout()
        period.addWidget(self.date_from)
        period.addWidget(QLabel(self.tr("to"), self))
        period.addWidget(self.date_to)
        period.addStretch(1)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Action"), self.action)
        form.addRow(self.tr("Period"), period)
        form.addRow(self.tr("Complaint"), self.complaint)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrow keys move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(self)
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        self.more_button = QPushButton(self.tr("Load older entries"), self)
        self.more_button.setEnabled(False)
        self.more_button.clicked.connect(lambda: self.reload(more=True))
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._ask_file)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.more_button, self.export_button, close):
            buttons.addWidget(button)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _date(self, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day), self)
        edit.setDisplayFormat(date_input.DISPLAY)
        edit.setCalendarPopup(True)
        date_input.install(edit).feedback.connect(self._date_feedback)
        return edit

    def _date_feedback(self, message: str) -> None:
        if message:  # a typed date the field refused: said where the results are told
            self.status.setText(message)

    # -- fetching -------------------------------------------------------------------------
    def filters(self) -> dict[str, Any]:
        first, last = self.date_from.date(), self.date_to.date()
        return {"limit": PAGE, "username": self.user.text().strip() or None,
                "action": self.action.currentData() or None,
                "date_from": first.toString("yyyy-MM-dd"),
                "date_to": last.toString("yyyy-MM-dd")}

    def reload(self, *, more: bool = False) -> None:
        filters = self.filters()
        if more:
            filters["before"] = self.model.oldest_id()
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Loading…"))
        self.show_button.setEnabled(False)
        self.more_button.setEnabled(False)
        job = partial(fetch, self.controller, self.service, self.complaint.text().strip(),
                      filters)
        self.controller.tasks.run_network(job, partial(self._loaded, generation, more),
                                          partial(self._failed, generation))

    def _loaded(self, generation: int, more: bool, entries: list[dict[str, Any]]) -> None:
        if generation != self._generation:
            return
        self.model.set_entries(entries, append=more)
        self.show_button.setEnabled(True)
        self.more_button.setEnabled(len(entries) == PAGE)
        self.export_button.setEnabled(bool(self.model.entries))
        count = len(self.model.entries)
        self.status.setText(self.tr("%1 entries.").replace("%1", str(count)) if count
                            else self.tr("No entries match these filters."))
        if count:
            self.table.resizeColumnsToContents()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        from desktop.sync.errors import ApiError, NotSignedIn

        self.show_button.setEnabled(True)
        if isinstance(exc, ComplaintNotFound):
            text = self.tr("No complaint with that number on this desk.")
        elif isinstance(exc, NotSignedIn):
            text = self.tr("Sign in to the server first.")
        elif isinstance(exc, ApiError) and getattr(exc, "status", None) == 403:
            text = self.tr("Only agency and central admins may see the audit trail.")
        else:
            text = getattr(exc, "message", None) or type(exc).__name__
        self.status.setText(text)

    # -- export ---------------------------------------------------------------------------
    def _ask_file(self) -> None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        name = f"jejak-audit_{clock().today().isoformat()}.csv"
        dialog = QFileDialog(self, self.tr("Export the audit trail"), str(Path(folder) / name),
                             self.tr("CSV file (*.csv)"))
        dialog.setObjectName("auditExportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def export_to(self, path: Path) -> None:
        rows = self.model.csv_rows()
        self.controller.tasks.run(partial(m.write_csv, path, rows), self._exported,
                                  self._export_failed)

    def _exported(self, path: Path) -> None:
        self.status.setText(self.tr("Saved to %1.").replace("%1", str(path)))

    def _export_failed(self, exc: BaseException) -> None:
        detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        self.status.setText(self.tr("The file could not be saved: %1").replace("%1", detail))
