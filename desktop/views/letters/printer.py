"""Print PDF bytes to any printer through Qt's print dialog.

Each PDF page is rasterised by QtPdf at up to 300 dpi and drawn on a printer page of the
PDF page's own size (A4, F4 or half folio), full page: the sheet already has its margins.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEventLoop,
    QIODevice,
    QRectF,
    QSize,
    QSizeF,
    QTimer,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

MAX_DPI = 300
LOAD_TIMEOUT_MS = 10_000


def load_document(data: bytes, parent=None) -> QPdfDocument:  # noqa: ANN001 - QObject
    """A QPdfDocument of ``data``, ready (waits for the asynchronous load)."""
    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(bytes(data)))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    loop = QEventLoop()
    document.statusChanged.connect(loop.quit)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    document.load(buffer)
    if document.status() == QPdfDocument.Status.Loading:
        timer.start(LOAD_TIMEOUT_MS)
        while document.status() == QPdfDocument.Status.Loading and timer.isActive():
            loop.exec()
    if document.status() != QPdfDocument.Status.Ready:
        raise RuntimeError(QCoreApplication.translate("LetterPrinter",
                                                      "The sheet could not be read for printing."))
    return document


def paint_documents(printer: QPrinter, documents: Sequence[bytes]) -> int:
    """Draw every page of ``documents`` on ``printer``; returns the pages printed."""
    painter = QPainter()
    pages = 0
    printer.setFullPage(True)
    try:
        for data in documents:
            document = load_document(data)
            try:
                for index in range(document.pageCount()):
                    points = document.pagePointSize(index)
                    size = QPageSize(QSizeF(points), QPageSize.Unit.Point, "",
                                     QPageSize.SizeMatchPolicy.ExactMatch)
                    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                                      QPageLayout.margins(QPageLayout())))
                    if pages == 0:
                        if not painter.begin(printer):
                            raise RuntimeError(QCoreApplication.translate(
                                "LetterPrinter", "The printer could not be opened."))
                    elif not printer.newPage():
                        raise RuntimeError(QCoreApplication.translate(
                            "LetterPrinter", "The printer refused a new page."))
                    dpi = min(printer.resolution(), MAX_DPI)
                    image = document.render(index, QSize(round(points.width() / 72 * dpi),
                                                         round(points.height() / 72 * dpi)))
                    target = printer.pageLayout().fullRectPixels(printer.resolution())
                    painter.drawImage(QRectF(target), image)
                    pages += 1
            finally:
                document.close()
                document.deleteLater()
    finally:
        if painter.isActive():
            painter.end()
    return pages


def print_documents(parent: QWidget, documents: Sequence[bytes], title: str) -> bool:
    """Ask for a printer (any installed one, or a PDF file) and print; False if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_documents(printer, documents)
    return True
