"""desktop.store.reports on a real SQLite store holding hand-counted complaints."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from core import WorkingCalendar
from desktop.store import reports
from tests.test_reports_fixtures import EXPECTED, NOVEMBER, TODAY, fill, open_store

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("reports")
    fill(path)
    return path


@pytest.fixture
def store(folder: Path):
    service = open_store(folder)
    yield service
    service.close()


def counts(rows: list[reports.RecapRow]) -> dict[str, int]:
    return {r.key: r.total for r in rows}


def test_november_recap_matches_the_hand_count(store):
    report = reports.build_report(store, *NOVEMBER)
    assert report.today == TODAY
    assert (report.received, report.closed, report.closed_on_time, report.closed_late) == (
        EXPECTED["received"], EXPECTED["closed"], EXPECTED["closed_on_time"],
        EXPECTED["closed_late"])
    assert report.on_time_pct == pytest.approx(EXPECTED["on_time_pct"])
    assert report.median_days_to_close == EXPECTED["median"]
    assert counts(report.by_deadline) == EXPECTED["by_deadline"]
    assert counts(report.by_status) == EXPECTED["by_status"]
    assert counts(report.by_channel) == EXPECTED["by_channel"]
    assert counts(report.by_category) == EXPECTED["by_category"]
    assert counts(report.by_classification) == EXPECTED["by_classification"]
    units = {r.key: (r.total, r.closed_on_time, r.closed_late, r.open_within, r.open_overdue,
                     r.no_deadline) for r in report.by_unit}
    assert units == EXPECTED["by_unit"]


def test_a_complaint_disposed_to_two_units_counts_in_each(store):
    report = reports.build_report(store, *NOVEMBER)
    by_unit = {r.key: r for r in report.by_unit}
    assert by_unit["YANKES"].label == "Bidang Pelayanan Kesehatan"
    assert by_unit[""].label == "Tanpa unit tujuan"
    assert by_unit[""] is report.by_unit[-1]  # "not routed" comes last
    # Per unit the totals add up to more than the complaints: B is in YANKES and P2P.
    assert sum(r.total for r in report.by_unit) == report.received + 1


def test_labels_and_shares(store):
    report = reports.build_report(store, *NOVEMBER)
    selesai = next(r for r in report.by_status if r.key == "selesai")
    assert selesai.label == "Selesai" and selesai.on_time_pct == pytest.approx(60.0)
    assert [r.key for r in report.by_deadline] == list(reports.DEADLINE_STATES)
    assert report.by_category[0].label == "Kesehatan"  # biggest first


@pytest.mark.parametrize(("first", "last", "expected"), [
    (date(2026, 11, 1), date(2026, 11, 1), 2),    # K (00:00) and K2 (00:30 WITA, in UTC)
    (date(2026, 10, 31), date(2026, 10, 31), 1),  # J at 23:59, not K
    (date(2026, 11, 30), date(2026, 11, 30), 1),  # L at 23:59
    (date(2026, 11, 30), date(2026, 12, 1), 2),   # L and M at 00:00
    (date(2026, 10, 1), date(2026, 12, 31), 14),
    (date(2027, 1, 1), date(2027, 1, 31), 0),
])
def test_period_ends_are_inclusive_wita_dates(store, first, last, expected):
    assert reports.build_report(store, first, last).received == expected


def test_an_empty_period_has_no_percentages(store):
    report = reports.build_report(store, date(2027, 1, 1), date(2027, 1, 31))
    assert report.closed == 0 and report.on_time_pct is None
    assert report.median_days_to_close is None
    assert report.by_unit == [] and sum(r.total for r in report.by_status) == 0
    assert report.as_dict()["totals"]["on_time_pct"] is None


def test_reversed_period_is_refused(store):
    with pytest.raises(ValueError):
        reports.build_report(store, date(2026, 11, 30), date(2026, 11, 1))


def test_json_shape(store):
    data = reports.build_report(store, *NOVEMBER).as_dict()
    assert data["from"] == "2026-11-01" and data["to"] == "2026-11-30"
    assert data["totals"] == {"received": 12, "closed": 5, "closed_on_time": 3,
                              "closed_late": 2, "on_time_pct": 60.0,
                              "median_working_days_to_close": 12.0, "multi_unit": 1}
    yankes = next(u for u in data["by_unit"] if u["key"] == "YANKES")
    assert yankes["agency_code"] == "DINKES" and yankes["closed"] == 4
    assert yankes["on_time_pct"] == 50.0


def test_fast_calendar_agrees_with_the_domain():
    cal = WorkingCalendar({date(2026, 11, 12): "Libur daerah"})
    fast = reports._FastCalendar(cal)
    rng = random.Random(7)
    for _ in range(2000):
        start = date(2025, 1, 1) + timedelta(days=rng.randrange(900))
        n = rng.choice((0, 1, 3, 5, 10, rng.randrange(400)))
        assert fast.add_working_days(start, n) == cal.add_working_days(start, n), (start, n)


def test_month_and_year_periods():
    assert reports.month_period(date(2026, 1, 15)) == (date(2026, 1, 1), date(2026, 1, 31))
    assert reports.month_period(date(2026, 1, 15), 1) == (date(2025, 12, 1),
                                                          date(2025, 12, 31))
    assert reports.month_period(date(2026, 3, 31), 1) == (date(2026, 2, 1), date(2026, 2, 28))
    assert reports.month_period(date(2026, 12, 5)) == (date(2026, 12, 1), date(2026, 12, 31))
    # The named periods end today: "Bulan ini" on 7 December is 1-7 December, in the Laporan
    # page and in `lapor-desk report` alike (tests/test_office_clock.py).
    assert reports.preset_period("this_month", date(2026, 12, 7)) == (date(2026, 12, 1),
                                                                      date(2026, 12, 7))
    assert reports.preset_period("last_month", date(2027, 1, 1)) == (date(2026, 12, 1),
                                                                     date(2026, 12, 31))
    assert reports.preset_period("this_year", date(2026, 7, 1)) == (date(2026, 1, 1),
                                                                    date(2026, 7, 1))
    with pytest.raises(ValueError):
        reports.preset_period("range", date(2026, 7, 1))
