"""desktop.tasks: work runs off the GUI thread, results and errors come back on it."""

from __future__ import annotations

import threading
import time

import pytest

from core.errors import DomainError
from desktop.tasks import Tasks, describe_error


@pytest.fixture
def tasks(qapp):
    helper = Tasks()
    yield helper
    helper.shutdown()


def test_database_work_runs_on_one_worker_and_returns_on_the_gui_thread(qtbot, tasks):
    gui = threading.current_thread()
    ran_on: list[threading.Thread] = []
    delivered: list[tuple[int, threading.Thread]] = []

    def work(n: int) -> int:
        ran_on.append(threading.current_thread())
        time.sleep(0.01)
        return n

    for n in range(5):
        tasks.run(lambda n=n: work(n), lambda r: delivered.append((r, threading.current_thread())))
    qtbot.waitUntil(lambda: len(delivered) == 5, timeout=5000)
    assert [r for r, _ in delivered] == [0, 1, 2, 3, 4], "one worker keeps submission order"
    assert all(t is gui for _, t in delivered)
    assert len({t.ident for t in ran_on}) == 1 and ran_on[0] is not gui
    assert tasks.pending == 0


def test_network_work_uses_its_own_threads(qtbot, tasks):
    names: list[str] = []
    tasks.run_network(lambda: threading.current_thread().name, names.append)
    tasks.run(lambda: threading.current_thread().name, names.append)
    qtbot.waitUntil(lambda: len(names) == 2, timeout=5000)
    assert any(n.startswith("lapor-net") for n in names)
    assert any(n.startswith("lapor-db") for n in names)


def test_a_slow_job_does_not_block_the_gui_thread(qtbot, tasks):
    release = threading.Event()
    done: list[bool] = []
    started = time.perf_counter()
    tasks.run(lambda: release.wait(5), done.append)
    assert time.perf_counter() - started < 0.5  # run() returned at once
    release.set()
    qtbot.waitUntil(lambda: done == [True], timeout=5000)


def test_unhandled_error_is_announced_to_the_officer(qtbot, tasks):
    with qtbot.waitSignal(tasks.failed, timeout=5000) as blocker:
        tasks.run(lambda: (_ for _ in ()).throw(DomainError("x", "Pengaduan tidak ditemukan.")))
    assert blocker.args[1] == "Pengaduan tidak ditemukan."


def test_handled_error_goes_to_on_error_only(qtbot, tasks):
    errors: list[BaseException] = []
    announced: list[tuple] = []
    tasks.failed.connect(lambda *a: announced.append(a))
    tasks.run(lambda: 1 / 0, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError) and announced == []


def test_writes_announce_a_change(qtbot, tasks):
    with qtbot.waitSignal(tasks.changed, timeout=5000):
        tasks.run(lambda: None, changes=True)


def test_shutdown_finishes_queued_writes_then_the_final_step(qapp):
    helper = Tasks()
    order: list[str] = []
    for n in range(3):
        helper.run(lambda n=n: (time.sleep(0.02), order.append(f"write {n}")))
    helper.shutdown(final=lambda: order.append("close"))
    assert order == ["write 0", "write 1", "write 2", "close"]
    with pytest.raises(RuntimeError):  # a write after shutdown must never vanish silently
        helper.run(lambda: None, changes=True)
    late_read = helper.run(lambda: order.append("late read"))  # dropped, not raised
    assert late_read.cancelled()
    assert "late read" not in order


def test_fault_message_names_the_error_for_the_helpdesk(qapp):
    title, message = describe_error(KeyError("rid"))
    assert title and "KeyError" in message
