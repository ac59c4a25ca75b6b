"""Table models of the Laporan page: one recap (``desktop.store.reports.RecapRow`` list).

Numbers are written the Indonesian way ("1.234", "87,5 %"); ``SORT_ROLE`` gives the raw
value so a sort proxy orders numbers as numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop import formatting
from desktop.store.reports import RecapRow

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex

# Columns of a wide recap (unit, category, classification, channel): RecapRow attribute.
WIDE_FIELDS = ("label", "total", "closed", "closed_on_time", "closed_late", "on_time_pct",
               "running", "open_overdue", "no_deadline")
NARROW_FIELDS = ("label", "total", "share")


def percent(value: float | None, lang: str) -> str:
    """``87,5 %`` (Indonesian), ``87.5 %`` (English); a dash when there is nothing to share."""
    return "–" if value is None else f"{formatting.number(value, 1, lang=lang)} %"


def wrap_header(text: str, longest: int = 9) -> str:
    """``Lewat batas\nwaktu``: a header longer than ``longest`` characters broken at the
    space nearest its middle."""
    if len(text) <= longest or " " not in text:
        return text
    middle = len(text) / 2
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return f"{text[:cut]}\n{text[cut + 1:]}"


class RecapModel(QAbstractTableModel):
    """``wide``: every count of each row; otherwise the count and its share of all, with a
    bold total row at the end."""

    def __init__(self, headers: Sequence[str], *, wide: bool, lang: str = "id",
                 total_label: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._fields = WIDE_FIELDS if wide else NARROW_FIELDS
        self._wide = wide
        self._lang = lang
        self._total_label = total_label
        self._rows: list[RecapRow] = []
        self._labels: list[str] = []
        self._whole = 0
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: Sequence[RecapRow], whole: int,
                 label: Callable[[RecapRow], str]) -> None:
        """Show ``rows``; ``whole`` is what shares are of; ``label`` names a row."""
        self.beginResetModel()
        self._rows = list(rows)
        self._labels = [label(r) for r in self._rows]
        self._whole = whole
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([], 0, lambda r: r.label)

    def rows(self) -> list[RecapRow]:
        return list(self._rows)

    # -- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid():
            return 0
        extra = 1 if self._rows and not self._wide else 0  # the total row
        return len(self._rows) + extra

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._fields)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._headers[section]
            # Two lines for a number column's long header: the numbers need far less room.
            return wrap_header(text) if section and self._wide else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._headers[section]
        return None

    def headers(self) -> list[str]:
        return list(self._headers)

    def value(self, row: int, column: int) -> Any:
        """The raw value of a cell (a count, a percentage or a name)."""
        field = self._fields[column]
        if row == len(self._rows):  # total row
            return {"label": self._total_label, "total": self._whole,
                    "share": 100.0 if self._whole else None}[field]
        item = self._rows[row]
        if field == "label":
            return self._labels[row]
        if field == "share":
            return 100.0 * item.total / self._whole if self._whole else None
        return getattr(item, field)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        field = self._fields[column]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.value(row, column)
            if field == "label":
                return value
            if field in ("on_time_pct", "share"):
                return percent(value, self._lang)
            return formatting.number(value, lang=self._lang)
        if role == SORT_ROLE:
            value = self.value(row, column)
            if field == "label":
                return str(value).casefold()
            return -1.0 if value is None else float(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and field != "label":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row == len(self._rows):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and field == "label":
            return self.value(row, column)
        return None
