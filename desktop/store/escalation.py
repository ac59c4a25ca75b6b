"""Escalation (issue 18.3): dispositions past their deadline, for the pimpinan and for
whoever sent them.

A complaint disposed to a unit (status ``didisposisikan``) runs on the unit's follow-up
deadline (its stored ``due_date``: the policy's follow-up days, fewer for Sangat Segera).
A disposition of the chain (issue 17, position to position: ``core.chain``) runs on its own
entry's ``due_date``, while it is open (sent or read, not a tembusan). Once a deadline is
``escalation_after_days`` working days behind (a setting, default 1: the first working day
after the deadline), the disposition is escalated. Its late level says how far: 1 while
less than a whole period late (the follow-up period; for a chain entry the working days its
sender gave), 2 up to two periods, 3 beyond; a chain entry also names the position it waits
at (``waiting_at``, e.g. "Kepala Seksi Rujukan").

``late_dispositions`` lists both kinds (the Dasbor's list); ``take_new`` returns those not
announced on this desk yet that concern the officer acting (a leader: every one; anyone
else: the chain entries they sent, or sent from a position they hold now) and remembers
them (setting ``escalations_notified``: complaint id, or a chain entry's id -> the due
date told), so each is announced once per desk: again only when a new deadline passes.
Run on the DB thread (``desktop.tasks``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from core import Status
from core import chain as dc

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
    # A disposition of the chain (None: to a unit): its entry, the position it waits at,
    # and who sent it from which position.
    entry_id: str | None = None
    waiting_at: str | None = None  # the receiving position's title
    from_title: str | None = None
    sender: str | None = None  # username
    from_position: str | None = None

    @property
    def key(self) -> str:
        """What the record of notices keys it by: the chain entry, else the complaint."""
        return self.entry_id or self.id

    def concerns(self, username: str, leader: bool, positions: Collection[str] = ()) -> bool:
        """Whether the officer ``username`` (holding ``positions`` today) is to be told: a
        leader of every one; anyone of the chain dispositions they sent (or that were sent
        from a position they hold now, as Plt./Plh. too)."""
        if leader:
            return True
        if self.entry_id is None:
            return False
        return bool(username) and self.sender == username or (
            self.from_position is not None and self.from_position in positions)


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
    """Dispositions at least ``after`` working days past their deadline, to units and along
    the chain, the latest first."""
    today = today or service.today()
    after = after_days(service) if after is None else after
    out = _late_to_units(service, today, after) + late_chain(service, today, after)
    out.sort(key=lambda d: (-d.days_late, d.number, d.waiting_at or ""))
    return out


def _late_to_units(service: DeskService, today: date, after: int) -> list[LateDisposition]:
    from desktop.store import rows as rw
    from desktop.store import snapshots as sn

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
    return out


def late_chain(service: DeskService, today: date | None = None,
               after: int | None = None) -> list[LateDisposition]:
    """Open chain dispositions (not tembusan) at least ``after`` working days past their
    own deadline, of complaints whose work is not over."""
    from desktop.store import rows as rw
    from desktop.store import snapshots as sn
    from desktop.store.queue import DONE_STATUSES

    today = today or service.today()
    after = after_days(service) if after is None else after
    cal = service.calendar
    with service.reading() as conn:
        found = rw.raw(conn).execute(
            "SELECT c.id, c.tracking_number, c.provisional_number, c.title, c.status, t.extra "
            "FROM complaints c JOIN complaint_texts t ON t.rid = c.rid "
            "WHERE t.extra LIKE '%\"chain\"%'").fetchall()
    out = []
    for cid, tracking, provisional, title, status, extra in found:
        if status in DONE_STATUSES:
            continue
        chain = (sn.loads(extra, {}) or {}).get("chain") or []
        for entry in dc.late_entries({"chain": chain}, today):
            due = date.fromisoformat(entry["due_date"])
            late = cal.working_days_between(due, today)
            if late < max(after, 1):
                continue
            out.append(LateDisposition(
                cid, str(tracking) if tracking is not None else (provisional or "-"), title,
                (), due, late, late_level(late, _given_days(entry, due, cal)),
                entry_id=str(entry.get("id")),
                waiting_at=str(entry.get("to_title") or entry.get("to_position") or ""),
                from_title=str(entry.get("from_title") or entry.get("from_position") or ""),
                sender=entry.get("by"), from_position=entry.get("from_position")))
    return out


def _given_days(entry: dict[str, Any], due: date, cal: Any) -> int:
    """The working days the sender gave (sent to due); 1 when that cannot be read."""
    try:
        sent = datetime.fromisoformat(str(entry.get("sent_at"))).date()
    except ValueError:
        return 1
    return max(1, int(cal.working_days_between(sent, due)))


def take_new(service: DeskService, found: Sequence[LateDisposition], *,
             username: str = "", leader: bool = True,
             positions: Collection[str] = ()) -> list[LateDisposition]:
    """Those of ``found`` that concern the officer acting (``LateDisposition.concerns``;
    by default a leader) and were not announced on this desk yet for their due date; they
    count as announced from now on. What is no longer late leaves the record."""
    told = service.get_setting(NOTIFIED_SETTING) or {}
    told = told if isinstance(told, dict) else {}
    current = {d.key: d.due.isoformat() for d in found}
    kept = {key: due for key, due in told.items() if current.get(key) == due}
    new = [d for d in found if d.key not in kept
           and d.concerns(username, leader, positions)]
    record = kept | {d.key: d.due.isoformat() for d in new}
    if record != told:  # no write when nothing changed (asked after each change and sync)
        service.set_setting(NOTIFIED_SETTING, record)
    return new
