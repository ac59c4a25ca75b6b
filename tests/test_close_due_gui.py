"""Issue 14.7 through real widgets: a complaint whose reporter did not answer within the
period reads "Siap ditutup" (not "terlambat ... hari kerja" in red) in the queue and the
detail pane, and is counted under "Perlu Ditutup", not "Terlambat"."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from core import Status  # noqa: E402
from desktop.views import queue_model as qm  # noqa: E402
from desktop.views.labels import VIEWS  # noqa: E402
from tests.clocks import office_time, wita  # noqa: E402
from tests.test_gui_queue import select_view  # noqa: E402
from tests.test_workflow_gui import (  # noqa: E402, F401 - fixtures
    WAIT_MS,
    data_dir,
    desk_factory,
    put,
    show,
    truth,
)

pytestmark = pytest.mark.dates


@pytest.fixture(autouse=True)
def _an_ordinary_working_day():
    with office_time(wita(2026, 12, 2, 10, 0)):
        yield


def test_unanswered_reporter_wait_reads_ready_to_close(qtbot, desk_factory, truth):  # noqa: F811
    silent = put(truth, Status.menunggu_tanggapan_pelapor, days_ago=30)["id"]
    late = put(truth, Status.didisposisikan, days_ago=30)["id"]
    desk = desk_factory()
    window = desk.window
    views = window.view_model
    qtbot.waitUntil(lambda: views.count("semua") == 2, timeout=WAIT_MS)
    assert views.count("terlambat") == 1
    assert views.count("perlu_ditutup") == 1
    assert VIEWS.text("perlu_ditutup") == "Perlu Ditutup"

    show(qtbot, desk, silent)
    model = window.model
    row = model.row_of(silent)
    cell = model.index(row, qm.COL_DUE)
    assert cell.data() == "Siap ditutup"
    assert "terlambat" not in cell.data().lower()
    assert "tidak menanggapi" in cell.data(Qt.ItemDataRole.ToolTipRole)
    for col in range(model.columnCount()):
        index = model.index(row, col)
        assert index.data(Qt.ItemDataRole.BackgroundRole) != qm.OVERDUE_BG
        assert index.data(Qt.ItemDataRole.ForegroundRole) != qm.OVERDUE_FG
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == qm.CLOSE_DUE_BG
    # The agency's own lateness still reads as such.
    late_cell = model.index(model.row_of(late), qm.COL_DUE)
    assert "terlambat" in late_cell.data().lower()
    assert late_cell.data(Qt.ItemDataRole.BackgroundRole) == qm.OVERDUE_BG

    detail = window.workflow.detail
    qtbot.waitUntil(lambda: "Menunggu Tanggapan Pelapor" in detail.status_label.text(),
                    timeout=WAIT_MS)
    text = detail.status_label.text()
    assert "terlambat" not in text.lower()
    assert "pelapor tidak menanggapi" in text.lower() and "tutup laporan" in text.lower()
    assert qm.OVERDUE_FG.name() not in text

    select_view(qtbot, desk, "perlu_ditutup")
    assert list(model.ids()) == [silent]
    select_view(qtbot, desk, "terlambat")
    assert list(model.ids()) == [late]
