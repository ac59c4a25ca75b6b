"""Tells the window when the date (WITA, the desks' and the store's day) has rolled over.

Deadlines, "sisa hari kerja" and the "Jatuh tempo" / "Terlambat" views change at midnight,
though no data does. One single-shot timer is aimed a few seconds past the next midnight;
it is also never armed for longer than ``MAX_WAIT_MS``, because a timer's clock stops while
the PC sleeps: after a laptop wakes the next morning the change is noticed within minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from core import local_date
from core.clock import clock

AFTER_MIDNIGHT_MS = 5_000  # past 00:00:00, so "today" has surely changed when we ask
MAX_WAIT_MS = 15 * 60_000


def ms_until_next_day(now: datetime) -> int:
    """Milliseconds from ``now`` to the next WITA midnight."""
    zone = clock().zone
    local = now.astimezone(zone)
    midnight = datetime.combine(local.date() + timedelta(days=1), time(0), zone)
    return max(0, int((midnight - local).total_seconds() * 1000))


class DayWatcher(QObject):
    """Emits ``day_changed(new_date)`` once per rollover of the WITA date."""

    day_changed = Signal(object)

    def __init__(self, parent: QObject | None = None,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self._now = now or (lambda: clock().now())
        self.day: date = local_date(self._now())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self._arm()

    def check(self) -> None:
        """The timer fired (or a caller asks): emit if the date moved on, then re-arm."""
        today = local_date(self._now())
        if today != self.day:
            self.day = today
            self.day_changed.emit(today)
        self._arm()

    def _arm(self) -> None:
        wait = ms_until_next_day(self._now()) + AFTER_MIDNIGHT_MS
        self.timer.start(min(wait, MAX_WAIT_MS))
