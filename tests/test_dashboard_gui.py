"""The Dasbor page on the hand-counted store (tests/test_reports_fixtures.py), driven with
pytest-qt: its figures, and clicks that lead to the queue filtered to what was clicked."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import shutil  # noqa: E402
from datetime import date, datetime, time  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QScrollArea  # noqa: E402

from core.clock import WITA  # noqa: E402
from desktop.app import Desk  # noqa: E402
from desktop.store import DeskService  # noqa: E402
from desktop.store.queue import OPEN_STATUS  # noqa: E402
from desktop.views.dashboard.page import PERIODS, DashboardPage  # noqa: E402
from desktop.views.dashboard.tables import COL_LATE  # noqa: E402
from tests.clocks import office_time  # noqa: E402
from tests.test_dashboard_store import DIRECTORY  # noqa: E402
from tests.test_reports_fixtures import TODAY, fill  # noqa: E402
from tests.test_reports_gui import WAIT_MS, open_desk  # noqa: E402

pytestmark = pytest.mark.dates

NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture(autouse=True)
def _on_the_fixtures_day():
    with office_time(datetime.combine(TODAY, time(10), WITA)):
        yield


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> tuple[Path, dict]:
    path = tmp_path_factory.mktemp("dashboard-gui")
    snaps = fill(path)
    with DeskService(path) as store:
        store.set_sync_state("directory_users", DIRECTORY)
    return path, snaps


@pytest.fixture
def folder(filled, tmp_path: Path) -> Path:
    target = tmp_path / "desk"
    shutil.copytree(filled[0], target)
    return target


@pytest.fixture
def desk(qtbot, folder: Path):
    desk = open_desk(qtbot, folder)
    yield desk
    desk.close()


def show_november(qtbot, desk: Desk) -> DashboardPage:
    window = desk.window
    window.dashboard_action.trigger()
    page = window.dashboard
    assert window.ui.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.dashboard is not None and not page.loading, timeout=WAIT_MS)
    with qtbot.waitSignal(page.computed, timeout=WAIT_MS):
        page.period_combo.setCurrentIndex(PERIODS.index("last_month"))
    assert page.period() == NOVEMBER
    return page


def queue_shows(qtbot, desk: Desk) -> int:
    """The queue is on screen with its new filter's rows: how many."""
    window = desk.window
    assert window.ui.pages.currentWidget() is window.ui.queuePage
    assert window.ui.actionQueue.isChecked()
    qtbot.waitUntil(lambda: not window.model.loading, timeout=WAIT_MS)
    return window.model.rowCount()


def click_in(page: DashboardPage, widget, point) -> None:
    page.findChild(QScrollArea, "dashboardScroll").ensureWidgetVisible(widget)
    point = point.toPoint() if hasattr(point, "toPoint") else point
    QTest.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, point)


def test_the_dashboard_shows_the_periods_figures(qtbot, desk):
    window = desk.window
    assert window.ui.pages.currentWidget() is window.ui.queuePage  # nobody signed in
    page = show_november(qtbot, desk)
    assert window.dashboard_action.text() == "Dasbor"
    assert page.status.text() == ("1 Nov 2026 – 30 Nov 2026, dibandingkan dengan "
                                  "1 Okt 2026 – 31 Okt 2026")
    assert page.received_tile.value.text() == "12"
    assert page.received_tile.change.text() == "▲ 1.100,0 % dari 1"
    assert page.closed_tile.value.text() == "5"
    assert page.closed_tile.change.text() == "periode sebelumnya: 0"
    assert page.on_time_tile.value.text() == "60,0 %"
    # Units with completed complaints, the most completed on top (drawn last).
    assert page.unit_chart.keys == ["SDK", "P2P", "YANKES"]
    assert page.unit_chart.labels[-1] == "50,0 % · Bidang Pelayanan Kesehatan"
    assert page.category_chart.labels == ["60,0 % · Kesehatan"]
    assert page.region_chart.labels == ["60,0 % · Kota Banjarmasin"]
    assert page.unit_note.isVisible() and page.unit_note.text().startswith("1 pengaduan")
    trend = page.trend_chart.chart().series()[0].barSets()
    assert [trend[0].at(i) for i in (10, 11)] == [1, 12] and trend[1].at(11) == 5
    workload = page.workload_model
    rows = [[workload.index(r, c).data() for c in range(workload.columnCount())]
            for r in range(workload.rowCount())]
    assert rows[0] == ["Sari Admin", "Menunggu verifikasi dan disposisi", "5", "0", "5"]
    assert ["Budi Santoso", "Bidang Pencegahan dan Pengendalian Penyakit", "1", "0", "1"] in rows
    oldest = page.oldest_model
    assert oldest.rowCount() == 8
    assert [oldest.index(0, c).data() for c in (2, 3, 4)] == [
        "31 Okt 2026", "45", "Belum Diverifikasi"]


def test_clicking_a_unit_bar_filters_the_queue_by_that_unit(qtbot, desk):
    page = show_november(qtbot, desk)
    chart = page.unit_chart
    row = chart.keys.index("YANKES")
    qtbot.waitUntil(lambda: chart.chart().plotArea().width() > 0, timeout=WAIT_MS)
    click_in(page, chart, chart.bar_point(row))
    assert queue_shows(qtbot, desk) == 5  # A, B, C, D, F
    flt = desk.window.model.queue_filter
    assert (flt.unit_code, flt.date_from, flt.date_to) == ("YANKES", *NOVEMBER)
    filters = desk.window.workflow.filters
    assert filters.unit.currentData() == "YANKES"  # shown, and cleared with "Hapus"
    assert filters.reset_button.isVisibleTo(filters)


def test_clicking_a_months_completed_bar(qtbot, desk):
    page = show_november(qtbot, desk)
    chart = page.trend_chart
    qtbot.waitUntil(lambda: chart.chart().plotArea().width() > 0, timeout=WAIT_MS)
    click_in(page, chart, chart.bar_point(11, completed=True))
    assert queue_shows(qtbot, desk) == 5
    flt = desk.window.model.queue_filter
    assert (flt.status, flt.date_from, flt.date_to) == ("selesai", *NOVEMBER)
    assert desk.window.workflow.filters.status.currentText() == "Selesai"


def test_clicking_a_late_count_in_the_workload(qtbot, desk, filled):
    page = show_november(qtbot, desk)
    view, model = page.workload_view, page.workload_model
    row = next(r for r in range(model.rowCount()) if model.item(r).unit_code == "P2P")
    index = model.index(row, COL_LATE)
    click_in(page, view, view.visualRect(index).center())
    assert queue_shows(qtbot, desk) == 1
    flt = desk.window.model.queue_filter
    assert (flt.view, flt.unit_code) == ("terlambat", "P2P")
    assert desk.window.model.id_at(0) == filled[1]["E"]["id"]


def test_clicking_an_old_complaint_opens_it_in_the_open_queue(qtbot, desk, filled):
    page = show_november(qtbot, desk)
    view = page.oldest_view
    click_in(page, view, view.visualRect(page.oldest_model.index(0, 1)).center())
    assert queue_shows(qtbot, desk) == 8
    flt = desk.window.model.queue_filter
    assert flt.status == OPEN_STATUS and flt.date_from is None
    j = filled[1]["J"]["id"]
    qtbot.waitUntil(lambda: desk.window.ui.detailPane.complaint_id == j, timeout=WAIT_MS)
    assert desk.window.model.id_at(0) == j  # oldest first


def test_a_leader_starts_on_the_dashboard(qtbot, folder: Path):
    with DeskService(folder) as store:
        store.set_actor({"username": "kadis", "role": "pimpinan", "agency": "DINKES",
                         "units": [], "full_name": "dr. Hj. Rina Marlina"})
    desk = open_desk(qtbot, folder)
    try:
        window = desk.window
        qtbot.waitUntil(lambda: window.ui.pages.currentWidget() is window.built_page(
            window.dashboard_action) is not None, timeout=WAIT_MS)
        assert window.dashboard_action.isChecked()
        page = window.dashboard
        qtbot.waitUntil(lambda: page.dashboard is not None, timeout=WAIT_MS)
        # Going elsewhere and back: the desk does not pull the leader back on its own.
        window.ui.actionQueue.trigger()
        desk.window.workflow.controller.reload_actor()
        qtbot.wait(300)
        assert window.ui.pages.currentWidget() is window.ui.queuePage
    finally:
        desk.close()


def test_a_figure_opens_its_complaints_from_the_keyboard(qtbot, desk):
    page = show_november(qtbot, desk)
    page.findChild(QScrollArea, "dashboardScroll").ensureWidgetVisible(page.received_tile)
    page.received_tile.setFocus()
    QTest.keyClick(page.received_tile, Qt.Key.Key_Return)
    assert queue_shows(qtbot, desk) == 12
    flt = desk.window.model.queue_filter
    assert (flt.status, flt.date_from, flt.date_to) == (None, *NOVEMBER)
