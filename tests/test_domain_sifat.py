"""Sifat on the printed sheet splits into Kecepatan and Keamanan; Sangat Segera has its own,
shorter follow-up deadline (issue 15.5). The rules live once in core, so the desk
and the server (both apply ops with ``apply_op``) compute the same due date."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core import DeadlinePolicy, Sifat, apply_op, sifat_secret, sifat_speed
from tests.test_domain_operations import BOSS, CAL, T0, created, run

pytestmark = pytest.mark.dates


def test_sangat_segera_gets_the_shorter_follow_up_deadline() -> None:
    at = T0 + timedelta(days=1)  # Tuesday 3 Nov 2026
    urgent = run(created(), "dispose", {"unit_codes": ["YANKES"], "sifat": "sangat_segera"},
                 BOSS, at).snapshot
    assert urgent["due_date"] == "2026-11-05"  # 2 working days
    assert urgent["disposition"]["due_date"] == "2026-11-05"
    normal = run(created(), "dispose", {"unit_codes": ["YANKES"], "sifat": "segera"},
                 BOSS, at).snapshot
    assert normal["due_date"] == "2026-11-10"  # 5 working days
    # Re-disposed as Biasa while the clock runs: back to the 5 days from the same start.
    again = run(urgent, "dispose", {"unit_codes": ["YANKES"], "sifat": "biasa"}, BOSS,
                at + timedelta(days=1)).snapshot
    assert again["due_date"] == "2026-11-10"
    # A hold keeps the phase's length; the paused days are added on resume.
    held = run(urgent, "hold", {"reason": "Menunggu data"}, BOSS, at).snapshot
    resumed = run(held, "resume", {}, BOSS, at + timedelta(days=2)).snapshot  # Thursday
    assert resumed["due_date"] == "2026-11-09"


def test_the_urgent_days_are_a_policy_setting_never_longer_than_follow_up() -> None:
    assert DeadlinePolicy().urgent_follow_up_days == 2
    policy = DeadlinePolicy.from_mapping({"urgent_follow_up_days": "1", "follow_up_days": 5})
    assert policy.urgent_follow_up_days == 1
    short = DeadlinePolicy(follow_up_days=1, urgent_follow_up_days=3)
    snap = apply_op(created(), "dispose", {"unit_codes": ["YANKES"], "sifat": "sangat_segera"},
                    BOSS, T0 + timedelta(days=1), short, CAL).snapshot
    assert snap["due_date"] == "2026-11-04"  # never later than a Biasa one
    with pytest.raises(Exception, match="Jumlah hari kerja"):
        DeadlinePolicy(urgent_follow_up_days=-1)


@pytest.mark.parametrize(("sifat", "confidential", "speed", "secret"), [
    ("sangat_segera", False, Sifat.sangat_segera, False),
    ("segera", True, Sifat.segera, True),
    ("biasa", False, Sifat.biasa, False),
    ("rahasia", False, Sifat.biasa, True),  # older data: one box for both
    (None, True, Sifat.biasa, True),
    ("", False, Sifat.biasa, False),
])
def test_kecepatan_and_keamanan(sifat, confidential, speed, secret) -> None:
    assert sifat_speed(sifat) is speed
    assert sifat_secret(sifat, confidential) is secret
