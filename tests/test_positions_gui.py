"""Pengaturan › Jabatan (issue 17): the agency's admin_instansi adds a position with a
holder and a Plh. from the synced directory through the real server (the path of
``lapor-desk positions set``), the tree shows it after the next sync; a pimpinan sees the
same tree read-only. Real server, real desk stores, real widgets."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QDate  # noqa: E402

from desktop.tasks import Tasks  # noqa: E402
from desktop.views.positions_page import PositionsPage  # noqa: E402
from tests.server_fixtures import start_server  # noqa: E402
from tests.sync_fixtures import make_desk_fixture  # noqa: E402, F401

WAIT_MS = 15_000
pytestmark = pytest.mark.slow


@pytest.fixture
def tasks():
    made = Tasks()
    yield made
    made.shutdown()


def _page(qtbot, tasks, desk) -> PositionsPage:
    page = PositionsPage(tasks, desk.service)
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: page.structure is not None and not page.loading, timeout=WAIT_MS)
    return page


def _codes(page: PositionsPage) -> dict[str, tuple[str | None, str, str]]:
    """code -> (parent code, holder text, acting text)."""
    out = {}
    stack = [page.tree.topLevelItem(i) for i in range(page.tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        parent = item.parent()
        out[item.data(0, 256)] = (parent.data(0, 256) if parent else None, item.text(1),
                                  item.text(2))
        stack += [item.child(i) for i in range(item.childCount())]
    return out


def test_admin_adds_a_position_and_others_read(qtbot, tasks, tmp_path: Path,
                                               make_desk) -> None:
    with start_server(tmp_path / "server") as server:
        admin, kadis = make_desk("admin"), make_desk("kadis")
        admin.login(server, "dinkes.admin")
        kadis.login(server, "dinkes.pimpinan")
        admin.sync()
        kadis.sync()
        page = _page(qtbot, tasks, admin)
        before = _codes(page)
        assert before["KADIS"][0] is None and before["KABID-YANKES"][0] == "KADIS"
        assert page.add_button.isVisibleTo(page)

        page.open_dialog(None)
        dialog = page.dialog
        assert dialog is not None
        dialog.code.setText("kasubbag-umum")
        dialog.title.setText("Kepala Subbagian Umum")
        dialog.parent_combo.setCurrentIndex(dialog.parent_combo.findData("KADIS"))
        dialog.holder.setCurrentIndex(dialog.holder.findData("dinkes.kesmas"))
        dialog.acting_check.setChecked(True)
        dialog.acting_kind.setCurrentIndex(dialog.acting_kind.findData("plh"))
        dialog.acting_user.setCurrentIndex(dialog.acting_user.findData("dinkes.yankes"))
        dialog.acting_start.setDate(QDate(2026, 12, 1))
        dialog.acting_end.setDate(QDate(2026, 12, 4))
        with qtbot.waitSignal(page.saved, timeout=WAIT_MS) as saved:
            dialog.buttons.accepted.emit()
        assert saved.args == ["KASUBBAG-UMUM"]
        listed = server.login("dinkes.admin").get("/positions").json()["positions"]
        made = next(p for p in listed if p["code"] == "KASUBBAG-UMUM")
        assert (made["parent"], made["holder"]) == ("KADIS", "dinkes.kesmas")
        assert made["actings"] == [{"username": "dinkes.yankes", "kind": "plh",
                                    "start": "2026-12-01", "end": "2026-12-04"}]
        assert "KASUBBAG-UMUM" not in _codes(page)  # the tree follows the sync

        admin.sync()
        page.reload()
        qtbot.waitUntil(lambda: "KASUBBAG-UMUM" in _codes(page), timeout=WAIT_MS)
        parent, holder, acting = _codes(page)["KASUBBAG-UMUM"]
        assert parent == "KADIS" and "dinkes.kesmas" in holder
        assert acting == "Plh. dinkes.yankes 01-12-2026 s.d. 04-12-2026"

        # A refusal by the server is shown, nothing is lost silently.
        page.open_dialog(None)
        page.dialog.code.setText("LOOP")
        page.dialog.title.setText("Jabatan kedua tertinggi")  # a second head: refused
        page.dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda: page.message is not None and page.message.isVisible(),
                        timeout=WAIT_MS)
        assert "pimpinan tertinggi" in page.message.text()

        kadis.sync()
        other = _page(qtbot, tasks, kadis)
        assert "KASUBBAG-UMUM" in _codes(other)
        assert not other.add_button.isVisibleTo(other)
        other.open_dialog(None)
        assert other.dialog is None  # read-only
