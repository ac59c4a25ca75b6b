"""Escalation on the Dasbor (issue 18.3), driven with pytest-qt on a real desk: a
disposition past its deadline is listed, the pimpinan acting on the desk is told once
(status bar and tray), and a row opens the complaint in the queue's "Terlambat" view."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from datetime import datetime, time  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QScrollArea  # noqa: E402

from core import WITA, Actor, OpKind, Role  # noqa: E402
from desktop.store import DeskService  # noqa: E402
from desktop.store.demo import reference_data  # noqa: E402
from desktop.workflow.actor import set_local_actor  # noqa: E402
from tests.clocks import office_time  # noqa: E402
from tests.test_reports_fixtures import at, dispose, walk  # noqa: E402
from tests.test_reports_gui import WAIT_MS, open_desk  # noqa: E402

pytestmark = pytest.mark.dates

LEADER = Actor("kadis", Role.pimpinan, "DINKES", (), "Kepala Dinas")


@pytest.fixture(autouse=True)
def _on_thursday_12_november():
    # Disposed Tue 3 Nov, the answer was due Tue 10 Nov: 2 working days late.
    with office_time(datetime.combine(datetime(2026, 11, 12).date(), time(10), WITA)):
        yield


def fill(folder: Path, actor: Actor) -> str:
    snap = walk(at("2026-11-02"), [("2026-11-03", OpKind.dispose, dispose("P2P"))],
                channel="web", category="kesehatan")
    snap["tracking_number"] = 1_960_001
    with DeskService(folder) as store:
        store.merge_reference(**reference_data())
        store.upsert_snapshots([snap])
        set_local_actor(store, actor)
    return snap["id"]


def show(qtbot, desk):
    window = desk.window
    if window.ui.pages.currentWidget() is not getattr(window, "dashboard", None):
        window.dashboard_action.trigger()
    section = window.dashboard.escalation
    qtbot.waitUntil(lambda: section.found is not None, timeout=WAIT_MS)
    return section


def test_the_pimpinan_is_told_once_and_opens_the_complaint(qtbot, tmp_path: Path):
    late_id = fill(tmp_path / "desk", LEADER)
    desk = open_desk(qtbot, tmp_path / "desk")
    try:
        window = desk.window
        section = show(qtbot, desk)
        model = section.model
        assert [model.index(0, c).data() for c in range(model.columnCount())] == [
            "1960001", "Antrean panjang di puskesmas Banjarbaru",
            "Bidang Pencegahan dan Pengendalian Penyakit", "10 Nov 2026", "2", "1"]
        assert section.heading.text() == "Disposisi lewat batas waktu"
        assert window.last_announcement == (
            "1 disposisi lewat batas waktu: 1960001 Antrean panjang di puskesmas Banjarbaru")
        # The status bar gets one line that fits beside the sync status, not the titles.
        assert window.statusBar().currentMessage() == (
            "1 disposisi lewat batas waktu: lihat Dasbor.")
        # Computed again (after a sync, say): listed still, not told again.
        window.last_announcement = None
        with qtbot.waitSignal(section.computed, timeout=WAIT_MS):
            window.dashboard.refresh()
        assert model.rowCount() == 1 and window.last_announcement is None
        view = section.view
        window.dashboard.findChild(QScrollArea, "dashboardScroll").ensureWidgetVisible(view)
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier,
                         view.visualRect(model.index(0, 1)).center())
        qtbot.waitUntil(lambda: window.ui.pages.currentWidget() is window.ui.queuePage,
                        timeout=WAIT_MS)
        assert window.model.queue_filter.view == "terlambat"
        qtbot.waitUntil(lambda: window.ui.detailPane.complaint_id == late_id, timeout=WAIT_MS)
    finally:
        desk.close()


def test_told_while_elsewhere_and_the_setting(qtbot, tmp_path: Path):
    fill(tmp_path / "desk", LEADER)
    desk = open_desk(qtbot, tmp_path / "desk")
    try:
        window = desk.window
        section = show(qtbot, desk)
        assert window.last_announcement.startswith("1 disposisi")
        # The leader goes to the queue; a sync brings another late disposition.
        window.ui.actionQueue.trigger()
        window.last_announcement = None
        other = walk(at("2026-11-02"), [("2026-11-02", OpKind.dispose, dispose("YANKES"))],
                     channel="web", category="kesehatan")
        other.update(tracking_number=1_960_002, title="Obat di puskesmas kosong")
        window.service.upsert_snapshots([other])
        with qtbot.waitSignal(section.computed, timeout=WAIT_MS):
            window.refresh()
        assert window.last_announcement == (
            "1 disposisi lewat batas waktu: 1960002 Obat di puskesmas kosong")
        # Escalate only 3 working days after the deadline: both are 2 or 3 days late.
        show(qtbot, desk)
        spin = section.after_spin
        assert spin.value() == 1 and spin.suffix() == " hari kerja"
        spin.setFocus()
        spin.setValue(3)
        with qtbot.waitSignal(section.computed, timeout=WAIT_MS):
            spin.editingFinished.emit()
        assert [section.model.index(r, 0).data() for r in range(section.model.rowCount())] == [
            "1960002"]
        assert window.service.get_setting("escalation_after_days") == 3
    finally:
        desk.close()


def test_an_officer_is_not_told(qtbot, tmp_path: Path):
    officer = Actor("rina", Role.petugas_unit, "DINKES", ("P2P",), "Rina Wati")
    fill(tmp_path / "desk", officer)
    desk = open_desk(qtbot, tmp_path / "desk")
    try:
        section = show(qtbot, desk)
        assert section.model.rowCount() == 1  # the list is there for whoever looks
        assert getattr(desk.window, "last_announcement", None) is None
    finally:
        desk.close()
