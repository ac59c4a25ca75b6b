"""The Dasbor's "Masalah Berulang" section on the seed store (tests/recurring_seed.py),
driven with pytest-qt: the groups, a group's complaints, a complaint opened in the queue
filtered to the group, and the brief PDF."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import subprocess  # noqa: E402
from datetime import date, datetime, time  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QScrollArea  # noqa: E402

from core.clock import WITA  # noqa: E402
from tests import recurring_seed  # noqa: E402
from tests.clocks import office_time  # noqa: E402
from tests.test_reports_gui import WAIT_MS, open_desk  # noqa: E402

pytestmark = pytest.mark.dates


@pytest.fixture(autouse=True)
def _on_the_seeds_day():
    with office_time(datetime.combine(recurring_seed.today(), time(10), WITA)):
        yield


@pytest.fixture
def desk(qtbot, tmp_path: Path):
    recurring_seed.fill(tmp_path / "desk")
    desk = open_desk(qtbot, tmp_path / "desk")
    yield desk
    desk.close()


def show_section(qtbot, desk):
    window = desk.window
    window.dashboard_action.trigger()
    section = window.dashboard.recurring
    qtbot.waitUntil(lambda: bool(section.groups), timeout=WAIT_MS)
    return section


def rows(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_the_groups_and_a_complaint_opened_in_the_queue(qtbot, desk):
    section = show_section(qtbot, desk)
    assert section.heading.text() == "Masalah berulang (90 hari terakhir)"
    groups = rows(section.group_model)
    assert len(groups) == len(section.groups) >= 20
    bridge = next(n for n, g in enumerate(section.groups) if g.place_code == "63.07.01.2003")
    assert groups[bridge] == ["Barikin, Haruyan", "Jalan dan Jembatan", "9",
                              str(section.groups[bridge].open_count), "29 Nov 2026"]
    assert section.member_model.rowCount() == section.groups[0].size  # the first is chosen
    section.groups_view.selectRow(bridge)
    members = rows(section.member_model)
    assert len(members) == 9
    assert members[0][1:3] == ["29 Nov 2026", "Jembatan ulin di Desa Barikin rusak parah"]
    chosen = section.groups[bridge].items[2]
    view = section.members_view
    desk.window.dashboard.findChild(QScrollArea, "dashboardScroll").ensureWidgetVisible(view)
    view.scrollTo(section.member_model.index(2, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.visualRect(section.member_model.index(2, 2)).center())
    window = desk.window
    qtbot.waitUntil(lambda: window.ui.pages.currentWidget() is window.ui.queuePage,
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.model.loading, timeout=WAIT_MS)
    flt = window.model.queue_filter
    assert (flt.kecamatan_code, flt.category_id, flt.date_from, flt.date_to) == (
        "63.07.01", "jalan_jembatan", date(2026, 9, 14), date(2026, 11, 29))
    assert window.model.rowCount() >= 9  # the group's nine and other bridges of Haruyan
    qtbot.waitUntil(lambda: window.ui.detailPane.complaint_id == chosen.id, timeout=WAIT_MS)


def test_the_brief_of_a_group(qtbot, desk, tmp_path: Path):
    section = show_section(qtbot, desk)
    assert section.print_button.isEnabled()
    assert section.print_button.text() == "Cetak ringkasan (PDF)…"
    group = section.current_group()
    with qtbot.waitSignal(section.exported, timeout=WAIT_MS):
        section.export_to(tmp_path / "ringkasan.pdf")
    assert section.notice.text().startswith("Ringkasan disimpan ke ")
    text = " ".join(subprocess.run(
        ["pdftotext", str(tmp_path / "ringkasan.pdf"), "-"], capture_output=True, text=True,
        check=True).stdout.split())
    assert "RINGKASAN MASALAH BERULANG" in text
    assert all(item.number in text for item in group.items)


def test_the_window_setting(qtbot, desk):
    section = show_section(qtbot, desk)
    whole = sum(g.size for g in section.groups)
    assert section.window_spin.value() == 90
    section.window_spin.setValue(30)
    with qtbot.waitSignal(section.computed, timeout=WAIT_MS):
        section.window_spin.editingFinished.emit()
    assert section.heading.text() == "Masalah berulang (30 hari terakhir)"
    assert 0 < sum(g.size for g in section.groups) < whole
    assert desk.window.service.get_setting("recurring_window_days") == 30
