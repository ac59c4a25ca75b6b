"""Open the desk for the first time (no saved geometry) on a 1366x768 screen and print the
window's size and the screen's available area as JSON.

    python -m tests.first_window_probe DATA_DIR [--scale 1.25]

Its own process: the offscreen screen and QT_SCALE_FACTOR must be set before Qt starts.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    from desktop.screenshots.queue import configure_qt

    configure_qt(args.scale, Path(tempfile.mkdtemp()))
    from PySide6.QtWidgets import QApplication

    from desktop.app import Desk

    app = QApplication([])
    desk = Desk(Path(args.data_dir), "id")
    desk.window.show()
    app.processEvents()
    avail = desk.window.screen().availableGeometry()
    print(json.dumps({"width": desk.window.width(), "height": desk.window.height(),
                      "avail": [avail.width(), avail.height()]}))
    desk.close()


if __name__ == "__main__":
    main()
