"""Issue 17 on screen: Disposisi Masuk (unread first, "Belum dibaca saja", opening records
the read through the outbox), Disposisi Keluar (read state, withdraw while unread) and the
chain tree in the detail pane, on a real desk store with a chain made by real local ops."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

from core import WITA  # noqa: E402
from desktop import i18n  # noqa: E402
from desktop.screenshots.dispositions import KABID, KADIS, seed_chain  # noqa: E402
from desktop.store import DeskService  # noqa: E402
from desktop.tasks import Tasks  # noqa: E402
from desktop.views.detail.complaint_detail import ComplaintDetail  # noqa: E402
from desktop.views.dispositions_page import INBOX, OUTBOX, DispositionsPage  # noqa: E402
from tests.clocks import office_time  # noqa: E402

SEEDED_AT = datetime(2026, 12, 2, 10, 0, tzinfo=WITA)  # the suite's pinned office day

WAIT_MS = 10_000
pytestmark = pytest.mark.dates  # the pinned office day; no dependence on the real one


@pytest.fixture(autouse=True)
def _seeded_day():
    """Every test here runs on the chain's fixed day, whatever the real date (faketime)."""
    with office_time(SEEDED_AT):
        yield


@pytest.fixture
def store(tmp_path: Path, _seeded_day):
    with DeskService(tmp_path / "desk") as service:
        yield service, seed_chain(service)


@pytest.fixture
def tasks():
    made = Tasks()
    yield made
    made.shutdown()


def _page(qtbot, tasks, service, actor) -> DispositionsPage:
    page = DispositionsPage(tasks, service, actor)
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=WAIT_MS)
    return page


def _column(page: DispositionsPage, box: str, column: int) -> list[str]:
    table = page.tables[box]
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_incoming_unread_first_and_opening_records_the_read(qtbot, qapp, tasks, store) -> None:
    lang, translator = i18n.install(qapp, "id")
    try:
        service, made = store
        page = _page(qtbot, tasks, service, KABID)
        assert page.tabs.tabText(0) == "Disposisi Masuk"
        assert _column(page, INBOX, 5) == ["Belum dibaca", "Dibaca", "Ditarik"]
        page.unread_only.setChecked(True)
        qtbot.waitUntil(lambda: page.tables[INBOX].rowCount() == 1, timeout=WAIT_MS)
        pending = len(service.outbox(("pending",)))
        page.tables[INBOX].selectRow(0)
        with qtbot.waitSignal(page.open_requested, timeout=WAIT_MS) as opened:
            page.open_button.click()
        assert opened.args == [made["ids"][1]]
        qtbot.waitUntil(lambda: page.tables[INBOX].rowCount() == 0, timeout=WAIT_MS)
        queued = service.outbox(("pending",))
        assert len(queued) == pending + 1 and queued[-1]["kind"] == "chain_read"
    finally:
        i18n.uninstall(qapp, translator)


def test_outgoing_shows_read_state_and_withdraws_only_unread(qtbot, qapp, tasks, store
                                                             ) -> None:
    lang, translator = i18n.install(qapp, "id")
    try:
        service, made = store
        page = _page(qtbot, tasks, service, KADIS)
        states = _column(page, OUTBOX, 5)
        assert sorted(states) == sorted(["Dibaca", "Belum dibaca", "Ditarik"]
                                        + ["Tembusan, Belum dibaca"] * 3)
        read_row = states.index("Dibaca")
        page.tables[OUTBOX].selectRow(read_row)
        page.withdraw_button.click()  # read: nothing happens
        qtbot.wait(200)
        assert tasks.pending == 0 and _column(page, OUTBOX, 5) == states
        unread_row = states.index("Belum dibaca")
        page.tables[OUTBOX].selectRow(unread_row)
        page.withdraw_button.click()
        qtbot.waitUntil(lambda: "Belum dibaca" not in _column(page, OUTBOX, 5),
                        timeout=WAIT_MS)
        assert service.outbox(("pending",))[-1]["kind"] == "chain_withdraw"
    finally:
        i18n.uninstall(qapp, translator)


def test_detail_pane_shows_the_chain_as_a_tree(qtbot, qapp, store) -> None:
    lang, translator = i18n.install(qapp, "id")
    try:
        service, made = store
        detail = ComplaintDetail()
        qtbot.addWidget(detail)
        detail.set_actor(KADIS)
        detail.show_complaint(service.complaint(made["ids"][0]))
        tree = detail.chain_tree
        assert not tree.isHidden() and tree.topLevelItemCount() == 2
        kabid = tree.topLevelItem(0)
        assert kabid.text(0).startswith("Kepala Bidang Pelayanan Kesehatan")
        assert kabid.text(5) == "Dibaca" and kabid.childCount() == 1
        assert kabid.child(0).text(0).startswith("Kepala Seksi Rujukan")
        assert "Segera cek lapangan." in kabid.toolTip(0)  # the Kadis sent it: he reads it
        assert tree.topLevelItem(1).text(5) == "Tembusan, Belum dibaca"
        detail.show_complaint({**service.complaint(made["ids"][0]), "chain": []})
        assert tree.isHidden() and detail.chain_heading.isHidden()
    finally:
        i18n.uninstall(qapp, translator)


def test_dispose_further_to_a_position_below(qtbot, qapp, tasks, store) -> None:
    from PySide6.QtCore import Qt

    lang, translator = i18n.install(qapp, "id")
    try:
        service, made = store
        page = _page(qtbot, tasks, service, KABID)
        page.tables[INBOX].selectRow(0)  # the unread one (complaint 2)
        page.further_button.click()
        qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(),
                        timeout=WAIT_MS)
        dialog = page.dialog
        assert dialog.sender.currentData() == "KABID-YANKES"
        below = [dialog.recipients.item(r) for r in range(dialog.recipients.count())]
        assert [i.data(Qt.ItemDataRole.UserRole) for i in below] == ["KASI-YANKES"]
        below[0].setCheckState(Qt.CheckState.Checked)
        dialog.instructions[1].setChecked(True)
        dialog.days.setValue(9)  # beyond the Kadis's 5 working days: refused, said why
        dialog.accept()
        qtbot.waitUntil(lambda: page.message is not None and page.message.isVisible(),
                        timeout=WAIT_MS)
        assert "melewati batas waktu" in page.message.text()
        page.message.close()
        page.further_button.click()
        qtbot.waitUntil(lambda: page.dialog is not dialog and page.dialog.isVisible(),
                        timeout=WAIT_MS)
        page.dialog.recipients.item(0).setCheckState(Qt.CheckState.Checked)
        page.dialog.days.setValue(3)
        page.dialog.accept()
        qtbot.waitUntil(lambda: service.outbox(("pending",))[-1]["kind"] == "chain_dispose",
                        timeout=WAIT_MS)
        sent = service.outbox(("pending",))[-1]["payload"]
        assert sent["parent_id"] == made["entries"][1]
        assert [r["position"] for r in sent["recipients"]] == ["KASI-YANKES"]
        assert sent["recipients"][0]["users"] == ["dinkes.kasi"]
    finally:
        i18n.uninstall(qapp, translator)


def test_late_at_the_level_where_the_deadline_passed(qtbot, qapp, tasks, store) -> None:
    lang, translator = i18n.install(qapp, "id")
    try:
        service, made = store
        with office_time(datetime(2026, 12, 8, 10, 0, tzinfo=WITA)):  # Kasi's 7 Dec passed
            page = _page(qtbot, tasks, service, KABID)
            outgoing = {page.tables[INBOX].item(r, 5).text()
                        for r in range(page.tables[INBOX].rowCount())}
            assert not any("terlambat" in s for s in outgoing)  # the Kadis's: 9 Dec
            page.tabs.setCurrentIndex(1)
            states = _column(page, OUTBOX, 5)
            assert states == ["Belum dibaca, terlambat"]  # his to the Kasi: 7 Dec
    finally:
        i18n.uninstall(qapp, translator)
