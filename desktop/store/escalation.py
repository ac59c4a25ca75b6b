"""Escalation (issue 18.3): dispositions past their deadline, for the pimpinan.

A complaint disposed to a unit (status ``didisposisikan``) runs on the unit's follow-up
deadline (its stored ``due_date``: the policy's follow-up days, fewer for Sangat Segera).
Once that date is ``escalation_after_days`` working days behind (a setting, default 1: the
first working day after the deadline), the disposition is escalated. Its late level says
how far: 1 while less than a whole follow-up period late, 2 up to two periods, 3 beyond.

``late_dispositions`` lists them (the Dasbor's list); ``take_new`` returns those the
pimpinan has not been told about yet and remembers them (setting ``escalations_notified``:
complaint id -> the due date told), so each is announced once: again only when a new
deadline (a new disposition) passes too. Run on the DB thread (``desktop.tasks``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from core import Status

if TYPE_CHECKING:
    from desktop.store.service import DeskService

AFTER_SETTING = "escalation_after_days"
AFTER_DAYS = 1
NOTIFIED_SETTING = "escalations_notified"
MAX_LEVEL = 3


@dataclass(frozen=True)
class LateDisposition:
    id: str
    number: str  # tracking number, else the provisional one
    title: str
    unit_codes: tuple[str, ...]
    due: date
    days_late: int  # working days after the due date, up to today
    level: int  # 1..MAX_LEVEL


def after_days(service: DeskService) -> int:
    """The setting: working days past the deadline before escalating (>= 0)."""
    try:
        days = int(service.get_setting(AFTER_SETTING, AFTER_DAYS))
    except (TypeError, ValueError):
        return AFTER_DAYS
    return max(0, days)


def late_level(days_late: int, period: int) -> int:
    """1 while less than one follow-up ``period`` late, 2 up to two periods, then 3."""
    return min(MAX_LEVEL, 1 + days_late // max(1, period))


def late_dispositions(service: DeskService, today: date | None = None,
                      after: int | None = None) -> list[LateDisposition]:
    """Dispositions at least ``after`` working days past their deadline, the latest first."""
    from desktop.store import rows as rw
    from desktop.store import snapshots as sn

    today = today or service.today()
    after = after_days(service) if after is None else after
    cal, period = service.calendar, service.policy.follow_up_days
    with service.reading() as conn:
        rows = rw.raw(conn).execute(
            "SELECT c.id, c.tracking_number, c.provisional_number, c.title, c.unit_codes, "
            "c.due_date FROM complaints c INDEXED BY ix_complaints_status_due "
            "WHERE c.status = ? AND c.due_date < ?",
            (Status.didisposisikan.value, today.isoformat())).fetchall()
    out = []
    for cid, tracking, provisional, title, units, due_text in rows:
        due = date.fromisoformat(due_text)
        late = cal.working_days_between(due, today)
        if late < max(after, 1):
            continue
        out.append(LateDisposition(
            cid, str(tracking) if tracking is not None else (provisional or "-"), title,
            tuple(sn.loads(units, []) or ()), due, late, late_level(late, period)))
    out.sort(key=lambda d: (-d.days_late, d.number))
    return out


def take_new(service: DeskService, found: Sequence[LateDisposition]) -> list[LateDisposition]:
    """Those of ``found`` not announced yet for their due date; they count as announced
    from now on. Entries of complaints no longer late are dropped from the record."""
    told = service.get_setting(NOTIFIED_SETTING) or {}
    told = told if isinstance(told, dict) else {}
    new = [d for d in found if told.get(d.id) != d.due.isoformat()]
    record = {d.id: d.due.isoformat() for d in found}
    if record != told:  # no write when nothing changed (the Dasbor asks after each change)
        service.set_setting(NOTIFIED_SETTING, record)
    return new
