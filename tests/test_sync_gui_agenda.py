"""The GUI's sync round tops up agenda numbers through the engine, off the GUI thread."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import threading  # noqa: E402

import pytest  # noqa: E402

from desktop.printing import agenda, reserve  # noqa: E402
from desktop.printing.settings import BLOCK_SIZE  # noqa: E402
from tests.server_fixtures import start_server  # noqa: E402
from tests.sync_fixtures import make_desk_fixture  # noqa: E402, F401
from tests.test_sync_gui import WAIT_MS, close_gui, open_gui, status  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with start_server(tmp_path_factory.mktemp("sync-gui-agenda"), complaints=2) as handle:
        yield handle


def test_gui_round_reserves_agenda_numbers_on_the_network_thread(qtbot, server, make_desk,
                                                                  monkeypatch) -> None:
    desk = make_desk()
    monkeypatch.setenv("XDG_CONFIG_HOME", desk.env["XDG_CONFIG_HOME"])
    monkeypatch.setenv("LAPOR_DESK_RETRY", desk.env["LAPOR_DESK_RETRY"])
    desk.login(server, "dinkes.pimpinan")  # signed in, never synced: no block yet
    calls: list[str] = []
    real = reserve.ensure_agenda_numbers

    def recorded(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(reserve, "ensure_agenda_numbers", recorded)

    def held() -> int:
        with desk.service.reading() as conn:
            return sum(b.free for b in agenda.blocks(conn.connection.driver_connection))

    assert held() == 0
    gui = open_gui(qtbot, desk.data_dir)
    try:
        gui.window.sync.controller.sync_now()
        qtbot.waitUntil(lambda: status(gui).last_sync is not None and calls
                        and not gui.window.sync.controller._running, timeout=WAIT_MS)
        assert held() >= BLOCK_SIZE
        assert threading.main_thread().name not in calls
    finally:
        close_gui(qtbot, gui)
