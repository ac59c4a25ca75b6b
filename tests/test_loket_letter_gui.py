"""Issue 17.6 on the Loket: choosing "Surat" shows asal, nomor and tanggal surat (Tab goes
through them), they reach the recorded complaint's ``letter_ref``, and a number without an
origin is refused with a message."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from PySide6.QtCore import QDate, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from .test_intake_loket_gui import (  # noqa: E402, F401
    Desk,
    click,
    desk,
    indonesian,
    record_simple,
    type_into,
    wait_receipt,
)

pytestmark = pytest.mark.dates


def test_letter_fields_reach_the_complaint(desk: Desk, qtbot) -> None:  # noqa: F811
    page, ui = desk.page, desk.page.ui
    fields = page.letter_fields
    assert not fields.isVisible()
    click(qtbot, ui.suratRadio)
    assert fields.isVisible()
    ui.suratRadio.setFocus()
    qtbot.keyClick(ui.suratRadio, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is fields.origin
    type_into(qtbot, fields.number, "140/27/DS/XI/2026")
    click(qtbot, ui.submitButton)  # a number without its origin: refused, said why
    assert "Asal surat" in ui.formMessage.text()
    assert desk.store.outbox() == []
    type_into(qtbot, fields.origin, "Kepala Desa Sungai Tabuk")
    fields.date.setDate(QDate(2026, 11, 28))
    record_simple(qtbot, ui)
    wait_receipt(desk)
    (created,) = desk.store.outbox()
    snap = desk.store.complaint(created["complaint_id"])
    assert snap["channel"] == "surat"
    assert snap["letter_ref"] == {"origin": "Kepala Desa Sungai Tabuk",
                                  "number": "140/27/DS/XI/2026", "date": "2026-11-28"}
