""""Today" is the office's date (WITA), from the one injectable clock, at the boundaries where
UTC's date or a naive machine date would differ: 00.30 WITA (16.30 UTC the day before),
07.59, 23.59, and 31 December -> 1 January (a national holiday).

Each product path that decides a date is checked: intake dates and provisional numbers,
deadlines, the queue's "Jatuh Tempo"/"Terlambat", letters' dates and agenda years, and the
report period "this month" (the same in the Laporan page and in ``lapor-desk report``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from core import ValidationError, WorkingCalendar
from core.clock import (
    ENV_NOW,
    WIB,
    WIT,
    WITA,
    Clock,
    clock,
    from_environment,
    parse_now,
    parse_zone,
    set_zone,
)
from desktop.intake import IntakeService
from desktop.store import DeskService, QueueFilter
from desktop.store.reports import preset_period
from desktop.store.sealed import viewable_copy

from .clocks import BOUNDARIES, office_time, utc, wita
from .test_intake_service import filled, make_desk, need_pdftotext

pytestmark = pytest.mark.dates
REPO = Path(__file__).resolve().parent.parent


# --- the clock itself --------------------------------------------------------------------

@pytest.mark.parametrize(("label", "moment", "expected"), BOUNDARIES,
                         ids=[b[0] for b in BOUNDARIES])
def test_today_is_the_wita_date(label: str, moment: datetime, expected: str):
    with office_time(moment, frozen=True) as office:
        assert office.today().isoformat() == expected, label
        assert clock().today().isoformat() == expected
        assert clock().now().utcoffset() == timedelta(hours=8)
        assert clock().now() == moment


def test_the_zone_is_a_setting(tmp_path: Path):
    moment = utc(2026, 12, 8, 16, 30)  # 23.30 WIB, 00.30 WITA, 01.30 WIT
    with office_time(moment, frozen=True):
        assert [set_zone(z) and clock().today().day for z in ("WIB", "WITA", "WIT")] == [8, 9, 9]
        store = DeskService(tmp_path / "desk")
        try:
            store.set_setting("office_zone", "WIB")
            assert clock().zone is WIB and store.today() == date(2026, 12, 8)
            store.set_setting("office_zone", "Asia/Makassar")
            assert clock().zone is WITA and store.today() == date(2026, 12, 9)
            store.set_setting("office_zone", "Mars/Olympus")  # damaged: the default, logged
            assert clock().zone is WITA
        finally:
            store.close()
    assert parse_zone("wit") is WIT and parse_zone("Asia/Jayapura") is WIT
    with pytest.raises(ValueError, match="WIB, WITA atau WIT"):
        parse_zone("Nowhere/Town")


def test_lapor_now_pins_every_process_on_one_time_line(monkeypatch):
    moment = wita(2026, 12, 31, 23, 59)
    anchor = time.time() - 90  # pinned 90 s ago: this process reads 00.00.30 on 1 January
    monkeypatch.setenv(ENV_NOW, f"{moment.isoformat()}@{anchor}")
    here = from_environment()
    assert timedelta(seconds=89) < here.now() - moment < timedelta(seconds=95)
    assert here.today() == date(2027, 1, 1)
    child = subprocess.run(
        [sys.executable, "-c", "from core.clock import clock; "
         "print(clock().now().isoformat())"],
        capture_output=True, text=True, check=True, env={**os.environ}, cwd=REPO)
    there = datetime.fromisoformat(child.stdout.strip())
    assert abs((there - here.now()).total_seconds()) < 5
    assert parse_now("2026-12-31T16:30:00Z")[0] == utc(2026, 12, 31, 16, 30)
    with pytest.raises(ValueError, match="UTC offset"):
        parse_now("2026-12-31T16:30:00")


def test_a_pinned_clock_runs_on_and_a_frozen_one_does_not():
    moment = wita(2026, 12, 9, 7, 59)
    running = Clock.starting_at(moment, anchor=time.time() - 61)
    assert running.now() >= moment + timedelta(seconds=61)
    assert Clock.starting_at(moment, frozen=True).now() == moment


# --- intake: incident dates and provisional numbers ---------------------------------------

@pytest.mark.parametrize(("label", "moment", "expected"), BOUNDARIES,
                         ids=[b[0] for b in BOUNDARIES])
def test_walk_in_complaint_takes_the_wita_date(tmp_path: Path, label: str, moment: datetime,
                                               expected: str):
    today = date.fromisoformat(expected)
    with office_time(moment):
        store = make_desk(tmp_path / "desk")
        try:
            intake = IntakeService(store)
            # An incident today (WITA) is not "in the future", even when UTC is still on
            # yesterday; tomorrow (WITA) is.
            with pytest.raises(ValidationError) as refused:
                intake.submit(filled(incident_date=(today + timedelta(days=1)).isoformat()))
            assert "incident_date" in refused.value.errors
            created = intake.submit(filled(incident_date=today.isoformat()))
            assert created.provisional_number == f"L-D1-{today:%Y%m%d}-0001", label
            snap = store.complaint(created.complaint_id)
            assert snap["received_at"].startswith(expected)
            assert snap["phase_started"] == expected
            assert snap["incident_date"] == expected
            assert intake.context().today == today
        finally:
            store.close()


# --- deadlines and the queue's Jatuh Tempo / Terlambat -------------------------------------

def test_a_complaint_received_on_new_years_eve_night_counts_from_1_january(tmp_path: Path):
    cal = WorkingCalendar()
    assert not cal.is_working_day(date(2027, 1, 1)), "1 January is a national holiday"
    with office_time(utc(2026, 12, 31, 16, 30)):  # 00.30 WITA, 1 January 2027
        store = make_desk(tmp_path / "desk")
        try:
            created = IntakeService(store).submit(filled(incident_date="2026-12-30"))
            snap = store.complaint(created.complaint_id)
        finally:
            store.close()
    assert snap["phase_started"] == "2027-01-01"
    due = date.fromisoformat(snap["due_date"])
    assert due == cal.add_working_days(date(2027, 1, 1), 3)
    assert due.year == 2027 and cal.is_working_day(due)


def _queue_state(store: DeskService, cid: str) -> tuple[bool, bool, int | None]:
    row = store.rows([cid])[0]
    late = cid in store.queue_ids(QueueFilter(view="terlambat"))
    soon = cid in store.queue_ids(QueueFilter(view="jatuh_tempo"))
    assert row.overdue == late
    return late, soon, row.days_left


def test_queue_turns_late_at_wita_midnight_not_utc_midnight(tmp_path: Path):
    # Received Wednesday 9 December 2026, 07.59 WITA: verification due 3 working days on.
    with office_time(wita(2026, 12, 9, 7, 59)):
        store = make_desk(tmp_path / "desk")
        created = IntakeService(store).submit(filled(incident_date="2026-12-08"))
        cid = created.complaint_id
    try:
        due = date.fromisoformat(store.complaint(cid)["due_date"])
        assert due == WorkingCalendar().add_working_days(date(2026, 12, 9), 3)
        last_evening = datetime.combine(due, datetime.min.time(), WITA) + timedelta(
            hours=23, minutes=59)
        with office_time(last_evening):  # 23.59 WITA on the due date: due, not late
            late, soon, left = _queue_state(store, cid)
            assert (late, soon, left) == (False, True, 0)
        # 00.30 WITA the next day is 16.30 UTC on the due date: already late.
        with office_time(last_evening + timedelta(minutes=31)):
            assert clock().now().astimezone(utc(2026, 1, 1).tzinfo).date() == due
            late, soon, _ = _queue_state(store, cid)
            assert late and not soon
    finally:
        store.close()


# --- letters: date line and agenda year ---------------------------------------------------

@need_pdftotext
def test_letter_issued_after_midnight_wita_on_new_year_is_dated_1_january(tmp_path: Path):
    from desktop.printing import IssueOptions, archive, issue_letter

    from .test_printing_archive import _add_block, _complaint, desk_for

    with office_time(utc(2026, 12, 31, 16, 30)):  # 00.30 WITA, 1 January 2027
        store = desk_for(tmp_path / "desk")
        try:
            cid = _complaint(store)
            _add_block(store, 1, 5, year=2027)
            _add_block(store, 300, 305, year=2026)
            record = issue_letter(store, cid, options=IssueOptions(paper="a4"))
            pdf = viewable_copy(store.files, archive.archive_path(store, record.sha256),
                                "surat.pdf")  # the archive is sealed with the desk key
            text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                                  text=True, check=True).stdout
        finally:
            store.close()
    assert record.agenda_number == "001/DISP/DINKES/I/2027"
    assert "1 Januari 2027" in text
    assert "31 Desember 2026" not in text


# --- report periods: "this month" is the same in the GUI and the CLI ----------------------

@pytest.mark.parametrize(("label", "moment", "expected"), BOUNDARIES,
                         ids=[b[0] for b in BOUNDARIES])
def test_this_month_is_one_period_for_page_and_command(qtbot, tmp_path: Path, label: str,
                                                       moment: datetime, expected: str):
    from desktop.tasks import Tasks
    from desktop.views.reports.page import PERIODS, ReportsPage

    today = date.fromisoformat(expected)
    folder = tmp_path / "desk"
    DeskService(folder).close()
    with office_time(moment):
        done = subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(folder), "report", "--json"],
            capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=REPO,
            env={k: v for k, v in os.environ.items() if k != "LAPOR_DESK_DATA_DIR"})
        assert done.returncode == 0, done.stderr
        data = json.loads(done.stdout)
        tasks = Tasks()
        page = ReportsPage(tasks, "id")
        qtbot.addWidget(page)
        page.period_combo.setCurrentIndex(PERIODS.index("this_month"))
        gui_period = page.period()
        tasks.shutdown()
    assert gui_period == (today.replace(day=1), today) == preset_period("this_month", today)
    assert (data["from"], data["to"], data["today"]) == (
        today.replace(day=1).isoformat(), expected, expected), label
