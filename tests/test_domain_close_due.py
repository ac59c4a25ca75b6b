"""Waiting on the reporter is not the agency's delay (issue 14.7).

After a follow-up or a clarification request the clock waits on the reporter: when that
period passes unanswered the complaint is *due for closing* ("Perlu ditutup"), never
late ("Terlambat"). Only the agency's own phases (verification, follow-up) can be late.
"""

from __future__ import annotations

from datetime import date

import pytest

from core import (
    DeadlinePolicy,
    Status,
    WorkingCalendar,
    auto_close_due,
    deadline_info,
    phase_deadline_info,
    waits_on_reporter,
)

pytestmark = pytest.mark.dates

WAITING = ("menunggu_tanggapan_pelapor", "ditindaklanjuti")


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar(years=[2026])


def _snap(status: str, phase: str = "2026-11-02", **extra) -> dict:
    return {"status": status, "phase_started": phase, "held_working_days": 0, **extra}


@pytest.mark.parametrize("status", WAITING)
def test_reporter_wait_past_its_period_is_due_for_closing_not_late(cal, status):
    policy = DeadlinePolicy()
    info = deadline_info(_snap(status), date(2026, 12, 2), policy, cal)  # 10 days: 16 Nov
    assert info.due == date(2026, 11, 16) and info.days_left < 0
    assert info.close_due
    assert not info.overdue and not info.due_soon
    assert auto_close_due(_snap(status), date(2026, 12, 2), policy, cal)


@pytest.mark.parametrize("status", WAITING)
def test_reporter_wait_is_never_due_soon_for_the_agency(cal, status):
    """Until the reporter's period ends nothing waits on the agency: no amber "Jatuh tempo"."""
    policy = DeadlinePolicy()
    for today, left in ((date(2026, 11, 13), 1), (date(2026, 11, 16), 0)):
        info = deadline_info(_snap(status), today, policy, cal)
        assert (info.days_left, info.due_soon, info.overdue, info.close_due) == (
            left, False, False, False)
    assert not auto_close_due(_snap(status), date(2026, 11, 16), policy, cal)


@pytest.mark.parametrize("status", ("belum_diverifikasi", "didisposisikan"))
def test_agency_phases_are_still_late(cal, status):
    info = deadline_info(_snap(status), date(2026, 12, 2), DeadlinePolicy(), cal)
    assert info.overdue and not info.close_due
    assert not auto_close_due(_snap(status), date(2026, 12, 2), DeadlinePolicy(), cal)


def test_hold_from_the_reporter_wait_keeps_it_due_for_closing(cal):
    snap = _snap("ditunda", previous_status="menunggu_tanggapan_pelapor",
                 hold_started="2026-11-30")
    info = deadline_info(snap, date(2026, 12, 2), DeadlinePolicy(), cal)
    assert info.paused and info.close_due and not info.overdue


def test_waits_on_reporter_names_the_reporter_phases():
    assert {s for s in Status if waits_on_reporter(s)} == {
        Status.ditindaklanjuti, Status.menunggu_tanggapan_pelapor}
    assert not waits_on_reporter(None)
    assert waits_on_reporter("menunggu_tanggapan_pelapor")


def test_phase_deadline_info_classifies_a_stored_due_date():
    """The store reads due dates from SQL and asks the domain what they mean."""
    policy = DeadlinePolicy()
    due = date(2026, 11, 16)
    late = phase_deadline_info(due, -5, "didisposisikan", policy)
    assert (late.overdue, late.close_due, late.due_soon) == (True, False, False)
    waiting = phase_deadline_info(due, -5, "menunggu_tanggapan_pelapor", policy)
    assert (waiting.overdue, waiting.close_due, waiting.due_soon) == (False, True, False)
    soon = phase_deadline_info(due, 1, "didisposisikan", policy)
    assert (soon.overdue, soon.close_due, soon.due_soon) == (False, False, True)
    assert not phase_deadline_info(due, 1, "ditindaklanjuti", policy).due_soon
