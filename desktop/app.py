"""The desk GUI: ``lapor-desk [--data-dir D] [--lang id|en]`` (the CLI's default target).

Start-up, in two steps so the queue is on screen before the full store is loaded:

1. The DB thread opens the light reader (``desktop/store/light.py``: plain SQLCipher, the
   same key, read-only, no SQLAlchemy, Alembic, keyring or ``holidays``) while the GUI
   thread loads Qt and builds the window; it answers the queue's first query, so the first
   rows are painted from it.
2. Once they are on screen, the DB thread opens the full store (``DeskService``) and the
   window hands the queue over to it (same rows, no reset) and gives every feature the
   store. Until then the officer can scroll, search, sort and change views (the light
   reader answers); picking a complaint opens it once the store is there.

When the light reader cannot open the database (new, plain, behind this build's schema,
key only in a vault that fails), the DB thread opens the full store at once instead, as
before. Qt widget modules are imported late, so the DB thread's imports overlap them.
"""

from __future__ import annotations

import argparse
import logging
import sys
from functools import partial
from pathlib import Path
from typing import Any

from desktop import __version__, i18n, paths
from desktop.settings import Settings
from desktop.tasks import Tasks
from desktop.views import gc_guard

APP_TITLE = "LAPOR! Desk"
log = logging.getLogger(__name__)


class Desk:
    """One open desk: task helper, store, settings, translator and main window.

    Creates the QApplication if there is none yet. Tests and the start-up bench build it
    directly; ``run`` adds the event loop.
    """

    def __init__(self, data_dir: Path, lang: str | None = None) -> None:
        self.data_dir = Path(data_dir)
        gc_guard.stop_automatic()  # before the DB thread runs (desktop/views/gc_guard.py)
        self.tasks = Tasks()
        self._opened: list[Any] = []  # touched only on the DB thread
        self._store_requested = False
        self.settings = Settings(self.data_dir)
        # Where the queue's first rows came from: "light" (the light reader, the store
        # loaded behind it) or "store" (the full store at once); None until they came.
        self.first_screen_source: str | None = None
        self.tasks.run(partial(self._open_first, self.data_dir, self.settings.queue_view),
                       self._first_opened, self._service_failed)

        from PySide6.QtWidgets import QApplication

        from desktop.views.main_window import MainWindow

        app = QApplication.instance()
        if app is None:
            app = QApplication(sys.argv[:1])
            app.setApplicationName(APP_TITLE)
            app.setApplicationDisplayName(APP_TITLE)
            app.setOrganizationName(paths.APP_AUTHOR)
            app.setApplicationVersion(__version__)
            from PySide6.QtGui import QIcon

            app.setWindowIcon(QIcon(str(paths.resource("icons", "lapor-desk.png"))))
        self.app = app
        gc_guard.install(app)
        self.failure: BaseException | None = None  # the store could not be opened
        self.lang, self._translator = i18n.install(app, lang or self.settings.language)
        self.window = MainWindow(self.tasks, self.settings, self.lang)
        self.window.first_screen_shown.connect(self._open_store)

    def close(self) -> None:
        """Save the layout, let queued database work finish, close the store."""
        sync = getattr(self.window, "sync", None)
        if sync is not None:
            sync.close_guard.allow()  # shutting down: unsent actions wait for next time
        self.window.close()
        self.tasks.shutdown(final=self._close_service)
        i18n.uninstall(self.app, self._translator)
        self._translator = None

    def _first_opened(self, opened: Any) -> None:
        from desktop.store.light import LightReader

        if isinstance(opened, LightReader):
            self.first_screen_source = "light"
            self.window.show_first_screen(opened)
        else:  # no light reader: the full store is open already
            self.first_screen_source = "store"
            self._store_requested = True
            self._service_opened(opened)

    def _open_store(self) -> None:
        """The first rows are on screen: load the full store behind them."""
        if self._store_requested:
            return
        self._store_requested = True
        self.tasks.run(partial(self._open_service, self.data_dir),
                       self._service_opened, self._service_failed)

    def _service_opened(self, service: Any) -> None:
        self.window.attach_service(service)
        self.tasks.run(self._close_reader)  # after every read already queued for it

    def _service_failed(self, exc: BaseException) -> None:
        self.failure = exc
        self.window.service_failed(exc)

    def _open_first(self, data_dir: Path, view: str) -> Any:  # DB thread
        """The light reader with the saved view's first screen read (the window's first
        query, unless its saved header sorts otherwise), else (it cannot open the
        database) the full store."""
        from desktop.store.light import LightReader
        from desktop.store.queue import VIEWS, QueueFilter

        reader = LightReader.open(data_dir)
        if reader is None:
            return self._open_service(data_dir)
        self._opened.append(reader)
        try:
            reader.prefetch(QueueFilter(view=view if view in VIEWS else "semua"))
        except Exception:  # noqa: BLE001 - the window's own first query will say it
            log.warning("first screen not read ahead", exc_info=True)
        return reader

    def _close_reader(self) -> None:  # DB thread
        from desktop.store.light import LightReader

        for item in [o for o in self._opened if isinstance(o, LightReader)]:
            self._opened.remove(item)
            item.close()

    def _open_service(self, data_dir: Path) -> Any:  # DB thread
        from desktop.store.service import DeskService

        service = DeskService(data_dir)
        self._opened.append(service)
        return service

    def _close_service(self) -> None:  # DB thread, after every queued job
        while self._opened:
            self._opened.pop().close()


def run(args: argparse.Namespace) -> int:
    if getattr(args, "demo", False):  # embedded demo server first (desktop/demo.py)
        from desktop import demo

        return demo.run(args, open_desk=run)  # demo does not import the window: no loop
    data_dir = paths.data_dir(args.data_dir)
    _log_to(data_dir)
    desk = Desk(data_dir, getattr(args, "lang", None))
    desk.window.show()
    quit_after = getattr(args, "quit_after", None)
    if quit_after is not None:  # smoke test of a build: open, settle, close (scripts/build-desk)
        from PySide6.QtCore import QTimer

        QTimer.singleShot(max(0, int(quit_after * 1000)), desk.app.quit)
    try:
        code = desk.app.exec()
    finally:
        desk.close()
    if quit_after is not None and desk.failure is not None:
        print(f"lapor-desk: basis data tidak dapat dibuka: {desk.failure}", file=sys.stderr)
        return code or 1
    return code


def _log_to(data_dir: Path) -> None:
    """Log to ``<data dir>/logs/desk.log`` (a windowed app has no console to read)."""
    from logging.handlers import RotatingFileHandler  # socket, pickle...: not on the way

    log_dir = paths.private_dir(data_dir / "logs")
    handler = RotatingFileHandler(log_dir / "desk.log", maxBytes=1_000_000, backupCount=3,
                                  encoding="utf-8")
    paths.private_file(log_dir / "desk.log")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
