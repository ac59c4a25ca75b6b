"""What the officer is told about syncing (issue 14 item 8), on a real desk window in
Indonesian and a real server process, killed mid-session where it matters: "offline" at
once, Indonesian words only, the progress counts what is sent, a rejected action named with
its reason, and a question before closing with unsent actions that never blocks for long.

Ground truth comes from the desk's database and the server, never from the widgets.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import signal  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QFrame,
    QLabel,
    QMessageBox,
    QPushButton,
)

from desktop.app import Desk as GuiDesk  # noqa: E402
from desktop.views import sync_controller  # noqa: E402
from tests.server_fixtures import op, start_server  # noqa: E402
from tests.sync_fixtures import make_desk_fixture  # noqa: E402, F401
from tests.test_sync_gui import act, status, wait_round  # noqa: E402

WAIT_MS = 30_000
UNREACHABLE = "Server pusat tidak dapat dihubungi"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with start_server(tmp_path_factory.mktemp("sync-feedback"), complaints=0) as handle:
        yield handle


def signed_in_desk(make_desk, monkeypatch, server, retry: str | None = None):
    """A desk data dir signed in as dinkes.admin with one synced complaint."""
    desk = make_desk()
    monkeypatch.setenv("XDG_CONFIG_HOME", desk.env["XDG_CONFIG_HOME"])
    monkeypatch.setenv("LAPOR_DESK_RETRY", retry or desk.env["LAPOR_DESK_RETRY"])
    desk.login(server, "dinkes.admin")
    cid = desk.create(title="Lampu penerangan jalan padam")
    desk.sync()
    desk.close()
    return desk, cid


def open_gui(qtbot, data_dir: Path) -> GuiDesk:
    gui = GuiDesk(data_dir, "id")
    gui.window.show()
    qtbot.waitExposed(gui.window)
    qtbot.waitUntil(lambda: gui.window.service is not None
                    and gui.window.sync.controller.account is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: status(gui).online is True and not status(gui).syncing,
                    timeout=WAIT_MS)
    wait_round(qtbot, gui)
    gui.window.sync.controller.soon.setInterval(3_600_000)  # the test decides when to sync
    return gui


def close_gui(qtbot, gui) -> None:
    gui.close()
    qtbot.wait(100)


def kill(server) -> None:
    """The server process dies (no clean shutdown)."""
    os.killpg(server.process.pid, signal.SIGKILL)
    server.process.wait(timeout=10)


def shown_question() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "closeGuardBox" and widget.isVisible():
            return widget
    return None


def close_question(qtbot, gui) -> QMessageBox:
    """Close the window: the question it asks first (the window stays meanwhile)."""
    gui.window.close()
    qtbot.waitUntil(lambda: shown_question() is not None, timeout=5_000)
    assert gui.window.isVisible()
    return shown_question()


def answer(box: QMessageBox, text: str) -> None:
    next(b for b in box.buttons() if b.text() == text).click()


def outbox_errors(gui) -> list[str]:
    return [op["last_error"] or "" for op in gui.window.service.outbox(("pending",))]


def test_dead_server_shows_offline_at_once_without_any_action(qtbot, make_desk, monkeypatch,
                                                              tmp_path) -> None:
    """Nobody acts: the health check notices the dead server, not the next 5-minute round."""
    with start_server(tmp_path / "srv") as server:
        desk, cid = signed_in_desk(make_desk, monkeypatch, server)
        monkeypatch.setattr(sync_controller, "HEARTBEAT_MS", 300, raising=False)
        gui = open_gui(qtbot, desk.data_dir)
        try:
            ui = gui.window.sync
            widget = ui.status_widget
            assert "Daring" in widget.state.text()
            kill(server)
            started = time.monotonic()
            qtbot.waitUntil(lambda: status(gui).online is False, timeout=10_000)
            assert time.monotonic() - started < 8
            assert "Luring" in widget.state.text() and "Daring" not in widget.state.text()
            assert widget.error.isVisible() and UNREACHABLE in widget.error.text()
            assert not status(gui).syncing  # no round was needed to find out
            # An action while offline, then closing: "Tutup saja" closes at once, the
            # action stays for the next time.
            act(gui, "note", cid, text="Dicatat saat server mati")
            qtbot.waitUntil(lambda: status(gui).pending == 1, timeout=WAIT_MS)
            answer(close_question(qtbot, gui), "Tutup saja")
            qtbot.waitUntil(lambda: not gui.window.isVisible(), timeout=2_000)
            assert gui.window.service.outbox_counts()["pending"] == 1
        finally:
            close_gui(qtbot, gui)


def test_killed_mid_session_round_close_question(qtbot, make_desk, monkeypatch,
                                                 tmp_path) -> None:
    # Slow retries: the round keeps trying for a few seconds after the server died.
    with start_server(tmp_path / "srv") as server:
        desk, cid = signed_in_desk(make_desk, monkeypatch, server, retry="6,0.6,1.2,8")
        # No health checks: the round finds out, this time.
        monkeypatch.setattr(sync_controller, "HEARTBEAT_MS", 3_600_000, raising=False)
        gui = open_gui(qtbot, desk.data_dir)
        try:
            ui = gui.window.sync
            controller, widget = ui.controller, ui.status_widget
            act(gui, "note", cid, text="Warga menelepon lagi")
            qtbot.waitUntil(lambda: status(gui).pending == 1, timeout=WAIT_MS)
            kill(server)
            controller.sync_now()
            # The first refused request shows offline while the round is still retrying.
            qtbot.waitUntil(lambda: status(gui).online is False, timeout=5_000)
            assert status(gui).syncing
            assert "Luring" in widget.state.text()
            wait_round(qtbot, gui)
            qtbot.waitUntil(lambda: not status(gui).syncing, timeout=WAIT_MS)
            # Indonesian words only; the technical name is in the tooltip.
            shown = widget.error.text()
            assert shown.startswith(UNREACHABLE) and "Error" not in shown, shown
            assert "(" not in status(gui).last_error
            assert "ConnectionError" in widget.toolTip()
            errors = outbox_errors(gui)
            assert errors and all(e.startswith(UNREACHABLE) and "Error" not in e
                                  for e in errors), errors

            # Closing with the unsent note: asked first; "Batal" keeps the window.
            box = close_question(qtbot, gui)
            assert "1 tindakan" in box.text() and "belum" in box.text()
            assert "daring" in box.text()  # sent the next time the desk is online
            assert "tidak dapat dihubungi" in box.text()  # and the server is down now
            assert {b.text() for b in box.buttons()} == {"Sinkronkan lalu tutup", "Tutup saja",
                                                         "Batal"}
            answer(box, "Batal")
            qtbot.wait(200)
            assert gui.window.isVisible()
            # "Sinkronkan lalu tutup" while offline: the round fails, the window still closes.
            box = close_question(qtbot, gui)
            started = time.monotonic()
            answer(box, "Sinkronkan lalu tutup")
            qtbot.waitUntil(lambda: not gui.window.isVisible(), timeout=WAIT_MS)
            assert time.monotonic() - started < 20
            assert gui.window.service.outbox_counts()["pending"] == 1  # kept for next time
        finally:
            close_gui(qtbot, gui)


def test_progress_counts_the_actions_being_sent(qtbot, server, make_desk,
                                                 monkeypatch) -> None:
    desk, cid = signed_in_desk(make_desk, monkeypatch, server)
    gui = open_gui(qtbot, desk.data_dir)
    try:
        controller = gui.window.sync.controller
        progress: list[str] = []
        controller.status_changed.connect(
            lambda s: progress.append(s.progress) if s.progress else None)
        act(gui, "note", cid, text="Warga menelepon lagi")
        act(gui, "hold", cid, reason="Menunggu pengadaan lampu")
        qtbot.waitUntil(lambda: status(gui).pending == 2, timeout=WAIT_MS)
        controller.sync_now()
        qtbot.waitUntil(lambda: status(gui).pending == 0 and not status(gui).syncing,
                        timeout=WAIT_MS)
        sending = [p for p in progress if p.startswith("mengirim")]
        assert sending == ["mengirim 2 tindakan"], progress
    finally:
        close_gui(qtbot, gui)


def test_rejected_disposition_is_named_with_its_reason(qtbot, server, make_desk,
                                                       monkeypatch) -> None:
    desk, cid = signed_in_desk(make_desk, monkeypatch, server)
    gui = open_gui(qtbot, desk.data_dir)
    try:
        ui = gui.window.sync
        act(gui, "dispose", cid, unit_codes=["YANKES"], sifat="segera")
        qtbot.waitUntil(lambda: status(gui).pending == 1, timeout=WAIT_MS)
        # Meanwhile a colleague changes the complaint: the disposition is rejected.
        server.login("pusat.admin").push_one(op("verify", cid, 1, note="Dicek pusat"))
        ui.controller.sync_now()
        qtbot.waitUntil(lambda: status(gui).rejected == 1 and not status(gui).syncing,
                        timeout=WAIT_MS)
        rejected = gui.window.service.outbox(("rejected",))
        assert [r["kind"] for r in rejected] == ["dispose"]
        # Named, with the server's reason, where the officer is looking (the queue page),
        # with a way to Perlu Perhatian.
        assert gui.window.ui.pages.currentWidget() is gui.window.ui.queuePage
        bar = gui.window.findChild(QFrame, "rejectedNotice")
        qtbot.waitUntil(lambda: bar is not None and bar.isVisible(), timeout=WAIT_MS)
        text = bar.findChild(QLabel, "rejectedNoticeText").text()
        number = gui.window.service.complaint(cid)["tracking_number"]
        assert f"#{number}" in text and "Lampu penerangan jalan padam" in text
        assert "Disposisi" in text and "menolak" in text
        assert rejected[0]["last_error"] in text
        button = next(b for b in bar.findChildren(QPushButton)
                      if b.text() == "Buka Perlu Perhatian")
        button.click()
        assert gui.window.ui.pages.currentWidget() is ui.attention_page
        qtbot.waitUntil(lambda: ui.attention_page.current() is not None, timeout=WAIT_MS)
        assert ui.attention_page.current_op_id() == rejected[0]["op_id"]
        # Dealt with (discarded): the notice goes.
        ui.attention_page.discard_current(confirm=False)
        qtbot.waitUntil(lambda: not bar.isVisible(), timeout=WAIT_MS)
    finally:
        close_gui(qtbot, gui)


def test_close_with_unsent_actions_syncs_them_first(qtbot, server, make_desk,
                                                    monkeypatch) -> None:
    desk, cid = signed_in_desk(make_desk, monkeypatch, server)
    gui = open_gui(qtbot, desk.data_dir)
    try:
        act(gui, "note", cid, text="Catatan terakhir sebelum pulang")
        qtbot.waitUntil(lambda: status(gui).pending == 1, timeout=WAIT_MS)
        box = close_question(qtbot, gui)
        assert "1 tindakan" in box.text() and "tidak dapat dihubungi" not in box.text()
        answer(box, "Sinkronkan lalu tutup")
        qtbot.waitUntil(lambda: not gui.window.isVisible(), timeout=WAIT_MS)
        timeline = server.login("dinkes.admin").get(f"/complaints/{cid}").json()["timeline"]
        assert [e["kind"] for e in timeline] == ["create", "note"]
    finally:
        close_gui(qtbot, gui)
