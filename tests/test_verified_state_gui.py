"""Issue 14 item 2: after Verifikasi the desk shows the complaint as verified.

A verified complaint keeps the status ``belum_diverifikasi`` (it still awaits disposition)
but is shown as "Terverifikasi, Menunggu Disposisi", leaves the "Perlu Verifikasi" view,
and its verification clock stops (no longer "Terlambat"); Verifikasi is not offered twice.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest  # noqa: E402

from core import OpKind, Status  # noqa: E402
from desktop.store.service import QueueFilter  # noqa: E402
from desktop.views.queue_model import COL_DUE, COL_STATUS  # noqa: E402
from tests.clocks import office_time, wita  # noqa: E402
from tests.test_workflow_gui import (  # noqa: E402, F401 - fixtures
    WAIT_MS,
    confirmed,
    data_dir,
    desk_factory,
    open_dialog,
    put,
    show,
    truth,
)

pytestmark = pytest.mark.dates


@pytest.fixture(autouse=True)
def _an_ordinary_working_day():
    """"10 days ago" is past the 3-working-day verification deadline on an ordinary week,
    not across Lebaran's cuti bersama (March 2027): pin the day this test is about."""
    with office_time(wita(2026, 12, 2, 10, 0)):
        yield


def test_verified_complaint_shows_it_and_leaves_needs_verification(  # noqa: F811
        qtbot, desk_factory, truth):  # noqa: F811
    cid = put(truth, Status.belum_diverifikasi, days_ago=10)["id"]
    other = put(truth, Status.belum_diverifikasi, days_ago=10)["id"]
    desk = desk_factory()
    window = desk.window
    views = window.view_model
    qtbot.waitUntil(lambda: views.count("perlu_verifikasi") == 2, timeout=WAIT_MS)
    assert views.count("terlambat") == 2
    show(qtbot, desk, cid)
    row = window.model.row_of(cid)
    assert "terlambat" in window.model.index(row, COL_DUE).data().lower()

    dialog = open_dialog(qtbot, desk, OpKind.verify)
    dialog.ui.categoryCombo.setCurrentIndex(
        dialog.ui.categoryCombo.findData("puskesmas_rumah_sakit"))
    confirmed(qtbot, dialog)

    snap = truth.complaint(cid)
    assert snap["status"] == Status.belum_diverifikasi.value and snap["verified_at"]
    assert snap["due_date"] is None  # the verification clock stopped
    qtbot.waitUntil(lambda: views.count("perlu_verifikasi") == 1, timeout=WAIT_MS)
    assert views.count("terlambat") == 1
    assert truth.queue_ids(QueueFilter(view="perlu_verifikasi")) == [other]
    assert cid not in truth.queue_ids(QueueFilter(view="terlambat"))

    flow = window.workflow
    qtbot.waitUntil(lambda: "Terverifikasi" in flow.detail.status_label.text(), timeout=WAIT_MS)
    assert "terlambat" not in flow.detail.status_label.text().lower()
    window.refresh()
    qtbot.waitUntil(lambda: window.model.row_of(cid) is not None
                    and "Terverifikasi" in (window.model.index(
                        window.model.row_of(cid), COL_STATUS).data() or ""), timeout=WAIT_MS)
    row = window.model.row_of(cid)
    assert window.model.index(row, COL_DUE).data() == "—"
    assert "Menunggu Disposisi" in window.model.index(row, COL_STATUS).data(3)  # tooltip
    # Verifying twice is not offered; disposition is the next step.
    actions = flow.controller.actions
    qtbot.waitUntil(lambda: not actions[OpKind.verify].isEnabled(), timeout=WAIT_MS)
    assert "sudah diverifikasi" in actions[OpKind.verify].toolTip().lower()
    assert actions[OpKind.dispose].isEnabled()
