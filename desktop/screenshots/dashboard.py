"""Screenshot of the Dasbor's "Masalah Berulang" section on a 1366x768 laptop screen.

    python -m desktop.screenshots.dashboard --out docs/screenshots/dasbor-masalah-berulang.png
    python -m desktop.screenshots.dashboard --scale 1.25 --check

Headless, like ``desktop.screenshots.reports`` (screen set-up, clipping check and
settling are shared): a demo desk seeded in a temporary folder, the Dasbor scrolled to the
recurring problems with the first group chosen.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

COMPLAINTS = 3000
SEED = 7


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the PNG here")
    parser.add_argument("--scale", type=float, default=1.0, help="QT_SCALE_FACTOR")
    parser.add_argument("--check", action="store_true", help="fail when something is clipped")
    args = parser.parse_args(argv)
    from desktop.screenshots.queue import clipped, configure_qt
    from desktop.screenshots.reports import settle

    with tempfile.TemporaryDirectory(prefix="lapor-dashboard-shot-") as tmp:
        configure_qt(args.scale, Path(tmp))
        from PySide6.QtWidgets import QApplication, QScrollArea

        from desktop.app import Desk
        from desktop.store import DeskService
        from desktop.store.demo import seed_store

        app = QApplication.instance() or QApplication(sys.argv[:1])
        with DeskService(Path(tmp) / "desk") as store:
            seed_store(store, COMPLAINTS, seed=SEED)
        desk = Desk(Path(tmp) / "desk", "id")
        try:
            window = desk.window
            window.showMaximized()
            settle(app, lambda: window.service is not None and desk.tasks.pending == 0)
            window.dashboard_action.trigger()
            page = window.dashboard
            section = page.recurring
            settle(app, lambda: page.dashboard is not None and not page.loading
                   and bool(section.groups) and desk.tasks.pending == 0)
            scroll = page.findChild(QScrollArea, "dashboardScroll")
            scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
            settle(app, lambda: True)
            problems = clipped(window)
            if args.out:
                window.grab().save(str(args.out))
                print(args.out)
        finally:
            desk.close()
            app.processEvents()
    for problem in problems:
        print(f"clipped: {problem}", file=sys.stderr)
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
