"""Working days and deadlines: weekends, national holidays, cuti bersama, local holidays, holds."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from core import (
    WITA,
    Actor,
    DeadlinePolicy,
    DomainError,
    Role,
    ValidationError,
    WorkingCalendar,
    apply_op,
    deadline_info,
    due_date,
    load_local_holidays,
    new_complaint,
    phase_days,
    read_local_holidays,
)
from core.clock import clock
from core.deadlines import auto_close_due

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar(years=[2026])


def test_weekend_is_skipped(cal):
    friday = date(2026, 11, 20)
    assert not cal.is_working_day(date(2026, 11, 21))
    assert not cal.is_working_day(date(2026, 11, 22))
    assert cal.add_working_days(friday, 1) == date(2026, 11, 23)
    assert cal.add_working_days(friday, 3) == date(2026, 11, 25)
    assert cal.add_working_days(friday, 0) == friday


def test_independence_day_is_skipped(cal):
    # 17 Aug 2026 is a Monday: the first working day after Friday the 14th is Tuesday.
    assert cal.holiday_name(date(2026, 8, 17)) is not None
    assert not cal.is_working_day(date(2026, 8, 17))
    assert cal.add_working_days(date(2026, 8, 14), 1) == date(2026, 8, 18)


def test_christmas_cuti_bersama_is_skipped(cal):
    # 24 Dec 2026 (Thursday) is cuti bersama, 25 Dec Christmas.
    assert "Cuti Bersama" in cal.holiday_name(date(2026, 12, 24))
    assert cal.add_working_days(date(2026, 12, 23), 1) == date(2026, 12, 28)


def test_lebaran_joint_holidays_are_skipped(cal):
    # 18-24 Mar 2026: Nyepi, Idul Fitri and their cuti bersama (20, 23, 24 are joint).
    for day in (18, 19, 20, 23, 24):
        assert not cal.is_working_day(date(2026, 3, day)), day
    assert cal.add_working_days(date(2026, 3, 17), 1) == date(2026, 3, 25)


def test_working_days_between(cal):
    assert cal.working_days_between(date(2026, 11, 20), date(2026, 11, 25)) == 3
    assert cal.working_days_between(date(2026, 11, 25), date(2026, 11, 20)) == -3
    assert cal.working_days_between(date(2026, 11, 21), date(2026, 11, 22)) == 0
    assert cal.working_days_between(date(2026, 12, 23), date(2026, 12, 28)) == 1


def test_local_holiday_from_file(tmp_path):
    path = tmp_path / "libur.txt"
    path.write_text(
        "# libur daerah Kalimantan Selatan\n\n2026-08-14 Hari Jadi Provinsi Kalsel\n"
        "2026-10-05   # no name\n",
        encoding="utf-8",
    )
    assert load_local_holidays(path) == [date(2026, 8, 14), date(2026, 10, 5)]
    names = read_local_holidays(path)
    assert names[date(2026, 8, 14)] == "Hari Jadi Provinsi Kalsel"
    local = WorkingCalendar(local_holidays=load_local_holidays(path))
    plain = WorkingCalendar()
    # Thursday 13 Aug + 1: Friday the 14th without the local day; with it, Monday the 17th is
    # Independence Day, so Tuesday.
    assert plain.add_working_days(date(2026, 8, 13), 1) == date(2026, 8, 14)
    assert local.add_working_days(date(2026, 8, 13), 1) == date(2026, 8, 18)
    named = WorkingCalendar(local_holidays=names)
    assert named.holiday_name(date(2026, 8, 14)) == "Hari Jadi Provinsi Kalsel"


def test_bad_local_holiday_file_names_the_line(tmp_path):
    path = tmp_path / "libur.txt"
    path.write_text("2026-08-14 Hari Jadi\n14/08/2026 salah\n", encoding="utf-8")
    with pytest.raises(DomainError) as err:
        load_local_holidays(path)
    assert err.value.code == "invalid_holiday_file"
    assert "baris 2" in err.value.message


def test_due_date_helper_and_phase_days(cal):
    policy = DeadlinePolicy()
    assert phase_days("belum_diverifikasi", policy) == 3
    assert phase_days("didisposisikan", policy) == 5
    assert phase_days("ditindaklanjuti", policy) == 10
    assert phase_days("menunggu_tanggapan_pelapor", policy) == 10
    assert phase_days("selesai", policy) is None
    assert phase_days("ditunda", policy) is None
    custom = DeadlinePolicy(verification_days=2, follow_up_days=14)
    assert phase_days("didisposisikan", custom) == 14
    assert due_date(date(2026, 11, 20), 3, 0, cal) == date(2026, 11, 25)
    assert due_date(date(2026, 11, 20), 3, 2, cal) == date(2026, 11, 27)


def test_policy_rejects_negative_days():
    with pytest.raises(ValidationError) as err:
        DeadlinePolicy(follow_up_days=-1)
    assert "follow_up_days" in err.value.errors
    assert DeadlinePolicy.from_mapping({"follow_up_days": "14", "x": 1}).follow_up_days == 14


def _snap(status="belum_diverifikasi", phase="2026-11-20", **extra):
    return {"status": status, "phase_started": phase, "held_working_days": 0, **extra}


def test_deadline_info_days_left_due_soon_overdue(cal):
    policy = DeadlinePolicy()
    snap = _snap()  # due Wednesday 25 Nov
    info = deadline_info(snap, date(2026, 11, 20), policy, cal)
    assert (info.due, info.days_left, info.overdue, info.due_soon, info.paused) == (
        date(2026, 11, 25), 3, False, False, False,
    )
    info = deadline_info(snap, date(2026, 11, 24), policy, cal)
    assert (info.days_left, info.due_soon, info.overdue) == (1, True, False)
    info = deadline_info(snap, date(2026, 11, 25), policy, cal)
    assert (info.days_left, info.due_soon, info.overdue) == (0, True, False)
    info = deadline_info(snap, date(2026, 11, 27), policy, cal)
    assert (info.days_left, info.overdue, info.due_soon) == (-2, True, False)
    assert deadline_info(_snap("selesai"), date(2026, 11, 27), policy, cal).due is None


def test_overdue_on_the_weekend_after_a_friday_deadline(cal):
    info = deadline_info(_snap(phase="2026-11-17"), date(2026, 11, 21), DeadlinePolicy(), cal)
    assert info.due == date(2026, 11, 20)
    assert info.overdue and info.days_left == -1


def test_due_override_is_used_and_extended_by_holds(cal):
    snap = _snap("didisposisikan", due_override="2026-12-01")
    assert deadline_info(snap, date(2026, 11, 20), DeadlinePolicy(), cal).due == date(2026, 12, 1)
    snap["held_working_days"] = 2
    assert deadline_info(snap, date(2026, 11, 20), DeadlinePolicy(), cal).due == date(2026, 12, 3)


def test_hold_pauses_the_clock_end_to_end(cal):
    """Complaint received Monday 2 Nov (due Thursday 5 Nov), held 3 Nov to Monday 9 Nov."""
    policy = DeadlinePolicy()
    admin = Actor("adm", Role.admin_instansi, "DINKES", (), "Admin")
    snap = apply_op(
        None, "create",
        new_complaint(title="Antrian puskesmas", content="Antrian sangat panjang sekali",
                      classification="pengaduan", channel="web", reporter={"name": "Ani"}),
        admin, datetime(2026, 11, 2, 9, tzinfo=WITA), policy, cal,
    ).snapshot
    assert snap["due_date"] == "2026-11-05"
    snap = apply_op(snap, "hold", {"reason": "Menunggu data"}, admin,
                    datetime(2026, 11, 3, 10, tzinfo=WITA), policy, cal).snapshot
    info = deadline_info(snap, date(2026, 11, 6), policy, cal)
    assert info.paused and not info.due_soon and not info.overdue
    # Three working days (4, 5, 6 Nov) held so far: the due date moves with them.
    assert info.due == date(2026, 11, 10)
    assert info.days_left == 2
    snap = apply_op(snap, "resume", {}, admin, datetime(2026, 11, 9, 8, tzinfo=WITA),
                    policy, cal).snapshot
    assert snap["held_working_days"] == 4  # 4, 5, 6 and 9 Nov
    assert snap["due_date"] == "2026-11-11"
    info = deadline_info(snap, date(2026, 11, 9), policy, cal)
    assert not info.paused and info.due == date(2026, 11, 11) and info.days_left == 2


def test_auto_close_due(cal):
    policy = DeadlinePolicy()
    snap = _snap("ditindaklanjuti", phase="2026-11-02")  # 10 working days: 16 Nov
    assert not auto_close_due(snap, date(2026, 11, 16), policy, cal)
    assert auto_close_due(snap, date(2026, 11, 17), policy, cal)
    assert not auto_close_due(_snap("didisposisikan", phase="2026-01-05"),
                              date(2026, 11, 17), policy, cal)


def test_working_days_between_matches_day_by_day_count(cal):
    """The prefix-sum shortcut agrees with counting day by day, across year ends."""
    start = date(2025, 12, 1)
    for a_off, b_off in [(0, 0), (0, 45), (20, 400), (3, 31), (30, 31), (365, 366)]:
        a, b = start + timedelta(days=a_off), start + timedelta(days=b_off)
        slow = sum(cal.is_working_day(a + timedelta(days=i)) for i in range(1, (b - a).days + 1))
        assert cal.working_days_between(a, b) == slow, (a, b)


# --- the bundled national holidays (resources/reference/libur-nasional.txt) -----------------

def test_bundled_holidays_match_the_holidays_package():
    """The file must say what the package says, year by year: regenerate it with
    scripts/generate-holidays after upgrading ``holidays``."""
    from core import calendar as calendar_module
    from desktop.paths import resource

    path = resource("reference", calendar_module.BUNDLED_FILE)
    years, table = calendar_module.read_bundled_holidays(path)
    assert years == calendar_module.BUNDLED_YEARS
    assert clock().today().year in years and clock().today().year + 5 in years
    for year in years:
        assert table[year] == calendar_module.computed_national_holidays(year), year


def test_years_outside_the_file_still_come_from_the_package():
    from core import calendar as calendar_module

    later = calendar_module.BUNDLED_YEARS[-1] + 1
    cal = WorkingCalendar()
    independence = date(later, 8, 17)
    assert cal.holiday_name(independence) == \
        calendar_module.computed_national_holidays(later)[independence]


def test_first_deadline_query_does_not_import_holidays():
    import subprocess
    import sys

    code = ("import sys\nfrom datetime import date\n"
            "from core import WorkingCalendar\n"
            "cal = WorkingCalendar()\n"
            "assert cal.working_days_between(date(2025, 1, 2), date(2026, 12, 31)) > 400\n"
            "assert cal.holiday_name(date(2026, 8, 17))\n"
            "print('holidays' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "False"


def test_a_damaged_bundled_file_is_refused(tmp_path):
    from core import calendar as calendar_module

    path = tmp_path / "libur.txt"
    path.write_text("2026-01-01 Tahun Baru Masehi\n", encoding="utf-8")
    with pytest.raises(DomainError):
        calendar_module.read_bundled_holidays(path)
