"""Recurring problems read from a real desk store (the seed of tests/recurring_seed.py) and
the one-page brief for the pimpinan, read back with pdftotext."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime, time
from pathlib import Path

import pytest

from core import WITA
from desktop.store import DeskService
from desktop.store import recurring as rec
from desktop.views.dashboard.brief_pdf import write_brief_pdf
from tests import recurring_seed
from tests.test_recurring_precision import grouped, load


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("recurring")
    recurring_seed.fill(path)
    return path


@pytest.fixture
def store(folder: Path):
    day = recurring_seed.today()
    service = DeskService(folder, today=lambda: day)
    yield service
    service.set_setting(rec.WINDOW_SETTING, rec.WINDOW_DAYS)
    service.close()


def test_the_store_groups_as_the_pure_function_does(store):
    found = rec.find_recurring(store)
    doc, items, _truth = load()
    expected = grouped(items, recurring_seed.today(), doc["window_days"])
    assert [sorted(map(recurring_seed.seed_id, g.ids)) for g in found] == [
        sorted(g.ids) for g in expected]
    bridge = next(g for g in found if g.place_code == "63.07.01.2003")
    assert bridge.items[0].number.startswith("195")  # tracking numbers read along
    assert bridge.open_count == sum(i.status not in rec.DONE_STATUSES for i in bridge.items)


def test_the_window_is_a_setting(store):
    assert rec.window_days(store) == 90
    store.set_setting(rec.WINDOW_SETTING, 30)
    assert rec.window_days(store) == 30
    recent = rec.find_recurring(store)
    assert recent and all(g.earliest >= rec.window(recurring_seed.today(), 30)[0]
                          for g in recent)
    store.set_setting(rec.WINDOW_SETTING, "nonsense")
    assert rec.window_days(store) == 90


def test_the_brief_pdf(store, tmp_path: Path):
    group = next(g for g in rec.find_recurring(store) if g.place_code == "63.07.01.2003")
    made = datetime.combine(recurring_seed.today(), time(10), WITA)
    path = write_brief_pdf(store, tmp_path / "ringkasan.pdf", group, 90, made)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                           check=True).stdout
    assert re.search(r"^Pages:\s+1$", pages, re.M)  # one page
    flat = " ".join(text.split())
    assert "RINGKASAN MASALAH BERULANG" in flat
    assert "PERIODE 4 SEPTEMBER – 2 DESEMBER 2026" in flat
    assert "Barikin, Haruyan, Kabupaten Hulu Sungai Tengah" in flat
    assert "Jalan dan Jembatan" in flat
    assert f"diterima {group.size} pengaduan tentang masalah yang sama" in flat
    assert "jembatan" in flat.split("Kata yang paling sering dipakai:")[1]
    for item in group.items:
        assert item.number in flat and item.title[:25] in flat
    assert "Dibuat: 2 Desember 2026 pukul 10.00 WITA" in flat


def test_a_new_complaint_joins_its_group_at_once(tmp_path: Path):
    """The grouping is kept while nothing in the window changes; a new complaint of the
    bridge (a sync brings it) shows at the next look."""
    recurring_seed.fill(tmp_path)
    day = recurring_seed.today()
    with DeskService(tmp_path, today=lambda: day) as store:
        before = next(g for g in rec.find_recurring(store) if g.place_code == "63.07.01.2003")
        again = next(g for g in rec.find_recurring(store) if g.place_code == "63.07.01.2003")
        assert again == before
        snap = recurring_seed.snapshots()[0]
        snap.update(id="new-bridge-report", tracking_number=1_999_999,
                    title="Jembatan Barikin makin parah, papan lantai patah",
                    content="Jembatan ulin di Barikin makin rusak, papan lantai jembatan "
                            "patah dan berlubang.", category_id="jalan_jembatan",
                    region_code="63.07.01.2003", status="belum_diverifikasi",
                    received_at="2026-12-01T08:00:00+08:00")
        store.upsert_snapshots([snap])
        after = next(g for g in rec.find_recurring(store) if g.place_code == "63.07.01.2003")
    assert after.size == before.size + 1
    assert after.items[0].id == "new-bridge-report"
