"""The queue re-reads itself when the WITA date rolls over (deadlines move at midnight)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from datetime import UTC, datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

from core import WITA  # noqa: E402
from core.clock import clock as office_clock
from desktop import cli  # noqa: E402
from desktop.app import Desk  # noqa: E402
from desktop.views import day_watcher as dw  # noqa: E402

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks

WAIT_MS = 15_000


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_time_to_midnight_is_taken_in_wita():
    assert dw.ms_until_next_day(datetime(2026, 11, 28, 23, 59, 0, tzinfo=WITA)) == 60_000
    # 15:30 UTC is 23:30 WITA: half an hour to go, whatever the PC's own zone.
    utc = datetime(2026, 11, 28, 15, 30, tzinfo=UTC)
    assert dw.ms_until_next_day(utc) == 30 * 60_000


def test_fires_once_per_new_day_and_never_waits_too_long(qtbot):
    clock = Clock(datetime(2026, 11, 28, 23, 59, 58, tzinfo=WITA))
    watcher = dw.DayWatcher(now=clock)
    seen: list = []
    watcher.day_changed.connect(seen.append)
    assert watcher.timer.isActive()
    assert watcher.timer.interval() == 2_000 + dw.AFTER_MIDNIGHT_MS
    watcher.check()  # fired early (timers are not exact): nothing yet
    assert seen == []
    clock.now += timedelta(seconds=7)
    watcher.check()
    assert [d.isoformat() for d in seen] == ["2026-11-29"]
    # Re-armed for the next midnight, but capped so a laptop that slept notices soon.
    assert watcher.timer.isActive() and watcher.timer.interval() == dw.MAX_WAIT_MS
    watcher.check()
    assert len(seen) == 1


def test_a_real_timer_fires_with_a_short_interval(qtbot, monkeypatch):
    monkeypatch.setattr(dw, "AFTER_MIDNIGHT_MS", 0)
    clock = Clock(datetime(2026, 11, 28, 23, 59, 59, 950_000, tzinfo=WITA))
    watcher = dw.DayWatcher(now=clock)
    clock.now += timedelta(seconds=1)
    with qtbot.waitSignal(watcher.day_changed, timeout=2_000) as blocker:
        pass
    assert blocker.args[0].isoformat() == "2026-11-29"


def test_the_window_requeries_the_store_after_midnight(qtbot, tmp_path: Path):
    assert cli.main(["--data-dir", str(tmp_path), "dev", "seed", "--count", "30",
                     "--seed", "3"]) == 0
    desk = Desk(tmp_path, "id")
    try:
        window = desk.window
        window.show()
        qtbot.waitUntil(lambda: window.service is not None and not window.model.loading
                        and window.view_model.count("semua") is not None, timeout=WAIT_MS)
        queries: list[str] = []
        original = window.service.queue_ids

        def counting(*args, **kwargs):
            queries.append("queue_ids")
            return original(*args, **kwargs)

        window.service.queue_ids = counting  # the worker calls it: proves a real re-query
        clock = Clock(office_clock().now())
        window.day_watcher._now = clock
        window.day_watcher.check()
        qtbot.wait(50)
        assert queries == []  # same day: nothing to do
        clock.now += timedelta(days=1)
        with qtbot.waitSignal(window.model.queried, timeout=WAIT_MS):
            window.day_watcher.check()
        assert queries
    finally:
        desk.close()
