"""The queue window on a real seeded SQLite desk, driven through real widgets (pytest-qt).

Ground truth comes from a second DeskService and from plain SQL on the same file, never
from the window's own models.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import functools  # noqa: E402
import inspect  # noqa: E402
import shutil  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402

from desktop import cli  # noqa: E402
from desktop.app import Desk  # noqa: E402
from desktop.store import service as service_module  # noqa: E402
from desktop.store.cipher import connect as connect_db  # noqa: E402
from desktop.store.service import DeskService, QueueFilter  # noqa: E402
from desktop.views import queue_model as qm  # noqa: E402
from desktop.views.labels import VIEWS  # noqa: E402

SEED_COUNT = 400
WAIT_MS = 15_000


@pytest.fixture(scope="module")
def seeded_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("seeded")
    code = cli.main(["--data-dir", str(folder), "dev", "seed", "--count", str(SEED_COUNT),
                     "--seed", "11"])
    assert code == 0
    return folder


@pytest.fixture
def data_dir(seeded_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the seeded desk: each test starts with no saved settings."""
    folder = tmp_path / "desk"
    shutil.copytree(seeded_dir, folder)
    (folder / "settings.ini").unlink(missing_ok=True)
    return folder


@pytest.fixture
def truth(data_dir: Path):
    service = DeskService(data_dir)
    yield service
    service.close()


def open_desk(qtbot, data_dir: Path, lang: str | None = None) -> Desk:
    desk = Desk(data_dir, lang)
    desk.window.show()
    qtbot.waitExposed(desk.window)
    qtbot.waitUntil(lambda: desk.window.service is not None and not desk.window.model.loading,
                    timeout=WAIT_MS)
    return desk


@pytest.fixture
def desk(qtbot, data_dir: Path):
    desk = open_desk(qtbot, data_dir)
    yield desk
    desk.close()


def wait_row_cached(qtbot, desk: Desk, row: int):
    table, model = desk.window.ui.queueTable, desk.window.model
    table.scrollTo(model.index(row, 0))
    model.data(model.index(row, 0))  # asks for the page if the view has not yet
    qtbot.waitUntil(lambda: model.cached_row(model.id_at(row)) is not None, timeout=WAIT_MS)


def select_view(qtbot, desk: Desk, key: str):
    view_list = desk.window.ui.viewList
    index = desk.window.view_model.index(desk.window.view_model.row_of(key))
    qtbot.mouseClick(view_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=view_list.visualRect(index).center())
    qtbot.waitUntil(lambda: desk.window.model.queue_filter.view == key
                    and not desk.window.model.loading, timeout=WAIT_MS)


def test_queue_opens_in_indonesian_and_shows_every_complaint(desk, truth):
    model = desk.window.model
    assert model.rowCount() == truth.total() == SEED_COUNT
    assert model.headerData(0, Qt.Orientation.Horizontal) == "No. Lacak"
    assert model.headerData(7, Qt.Orientation.Horizontal) == "Sisa waktu"
    assert desk.window.ui.actionQueue.text() == "Antrian"
    # Default order: newest first, as the service orders it.
    assert list(model.ids()) == truth.queue_ids(QueueFilter(), "received_at", True)
    # The window fits the smallest desk screen.
    hint = desk.window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768


def test_status_counts_match_the_database(qtbot, desk, truth, data_dir):
    views = desk.window.view_model
    qtbot.waitUntil(lambda: views.count("semua") is not None, timeout=WAIT_MS)
    for key in VIEWS:
        assert views.count(key) == len(truth.queue_ids(QueueFilter(view=key))), key
    with connect_db(data_dir / "desk.sqlite") as db:
        per_status = dict(db.execute("SELECT status, count(*) FROM complaints GROUP BY status"))
        total = db.execute("SELECT count(*) FROM complaints").fetchone()[0]
    assert views.count("semua") == total
    assert views.count("perlu_verifikasi") == per_status.get("belum_diverifikasi", 0)
    assert views.count("selesai") == per_status.get("selesai", 0)
    assert views.count("ditunda") == per_status.get("ditunda", 0)
    assert views.count("arsip") == per_status.get("diarsipkan", 0)
    # Choosing a view shows exactly its complaints.
    select_view(qtbot, desk, "perlu_verifikasi")
    assert desk.window.model.rowCount() == per_status.get("belum_diverifikasi", 0)
    assert desk.window.ui.resultLabel.text().endswith("pengaduan")


def test_typing_in_search_filters_rows(qtbot, desk, truth):
    word = _search_word(truth)
    expected = truth.queue_ids(QueueFilter(search=word))
    assert 0 < len(expected) < SEED_COUNT
    qtbot.keyClicks(desk.window.ui.searchEdit, word)
    model = desk.window.model
    qtbot.waitUntil(lambda: list(model.ids()) == expected and not model.loading,
                    timeout=WAIT_MS)
    # Counts follow the search too.
    views = desk.window.view_model
    qtbot.waitUntil(lambda: views.count("semua") == len(expected), timeout=WAIT_MS)
    # Clearing the box brings every complaint back.
    desk.window.ui.searchEdit.clear()
    qtbot.waitUntil(lambda: model.rowCount() == SEED_COUNT, timeout=WAIT_MS)


def test_search_with_no_match_says_so(qtbot, desk):
    qtbot.keyClicks(desk.window.ui.searchEdit, "zzxqvtidakada")
    ui = desk.window.ui
    qtbot.waitUntil(lambda: desk.window.model.rowCount() == 0
                    and ui.listStack.currentWidget() is ui.listMessage, timeout=WAIT_MS)
    assert "zzxqvtidakada" in ui.listMessage.text()
    assert ui.listMessage.text().startswith("Tidak ada pengaduan")


def test_overdue_rows_are_highlighted(qtbot, desk, truth):
    model = desk.window.model
    overdue_ids = truth.queue_ids(QueueFilter(view="terlambat"))
    assert overdue_ids, "the seed must contain overdue complaints"
    row = model.row_of(overdue_ids[0])
    wait_row_cached(qtbot, desk, row)
    data = truth.rows([overdue_ids[0]])[0]
    assert data.overdue
    for column in range(model.columnCount()):
        index = model.index(row, column)
        assert index.data(Qt.ItemDataRole.BackgroundRole) == qm.OVERDUE_BG
        assert index.data(Qt.ItemDataRole.ForegroundRole) == qm.OVERDUE_FG
    late = max(1, -data.days_left)
    assert model.index(row, qm.COL_DUE).data() == f"Terlambat {late} hari"

    done_ids = truth.queue_ids(QueueFilter(view="selesai"))
    assert done_ids, "the seed must contain completed complaints"
    row = model.row_of(done_ids[0])
    wait_row_cached(qtbot, desk, row)
    index = model.index(row, qm.COL_TITLE)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    assert index.data(Qt.ItemDataRole.ForegroundRole) is None

    soon_ids = truth.queue_ids(QueueFilter(view="jatuh_tempo"))
    if soon_ids:  # depends on today's date against the seed; amber when present
        row = model.row_of(soon_ids[0])
        wait_row_cached(qtbot, desk, row)
        assert model.index(row, qm.COL_TITLE).data(Qt.ItemDataRole.BackgroundRole) \
            == qm.DUE_SOON_BG


def test_selecting_a_row_shows_that_complaint(qtbot, desk, truth):
    table, model, pane = desk.window.ui.queueTable, desk.window.model, desk.window.ui.detailPane
    wait_row_cached(qtbot, desk, 2)
    rect = table.visualRect(model.index(2, qm.COL_TITLE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    complaint_id = model.id_at(2)
    qtbot.waitUntil(lambda: pane.complaint_id == complaint_id, timeout=WAIT_MS)
    snapshot = truth.complaint(complaint_id)
    assert pane.ui.titleLabel.text() == snapshot["title"]
    assert pane.ui.contentValue.text() == snapshot["content"]
    assert pane.ui.stack.currentWidget() is pane.ui.detailPage
    timeline = pane.ui.timelineValue.text()
    assert timeline.count("<p") == len(snapshot["timeline"])


def test_anonymous_reporter_shows_as_anonim(qtbot, desk, truth, data_dir):
    with connect_db(data_dir / "desk.sqlite") as db:
        found = db.execute("SELECT id FROM complaints WHERE anonymous = 1 LIMIT 1").fetchone()
    assert found, "the seed must contain anonymous complaints"
    model, pane = desk.window.model, desk.window.ui.detailPane
    row = model.row_of(found[0])
    wait_row_cached(qtbot, desk, row)
    desk.window.ui.queueTable.selectRow(row)
    qtbot.waitUntil(lambda: pane.complaint_id == found[0], timeout=WAIT_MS)
    assert pane.ui.reporterNameValue.text() == "Anonim"
    for widget in (pane.ui.reporterNikValue, pane.ui.reporterPhoneValue,
                   pane.ui.reporterEmailValue, pane.ui.reporterAddressValue):
        assert widget.text() == "" and widget.isHidden()


def test_sorting_asks_the_service(qtbot, desk, truth):
    table, model = desk.window.ui.queueTable, desk.window.model
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(qm.COL_TITLE) + header.sectionSize(qm.COL_TITLE) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))
    descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    expected = truth.queue_ids(QueueFilter(), "title", descending)
    qtbot.waitUntil(lambda: list(model.ids()) == expected, timeout=WAIT_MS)
    assert header.sortIndicatorSection() == qm.COL_TITLE


def test_gui_thread_never_calls_the_store(qtbot, data_dir, monkeypatch):
    """Every DeskService call made while the window works runs off the GUI thread."""
    on_gui_thread: list[str] = []
    gui = threading.main_thread()

    def guard(name, method):
        @functools.wraps(method)
        def wrapper(*args, **kwargs):
            if threading.current_thread() is gui:
                on_gui_thread.append(name)
            return method(*args, **kwargs)
        return wrapper

    # getmembers, not vars: most methods live in DeskService's mixins (desktop/store/desk_*.py)
    for name, member in inspect.getmembers(DeskService, inspect.isfunction):
        if not name.startswith("_"):
            monkeypatch.setattr(service_module.DeskService, name, guard(name, member))
    desk = open_desk(qtbot, data_dir)
    try:
        qtbot.waitUntil(lambda: desk.window.view_model.count("semua") is not None,
                        timeout=WAIT_MS)
        qtbot.keyClicks(desk.window.ui.searchEdit, "a")
        select_view(qtbot, desk, "selesai")
        desk.window.ui.queueTable.selectRow(0)
        qtbot.waitUntil(lambda: desk.window.ui.detailPane.complaint_id is not None,
                        timeout=WAIT_MS)
        desk.window.refresh()
        qtbot.waitUntil(lambda: desk.tasks.pending == 0, timeout=WAIT_MS)
    finally:
        desk.close()
    assert on_gui_thread == []


def test_layout_persists_across_restart(qtbot, data_dir):
    desk = open_desk(qtbot, data_dir)
    window = desk.window
    window.resize(790, 560)  # the offscreen screen is 800x600: stay inside it
    header = window.ui.queueTable.horizontalHeader()
    header.resizeSection(qm.COL_REGION, 150)
    header.setSectionHidden(qm.COL_UNIT, True)
    window.ui.queueSplitter.setSizes([200, 250, 330])
    sizes = window.ui.queueSplitter.sizes()
    select_view(qtbot, desk, "terlambat")
    desk.close()
    assert (data_dir / "settings.ini").exists()

    again = open_desk(qtbot, data_dir)
    try:
        window = again.window
        assert (window.width(), window.height()) == (790, 560)
        header = window.ui.queueTable.horizontalHeader()
        assert header.sectionSize(qm.COL_REGION) == 150
        assert header.isSectionHidden(qm.COL_UNIT)
        assert window.ui.queueSplitter.sizes() == sizes
        assert window.model.queue_filter.view == "terlambat"
    finally:
        again.close()


def test_english_on_request(qtbot, data_dir):
    desk = open_desk(qtbot, data_dir, lang="en")
    try:
        assert desk.window.model.headerData(0, Qt.Orientation.Horizontal) == "Tracking no."
        assert desk.window.ui.actionQueue.text() == "Queue"
    finally:
        desk.close()


def _search_word(truth: DeskService) -> str:
    """A title word that some but not all seeded complaints match."""
    ids = truth.queue_ids(QueueFilter())
    for row in truth.rows(ids[:60]):
        for word in row.title.split():
            word = word.strip(".,:;!?()\"'").lower()
            if len(word) >= 5 and word.isalpha():
                hits = len(truth.queue_ids(QueueFilter(search=word)))
                if 0 < hits < len(ids) // 2:
                    return word
    pytest.fail("no usable search word in the seeded titles")


def test_nik_is_masked_when_nobody_is_signed_in(qtbot, desk, truth, data_dir):
    with connect_db(data_dir / "desk.sqlite") as db:
        candidates = [r[0] for r in db.execute(
            "SELECT id FROM complaints WHERE anonymous = 0 LIMIT 50")]
    with_nik = [cid for cid in candidates
                if ((truth.complaint(cid) or {}).get("reporter") or {}).get("nik")]
    assert with_nik, "the seed must contain reporters with a NIK"
    complaint_id = with_nik[0]
    nik = truth.complaint(complaint_id)["reporter"]["nik"]
    model, pane = desk.window.model, desk.window.ui.detailPane
    row = model.row_of(complaint_id)
    wait_row_cached(qtbot, desk, row)
    desk.window.ui.queueTable.selectRow(row)
    qtbot.waitUntil(lambda: pane.complaint_id == complaint_id, timeout=WAIT_MS)
    shown = pane.ui.reporterNikValue.text()
    assert shown.endswith(nik[-4:]) and nik not in shown
