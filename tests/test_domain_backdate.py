"""A create's received_at may be back-dated only within the policy's window, and a
back-dated create says so (issue 13, item 6)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core import (
    Actor,
    DeadlinePolicy,
    OpKind,
    Role,
    ValidationError,
    WorkingCalendar,
    apply_op,
)

from .clocks import wita

pytestmark = pytest.mark.dates

NOW = wita(2026, 12, 9, 10, 0)
LOKET = Actor("dinkes.loket", Role.loket, "DINKES", (), "Petugas Loket")
CAL = WorkingCalendar()


def _create(received, policy: DeadlinePolicy | None = None) -> dict:
    payload = {"title": "Antrean panjang di puskesmas", "classification": "pengaduan",
               "content": "Pasien menunggu lebih dari empat jam untuk diperiksa.",
               "channel": "surat", "agency_code": "DINKES", "category_id": "kesehatan",
               "reporter": {"name": "Siti"}, "received_at": received.isoformat()}
    return apply_op(None, OpKind.create, payload, LOKET, NOW, policy or DeadlinePolicy(), CAL
                    ).event


def test_paper_log_weeks_old_is_accepted_and_marked():
    event = _create(NOW - timedelta(days=30))
    assert event["data"]["backdated_days"] == 30


def test_a_few_hours_late_is_not_back_dated():
    assert "backdated_days" not in _create(NOW - timedelta(hours=5))["data"]


def test_older_than_the_window_is_refused_in_indonesian():
    with pytest.raises(ValidationError) as refused:
        _create(NOW - timedelta(days=181))
    assert "180 hari" in refused.value.errors["received_at"]
    with pytest.raises(ValidationError):
        _create(wita(2001, 5, 1))
    with pytest.raises(ValidationError):
        _create(NOW - timedelta(days=11), DeadlinePolicy(backdate_days=10))
    assert _create(NOW - timedelta(days=9), DeadlinePolicy(backdate_days=10))
