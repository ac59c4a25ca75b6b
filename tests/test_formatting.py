"""desktop.formatting: Indonesian office dates and numbers, independent of the OS locale."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from desktop import formatting as f

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks

WITA = timezone(timedelta(hours=8))


def test_dates_in_indonesian_office_format():
    assert f.date_short(date(2026, 11, 28)) == "28 Nov 2026"
    assert f.date_short("2026-08-17") == "17 Agu 2026"
    assert f.date_long(date(2026, 11, 28)) == "28 November 2026"
    assert f.date_long("2026-05-01", weekday=True) == "Jumat, 1 Mei 2026"
    assert f.date_short(None) == "" and f.date_long("") == ""


def test_times_use_a_dot_and_the_zone_name():
    moment = datetime(2026, 11, 20, 9, 5, tzinfo=WITA)
    assert f.datetime_long(moment) == "20 November 2026 09.05 WITA"
    assert f.datetime_long("2026-11-20T09:05:00+07:00") == "20 November 2026 09.05 WIB"
    assert f.datetime_short(moment) == "20 Nov 2026 09.05"
    assert f.time_short(datetime(2026, 1, 1, 7, 0, tzinfo=UTC)) == "07.00 UTC+00:00"


def test_english_when_asked():
    assert f.date_short(date(2026, 10, 3), lang="en") == "3 Oct 2026"
    assert f.time_short(datetime(2026, 1, 1, 7, 30, tzinfo=WITA), lang="en") == "07:30 WITA"
    assert f.number(1234567, lang="en") == "1,234,567"


def test_numbers_group_with_dots():
    assert f.number(100000) == "100.000"
    assert f.number(1234.5, decimals=1) == "1.234,5"
    assert f.number(0) == "0"
