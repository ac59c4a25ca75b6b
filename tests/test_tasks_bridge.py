"""The sync round's database steps go straight to the DB thread (issue 16.3): a GUI thread
that is busy (not processing events) never stalls them, their order with queued jobs holds,
and closing the desk ends a wait."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import threading  # noqa: E402
import time  # noqa: E402

import pytest  # noqa: E402

from desktop.tasks import Closing, DbBridge, Tasks  # noqa: E402


@pytest.fixture
def tasks(qapp):  # noqa: ANN001 - pytest-qt's QApplication
    t = Tasks()
    yield t
    t.shutdown()


def test_a_busy_gui_thread_does_not_stall_a_database_step(tasks: Tasks) -> None:
    bridge = DbBridge(tasks)
    got: list[object] = []
    worker = threading.Thread(target=lambda: got.append(bridge(
        lambda: threading.current_thread().name)))
    worker.start()
    time.sleep(0.5)  # the GUI thread is busy: no event is processed meanwhile
    worker.join(timeout=5)
    assert got and str(got[0]).startswith("lapor-db")  # ran on the DB thread, and returned


def test_steps_keep_their_order_behind_queued_jobs(tasks: Tasks) -> None:
    order: list[str] = []
    gate = threading.Event()
    tasks.run(lambda: (gate.wait(5), order.append("queued job")))
    bridge = DbBridge(tasks)
    worker = threading.Thread(target=lambda: bridge(lambda: order.append("bridge step")))
    worker.start()
    gate.set()
    worker.join(timeout=5)
    assert order == ["queued job", "bridge step"]


def test_errors_come_back_and_a_step_on_the_db_thread_runs_in_place(tasks: Tasks) -> None:
    bridge = DbBridge(tasks)
    with pytest.raises(ValueError, match="rusak"):
        bridge(lambda: (_ for _ in ()).throw(ValueError("rusak")))
    # A DB job that itself uses the bridge must not wait for its own thread.
    assert tasks.call_db(lambda: bridge(lambda: 42)).result(timeout=5) == 42


def test_closing_ends_a_wait(tasks: Tasks) -> None:
    bridge = DbBridge(tasks)
    gate = threading.Event()
    tasks.run(lambda: gate.wait(10))  # the DB thread is busy with a long job
    raised: list[BaseException] = []

    def step() -> None:
        try:
            bridge(lambda: None)
        except Closing as exc:
            raised.append(exc)

    worker = threading.Thread(target=step)
    worker.start()
    bridge.closing.set()
    worker.join(timeout=5)
    gate.set()
    assert raised, "the waiting step gave up when the desk closed"
