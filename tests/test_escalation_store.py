"""Escalation of dispositions past their deadline (desktop.store.escalation) on a real desk
store: complaints walked with the domain's apply_op (tests/test_reports_fixtures.py).
November 2026 has no national holiday: working days are Monday to Friday."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core import OpKind
from desktop.store import DeskService
from desktop.store import escalation as esc
from desktop.store.demo import reference_data
from tests.test_reports_fixtures import CAL, FOLLOW_UP, POLICY, at, dispose, walk

pytestmark = pytest.mark.dates


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    d = OpKind.dispose
    snaps = {
        # Disposed on Tue 3 Nov: the unit's answer is due Tue 10 Nov (5 working days).
        "late": walk(at("2026-11-02"), [("2026-11-03", d, dispose("P2P"))],
                     channel="web", category="kesehatan"),
        # Answered: the disposition's work is done, whatever came after.
        "answered": walk(at("2026-11-02"), [("2026-11-03", d, dispose("YANKES")),
                                            ("2026-11-05", OpKind.follow_up, FOLLOW_UP)],
                         channel="web", category="kesehatan"),
        # Never disposed: its verification is late, which is not a disposition's.
        "unverified": walk(at("2026-11-02"), [], channel="web", category="kesehatan"),
    }
    path = tmp_path_factory.mktemp("escalation")
    with DeskService(path) as store:
        store.merge_reference(**reference_data())
        store.upsert_snapshots(list(snaps.values()))
    (path / "ids.txt").write_text(snaps["late"]["id"])
    return path


def open_on(folder: Path, day: date) -> DeskService:
    return DeskService(folder, today=lambda: day, policy=POLICY, calendar=CAL)


def late_ids(folder: Path, day: date, after: int | None = None) -> list[tuple[int, int]]:
    with open_on(folder, day) as store:
        return [(d.days_late, d.level) for d in esc.late_dispositions(store, after=after)]


def test_a_disposition_is_escalated_after_its_deadline(folder):
    assert late_ids(folder, date(2026, 11, 10)) == []  # due today: not late yet
    assert late_ids(folder, date(2026, 11, 11)) == [(1, 1)]
    assert late_ids(folder, date(2026, 11, 11), after=2) == []  # the setting waits longer
    assert late_ids(folder, date(2026, 11, 13), after=2) == [(3, 1)]
    # A whole follow-up period (5 working days) late: level 2; two periods: level 3.
    assert late_ids(folder, date(2026, 11, 17)) == [(5, 2)]
    assert late_ids(folder, date(2026, 11, 24)) == [(10, 3)]
    assert late_ids(folder, date(2026, 11, 14)) == [(3, 1)]  # Saturday counts no day


def test_the_setting(folder):
    with open_on(folder, date(2026, 11, 13)) as store:
        assert esc.after_days(store) == esc.AFTER_DAYS == 1
        store.set_setting(esc.AFTER_SETTING, 4)
        assert esc.after_days(store) == 4
        assert esc.late_dispositions(store) == []
        store.set_setting(esc.AFTER_SETTING, "x")
        assert esc.after_days(store) == 1
        store.set_setting(esc.AFTER_SETTING, esc.AFTER_DAYS)


def test_the_pimpinan_is_told_once_per_deadline(folder):
    late_id = (folder / "ids.txt").read_text()
    with open_on(folder, date(2026, 11, 12)) as store:
        found = esc.late_dispositions(store)
        assert [d.id for d in found] == [late_id]
        assert found[0].unit_codes == ("P2P",)
        assert [d.id for d in esc.take_new(store, found)] == [late_id]
        assert esc.take_new(store, found) == []  # told already
    with open_on(folder, date(2026, 11, 20)) as store:  # later, more late: still told once
        assert esc.take_new(store, esc.late_dispositions(store)) == []
        # A new deadline (disposed again) that passes is told again.
        snap = store.complaint(late_id)
        snap.update(due_date="2026-11-18", version=snap["version"] + 1)
        store.upsert_snapshots([snap])
        again = esc.take_new(store, esc.late_dispositions(store))
        assert [(d.id, d.due) for d in again] == [(late_id, date(2026, 11, 18))]
