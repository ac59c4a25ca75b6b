"""Issue 14 by keyboard: Tab reaches every input of the Loket form and of the Verifikasi and
Disposisi dialogs and never stays put; dates are typed (dd/mm/yyyy) and a refused one is
said so; an "unknown" date's calendar opens at today's month."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from datetime import date  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QDate, QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from core import OpKind, Status  # noqa: E402
from core.clock import clock  # noqa: E402
from tests import test_intake_loket_gui as loket_gui  # noqa: E402
from tests import test_workflow_gui as workflow_gui  # noqa: E402
from tests.tab_walk import walk  # noqa: E402
from tests.test_workflow_gui import open_dialog, put, show  # noqa: E402

pytestmark = pytest.mark.dates

# The fixtures of the Loket and workflow GUI tests.
indonesian, loket_desk = loket_gui.indonesian, loket_gui.desk
data_dir, truth, desk_factory = workflow_gui.data_dir, workflow_gui.truth, workflow_gui.desk_factory


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def type_date(qtbot, edit, text: str) -> None:
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(edit, text)


# --- Loket -----------------------------------------------------------------------------------

def test_loket_tab_reaches_every_input_and_never_traps(loket_desk, qtbot):
    ui = loket_desk.page.ui
    result = walk(loket_desk.page, ui.loketRadio)
    assert not result.traps, result.order
    assert not result.missed, result.order
    position = {name: i for i, name in reversed(list(enumerate(result.order)))}
    for before, after in (("classificationCombo", "incidentDateEdit"),
                          ("incidentDateEdit", "unitCombo"),
                          ("locationEdit", "attachmentList"), ("clearButton", "submitButton")):
        assert position[before] < position[after], result.order


def test_loket_shift_tab_leaves_the_unknown_date_backwards(loket_desk, qtbot):
    ui = loket_desk.page.ui
    ui.incidentDateEdit.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(ui.incidentDateEdit, Qt.Key.Key_Backtab)
    assert ui.classificationCombo.hasFocus()


def test_loket_incident_calendar_opens_at_today(loket_desk, qtbot):
    edit = loket_desk.page.ui.incidentDateEdit
    assert edit.text() == "Tidak diketahui" or edit.date() == edit.minimumDate()
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 6,
                                                                  edit.height() // 2))
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible, timeout=5000)
    today = clock().today()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    calendar.window().hide()
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_F4)  # the keyboard way in
    qtbot.waitUntil(calendar.isVisible, timeout=5000)
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    calendar.window().hide()


def test_loket_typed_incident_date(loket_desk, qtbot):
    page, ui = loket_desk.page, loket_desk.page.ui
    today = clock().today()
    type_date(qtbot, ui.incidentDateEdit, "25/11/2026")
    QTest.keyClick(ui.incidentDateEdit, Qt.Key.Key_Tab)
    assert ui.incidentDateEdit.date() == QDate(2026, 11, 25)
    assert page.form()["incident_date"] == "2026-11-25"
    assert not ui.incidentDateError.isVisible()
    # A day after today is not an incident date: said beside the field, date kept.
    type_date(qtbot, ui.incidentDateEdit, "03/12/2026" if today == date(2026, 12, 2)
              else qdate(today).addDays(1).toString("dd/MM/yyyy"))
    assert ui.incidentDateEdit.date() == QDate(2026, 11, 25)
    assert ui.incidentDateError.isVisible()
    assert "tidak dapat dipakai" in ui.incidentDateError.text()
    assert qdate(today).toString("dd/MM/yyyy") in ui.incidentDateError.text()
    type_date(qtbot, ui.incidentDateEdit, "24/11")  # the year is the one shown
    QTest.keyClick(ui.incidentDateEdit, Qt.Key.Key_Tab)
    assert ui.incidentDateEdit.date() == QDate(2026, 11, 24)
    assert not ui.incidentDateError.isVisible()


# --- Verifikasi and Disposisi ----------------------------------------------------------------

def _dialog(qtbot, desk_factory, truth, kind: OpKind):
    cid = put(truth, Status.belum_diverifikasi)["id"]
    desk = desk_factory()
    show(qtbot, desk, cid)
    return cid, open_dialog(qtbot, desk, kind)


@pytest.mark.parametrize("kind", [OpKind.verify, OpKind.dispose])
def test_action_dialog_tab_reaches_every_input(qtbot, desk_factory, truth, kind):
    _cid, dialog = _dialog(qtbot, desk_factory, truth, kind)
    first = dialog.focusWidget() or dialog.ok_button
    result = walk(dialog, first)
    assert not result.traps, result.order
    assert not result.missed, result.order
    dialog.reject()


def test_dispose_deadline_typed(qtbot, desk_factory, truth):
    cid, dialog = _dialog(qtbot, desk_factory, truth, OpKind.dispose)
    ui = dialog.ui
    automatic = ui.dueEdit.date()
    wanted = automatic.addDays(6)
    type_date(qtbot, ui.dueEdit, wanted.toString("dd/MM/yyyy"))
    assert ui.dueEdit.date() == wanted
    assert ui.dueResetButton.isEnabled()  # set by hand

    # Yesterday is refused, loudly, and the dialog will not save until it is fixed.
    yesterday = qdate(clock().today()).addDays(-1).toString("dd/MM/yyyy")
    type_date(qtbot, ui.dueEdit, yesterday)
    QTest.keyClick(ui.dueEdit, Qt.Key.Key_Tab)
    assert ui.dueEdit.date() == wanted
    label = dialog.error_label("due_date")
    assert label is not None and yesterday in label.text()
    assert "tidak dapat dipakai" in label.text()
    assert dialog.banner.isVisible()
    for row in range(ui.unitsList.count()):
        ui.unitsList.item(row).setCheckState(Qt.CheckState.Checked)
    workflow_gui.confirm_invalid(qtbot, dialog, truth, "due_date")

    type_date(qtbot, ui.dueEdit, wanted.toString("ddMMyyyy"))  # slashes come by themselves
    assert dialog.error_label("due_date") is None
    workflow_gui.confirmed(qtbot, dialog)
    assert truth.complaint(cid)["due_date"] == date(wanted.year(), wanted.month(),
                                                    wanted.day()).isoformat()

