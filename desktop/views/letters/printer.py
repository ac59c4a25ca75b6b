"""Print PDF bytes to any printer through Qt's print dialog.

Each PDF page is rasterised by QtPdf at up to 300 dpi and drawn on a printer page of the
PDF page's own size (A4, F4 or half folio), full page: the sheet already has its margins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEventLoop,
    QIODevice,
    QRectF,
    QSize,
    QSizeF,
    QStandardPaths,
    QTimer,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QWidget

from desktop.views.screen_fit import fit_to_screen

MAX_DPI = 300
LOAD_TIMEOUT_MS = 10_000
UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')  # not in a file name on Windows or Linux


def safe_file_stem(title: str) -> str:
    """``Lembar Disposisi 001/DISP/2026`` -> ``Lembar Disposisi 001-DISP-2026``."""
    stem = UNSAFE.sub("-", title).strip(" .-")
    return stem or "Lembar-Disposisi"


def documents_dir() -> Path:
    """The user's documents folder (made if missing), else the home folder."""
    location = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    home = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation))
    folder = Path(location) if location else home
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return home
    return folder


def default_output_file(title: str) -> Path:
    """Where "Print to File (PDF)" writes unless the officer picks another file."""
    return documents_dir() / f"{safe_file_stem(title)}.pdf"


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
    printer.setDocName(safe_file_stem(title))
    # Qt's own default file name is the document name under the home folder: an agenda
    # number's slashes made it a path into folders that do not exist ("is not writable").
    printer.setOutputFileName(str(default_output_file(title)))
    if QPrinterInfo.availablePrinterNames():  # a real printer stays the first choice
        printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.adjustSize()
    fit_to_screen(dialog)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_documents(printer, documents)
    return True
