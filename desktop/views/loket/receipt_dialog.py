"""Preview, print and save the Tanda Terima Pengaduan (rendered on the DB thread by
``IntakeService.receipt``; shown with QtPdf, printed through QPrintDialog)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from desktop.forms.ui_loket_receipt import Ui_LoketReceiptDialog
from desktop.views.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from desktop.intake import IntakeService, ReceiptDocument
    from desktop.tasks import Tasks


class ReceiptDialog(QDialog):
    """``loaded`` fires each time a rendering arrives (first open and after a paper change)."""

    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, tasks: Tasks, intake: IntakeService, number_or_id: str,
                 parent: QWidget | None = None, paper: str = "half") -> None:
        super().__init__(parent)
        self.ui = Ui_LoketReceiptDialog()
        self.ui.setupUi(self)
        self._tasks = tasks
        self._intake = intake
        self._key = number_or_id
        self._generation = 0
        self._print_next = False  # print once the rendering on its way arrives
        self.receipt: ReceiptDocument | None = None
        self._buffer: QBuffer | None = None
        for key, text in (("half", self.tr("Half page (A4/F4)")), ("a4", self.tr("A4")),
                          ("thermal80", self.tr("80 mm thermal roll"))):
            self.ui.paperCombo.addItem(text, key)
        self.ui.paperCombo.setCurrentIndex(max(0, self.ui.paperCombo.findData(paper)))
        self.document = QPdfDocument(self)
        view = self.ui.pdfView
        view.setDocument(self.document)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.ui.numberLabel.setText(self.tr("Preparing the receipt…"))
        self.ui.paperCombo.currentIndexChanged.connect(self.reload)
        self.ui.printButton.clicked.connect(self.print_receipt)
        self.ui.saveButton.clicked.connect(self._save_clicked)
        self.ui.closeButton.clicked.connect(self.accept)
        fit_to_screen(self)  # designed at 724x704: a 1366x768 screen at 125 % is 614 high
        self.reload()

    @property
    def paper(self) -> str:
        return self.ui.paperCombo.currentData()

    @property
    def complaint_id(self) -> str:
        """The complaint shown (before the first rendering: what the dialog was asked for)."""
        return self.receipt.complaint_id if self.receipt is not None else self._key

    def print_when_ready(self) -> None:
        """Open the print dialog as soon as the current rendering is on screen."""
        if self.receipt is not None and self.ui.printButton.isEnabled():
            QTimer.singleShot(0, self.print_receipt)
        else:
            self._print_next = True

    def reload(self) -> None:
        """Render again (another paper, or after a sync brought the official number)."""
        self._generation += 1
        self._enable(False)
        self._tasks.run(partial(self._intake.receipt, self._key, self.paper),
                        partial(self._arrived, self._generation),
                        partial(self._failed, self._generation))

    def _enable(self, ready: bool) -> None:
        for button in (self.ui.printButton, self.ui.saveButton):
            button.setEnabled(ready)

    def _arrived(self, generation: int, doc: ReceiptDocument) -> None:
        if generation != self._generation:
            return
        self.receipt = doc
        self._key = doc.complaint_id  # later renderings follow the complaint, not the number
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(doc.pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        if doc.provisional:
            self.ui.numberLabel.setText(self.tr("Provisional number %1").replace("%1", doc.number))
            self.ui.infoLabel.setText(self.tr(
                "Given by this desk while the complaint waits to be sent. After the next sync "
                "the central server's tracking number replaces it; a reprint then shows it."))
        else:
            self.ui.numberLabel.setText(self.tr("Tracking number %1").replace("%1", doc.number))
            self.ui.infoLabel.setText(self.tr("The official number from the central server."))
        self.ui.messageLabel.hide()
        self._enable(True)
        self.setWindowTitle(self.tr("Complaint receipt %1").replace("%1", doc.number))
        self.loaded.emit(doc)
        if self._print_next:
            self._print_next = False
            QTimer.singleShot(0, self.print_receipt)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
        self.ui.numberLabel.setText(self.tr("No receipt"))
        self.ui.messageLabel.setText(message)
        self.ui.messageLabel.show()
        self.failed.emit(message)

    # -- save and print ---------------------------------------------------------------
    def save_pdf(self, path: str | Path) -> Path:
        if self.receipt is None:
            raise RuntimeError("no receipt yet")
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(target.suffix + ".pdf" if target.suffix else ".pdf")
        target.write_bytes(self.receipt.pdf)
        return target

    def _save_clicked(self) -> None:
        if self.receipt is None:
            return
        name = f"tanda-terima-{self.receipt.number}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save receipt as PDF"), name,
                                              self.tr("PDF documents (*.pdf)"))
        if not path:
            return
        try:
            saved = self.save_pdf(path)
        except OSError as exc:
            self.ui.messageLabel.setText(self.tr("The file could not be saved: %1").replace(
                "%1", exc.strerror or str(exc)))
            self.ui.messageLabel.show()
            return
        self.ui.infoLabel.setText(self.tr("Saved to %1").replace("%1", str(saved)))

    def print_receipt(self) -> None:
        if self.receipt is None or self.document.pageCount() == 0:
            return
        printer = receipt_printer(self.document, f"tanda-terima-{self.receipt.number}")
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_document(self.document, printer)


def receipt_printer(document: QPdfDocument, name: str) -> QPrinter:
    """A printer set to the receipt's own paper (half folio, A4 or the 80 mm roll's exact
    length), edge to edge: the PDF already carries its margins."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    points = document.pagePointSize(0)
    printer.setPageLayout(QPageLayout(
        QPageSize(QSizeF(points.width(), points.height()), QPageSize.Unit.Point, name,
                  QPageSize.SizeMatchPolicy.ExactMatch),
        QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)
    printer.setDocName(name)
    return printer


def print_document(document: QPdfDocument, printer: QPrinter) -> None:
    """Every page, rendered at the printer's resolution and fitted to its page."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            area = QRectF(painter.viewport())
            points = document.pagePointSize(page)
            scale = min(area.width() / points.width(), area.height() / points.height())
            size = QSizeF(points.width() * scale, points.height() * scale).toSize()
            image = document.render(page, size)
            painter.drawImage(QRectF(area.topLeft(), QSizeF(size)), image)
    finally:
        painter.end()
