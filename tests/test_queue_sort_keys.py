"""Queue sorts by category, unit and status (migration 0005's sort keys and indexes).

The expected orders are worked out in Python from each complaint and the reference tables,
never from the columns under test; the keys must stay right through every kind of write
(sync pages, local actions, renamed or removed categories and units).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from core import Actor, OpKind, Role, Status
from desktop import cli
from desktop.store import SORT_KEYS, DeskService, QueueFilter
from desktop.store import queue as q
from desktop.store.cipher import connect as connect_db
from desktop.store.engine import DB_FILE

ADMIN = Actor("admin.pusat", Role.admin_pusat, None, (), "Admin")
NONE_FIRST = (0, "")  # SQLite sorts NULL before any text


@pytest.fixture(scope="module")
def seeded_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("seeded")
    assert cli.main(["--data-dir", str(folder), "dev", "seed", "--count", "240",
                     "--seed", "3"]) == 0
    return folder


@pytest.fixture
def service(seeded_dir: Path, tmp_path: Path):
    folder = tmp_path / "desk"
    shutil.copytree(seeded_dir, folder)
    with DeskService(folder) as store:
        yield store


def expected_keys(service: DeskService) -> dict[str, tuple[Any, Any, Any]]:
    """id -> (category key, unit key, (received_ts, id)) from snapshots and references."""
    categories = {c["id"]: c["name"] for c in service.categories()}
    units = {(u["agency_code"], u["code"]): u["name"] for u in service.units()}
    keys = {}
    for cid in service.queue_ids(QueueFilter()):
        snap = service.complaint(cid)
        category = categories.get(snap["category_id"], snap["category_id"])
        codes = snap["unit_codes"]
        unit = units.get((snap["agency_code"], codes[0]), codes[0]) if codes else None
        received = service.rows([cid])[0].received_at.timestamp()
        keys[cid] = (category, unit, (received, cid))
    return keys


def ordered(keys: dict[str, tuple], part: int, descending: bool) -> list[str]:
    def sort_key(cid: str) -> tuple:
        value = keys[cid][part]
        return (NONE_FIRST if value is None else (1, value), keys[cid][2])

    return sorted(keys, key=sort_key, reverse=descending)


def assert_sorted_by_category_and_unit(service: DeskService) -> None:
    keys = expected_keys(service)
    for descending in (False, True):
        assert service.queue_ids(QueueFilter(), "category", descending) == ordered(
            keys, 0, descending)
        assert service.queue_ids(QueueFilter(), "unit", descending) == ordered(
            keys, 1, descending)


def test_sort_by_category_and_unit_gives_the_names_order(service: DeskService) -> None:
    keys = expected_keys(service)
    assert len({k[0] for k in keys.values()}) > 5 and len({k[1] for k in keys.values()}) > 3
    assert any(k[1] is None for k in keys.values())  # not yet disposed: no unit, first
    assert_sorted_by_category_and_unit(service)
    # Within a view and a search too.
    flt = QueueFilter(view="selesai", search="jalan")
    inside = set(service.queue_ids(flt))
    assert inside
    assert service.queue_ids(flt, "unit", False) == [
        c for c in ordered(keys, 1, False) if c in inside]


def test_sort_keys_follow_renamed_and_removed_categories_and_units(
        service: DeskService) -> None:
    categories, units = service.categories(), service.units()
    # The category and the unit that sort last, renamed so that they sort first.
    last_cat = service.complaint(service.queue_ids(QueueFilter(), "category", False)[-1])
    last_unit = service.complaint(service.queue_ids(QueueFilter(), "unit", False)[-1])
    agency, unit_code = last_unit["agency_code"], last_unit["unit_codes"][0]
    before = service.queue_ids(QueueFilter(), "category", False)
    renamed_cat = next({**c, "name": "Aaa kategori pertama"} for c in categories
                       if c["id"] == last_cat["category_id"])
    renamed_unit = next({**u, "name": "Aaa unit pertama"} for u in units
                        if (u["agency_code"], u["code"]) == (agency, unit_code))
    service.merge_reference(categories=[renamed_cat], units=[renamed_unit])  # a sync page
    after = service.queue_ids(QueueFilter(), "category", False)
    assert after != before and after.index(last_cat["id"]) < before.index(last_cat["id"])
    assert_sorted_by_category_and_unit(service)
    # Removed from the reference data: their ids and codes sort instead.
    service.replace_reference(
        categories=[c for c in categories if c["id"] != last_cat["category_id"]],
        units=[u for u in units if (u["agency_code"], u["code"]) != (agency, unit_code)])
    assert_sorted_by_category_and_unit(service)
    service.replace_reference(categories=categories, units=units)  # back again
    assert service.queue_ids(QueueFilter(), "category", False) == before
    assert_sorted_by_category_and_unit(service)


def test_sort_keys_follow_local_actions_and_sync_writes(service: DeskService) -> None:
    waiting = service.queue_ids(QueueFilter(view="perlu_verifikasi"))[0]
    snap = service.complaint(waiting)
    other_category = next(c["id"] for c in service.categories()
                          if c["id"] != snap["category_id"])
    unit = service.units()[-1]
    service.apply_local_op(waiting, OpKind.verify, {"category_id": other_category}, ADMIN)
    service.apply_local_op(waiting, OpKind.dispose, {"unit_codes": [unit["code"]]}, ADMIN)
    assert service.complaint(waiting)["unit_codes"] == [unit["code"]]
    assert_sorted_by_category_and_unit(service)
    # A server snapshot (sync pull) routing another complaint elsewhere.
    disposed = service.complaint(service.queue_ids(QueueFilter(view="semua"), "unit")[-1])
    moved = {**disposed, "unit_codes": [unit["code"]], "agency_code": unit["agency_code"],
             "version": disposed["version"] + 1}
    service.upsert_snapshots([moved])
    assert_sorted_by_category_and_unit(service)


def test_sort_by_status_follows_the_status_order(service: DeskService) -> None:
    rank = {s.value: i for i, s in enumerate(Status)}
    rows = service.rows(service.queue_ids(QueueFilter()))
    expected = [r.id for r in sorted(rows, key=lambda r: (rank[r.status],
                                                           r.received_at.timestamp(), r.id))]
    assert service.queue_ids(QueueFilter(), "status", False) == expected
    assert service.queue_ids(QueueFilter(), "status", True) == expected[::-1]


def test_every_sort_of_the_whole_queue_is_an_index_walk(service: DeskService) -> None:
    """No sort of the whole queue sorts in a temporary B-tree. A new Status value changes
    the status order's expression: it then needs a revision indexing the new one."""
    con = connect_db(service.db_path.parent / DB_FILE)
    try:
        for key in SORT_KEYS:
            for descending in (False, True):
                joins, order = q.order_by(key, descending)
                plan = " | ".join(row[3] for row in con.execute(
                    f"EXPLAIN QUERY PLAN SELECT c.id FROM complaints c{joins} ORDER BY {order}"))
                assert "TEMP B-TREE" not in plan and "COVERING INDEX" in plan, (key, plan)
    finally:
        con.close()
