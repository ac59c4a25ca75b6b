"""Measure the queue window on a 1366x768 screen; print the figures as JSON.

    python -m tests.queue_layout_probe [--scale 1.25]

Run in its own process (tests/test_queue_layout.py does) because QT_SCALE_FACTOR and the
offscreen screen's size must be set before Qt starts. The window is maximized on a seeded
demo desk (with two provisional numbers), as an officer sees it on first start. "Needed"
widths are computed here from the fonts, independently of desktop.views.queue_columns.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path


def measure(studio) -> dict:  # noqa: ANN001 - a screenshots.Studio
    from PySide6.QtGui import QFont, QFontMetrics
    from PySide6.QtWidgets import QStyle

    from desktop.views import queue_model as qm
    from desktop.views.labels import STATUS, status_short

    window = studio.window
    table, model = window.ui.queueTable, window.model
    header = table.horizontalHeader()
    # QStyledItemDelegate keeps PM_FocusFrameHMargin + 1 on each side of a cell's text.
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table)
    pad = 2 * (margin + 1)
    font = table.font()
    italic = QFont(font)
    italic.setItalic(True)
    status_texts = [status_short(code) for code in STATUS]  # as the cells show them
    provisional = [model.index(r, qm.COL_TRACKING).data() for r in range(model.rowCount())
                   if model.cached_row(model.id_at(r)) is not None
                   and model.cached_row(model.id_at(r)).tracking_number is None]
    return {
        "screen": list(window.screen().availableGeometry().size().toTuple()),
        "window": list(window.size().toTuple()),
        "splitter": window.ui.queueSplitter.sizes(),
        "viewport": table.viewport().width(),
        "header_length": header.length(),
        "hscroll_visible": table.horizontalScrollBar().isVisible(),
        "sections": {qm.COLUMNS[c][0]: header.sectionSize(c) for c in range(len(qm.COLUMNS))},
        "status_longest": max(status_texts, key=QFontMetrics(font).horizontalAdvance),
        "status_needed": max(QFontMetrics(font).horizontalAdvance(t) for t in status_texts)
        + pad,
        "provisional_numbers": provisional,
        "provisional_needed": max(QFontMetrics(italic).horizontalAdvance(t)
                                   for t in provisional + ["L-D1-20261128-0007"]) + pad,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    from desktop.screenshots import queue as screenshots

    with tempfile.TemporaryDirectory(prefix="lapor-probe-") as tmp:
        screenshots.configure_qt(args.scale, Path(tmp))
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(sys.argv[:1])
        studio = screenshots.Studio(Path(tmp) / "desk")
        try:
            studio.wait(lambda: studio.window.columns.content_measured)
            print(json.dumps(measure(studio)))
        finally:
            studio.close()
            app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
