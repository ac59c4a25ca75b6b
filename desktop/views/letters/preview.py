"""In-app PDF preview (QtPdf): the exact bytes that will be printed or saved."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


class PdfPreview(QWidget):
    """A QPdfView over a QPdfDocument loaded from bytes, with fit-width / fit-page zoom."""

    loaded = Signal(int)  # page count, once the document is ready

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)

        self.fit_width = QToolButton(self)
        self.fit_width.setText(self.tr("Fit width"))
        self.fit_width.setCheckable(True)
        self.fit_width.setChecked(True)
        self.fit_page = QToolButton(self)
        self.fit_page.setText(self.tr("Whole page"))
        self.fit_page.setCheckable(True)
        self.pages_label = QLabel(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.fit_width)
        bar.addWidget(self.fit_page)
        bar.addStretch(1)
        bar.addWidget(self.pages_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        self.fit_width.clicked.connect(self._fit_width)
        self.fit_page.clicked.connect(self._fit_page)
        self.document.statusChanged.connect(self._status_changed)
        self._buffer: QBuffer | None = None
        self.data: bytes | None = None
        self.show_message(self.tr("No sheet to show."))

    def set_pdf(self, data: bytes) -> None:
        """Show ``data`` (PDF bytes). The document loads asynchronously; ``loaded`` fires."""
        old = self._buffer
        self.data = bytes(data)
        buffer = QBuffer(self)
        buffer.setData(QByteArray(self.data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.document.load(buffer)
        if old is not None:
            old.close()
            old.deleteLater()
        self.stack.setCurrentWidget(self.view)

    def show_message(self, text: str) -> None:
        self.data = None
        self.document.close()
        self.message.setText(text)
        self.pages_label.clear()
        self.stack.setCurrentWidget(self.message)

    @property
    def ready(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready

    def _status_changed(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            count = self.document.pageCount()
            self.pages_label.setText(self.tr("%n page(s)", "", count))
            self.loaded.emit(count)
        elif status == QPdfDocument.Status.Error:
            self.show_message(self.tr("The sheet could not be shown."))

    def _fit_width(self) -> None:
        self.fit_width.setChecked(True)
        self.fit_page.setChecked(False)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _fit_page(self) -> None:
        self.fit_page.setChecked(True)
        self.fit_width.setChecked(False)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
