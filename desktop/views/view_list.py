"""The queue's saved views ("Perlu verifikasi", "Terlambat", ...) with live counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop import formatting
from desktop.views.labels import VIEWS

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
# Views whose non-zero count is a call to act: their badge is drawn in red.
URGENT_VIEWS = frozenset({"terlambat", "perlu_verifikasi"})
# Views whose non-zero count asks for a routine step (closing): blue, not alarm red.
ACTION_VIEWS = frozenset({"perlu_ditutup"})


class ViewListModel(QAbstractListModel):
    def __init__(self, lang: str = "id", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys = list(VIEWS)
        self._counts: dict[str, int] = {}
        self._lang = lang

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self._keys[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return VIEWS.text(key)
        if role == KEY_ROLE:
            return key
        if role == COUNT_ROLE:
            return self._counts.get(key)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            count = self._counts.get(key)
            name = VIEWS.text(key)
            return name if count is None else f"{name}: {count}"
        return None

    def set_counts(self, counts: dict[str, int]) -> None:
        self._counts = dict(counts)
        if self._keys:
            self.dataChanged.emit(self.index(0), self.index(len(self._keys) - 1), [COUNT_ROLE])

    def count(self, key: str) -> int | None:
        return self._counts.get(key)

    def row_of(self, key: str) -> int:
        return self._keys.index(key) if key in self._keys else 0

    def number(self, value: int) -> str:
        return formatting.number(value, lang=self._lang)


class CountDelegate(QStyledItemDelegate):
    """Draws the view's name on the left and its count as a small badge on the right."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        count = index.data(COUNT_ROLE)
        if count is None:
            return
        model = index.model()
        text = model.number(count) if isinstance(model, ViewListModel) else str(count)
        painter.save()
        metrics = option.fontMetrics
        width = metrics.horizontalAdvance(text) + 12
        height = metrics.height() + 2
        rect = QRect(option.rect.right() - width - 6, option.rect.center().y() - height // 2,
                     width, height)
        urgent = count > 0 and index.data(KEY_ROLE) in URGENT_VIEWS
        action = count > 0 and index.data(KEY_ROLE) in ACTION_VIEWS
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if urgent:
            fill, ink = QColor("#c0392b"), QColor("white")
        elif action:
            fill, ink = QColor("#1f5fa8"), QColor("white")
        elif selected:
            fill = option.palette.color(QPalette.ColorRole.HighlightedText)
            ink = option.palette.color(QPalette.ColorRole.Highlight)
        else:
            fill, ink = QColor("#e3e7ed"), QColor("#26313d")
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(ink)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        # Room for a six-digit badge beside the name, and a comfortable click target.
        badge = option.fontMetrics.horizontalAdvance("000.000") + 24
        return QSize(hint.width() + badge, max(hint.height() + 8, 28))
