"""The attachment list: files are added with a button or dropped from the file manager."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from desktop.intake.attachments import size_text

DATA_ROLE = Qt.ItemDataRole.UserRole + 1


class AttachmentList(QListWidget):
    """Shows staged files (dicts as in the form); ``files_dropped`` carries local paths."""

    files_dropped = Signal(list)
    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setToolTip(self.tr("Drag photos, scans or PDF files here."))

    def set_files(self, files: list[dict]) -> None:
        self.clear()
        for f in files:
            item = QListWidgetItem(f"{f['filename']}  ·  {size_text(int(f['size']))}")
            item.setData(DATA_ROLE, f)
            item.setToolTip(f"{f['filename']} ({f['mime']})")
            self.addItem(item)

    def files(self) -> list[dict]:
        return [self.item(i).data(DATA_ROLE) for i in range(self.count())]

    def selected_hashes(self) -> set[str]:
        return {item.data(DATA_ROLE)["sha256"] for item in self.selectedItems()}

    # -- drag and drop ----------------------------------------------------------------
    @staticmethod
    def _paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self._paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if self._paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = self._paths(event)
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
        else:
            event.ignore()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.count() == 0:  # say where files go while there are none
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.viewport().rect().adjusted(8, 8, -8, -8),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.tr("No attachments. Drag photos, scans or PDF files here."))
            painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selectedItems():
            self.remove_requested.emit()
            return
        super().keyPressEvent(event)
