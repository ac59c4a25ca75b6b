"""Cyclic garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread allocates when a threshold is crossed.
When that is a worker thread (the DB thread, the network thread) and the garbage holds Qt
wrappers made on the GUI thread, their C++ objects are destroyed off the GUI thread and the
process crashes (seen in CI: a segfault "Garbage-collecting" inside SQLAlchemy on the DB
thread while the window was being built). So the desk turns automatic collection off and
collects from a timer on the GUI thread, with the collector's own generation thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("guiThreadCollector")
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds (as gc would)."""
        young, middle, old = gc.get_count()
        if young > self.threshold[0]:
            gc.collect(0)
            if middle > self.threshold[1]:
                gc.collect(1)
                if old > self.threshold[2]:
                    gc.collect(2)


def stop_automatic() -> None:
    """Before any worker thread starts: no collection may start there from now on."""
    gc.disable()


def install(app: QCoreApplication) -> GuiThreadCollector:
    """The application's collector (one per application)."""
    found = app.findChild(GuiThreadCollector, "guiThreadCollector")
    return found if isinstance(found, GuiThreadCollector) else GuiThreadCollector(app)
