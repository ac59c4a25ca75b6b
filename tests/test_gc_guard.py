"""Cyclic garbage is collected on the GUI thread only (desktop/views/gc_guard.py): a
collection started on the DB thread once destroyed Qt objects there and crashed the desk."""

from __future__ import annotations

import gc
import threading
import weakref
from pathlib import Path

from desktop.app import Desk


class _Node:
    def __init__(self) -> None:
        self.me = self


def test_collection_runs_on_the_gui_thread_only(qtbot, tmp_path: Path):
    threads: list[str] = []

    def note(phase: str, _info: dict) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    desk = Desk(tmp_path, "id")
    gc.callbacks.append(note)
    try:
        assert not gc.isenabled()
        qtbot.waitUntil(lambda: desk.window.service is not None, timeout=15_000)
        node = _Node()
        gone = weakref.ref(node)
        del node
        junk = [[] for _ in range(gc.get_threshold()[0] * 2)]  # past the young threshold
        done = threading.Event()
        desk.tasks.run(lambda: [[] for _ in range(50_000)], lambda _r: done.set())
        qtbot.waitUntil(done.is_set, timeout=15_000)
        qtbot.waitUntil(lambda: gone() is None, timeout=5_000)  # the GUI-thread timer did it
        del junk
    finally:
        gc.callbacks.remove(note)
        desk.close()
    assert threads and set(threads) == {threading.main_thread().name}


def test_the_window_is_freed_without_the_cyclic_collector(qtbot, tmp_path: Path):
    """No Python cycle through the window (a cycle leaves its widgets to the collector, which
    destroyed them in any order and crashed: Pengaturan's zone row held the window)."""
    desk = Desk(tmp_path, "id")
    window = desk.window
    window.show()
    ready = weakref.ref(window)
    qtbot.waitUntil(lambda: ready().service is not None, timeout=15_000)
    window.ui.actionSettings.trigger()  # builds Pengaturan (Umum, its language and zone rows)
    assert window.settings_hub.zone.combo.count() == 3
    desk.close()
    gone = weakref.ref(window)
    gc.collect()  # whatever earlier tests left
    del window, desk
    assert gc.isenabled() is False
    assert gone() is None, [type(r).__name__ for r in gc.get_referrers(gone())]
