"""Issue 14: every date field of the desk behaves as the Loket's Tanggal kejadian does: a
typed dd/mm/yyyy is taken (or refused, said in Indonesian), Tab leaves it, F4 opens its
calendar, and a field showing no date opens the calendar at the office's today (WITA, on a
pinned clock whose UTC date is still the day before). The Reopen dialog, the queue's filter
panel, the Laporan page's range and the audit trail. Real widgets, real keys."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from datetime import date, timedelta  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QDate, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from core import OpKind, Status  # noqa: E402
from core.clock import clock  # noqa: E402
from tests import test_intake_loket_gui as loket_gui  # noqa: E402
from tests import test_workflow_gui as workflow_gui  # noqa: E402
from tests.clocks import office_time, utc  # noqa: E402
from tests.test_workflow_gui import open_dialog, put, show  # noqa: E402

pytestmark = pytest.mark.dates

indonesian = loket_gui.indonesian
data_dir, truth, desk_factory = workflow_gui.data_dir, workflow_gui.truth, workflow_gui.desk_factory
# 00.30 WITA on 1 January 2027 is still 31 December in UTC: the calendar must follow WITA.
NEW_YEAR_NIGHT = utc(2026, 12, 31, 16, 30)


def typed(edit, text: str) -> None:
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClicks(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Tab)


def calendar_page(qtbot, edit) -> tuple[int, int]:
    """F4 on the field: the (year, month) its calendar shows; closed again."""
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(edit, Qt.Key.Key_F4)
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible, timeout=5000)
    shown = (calendar.yearShown(), calendar.monthShown())
    QTest.keyClick(calendar, Qt.Key.Key_Escape)  # closed by keyboard too
    qtbot.waitUntil(lambda: not calendar.isVisible(), timeout=5000)
    window = edit.window()
    window.activateWindow()  # offscreen: nothing is active once a popup closes
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    return shown


def dmy(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


@pytest.fixture
def filters(qtbot, indonesian):
    from desktop.views.filters_panel import FiltersPanel

    with office_time(NEW_YEAR_NIGHT):
        panel = FiltersPanel()
        qtbot.addWidget(panel)
        panel.show()
        QTest.keyClick(panel.toggle, Qt.Key.Key_Space)  # open the filters by keyboard
        assert panel.body.isVisible()
        yield panel


def test_filter_dates_typed_refused_and_tab_leaves(qtbot, filters):
    emitted = []
    filters.filter_changed.connect(emitted.append)
    # "any date": the calendar opens at the office's today, not at Januari 2000.
    assert filters.date_from.text() == "semua tanggal"
    assert calendar_page(qtbot, filters.date_from) == (2027, 1)
    assert calendar_page(qtbot, filters.date_to) == (2027, 1)

    typed(filters.date_from, "15/11/2026")
    assert filters.values()["date_from"] == date(2026, 11, 15)
    assert emitted and emitted[-1]["date_from"] == date(2026, 11, 15)
    assert filters.date_to.hasFocus()  # Tab left the field for the next one
    typed(filters.date_to, "3112")  # the year is the one shown: today's
    assert filters.values()["date_to"] == date(2027, 12, 31)
    assert not filters.date_error.isVisible()

    typed(filters.date_from, "31/02/2026")  # no such day: said, the date kept
    assert filters.values()["date_from"] == date(2026, 11, 15)
    assert filters.date_error.isVisible()
    assert "bukan tanggal" in filters.date_error.text()
    typed(filters.date_from, "01/12/2026")
    assert not filters.date_error.isVisible()
    assert filters.toggle.text() == "Filter (2)"


def test_laporan_range_typed(qtbot, indonesian):
    from desktop.tasks import Tasks
    from desktop.views.reports.page import ReportsPage

    tasks = Tasks()
    try:
        with office_time(NEW_YEAR_NIGHT):
            page = ReportsPage(tasks, "id")
            qtbot.addWidget(page)
            page.show()
            page.period_combo.setFocus()
            QTest.keyClick(page.period_combo, Qt.Key.Key_End)  # "Rentang tanggal"
            assert page.from_edit.isEnabled() and page.to_edit.isEnabled()
            # The range shown is this month's until changed: its calendar opens there.
            assert calendar_page(qtbot, page.to_edit) == (2027, 1)
            typed(page.from_edit, "01/10/2026")
            assert page.to_edit.hasFocus()
            typed(page.to_edit, "30/11/2026")
            assert page.period() == (date(2026, 10, 1), date(2026, 11, 30))
            typed(page.from_edit, "10/10/1999")  # before the desk's first date: refused
            assert page.period()[0] == date(2026, 10, 1)
            assert "tidak dapat dipakai" in page._range_error.text()
            assert page._range_error.isVisible()
    finally:
        tasks.shutdown()


def test_audit_period_typed(qtbot, indonesian):
    from desktop.views.audit_viewer.dialog import AuditDialog

    with office_time(NEW_YEAR_NIGHT):
        dialog = AuditDialog(None, None)  # no fetch: only its filters are used here
        qtbot.addWidget(dialog)
        dialog.show()
        assert calendar_page(qtbot, dialog.date_to) == (2027, 1)  # today, in WITA
        typed(dialog.date_from, "02/12/2026")
        assert dialog.date_to.hasFocus()
        typed(dialog.date_to, "15/12/2026")
        filters = dialog.filters()
        assert (filters["date_from"], filters["date_to"]) == ("2026-12-02", "2026-12-15")
        typed(dialog.date_from, "1/13")  # no 13th month
        assert dialog.filters()["date_from"] == "2026-12-02"
        assert "bukan tanggal" in dialog.status.text()


def test_reopen_deadline_typed_and_refused(qtbot, desk_factory, truth):
    cid = put(truth, Status.selesai)["id"]
    desk = desk_factory()
    show(qtbot, desk, cid)
    dialog = open_dialog(qtbot, desk, OpKind.reopen)
    ui = dialog.ui
    QTest.keyClicks(ui.reasonEdit, "Pelapor menyampaikan antrean kembali mengular.")
    ui.dueCheck.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(ui.dueCheck, Qt.Key.Key_Space)  # "set the deadline by hand"
    assert ui.dueEdit.isEnabled()
    shown = ui.dueEdit.date()
    assert calendar_page(qtbot, ui.dueEdit) == (shown.year(), shown.month())

    today = clock().today()
    wanted = today + timedelta(days=9)
    typed(ui.dueEdit, dmy(wanted))
    assert ui.dueEdit.date() == QDate(wanted.year, wanted.month, wanted.day)
    assert not ui.dueEdit.hasFocus()  # Tab left the date

    yesterday = today - timedelta(days=1)
    typed(ui.dueEdit, dmy(yesterday))  # refused, said beside the field, nothing saved
    assert ui.dueEdit.date() == QDate(wanted.year, wanted.month, wanted.day)
    label = dialog.error_label("due_date")
    assert label is not None and dmy(yesterday) in label.text()
    workflow_gui.confirm_invalid(qtbot, dialog, truth, "due_date")

    typed(ui.dueEdit, dmy(wanted).replace("/", ""))  # the slashes come by themselves
    assert dialog.error_label("due_date") is None
    for row in range(ui.unitsList.count()):
        ui.unitsList.item(row).setCheckState(Qt.CheckState.Checked)
    # Day and month typed, then Ctrl+Enter at once: the typed date is the one saved.
    final = near_in_year(wanted)
    ui.dueEdit.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClicks(ui.dueEdit, f"{final.day:02d}/{final.month:02d}")  # the year: shown
    QTest.keySequence(ui.dueEdit, "Ctrl+Return")
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=15_000)
    assert truth.complaint(cid)["due_date"] == final.isoformat()


def near_in_year(day: date) -> date:
    """The day after ``day``, or the day before when the year ends on it."""
    after = day + timedelta(days=1)
    return after if after.year == day.year else day - timedelta(days=1)


def test_dispose_deadline_typed_then_saved_at_once(qtbot, desk_factory, truth):
    cid = put(truth, Status.belum_diverifikasi)["id"]
    desk = desk_factory()
    show(qtbot, desk, cid)
    dialog = open_dialog(qtbot, desk, OpKind.dispose)
    ui = dialog.ui
    for row in range(ui.unitsList.count()):
        ui.unitsList.item(row).setCheckState(Qt.CheckState.Checked)
    shown = ui.dueEdit.date()
    wanted = near_in_year(date(shown.year(), shown.month(), shown.day()))
    ui.dueEdit.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClicks(ui.dueEdit, f"{wanted.day:02d}/{wanted.month:02d}")  # no Tab, no year
    QTest.keySequence(ui.dueEdit, "Ctrl+Return")
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=15_000)
    assert truth.complaint(cid)["due_date"] == wanted.isoformat()
