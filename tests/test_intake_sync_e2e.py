"""The front desk end to end: a complaint recorded on the Loket page while the central
server is down gets a provisional number and a receipt; after a real sync the reprint
carries the server's tracking number and the provisional number still finds it."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import json  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import Qt  # noqa: E402

from desktop import i18n  # noqa: E402
from desktop.store.queue import QueueFilter  # noqa: E402
from desktop.tasks import Tasks  # noqa: E402
from desktop.views.loket import LoketPage  # noqa: E402
from tests.flaky_proxy import FlakyProxy  # noqa: E402
from tests.server_fixtures import DEMO_PASSWORD, fresh_database, run_cli, serve  # noqa: E402
from tests.sync_fixtures import make_desk_fixture  # noqa: E402, F401

from .test_intake_service import NIK, need_pdftotext, pdf_text  # noqa: E402

WAIT_MS = 20_000
pytestmark = [pytest.mark.dates, pytest.mark.slow, need_pdftotext]


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def receipt_after(qtbot, page: LoketPage, previous=None):
    qtbot.waitUntil(lambda: page.receipt_dialog not in (None, previous)
                    and page.receipt_dialog.receipt is not None, timeout=WAIT_MS)
    return page.receipt_dialog


def test_offline_receipt_then_official_number_after_sync(qtbot, qapp, tmp_path: Path,
                                                          make_desk) -> None:
    lang, translator = i18n.install(qapp, "id")
    front = FlakyProxy("http://127.0.0.1:9")  # a stable URL across server restarts
    front.start()
    tasks = Tasks()
    try:
        with fresh_database(tmp_path) as database_url:
            run_cli(database_url, "init")
            run_cli(database_url, "seed-demo", "--password", DEMO_PASSWORD, "--complaints", "0")
            desk = make_desk()
            with serve(database_url, tmp_path) as server:
                front.upstream = ("127.0.0.1", int(server.url.rsplit(":", 1)[1]))
                desk.login(front.url, "dinkes.loket", DEMO_PASSWORD)
                desk.sync()  # reference data (agencies, categories) arrives
            # The server is gone: what follows happens offline.
            page = LoketPage(tasks, "id")
            qtbot.addWidget(page)
            page.show()
            page.attach_service(desk.service)
            qtbot.waitUntil(lambda: page.context is not None, timeout=WAIT_MS)
            ui = page.ui
            type_into(qtbot, ui.nameEdit, "Siti Rahmah")
            type_into(qtbot, ui.nikEdit, "12345")
            type_into(qtbot, ui.phoneEdit, "555")
            type_into(qtbot, ui.contentEdit, "Antrean obat baru bergerak setelah pukul sepuluh.")
            qtbot.mouseClick(ui.submitButton, Qt.MouseButton.LeftButton)
            assert ui.nikError.isVisible() and ui.phoneError.isVisible()
            assert ui.titleError.isVisible()
            type_into(qtbot, ui.nikEdit, NIK)
            type_into(qtbot, ui.phoneEdit, "0812 3456 7890")
            type_into(qtbot, ui.titleEdit, "Antrean obat di Puskesmas Pekauman")
            qtbot.mouseClick(ui.submitButton, Qt.MouseButton.LeftButton)
            first = receipt_after(qtbot, page)
            provisional = first.receipt.number
            assert first.receipt.provisional and provisional.startswith("L-")
            offline_pdf = tmp_path / "offline.pdf"
            first.save_pdf(offline_pdf)
            text = " ".join(pdf_text(offline_pdf).split())
            assert provisional in text and "Siti Rahmah" in text and "3 hari kerja" in text
            # Really offline: a sync now cannot reach the server (exit code 3).
            assert desk.cli("sync", "--json").returncode == 3
            first.close()

            with serve(database_url, tmp_path) as server2:
                front.upstream = ("127.0.0.1", int(server2.url.rsplit(":", 1)[1]))
                body = json.loads(desk.sync().stdout)
                assert body["applied"] == 1 and body["rejected"] == 0, body
                local = desk.service.complaint_by_number(provisional)
                tracking = local["tracking_number"]
                assert isinstance(tracking, int)
                remote = server2.login("dinkes.admin").get(f"/complaints/{local['id']}").json()
                assert remote["tracking_number"] == tracking
                assert remote["provisional_number"] == provisional

            # Reprint by the provisional number: the official number is on it now.
            type_into(qtbot, ui.reprintEdit, provisional)
            qtbot.mouseClick(ui.reprintButton, Qt.MouseButton.LeftButton)
            again = receipt_after(qtbot, page, first)
            assert (again.receipt.number, again.receipt.provisional) == (str(tracking), False)
            reprint_pdf = tmp_path / "reprint.pdf"
            again.save_pdf(reprint_pdf)
            text = " ".join(pdf_text(reprint_pdf).split())
            assert str(tracking) in text and "nomor sementara" not in text
            assert "Siti Rahmah" in text
            # The provisional number still finds the complaint in the queue's search.
            found = desk.service.queue_ids(QueueFilter(search=provisional))
            assert found == [local["id"]]
            again.close()
            qtbot.waitUntil(lambda: tasks.pending == 0, timeout=WAIT_MS)
    finally:
        tasks.shutdown()
        front.stop()
        i18n.uninstall(qapp, translator)
