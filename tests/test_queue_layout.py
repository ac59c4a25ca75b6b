"""The queue's columns on the desks' common screen (1366x768), at 100 % and 125 % scaling,
the officer's own column widths, and the width-sharing rule itself."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import json  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from desktop import cli  # noqa: E402
from desktop.app import Desk  # noqa: E402
from desktop.views import queue_columns as qc  # noqa: E402
from desktop.views import queue_model as qm  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
WAIT_MS = 15_000


def probe(scale: float) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM",
                                                            "QT_SCALE_FACTOR")}
    proc = subprocess.run([sys.executable, "-m", "tests.queue_layout_probe", "--scale",
                           str(scale)], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_at_1366x768_every_status_and_provisional_number_fits():
    found = probe(1.0)
    assert found["screen"] == [1366, 768]
    sections = found["sections"]
    assert found["status_longest"] in ("Belum Diverifikasi", "Menunggu Pelapor")
    assert sections["status"] >= found["status_needed"], found
    assert found["provisional_numbers"], "the demo desk must show provisional numbers"
    assert sections["tracking_number"] >= found["provisional_needed"], found
    assert not found["hscroll_visible"] and found["header_length"] <= found["viewport"], found
    # The queue, not the detail, has most of the window.
    views, queue, detail = found["splitter"]
    assert queue >= 0.6 * found["window"][0] and detail < queue / 2, found
    assert sections["title"] > max(sections[k] for k in ("category", "region", "unit"))


def test_at_125_percent_the_queue_does_not_scroll_sideways():
    found = probe(1.25)
    assert found["screen"] == [1093, 614]  # logical pixels of a 1366x768 panel at 125 %
    assert not found["hscroll_visible"] and found["header_length"] <= found["viewport"], found
    sections = found["sections"]
    assert sections["title"] >= 60, found
    assert sections["due_date"] >= 100, found  # "Terlambat 888 hari" is what matters most


# --- the sharing rule -------------------------------------------------------------------------

MIN = {qm.COL_TITLE: 80, qm.COL_TRACKING: 60, qm.COL_DATE: 50, qm.COL_STATUS: 90,
       qm.COL_DUE: 90, qm.COL_CATEGORY: 40, qm.COL_REGION: 40, qm.COL_UNIT: 40}
PREF = {qm.COL_TRACKING: 130, qm.COL_DATE: 85, qm.COL_STATUS: 190, qm.COL_DUE: 135,
        qm.COL_CATEGORY: 160, qm.COL_REGION: 160, qm.COL_UNIT: 100}
OTHERS = [c for c in range(len(qm.COLUMNS)) if c != qm.COL_TITLE]
TEXT = [qm.COL_CATEGORY, qm.COL_REGION, qm.COL_UNIT]


def plan(available: int, locked: frozenset[int] = frozenset(), prefs: dict | None = None):
    prefs = {**PREF, **(prefs or {})}
    return qc.plan_widths(available, OTHERS, prefs.__getitem__, MIN,
                          [c for c in TEXT if c not in locked], locked)


def test_plenty_of_room_gives_every_column_what_it_wants():
    widths = plan(2000)
    assert widths == PREF
    assert 2000 - sum(widths.values()) > 400  # the title stretches over the rest


def test_text_columns_and_title_share_the_space_left():
    widths = plan(900)
    fixed = sum(PREF[c] for c in PREF if c not in TEXT)
    assert all(widths[c] == PREF[c] for c in PREF if c not in TEXT)
    title = 900 - sum(widths.values())
    assert all(MIN[c] < widths[c] < PREF[c] for c in TEXT)
    assert title >= 2 * (widths[qm.COL_CATEGORY] - MIN[qm.COL_CATEGORY]) + MIN[qm.COL_TITLE]
    assert sum(widths.values()) + title == 900 and fixed < 900


def test_when_too_narrow_the_number_then_the_date_give_way_before_the_status():
    room = sum(PREF[c] for c in PREF if c not in TEXT) + sum(MIN[c] for c in TEXT) + 80
    widths = plan(room - 100)
    assert widths[qm.COL_TRACKING] == MIN[qm.COL_TRACKING]  # 70 of the 100
    assert widths[qm.COL_DATE] == PREF[qm.COL_DATE] - 30
    assert widths[qm.COL_STATUS] == PREF[qm.COL_STATUS] and widths[qm.COL_DUE] == 135
    assert sum(widths.values()) + MIN[qm.COL_TITLE] == room - 100


def test_a_width_the_officer_set_is_kept_whatever_the_room():
    widths = plan(500, locked=frozenset({qm.COL_REGION, qm.COL_TRACKING}),
                  prefs={qm.COL_REGION: 150, qm.COL_TRACKING: 125})
    assert widths[qm.COL_REGION] == 150 and widths[qm.COL_TRACKING] == 125
    assert widths[qm.COL_STATUS] == MIN[qm.COL_STATUS]  # the others gave way instead


# --- in the window ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeded_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("seeded")
    assert cli.main(["--data-dir", str(folder), "dev", "seed", "--count", "120",
                     "--seed", "5"]) == 0
    return folder


@pytest.fixture
def data_dir(seeded_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    shutil.copytree(seeded_dir, folder)
    (folder / "settings.ini").unlink(missing_ok=True)
    return folder


def open_desk(qtbot, data_dir: Path) -> Desk:
    desk = Desk(data_dir, "id")
    desk.window.resize(790, 560)  # the offscreen test screen is 800x600
    desk.window.show()
    qtbot.waitExposed(desk.window)
    qtbot.waitUntil(lambda: desk.window.service is not None and not desk.window.model.loading
                    and desk.window.columns.content_measured, timeout=WAIT_MS)
    return desk


def test_widths_follow_the_font_not_fixed_pixels(qtbot, data_dir):
    from PySide6.QtGui import QFont

    desk = open_desk(qtbot, data_dir)
    try:
        table, columns = desk.window.ui.queueTable, desk.window.columns
        before = columns.natural[qm.COL_STATUS]
        bigger = QFont(table.font())
        bigger.setPointSizeF(table.font().pointSizeF() * 1.5)
        table.setFont(bigger)
        columns.measure()
        assert columns.natural[qm.COL_STATUS] > before * 1.3
    finally:
        desk.close()


def test_the_officers_widths_persist_and_can_be_reset(qtbot, data_dir):
    desk = open_desk(qtbot, data_dir)
    window = desk.window
    header = window.ui.queueTable.horizontalHeader()
    header.resizeSection(qm.COL_REGION, 150)  # as a drag on the divider does
    window.columns.set_hidden(qm.COL_UNIT, True)
    window.columns.set_hidden(qm.COL_UNIT, False)  # showing again is not a chosen width
    assert window.columns.user_widths == {qm.COL_REGION: 150}
    desk.close()

    again = open_desk(qtbot, data_dir)
    try:
        window = again.window
        header = window.ui.queueTable.horizontalHeader()
        assert window.columns.user_widths == {qm.COL_REGION: 150}
        assert header.sectionSize(qm.COL_REGION) == 150  # though the window is narrow
        natural = window.columns.natural[qm.COL_STATUS]
        window.columns.reset()
        assert window.columns.user_widths == {}
        assert header.sectionSize(qm.COL_REGION) < 150
        assert header.sectionSize(qm.COL_STATUS) <= natural
    finally:
        again.close()
    assert '"region": 150' not in (data_dir / "settings.ini").read_text()


def test_narrow_date_column_drops_the_year(qtbot, data_dir):
    desk = open_desk(qtbot, data_dir)
    try:
        table, model = desk.window.ui.queueTable, desk.window.model
        index = model.index(0, qm.COL_DATE)
        text = index.data()
        assert text.split()[-1].isdigit()  # "28 Nov 2026"
        delegate = desk.window.columns.date_delegate
        from PySide6.QtWidgets import QStyleOptionViewItem

        option = QStyleOptionViewItem()
        option.initFrom(table)
        option.rect.setWidth(400)
        delegate.initStyleOption(option, index)
        assert option.text == text
        option.rect.setWidth(table.fontMetrics().horizontalAdvance(text) - 10)
        delegate.initStyleOption(option, index)
        assert option.text == qc.short_date(text) == text.rsplit(" ", 1)[0]
        tooltip = model.index(0, qm.COL_DATE).data(Qt.ItemDataRole.ToolTipRole)
        assert tooltip and tooltip.split()[-1].isdigit()  # the full date, year included
    finally:
        desk.close()


def test_status_cell_is_short_and_tooltip_names_it_fully(qapp):
    from PySide6.QtCore import QCoreApplication

    from desktop import i18n
    from desktop.views.labels import STATUS, status_short

    _lang, translator = i18n.install(QCoreApplication.instance(), "id")
    try:
        assert status_short("menunggu_tanggapan_pelapor") == "Menunggu Pelapor"
        assert STATUS.text("menunggu_tanggapan_pelapor") == "Menunggu Tanggapan Pelapor"
        assert status_short("belum_diverifikasi") == STATUS.text("belum_diverifikasi")
        assert status_short("kode_baru", "Label Baru") == "Label Baru"  # unknown codes show
    finally:
        i18n.uninstall(QCoreApplication.instance(), translator)


def test_units_and_regions_show_what_tells_them_apart(qtbot, data_dir):
    """Issue 14.5: every unit read "Bidang P…" and every region "Banja…" in a narrow column.
    The cell drops the unit kind and the kabupaten/kota (the tooltip keeps the full name);
    a provisional number is cut in the middle, so two of one day still differ."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyleOptionViewItem

    assert qm.compact_units("Bidang Pelayanan Kesehatan, Seksi P2P, UPTD Labkes") == \
        "Pelayanan Kesehatan, P2P, Labkes"
    assert qm.compact_units("Sekretariat") == "Sekretariat"
    assert qm.compact_region("Banjarmasin Utara, Kota Banjarmasin") == "Banjarmasin Utara"
    desk = open_desk(qtbot, data_dir)
    try:
        table, model = desk.window.ui.queueTable, desk.window.model
        rows = [r for r in range(model.rowCount())
                if (model.index(r, qm.COL_UNIT).data(Qt.ItemDataRole.ToolTipRole) or "")
                .startswith("Bidang")]
        assert rows, "the seeded desk has disposed complaints"
        cell = model.index(rows[0], qm.COL_UNIT)
        assert not cell.data().startswith("Bidang")
        assert cell.data(Qt.ItemDataRole.ToolTipRole).endswith(cell.data())
        region = model.index(rows[0], qm.COL_REGION)
        assert "," in region.data(Qt.ItemDataRole.ToolTipRole) and "," not in region.data()

        number = model.index(0, qm.COL_TRACKING)
        option = QStyleOptionViewItem()
        option.initFrom(table)
        desk.window.columns.number_delegate.initStyleOption(option, number)
        assert option.textElideMode == Qt.TextElideMode.ElideMiddle
        shown = option.fontMetrics.elidedText("L-D1-20261128-0007", option.textElideMode, 80)
        assert shown.endswith("0007")
    finally:
        desk.close()


@pytest.mark.parametrize("scale", [1.0, 1.25])
def test_first_start_window_fits_the_laptop_screen(seeded_dir, tmp_path, scale):
    """Issue 14.5: the window opened at 1280x740, whose title bar and frame then fell off a
    768-pixel screen. On first start it fits with its frame, at 100 % and 125 %."""
    import json
    import os
    import subprocess
    import sys

    from desktop.views.screen_fit import FRAME

    folder = tmp_path / "desk"
    shutil.copytree(seeded_dir, folder)
    (folder / "settings.ini").unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "QT_SCALE_FACTOR")}
    proc = subprocess.run([sys.executable, "-m", "tests.first_window_probe", str(folder),
                           "--scale", str(scale)], cwd=Path(__file__).parent.parent, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["width"] + FRAME.width() <= got["avail"][0], got
    assert got["height"] + FRAME.height() <= got["avail"][1], got
