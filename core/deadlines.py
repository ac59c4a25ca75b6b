"""Deadlines in working days: which phase a status is in, its due date, and how close it is.

Phases: verification (starts at receipt; ``belum_diverifikasi`` until verified: a
verified complaint awaiting disposition has no running clock, see
``awaiting_disposition``), follow-up (starts at
disposition; ``didisposisikan``) and auto-close (starts at each follow-up or clarification
request; ``ditindaklanjuti``/``menunggu_tanggapan_pelapor``). Working days spent ``ditunda``
do not count: they are added to the due date (``held_working_days``).

Whose clock it is matters: verification and follow-up are the agency's own phases, and
past their due date the complaint is *late* (``overdue``, "Terlambat"). The auto-close
phase waits on the reporter: past its date the reporter has not answered, the complaint is
*due for closing* (``close_due``, "Perlu ditutup") and an officer closes it. That is not
the agency's delay: it is never ``overdue`` nor ``due_soon``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .calendar import WorkingCalendar
from .enums import Sifat, Status
from .errors import ValidationError
from .sifat import sifat_speed

_FIELDS = ("verification_days", "follow_up_days", "auto_close_days", "due_soon_days",
           "backdate_days", "urgent_follow_up_days")


@dataclass(frozen=True)
class DeadlinePolicy:
    verification_days: int = 3
    follow_up_days: int = 5
    auto_close_days: int = 10
    due_soon_days: int = 1
    # Calendar days a create's received_at may lie before the applier's now: paper logs are
    # recorded late, but not years late (server: LAPOR_BACKDATE_DAYS).
    backdate_days: int = 180
    # Follow-up of a disposition marked Sangat Segera (never longer than follow_up_days).
    urgent_follow_up_days: int = 2

    def __post_init__(self) -> None:
        errors = {
            name: "Jumlah hari kerja harus bilangan bulat tidak negatif."
            for name in _FIELDS
            if not isinstance(getattr(self, name), int) or getattr(self, name) < 0
        }
        if errors:
            raise ValidationError(errors)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> DeadlinePolicy:
        """Build from settings, ignoring unknown keys (missing keys keep their defaults)."""
        return cls(**{k: int(data[k]) for k in _FIELDS if k in data and data[k] is not None})


@dataclass(frozen=True)
class DeadlineInfo:
    due: date | None
    days_left: int | None  # working days left; negative once the date has passed
    overdue: bool  # an agency phase past its due date ("Terlambat")
    due_soon: bool  # an agency phase within ``due_soon_days`` of its due date
    paused: bool  # on hold (ditunda): the clock is stopped
    close_due: bool = False  # the reporter's period passed unanswered: close it


NO_DEADLINE = DeadlineInfo(None, None, False, False, False)

# Phases whose clock waits on the reporter (after a follow-up or a clarification request).
REPORTER_PHASES: frozenset[Status] = frozenset(
    {Status.ditindaklanjuti, Status.menunggu_tanggapan_pelapor})
# The agency's own phases: only these can be late.
AGENCY_PHASES: frozenset[Status] = frozenset({Status.belum_diverifikasi, Status.didisposisikan})


def waits_on_reporter(status: Status | str | None) -> bool:
    """True for the phases whose clock waits on the reporter, not on the agency."""
    return status is not None and str(status) in REPORTER_PHASES


def phase_deadline_info(due: date, left: int, phase: Status | str | None,
                        policy: DeadlinePolicy, paused: bool = False) -> DeadlineInfo:
    """What ``left`` working days to ``due`` mean in ``phase`` (for ``ditunda``: the phase
    it was paused in): late or due soon in an agency phase, due for closing once the
    reporter's period has passed."""
    past = left < 0
    if waits_on_reporter(phase):
        return DeadlineInfo(due, left, False, False, paused, close_due=past)
    return DeadlineInfo(due, left, past, not past and not paused and left <= policy.due_soon_days,
                        paused)


def phase_days(status: Status | str | None, policy: DeadlinePolicy,
               sifat: str | None = None) -> int | None:
    """Working days allowed for the phase ``status`` belongs to; None when no clock runs.
    A disposition's follow-up marked Sangat Segera (``sifat``) has the shorter
    ``urgent_follow_up_days``."""
    if status is None:
        return None
    status = Status(status)
    if status is Status.belum_diverifikasi:
        return policy.verification_days
    if status is Status.didisposisikan:
        if sifat_speed(sifat) is Sifat.sangat_segera:
            return min(policy.urgent_follow_up_days, policy.follow_up_days)
        return policy.follow_up_days
    if status in (Status.ditindaklanjuti, Status.menunggu_tanggapan_pelapor):
        return policy.auto_close_days
    return None


def awaiting_disposition(snapshot: Mapping[str, Any]) -> bool:
    """Verified (``verified_at`` set) but not yet disposed: ``belum_diverifikasi``, or on
    hold from it. Its verification clock has stopped and no other one runs yet."""
    status = snapshot.get("status")
    if status == Status.ditunda:
        status = snapshot.get("previous_status")
    return status == Status.belum_diverifikasi and bool(snapshot.get("verified_at"))


def due_date(phase_started: date, days: int, held_working_days: int, cal: WorkingCalendar) -> date:
    """Due date of a phase: ``days`` + ``held_working_days`` working days after its start."""
    return cal.add_working_days(phase_started, days + max(0, held_working_days))


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def snapshot_due(
    snapshot: Mapping[str, Any], policy: DeadlinePolicy, cal: WorkingCalendar, extra_held: int = 0
) -> date | None:
    """Due date of the snapshot's current phase (for ``ditunda``: the phase it was paused in).

    ``due_override`` (set by a disposition) replaces the computed date; held days still
    extend it. ``extra_held`` adds working days of a hold still in progress.
    """
    if awaiting_disposition(snapshot):
        return None
    status = snapshot.get("status")
    if status == Status.ditunda:
        status = snapshot.get("previous_status")
    days = phase_days(status, policy, snapshot.get("sifat"))
    started = _as_date(snapshot.get("phase_started"))
    if days is None or started is None:
        return None
    held = int(snapshot.get("held_working_days") or 0) + max(0, extra_held)
    override = _as_date(snapshot.get("due_override"))
    if override is not None:
        return cal.add_working_days(override, held)
    return due_date(started, days, held, cal)


def days_left(today: date, due: date, cal: WorkingCalendar) -> int:
    """Working days from ``today`` to ``due``: 0 on the due day, at most -1 once past it."""
    if today > due:
        return -max(1, cal.working_days_between(due, today))
    return cal.working_days_between(today, due)


def deadline_info(
    snapshot: Mapping[str, Any], today: date, policy: DeadlinePolicy, cal: WorkingCalendar
) -> DeadlineInfo:
    """Where the complaint stands against its current deadline on ``today``.

    While ``ditunda`` the clock is paused: ``due`` is the date it would be if resumed
    today, ``due_soon`` is never raised, ``overdue`` (or ``close_due``) only if it was so
    before the hold.
    """
    paused = snapshot.get("status") == Status.ditunda
    extra = 0
    if paused:
        hold_started = _as_date(snapshot.get("hold_started"))
        if hold_started is not None and today > hold_started:
            extra = cal.working_days_between(hold_started, today)
    due = snapshot_due(snapshot, policy, cal, extra)
    if due is None:
        return DeadlineInfo(None, None, False, False, paused)
    phase = snapshot.get("previous_status") if paused else snapshot.get("status")
    return phase_deadline_info(due, days_left(today, due, cal), phase, policy, paused)


def auto_close_due(
    snapshot: Mapping[str, Any], today: date, policy: DeadlinePolicy, cal: WorkingCalendar
) -> bool:
    """True when a follow-up has gone unanswered past ``auto_close_days`` (counts as selesai):
    the complaint is due for closing."""
    if not waits_on_reporter(snapshot.get("status")):
        return False
    return deadline_info(snapshot, today, policy, cal).close_due
