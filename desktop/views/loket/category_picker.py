"""A searchable category tree: type part of a name, the tree keeps matches and their parents."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QSizePolicy,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CategoryPicker(QWidget):
    """``category_id()`` is the chosen category (None: not chosen); ``changed`` tells."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("categorySearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search category…"))
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tree = QTreeView(self)
        self.tree.setObjectName("categoryTree")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setMinimumHeight(96)
        # Take the room there is, but ask for little: a tall hint would make the form scroll.
        self.tree.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        self.setFocusProxy(self.search)
        self._current: str | None = None
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._pick_first_match)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)

    def set_categories(self, categories: Iterable[Mapping[str, Any]]) -> None:
        """``[{"id", "parent_id", "name"}]`` in display order; keeps a choice still present."""
        keep = self._current
        self.model.clear()
        items: dict[str, QStandardItem] = {}
        rows = list(categories)
        for cat in rows:
            item = QStandardItem(str(cat["name"]))
            item.setData(str(cat["id"]), ID_ROLE)
            item.setToolTip(str(cat["id"]))
            items[str(cat["id"])] = item
        for cat in rows:
            parent = items.get(str(cat.get("parent_id") or cat.get("parent") or ""))
            (parent or self.model.invisibleRootItem()).appendRow(items[str(cat["id"])])
        self._current = None
        self.set_category_id(keep)

    def category_id(self) -> str | None:
        return self._current

    def set_category_id(self, category_id: str | None) -> None:
        item = self._item(category_id)
        if item is None:
            self.tree.selectionModel().clearSelection()
            self.tree.setCurrentIndex(QModelIndex())
            self._set(None)
            return
        index = self.proxy.mapFromSource(item.index())
        if not index.isValid():  # filtered out: show it again
            self.search.clear()
            index = self.proxy.mapFromSource(item.index())
        self.tree.scrollTo(index)
        self.tree.setCurrentIndex(index)

    def _item(self, category_id: str | None) -> QStandardItem | None:
        if not category_id:
            return None
        found = self.model.match(self.model.index(0, 0), ID_ROLE, category_id, 1,
                                 Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return self.model.itemFromIndex(found[0]) if found else None

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if text.strip():
            self.tree.expandAll()

    def _pick_first_match(self) -> None:
        index = self.proxy.index(0, 0)
        while index.isValid() and self.proxy.rowCount(index) and not self._matches(index):
            index = self.proxy.index(0, 0, index)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.setFocus()

    def _matches(self, index: QModelIndex) -> bool:
        text = self.search.text().strip().lower()
        return bool(text) and text in str(index.data()).lower()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._set(current.data(ID_ROLE) if current.isValid() else None)

    def _set(self, category_id: str | None) -> None:
        if category_id != self._current:
            self._current = category_id
            self.changed.emit(category_id)
