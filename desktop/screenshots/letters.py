"""Screenshots of Cetak Disposisi (draft and issued), Pengaturan › Kop Surat and the rendered
sheets on a 1366x768 laptop screen, and the clipping check.

    python -m desktop.screenshots.letters --out docs/screenshots
    python -m desktop.screenshots.letters --check

Runs on the agency desk of ``desktop.screenshots.loket`` (same command line). The
sheet images (``cetak-a4/f4/half.png``) are the archived PDFs the desk issued, rendered
with QtPdf; ``lembar-disposisi.png`` is the generator's own sample
(``desktop.letters.samples.sample_sheet``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.screenshots.loket import FrontDesk, run

DPI = 90  # sheet images: about the size of the page on a laptop screen


def pdf_image(data: bytes, dpi: int = DPI) -> Any:
    """The first page of a PDF as a QImage, white behind it."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    points = document.pagePointSize(0)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    page = document.render(0, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, page)
    painter.end()
    document.close()
    return image


def _issued_on(front: FrontDesk, dialog: Any, paper: str) -> bytes:
    """Issue the selection's sheets on ``paper``; the archived bytes of the first one."""
    ui = dialog.ui
    ui.paperCombo.setCurrentIndex(ui.paperCombo.findData(paper))
    ui.complaintList.setCurrentRow(0)
    front.wait(lambda: dialog.ui.preview.ready)
    if ui.issueButton.isEnabled():
        ui.issueButton.click()
        front.wait(lambda: all(i.active(paper) is not None for i in dialog.items)
                   and dialog.ui.preview.ready and "Agenda" in ui.previewTitle.text())
    return dialog.ui.preview.data


def scenes(front: FrontDesk, _folder: Path) -> Iterator[tuple[str, Any]]:
    """(file name, widget or image) for every letters screen, each on screen in turn."""
    from desktop.letters import render_disposition
    from desktop.letters.samples import sample_sheet

    window = front.window
    letters = window.letters
    # Pengaturan › Kop Surat, with the sample sheet of the saved profile ("Pratinjau contoh").
    window.settings_hub.open_page(letters.letterhead_tab)
    profile = letters.profile_page
    front.wait(lambda: profile.isVisible() and profile.isEnabled())
    profile.ui.sampleButton.click()
    front.wait(lambda: profile.ui.samplePreview.ready)
    yield "cetak-kop-surat.png", window
    # Cetak Disposisi for three complaints: the draft, then the issued sheets.
    window.ui.actionQueue.trigger()
    dialog = letters.open_dialog(list(front.complaints))
    front.wait(lambda: bool(dialog.items) and dialog.ui.preview.ready
                and "Konsep" in dialog.ui.previewTitle.text())
    yield "cetak-konsep.png", dialog
    sheets = {"f4": _issued_on(front, dialog, "f4")}
    yield "cetak-pratinjau.png", dialog
    sheets.update((paper, _issued_on(front, dialog, paper)) for paper in ("a4", "half"))
    for paper, data in sheets.items():
        yield f"cetak-{paper}.png", pdf_image(data)
    dialog.close()
    yield "lembar-disposisi.png", pdf_image(render_disposition(sample_sheet(), "a4"))


def main(argv: list[str] | None = None) -> int:
    return run(scenes, argv, __doc__.splitlines()[0])


if __name__ == "__main__":
    sys.exit(main())
