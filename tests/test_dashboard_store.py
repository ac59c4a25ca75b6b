"""desktop.store.dashboard on the hand-counted store of tests/test_reports_fixtures.py
("today" Tuesday 15 December 2026)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.store import dashboard as dash
from desktop.store import recap_tally, reports
from tests.test_reports_fixtures import EXPECTED, NOVEMBER, fill, open_store

pytestmark = pytest.mark.dates

DIRECTORY = {
    "rina": {"username": "rina", "full_name": "Rina Wati", "role": "petugas_unit",
             "agency": "DINKES", "unit": "YANKES", "active": True},
    "budi": {"username": "budi", "full_name": "Budi Santoso", "role": "petugas_unit",
             "agency": "DINKES", "unit": "P2P", "active": True},
    "lama": {"username": "lama", "full_name": "Pegawai Pindah", "role": "petugas_unit",
             "agency": "DINKES", "unit": "P2P", "active": False},
    "sari": {"username": "sari", "full_name": "Sari Admin", "role": "admin_instansi",
             "agency": "DINKES", "unit": None, "active": True},
}


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> tuple[Path, dict]:
    path = tmp_path_factory.mktemp("dashboard")
    snaps = fill(path)
    with open_store(path) as store:
        store.set_sync_state("directory_users", DIRECTORY)
    return path, snaps


@pytest.fixture(scope="module")
def folder(filled) -> Path:
    return filled[0]


@pytest.fixture(scope="module")
def snaps(filled) -> dict:
    return filled[1]


@pytest.fixture
def store(folder: Path):
    service = open_store(folder)
    yield service
    service.close()


def test_november_figures_and_the_month_before(store):
    found = dash.build_dashboard(store, *NOVEMBER)
    now, before = found.current, found.previous
    assert (now.received, now.closed, now.closed_on_time) == (
        EXPECTED["received"], EXPECTED["closed"], EXPECTED["closed_on_time"])
    assert now.on_time_pct == pytest.approx(60.0)
    # A whole month is compared with the whole month before: October holds J only.
    assert (before.date_from, before.date_to) == (date(2026, 10, 1), date(2026, 10, 31))
    assert (before.received, before.closed, before.on_time_pct) == (1, 0, None)
    # The Laporan page counts the same way.
    report = reports.build_report(store, *NOVEMBER)
    assert {r.key: (r.closed_on_time, r.closed_late) for r in found.by_unit} == {
        r.key: (r.closed_on_time, r.closed_late) for r in report.by_unit}
    assert found.multi_unit == report.multi_unit == 1


def test_rates_by_unit_top_category_and_region(store):
    found = dash.build_dashboard(store, *NOVEMBER)
    units = {r.key: (r.total, r.closed_on_time, r.closed_late) for r in found.by_unit}
    assert units == {"YANKES": (5, 2, 2), "P2P": (2, 0, 1), "SDK": (1, 1, 0), "": (5, 0, 0)}
    # Sub-categories count under their top category (the queue's filter includes them).
    categories = {r.key: (r.total, r.closed) for r in found.by_category}
    assert categories == {"kesehatan": (8, 5), "pendidikan_kebudayaan": (4, 0)}
    assert [(r.key, r.label, r.total) for r in found.by_kabkota] == [
        ("63.71", "Kota Banjarmasin", 12)]


def test_trend_counts_twelve_months_by_month_of_receipt(store):
    found = dash.build_dashboard(store, *NOVEMBER)
    assert [p.month for p in found.trend] == [date(2025, 12, 1)] + [
        date(2026, m, 1) for m in range(1, 12)]
    assert [(p.received, p.closed) for p in found.trend[-2:]] == [(1, 0), (12, 5)]
    assert sum(p.received for p in found.trend[:-2]) == 0
    # K2 was received 1 Nov 00:30 WITA, written in UTC (31 Oct): November's, not October's.
    assert dash.monthly_trend(store, date(2026, 12, 15))[-1].received == 1  # M, 1 Dec


def test_oldest_open_complaints_whatever_the_period(store, snaps):
    ids = {snap["id"]: key for key, snap in snaps.items()}
    found = dash.build_dashboard(store, date(2026, 12, 1), date(2026, 12, 15))
    assert [ids[c.id] for c in found.oldest] == ["J", "K", "K2", "E", "I", "F", "L", "M"]
    e = next(c for c in found.oldest if ids[c.id] == "E")
    assert e.unit_names == "Bidang Pencegahan dan Pengendalian Penyakit"
    assert e.status == "didisposisikan" and e.received == date(2026, 11, 2)


def test_workload_per_unit_and_its_officers(store):
    found = dash.build_dashboard(store, *NOVEMBER)
    rows = {w.unit_code: w for w in found.workload}
    # Awaiting verification: J, K, K2, L, M, all past their 3 working days on 15 Dec.
    verify = found.workload[0]
    assert verify.unit_code == dash.VERIFY_KEY and verify.officers == ("Sari Admin",)
    assert (verify.open, verify.due_soon, verify.overdue) == (5, 0, 5)
    # E: disposed to P2P on 3 Nov, no answer: past the deadline. The inactive officer is gone.
    assert rows["P2P"].officers == ("Budi Santoso",)
    assert (rows["P2P"].open, rows["P2P"].due_soon, rows["P2P"].overdue) == (1, 0, 1)
    # F waits on the reporter: open for YANKES but neither due soon nor late for the agency.
    assert rows["YANKES"].officers == ("Rina Wati",)
    assert (rows["YANKES"].open, rows["YANKES"].due_soon, rows["YANKES"].overdue) == (1, 0, 0)
    assert set(rows) == {dash.VERIFY_KEY, "P2P", "YANKES"}  # completed ones are no workload


@pytest.mark.parametrize(("first", "last", "before"), [
    (date(2026, 12, 1), date(2026, 12, 15), (date(2026, 11, 1), date(2026, 11, 15))),
    (date(2026, 3, 1), date(2026, 3, 31), (date(2026, 2, 1), date(2026, 2, 28))),
    (date(2026, 3, 1), date(2026, 3, 30), (date(2026, 2, 1), date(2026, 2, 28))),
    (date(2026, 1, 1), date(2026, 1, 31), (date(2025, 12, 1), date(2025, 12, 31))),
    (date(2026, 1, 1), date(2026, 12, 15), (date(2025, 1, 1), date(2025, 12, 15))),
    (date(2028, 1, 1), date(2028, 2, 29), (date(2027, 1, 1), date(2027, 2, 28))),
    (date(2026, 11, 10), date(2026, 11, 19), (date(2026, 10, 31), date(2026, 11, 9))),
])
def test_previous_period(first: date, last: date, before: tuple[date, date]):
    assert dash.previous_period(first, last) == before


def test_kept_replays_follow_a_changed_complaint(store, snaps, monkeypatch):
    """A completed complaint's timeline is replayed once, and again only when its row
    changes: a recap recomputed after a sync reads the events of the few that changed."""
    replayed: list[int] = []
    original = recap_tally._replay

    def spy(raw, rows, replays, zone):
        replayed.append(len(rows))
        return original(raw, rows, replays, zone)

    monkeypatch.setattr(recap_tally, "_replay", spy)
    recap_tally.forget_replays(store)
    first = reports.build_report(store, *NOVEMBER)
    assert replayed == [EXPECTED["closed"]]
    assert reports.build_report(store, *NOVEMBER) == first
    dash.build_dashboard(store, *NOVEMBER)
    assert replayed == [EXPECTED["closed"]]  # nothing read again
    # The server changes B (answered late) into a history without the late answer.
    snap = snaps["B"]
    store.upsert_snapshots([{**snap, "version": snap["version"] + 1, "timeline": [
        e for e in snap["timeline"] if e["kind"] != "follow_up"]}])
    try:
        changed = reports.build_report(store, *NOVEMBER)
        assert replayed == [EXPECTED["closed"], 1]
        assert changed.closed_on_time == first.closed_on_time + 1
    finally:
        store.upsert_snapshots([snap])
    assert reports.build_report(store, *NOVEMBER) == first
