"""The audit entries the viewer shows: names of the server's actions, the table model and
the CSV file (Qt-light: the CSV writer needs no widgets)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from core.clock import clock
from desktop.atomic_file import replace_atomically
from desktop.views.labels import EVENT, LabelTable

# The server's audit actions (server/*.py ``audit.record``); ops are "op_<kind>".
ACTION = LabelTable("AuditAction", {
    "login": QT_TRANSLATE_NOOP("AuditAction", "Sign in"),
    "login_failed": QT_TRANSLATE_NOOP("AuditAction", "Failed sign-in"),
    "logout": QT_TRANSLATE_NOOP("AuditAction", "Sign out"),
    "token_refresh": QT_TRANSLATE_NOOP("AuditAction", "Session renewed"),
    "token_refresh_replay": QT_TRANSLATE_NOOP("AuditAction", "Session renewal repeated"),
    "refresh_reuse": QT_TRANSLATE_NOOP("AuditAction", "Old session token reused"),
    "sign_out_user": QT_TRANSLATE_NOOP("AuditAction", "User signed out everywhere"),
    "sign_out_everyone": QT_TRANSLATE_NOOP("AuditAction", "Everyone signed out"),
    "set_password": QT_TRANSLATE_NOOP("AuditAction", "Password set"),
    "create_user": QT_TRANSLATE_NOOP("AuditAction", "User created"),
    "update_user": QT_TRANSLATE_NOOP("AuditAction", "User changed"),
    "activate_user": QT_TRANSLATE_NOOP("AuditAction", "User activated"),
    "deactivate_user": QT_TRANSLATE_NOOP("AuditAction", "User deactivated"),
    "create_agency": QT_TRANSLATE_NOOP("AuditAction", "Agency created"),
    "create_unit": QT_TRANSLATE_NOOP("AuditAction", "Unit created"),
    "agenda_reserve": QT_TRANSLATE_NOOP("AuditAction", "Agenda numbers reserved"),
    "attachment_upload": QT_TRANSLATE_NOOP("AuditAction", "Attachment uploaded"),
    "after_restore": QT_TRANSLATE_NOOP("AuditAction", "Server restored from a backup"),
})
OP_PREFIX = "op_"
CSV_SEPARATOR = ";"  # as the recaps: what Excel in Indonesian locales opens by columns
COL_TIME, COL_USER, COL_AGENCY, COL_ACTION, COL_TARGET, COL_DEVICE, COL_ADDRESS, \
    COL_DETAILS = range(8)


def action_codes() -> list[str]:
    """Every action the filter offers: the server's own, then each complaint action."""
    return list(ACTION) + [OP_PREFIX + kind for kind in EVENT]


def action_text(code: str | None) -> str:
    if code and code.startswith(OP_PREFIX) and code[len(OP_PREFIX):] in EVENT:
        what = EVENT.text(code[len(OP_PREFIX):])
        return QCoreApplication.translate("AuditAction", "Complaint: %1").replace("%1", what)
    return ACTION.text(code)


def local_time(at: str | None) -> str:
    """dd/mm/yyyy HH:MM:SS in the office's zone ("" for no time)."""
    if not at:
        return ""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    if moment.tzinfo is None:
        return at
    return moment.astimezone(clock().zone).strftime("%d/%m/%Y %H:%M:%S")


def target_text(entry: dict[str, Any]) -> str:
    """The complaint's tracking number when the entry names it, else what it concerned."""
    details = entry.get("details") or {}
    number = details.get("tracking_number") if isinstance(details, dict) else None
    if entry.get("target_type") == "complaint" and number:
        return f"#{number}"
    return entry.get("target_id") or ""


def details_text(entry: dict[str, Any]) -> str:
    details = entry.get("details")
    if not details:
        return ""
    return json.dumps(details, ensure_ascii=False, separators=(", ", ": "), sort_keys=True)


def row(entry: dict[str, Any]) -> list[str]:
    return [local_time(entry.get("at")), entry.get("username") or "",
            entry.get("agency") or "", action_text(entry.get("action")), target_text(entry),
            entry.get("device_id") or "", entry.get("address") or "", details_text(entry)]


class AuditModel(QAbstractTableModel):
    """Entries as the server sent them, newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[dict[str, Any]] = []
        self._rows: list[list[str]] = []

    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("User"), self.tr("Agency"), self.tr("Action"),
                self.tr("Complaint / target"), self.tr("Device"), self.tr("Address"),
                self.tr("Details")]

    def set_entries(self, entries: list[dict[str, Any]], *, append: bool = False) -> None:
        self.beginResetModel()
        self.entries = [*self.entries, *entries] if append else list(entries)
        self._rows = [row(e) for e in self.entries]
        self.endResetModel()

    def oldest_id(self) -> int | None:
        return min((int(e["id"]) for e in self.entries if "id" in e), default=None)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else COL_DETAILS + 1

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None

    def csv_rows(self) -> list[list[str]]:
        """Header and rows for the CSV file (with the entry's id and action code)."""
        head = ["ID", *self.headers()[:COL_ACTION + 1],
                QCoreApplication.translate("AuditModel", "Action code"),
                *self.headers()[COL_ACTION + 1:]]
        body = [[str(e.get("id", "")), *r[:COL_ACTION + 1], e.get("action") or "",
                 *r[COL_ACTION + 1:]] for e, r in zip(self.entries, self._rows, strict=True)]
        return [head, *body]


def _cell(value: str) -> str:
    """Text a spreadsheet would run as a formula (a failed sign-in's user name is typed by
    anyone) is kept as text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    """UTF-8 with a BOM (Excel), ``;``-separated; on the DB thread, never the GUI's."""
    buf = io.StringIO()
    out = csv.writer(buf, delimiter=CSV_SEPARATOR, lineterminator="\r\n")
    for values in rows:
        out.writerow([_cell(v) for v in values])
    data = b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")
    return replace_atomically(path, lambda tmp: tmp.write_bytes(data))
