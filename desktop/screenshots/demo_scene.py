"""A maximised demo desk for one-page screenshots (Laporan, Dasbor): the screen set-up,
the seeded store, the wait for the desk to settle, the PNG and the clipping check.

Qt is imported inside, after :func:`desktop.screenshots.queue.configure_qt` has set the
screen (size, scale factor, platform), which must happen before the first Qt import."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

COMPLAINTS = 3000
SEED = 7


def arguments(description: str, argv: list[str] | None,
              extra: Callable[[argparse.ArgumentParser], None] | None = None
              ) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, help="write the PNG here")
    parser.add_argument("--scale", type=float, default=1.0, help="QT_SCALE_FACTOR")
    parser.add_argument("--check", action="store_true", help="fail when something is clipped")
    if extra is not None:
        extra(parser)
    return parser.parse_args(argv)


def settle(app: Any, done: Callable[[], bool], timeout: float = 30.0) -> None:
    """Process events until ``done()`` holds, then a few more rounds for the last paints."""
    deadline = time.monotonic() + timeout
    while not done():
        app.processEvents()
        if time.monotonic() > deadline:
            raise TimeoutError("the desk did not settle")
        time.sleep(0.005)
    for _ in range(10):
        app.processEvents()


@contextmanager
def demo_window(scale: float, prefix: str) -> Iterator[tuple[Any, Any, Any]]:
    """(app, desk, window): a demo desk seeded in a temporary folder, maximised and
    settled; closed on the way out."""
    from desktop.screenshots.queue import configure_qt

    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        configure_qt(scale, Path(tmp))
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
            settle(app, lambda: window.service is not None and desk.tasks.pending == 0)
            yield app, desk, window
        finally:
            desk.close()
            app.processEvents()


def finish(window: Any, args: argparse.Namespace) -> list[str]:
    """Save the PNG if asked; what is clipped on the window."""
    from desktop.screenshots.queue import clipped

    problems: list[str] = clipped(window)
    if args.out:
        window.grab().save(str(args.out))
        print(args.out)
    return problems


def report(problems: list[str], args: argparse.Namespace) -> int:
    for problem in problems:
        print(f"clipped: {problem}", file=sys.stderr)
    return 1 if args.check and problems else 0
