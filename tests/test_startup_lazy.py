"""Start-up builds only what the officer sees first: the Loket, Laporan and Pengaturan pages
are built on first navigation, and the GUI thread loads neither SQLAlchemy, the store nor
the intake until the queue's first rows are on screen (the DB thread opens the store)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import textwrap  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtWidgets import QTabWidget, QWidget  # noqa: E402

from desktop.app import Desk  # noqa: E402
from desktop.views.placeholder_page import ComingSoonPage  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
WAIT_MS = 15_000

# Runs in a fresh interpreter: records which modules each thread loads. The DB thread's
# open is held back until the window has been built, shown and left to settle, so a
# module the GUI needs before the store is open would be loaded by the GUI thread itself
# (and seen), not quietly found already loaded by the DB thread.
CHILD = textwrap.dedent("""
    import importlib.abc, json, os, sys, threading, time
    from pathlib import Path

    loads = []  # (on the GUI thread, module) for every module actually loaded

    class Watch(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            loads.append((threading.current_thread() is threading.main_thread(), name))
            return None

    sys.meta_path.insert(0, Watch())

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication
    from desktop.app import Desk

    gate = threading.Event()
    real_open = Desk._open_service

    def held_open(self, data_dir):  # DB thread
        gate.wait(30)
        return real_open(self, data_dir)

    Desk._open_service = held_open
    app = QApplication([sys.argv[0]])
    desk = Desk(Path(sys.argv[1]), "id")
    window, model = desk.window, desk.window.model
    window.show()
    until = time.monotonic() + 0.5
    while time.monotonic() < until:
        app.processEvents()
    before_open = [name for gui, name in loads if gui]
    gate.set()

    result = {}

    class Painted(QObject):
        def eventFilter(self, obj, event):
            first = model.id_at(0)
            if (event.type() == QEvent.Type.Paint and not result and first is not None
                    and model.cached_row(first) is not None):
                result["gui_loads"] = [name for gui, name in loads if gui]
                result["modules"] = sorted(sys.modules)
            return False

    watch = Painted()
    window.ui.queueTable.viewport().installEventFilter(watch)
    until = time.monotonic() + 30
    while not result and time.monotonic() < until:
        app.processEvents()
    result["before_open"] = before_open
    result["pages_built"] = [window.built_page(a) is not None
                             for a in (window.ui.actionDesk, window.ui.actionReports,
                                       window.ui.actionSettings)]
    print(json.dumps(result), flush=True)
    os._exit(0)
""")

HEAVY = ("sqlalchemy", "desktop.store", "desktop.intake", "desktop.workflow.service",
         "desktop.views.loket.page", "desktop.views.reports.page", "desktop.letters",
         "requests", "reportlab")


def _heavy(names: list[str]) -> list[str]:
    return [n for n in names if any(n == h or n.startswith(h + ".") for h in HEAVY)]


def _seeded(folder: Path) -> Path:
    """A desk with 30 sample complaints and the reference data (``lapor-desk dev seed``)."""
    subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(folder), "dev", "seed",
                    "--count", "30", "--seed", "1"], check=True, cwd=REPO,
                   capture_output=True)
    return folder


def test_gui_thread_loads_no_store_or_intake_before_first_rows(tmp_path: Path):
    folder = _seeded(tmp_path / "desk")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", CHILD, str(folder)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert "gui_loads" in result, "the queue's first rows were never painted"
    # The window was built and shown with the store still closed: nothing heavy needed.
    assert _heavy(result["before_open"]) == []
    # Up to the first painted rows, the GUI thread loaded none of it either ...
    assert _heavy(result["gui_loads"]) == []
    # ... and the pages not shown (and their modules) were not built by anyone.
    assert result["pages_built"] == [False, False, False]
    loaded = set(result["modules"])
    assert not loaded & {"desktop.intake", "desktop.views.loket.page",
                         "desktop.views.reports.page"}
    assert "sqlalchemy" in loaded  # the DB thread did open the store


def test_pages_are_built_on_first_navigation_and_work(qtbot, tmp_path: Path):
    desk = Desk(_seeded(tmp_path / "desk"), "id")
    try:
        window, ui = desk.window, desk.window.ui
        window.show()
        qtbot.waitUntil(lambda: window.service is not None, timeout=WAIT_MS)
        for action in (ui.actionDesk, ui.actionReports, ui.actionSettings):
            assert window.built_page(action) is None, action.text()
        for name in ("loketPage", "reportsPage", "settingsGeneral"):
            assert window.findChild(QWidget, name) is None, name

        ui.actionDesk.trigger()  # Loket: built now, and given the store that is open
        loket = ui.pages.currentWidget()
        assert loket.objectName() == "loketPage" and loket is window.loket
        assert ui.actionDesk.isChecked()
        qtbot.waitUntil(lambda: loket.context is not None, timeout=WAIT_MS)
        assert loket.ui.submitButton.isEnabled()
        assert loket.ui.agencyCombo.count() > 0

        ui.actionReports.trigger()  # Laporan: computes its recap once shown
        reports = ui.pages.currentWidget()
        assert reports.objectName() == "reportsPage" and reports is window.reports
        qtbot.waitUntil(lambda: reports.report is not None and not reports.loading,
                        timeout=WAIT_MS)

        ui.actionSettings.trigger()  # Pengaturan: "Umum" first, then "Kop Surat"...
        tabs = ui.pages.currentWidget()
        assert isinstance(tabs, QTabWidget) and window.page_of(ui.actionSettings) is tabs
        assert [tabs.tabText(i) for i in range(tabs.count())] == [
            "Umum", "Kop Surat", "Tanda tangan elektronik", "Jabatan"]
        assert tabs.widget(0) is window.settings_hub.general
        assert tabs.widget(1) is window.letters.letterhead_tab

        ui.actionQueue.trigger()
        ui.actionDesk.trigger()  # built once: the same page again
        assert ui.pages.currentWidget() is loket
        assert window.findChildren(ComingSoonPage) == []
        assert len(window.findChildren(QWidget, "loketPage")) == 1
    finally:
        desk.close()


def test_letterhead_menu_entry_builds_the_settings_page(qtbot, tmp_path: Path):
    desk = Desk(tmp_path, "id")
    try:
        window = desk.window
        window.show()
        qtbot.waitUntil(lambda: window.service is not None, timeout=WAIT_MS)
        assert window.built_page(window.ui.actionSettings) is None
        window.settings_hub.letterhead_action.trigger()
        tabs = window.ui.pages.currentWidget()
        assert isinstance(tabs, QTabWidget) and window.ui.actionSettings.isChecked()
        assert tabs.currentWidget() is window.letters.letterhead_tab
        qtbot.waitUntil(lambda: window.letters.profile_page.isEnabled(), timeout=WAIT_MS)
    finally:
        desk.close()
