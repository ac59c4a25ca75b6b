"""The models of the Dasbor's "Masalah Berulang" section: the groups and one group's
complaints (``desktop.store.recurring``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from desktop import formatting
from desktop.views.dashboard.tables import Index, _Table
from desktop.views.labels import STATUS

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class GroupModel(_Table):
    """Columns: place, category, complaints, still open, latest received."""

    def __init__(self, headers: Sequence[str], lang: str, parent: QObject | None = None) -> None:
        super().__init__(headers, lang, parent)
        self._places: Mapping[str, str] = {}
        self._categories: Mapping[str, str] = {}

    def set_items(self, rows: Sequence[Any], places: Mapping[str, str] | None = None,
                  categories: Mapping[str, str] | None = None) -> None:
        self._places, self._categories = places or {}, categories or {}
        super().set_items(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return self._places.get(group.place_code, group.place_code)
            if column == 1:
                return self._categories.get(group.category_id or "", group.category_id or "")
            if column == 2:
                return self._number(group.size)
            if column == 3:
                return self._number(group.open_count)
            return formatting.date_short(group.latest, self._lang)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return RIGHT
        return None


class MemberModel(_Table):
    """One group's complaints, newest first: number, received, title, status."""

    def data(self, index: Index = QModelIndex(),  # noqa: B008
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item.number or "–"
            if column == 1:
                return formatting.date_short(item.received, self._lang)
            if column == 2:
                return item.title
            return STATUS.text(item.status)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return item.title
        return None
