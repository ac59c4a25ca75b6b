"""The disposition chain of a complaint as a tree (issue 17): who disposed to whom, when,
read or not, the deadline and the state, level under level."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from core.chain import tree
from desktop import formatting

EMPTY = "—"


def state_text(entry: Mapping[str, Any]) -> str:
    state = entry.get("state")
    texts = {
        "sent": QCoreApplication.translate("ChainTree", "Unread"),
        "read": QCoreApplication.translate("ChainTree", "Read"),
        "withdrawn": QCoreApplication.translate("ChainTree", "Withdrawn"),
        "reported": QCoreApplication.translate("ChainTree", "Reported"),
        "closed": QCoreApplication.translate("ChainTree", "Closed"),
    }
    text = texts.get(str(state), str(state or EMPTY))
    if entry.get("tembusan"):
        text = QCoreApplication.translate("ChainTree", "Copy (tembusan), %1").replace("%1", text)
    return text


class ChainTree(QTreeWidget):
    COLUMNS = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chainTree")
        self.setColumnCount(self.COLUMNS)
        self.setHeaderLabels([self.tr("To"), self.tr("From"), self.tr("Sent"), self.tr("Read"),
                              self.tr("Deadline"), self.tr("State")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setMinimumHeight(90)
        self.lang = "id"

    def show_chain(self, snapshot: Mapping[str, Any] | None) -> bool:
        """Render the chain; False when the complaint has none (the caller hides it)."""
        self.clear()
        rows = tree(snapshot or {})
        items: dict[Any, QTreeWidgetItem] = {}
        for _depth, entry in rows:
            parent = items.get(entry.get("parent_id"))
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self)
            users = ", ".join(entry.get("to_users") or ())
            item.setText(0, f"{entry.get('to_title') or entry.get('to_position')} ({users})")
            item.setText(1, f"{entry.get('from_title') or entry.get('from_position')} "
                            f"({entry.get('by_name') or entry.get('by')})")
            item.setText(2, formatting.datetime_long(entry.get("sent_at"), self.lang) or EMPTY)
            item.setText(3, formatting.datetime_long(entry.get("read_at"), self.lang) or EMPTY)
            item.setText(4, formatting.date_long(entry.get("due_date"), self.lang) or EMPTY)
            item.setText(5, state_text(entry))
            tips = [*(f"• {i}" for i in entry.get("instructions") or ())]
            if entry.get("catatan"):
                tips.append(self.tr("Note: %1").replace("%1", entry["catatan"]))
            if entry.get("report"):
                tips.append(self.tr("Report: %1").replace("%1", entry["report"].get("text") or ""))
            if tips:
                for column in range(self.COLUMNS):
                    item.setToolTip(column, "\n".join(tips))
            item.setData(0, Qt.ItemDataRole.UserRole, entry.get("id"))
            items[entry.get("id")] = item
        self.expandAll()
        return bool(rows)
