"""The Dasbor's lists: the oldest complaints not completed, and the workload per officer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop import formatting
from desktop.views.labels import STATUS

Index = QModelIndex | QPersistentModelIndex
LATE_COLOUR = QColor("#b3261e")
# Workload columns: officers, unit, open, due soon, past the deadline.
COL_OPEN, COL_SOON, COL_LATE = 2, 3, 4


class _Table(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._lang = lang
        self._rows: list[Any] = []

    def set_items(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def item(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def _number(self, value: int) -> str:
        return formatting.number(value, lang=self._lang)


class OldestModel(_Table):
    """OpenComplaint rows (``desktop.store.dashboard``); ages counted to ``today()``."""

    def __init__(self, headers: Sequence[str], lang: str, today: Callable[[], date],
                 parent: QObject | None = None) -> None:
        super().__init__(headers, lang, parent)
        self._today = today

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item.number
            if column == 1:
                return item.title
            if column == 2:
                return formatting.date_short(item.received, self._lang)
            if column == 3:
                return self._number((self._today() - item.received).days)
            if column == 4:
                return STATUS.text(item.status)
            return item.unit_names
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return item.title
        return None


class WorkloadModel(_Table):
    """Workload rows (``desktop.store.dashboard``); the row awaiting verification is named
    ``verify_label``, officers missing from the directory ``nobody``."""

    def __init__(self, headers: Sequence[str], lang: str, verify_label: str, nobody: str,
                 parent: QObject | None = None) -> None:
        super().__init__(headers, lang, parent)
        self._verify_label = verify_label
        self._nobody = nobody

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return ", ".join(item.officers) or self._nobody
            if column == 1:
                return item.unit_name if item.unit_code else self._verify_label
            return self._number((item.open, item.due_soon, item.overdue)[column - COL_OPEN])
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= COL_OPEN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_LATE and item.overdue:
            return LATE_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return ", ".join(item.officers) or self._nobody
        return None
