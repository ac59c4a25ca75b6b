"""Screenshot of the Laporan page on a 1366x768 laptop screen, and the clipping check.

    python -m desktop.screenshots.reports --out docs/screenshots/laporan.png
    python -m desktop.screenshots.reports --scale 1.25 --check

Headless, like ``desktop.screenshots.queue`` (whose screen set-up and clipping
check it uses): a demo desk seeded in a temporary folder, the page on "Bulan ini".
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

COMPLAINTS = 3000
SEED = 7


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the PNG here")
    parser.add_argument("--scale", type=float, default=1.0, help="QT_SCALE_FACTOR")
    parser.add_argument("--check", action="store_true", help="fail when something is clipped")
    parser.add_argument("--tab", default="by_unit", help="recap tab to show (by_unit, ...)")
    args = parser.parse_args(argv)
    from desktop.screenshots.queue import clipped, configure_qt

    with tempfile.TemporaryDirectory(prefix="lapor-report-shot-") as tmp:
        configure_qt(args.scale, Path(tmp))
        from PySide6.QtWidgets import QApplication

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
            page = window.reports
            settle(app, lambda: window.service is not None and desk.tasks.pending == 0)
            window.ui.actionReports.trigger()
            page.tabs.setCurrentWidget(page.wide_views[args.tab])
            settle(app, lambda: page.report is not None and not page.loading
                   and desk.tasks.pending == 0)
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


def settle(app, done, timeout: float = 30.0) -> None:  # noqa: ANN001 - QApplication, callable
    deadline = time.monotonic() + timeout
    while not done():
        app.processEvents()
        if time.monotonic() > deadline:
            raise TimeoutError("the desk did not settle")
        time.sleep(0.005)
    for _ in range(10):
        app.processEvents()


if __name__ == "__main__":
    sys.exit(main())
