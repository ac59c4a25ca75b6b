"""Kotak Keluar after a failed sync (issue 14.11): an action the round never got to send
does not read "Percobaan 0" with an empty reason; it says it was not sent and why (the
round's error), on a real desk window and a real server process that died."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import signal  # noqa: E402

from desktop.app import Desk as GuiDesk  # noqa: E402
from desktop.views.outbox_view import COL_ATTEMPTS, COL_NOTE  # noqa: E402
from tests.server_fixtures import start_server  # noqa: E402
from tests.sync_fixtures import make_desk_fixture  # noqa: E402, F401
from tests.test_sync_gui import status  # noqa: E402

WAIT_MS = 30_000


def test_unsent_action_after_a_failed_round_says_why(qtbot, make_desk, monkeypatch,  # noqa: F811
                                                     tmp_path) -> None:
    with start_server(tmp_path / "srv") as server:
        desk = make_desk()
        monkeypatch.setenv("XDG_CONFIG_HOME", desk.env["XDG_CONFIG_HOME"])
        monkeypatch.setenv("LAPOR_DESK_RETRY", desk.env["LAPOR_DESK_RETRY"])
        desk.login(server, "dinkes.admin")
        cid = desk.create(title="Lampu penerangan jalan padam")
        desk.sync()
        desk.act("note", cid, text="Warga menelepon lagi")  # recorded, not sent yet
        desk.close()
        os.killpg(server.process.pid, signal.SIGKILL)  # the server dies meanwhile
        server.process.wait(timeout=10)

        gui = GuiDesk(desk.data_dir, "id")
        try:
            gui.window.show()
            qtbot.waitExposed(gui.window)
            ui = gui.window.sync
            qtbot.waitUntil(lambda: gui.window.service is not None
                            and ui.controller.account is not None, timeout=WAIT_MS)
            ui.controller.sync_now()
            qtbot.waitUntil(lambda: bool(status(gui).last_error) and not status(gui).syncing,
                            timeout=WAIT_MS)
            outbox = ui.outbox_page
            qtbot.waitUntil(lambda: outbox.model.rowCount() == 1, timeout=WAIT_MS)
            op = gui.window.service.outbox(("pending",))[0]
            model = outbox.model
            # The page reloads after the round on the DB thread; it shows the op as stored.
            shown = "" if op["attempts"] == 0 else str(op["attempts"])  # never "0"
            qtbot.waitUntil(lambda: model.index(0, COL_ATTEMPTS).data() == shown,
                            timeout=WAIT_MS)
            reason = model.index(0, COL_NOTE).data()
            assert reason, "an unsent action says why"
            assert reason == (op["last_error"] or f"Belum terkirim: {status(gui).last_error}")
            assert status(gui).last_error in reason or op["last_error"]
        finally:
            gui.close()
            qtbot.wait(100)
