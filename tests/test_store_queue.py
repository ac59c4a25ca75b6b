"""The queue: views, filters, FTS search and sort keys against ground truth computed in
Python from the stored snapshots with the domain's own deadline rules."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from core import STATUS_LABELS, DeadlinePolicy, Status, WorkingCalendar, deadline_info
from desktop.store import SORT_KEYS, VIEWS, DeskService, QueueFilter
from desktop.store.demo import seed_store
from desktop.store.queue import CLOCK_STATUSES, DONE_STATUSES, fts_query
from tests.fixtures.store_data import NOW, REFERENCE, TODAY, snapshot

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks

MAX_INT = 9223372036854775807
ME = {"username": "bm", "role": "petugas_unit", "agency": "DPUPR", "units": ["BM"]}


def _ts(text: str) -> int:
    return int(datetime.fromisoformat(text).timestamp())


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> DeskService:
    data = tmp_path_factory.mktemp("queue")
    service = DeskService(data, today=lambda: TODAY)
    seed_store(service, 700, seed=20261127, now=NOW, workers=0)
    cal = service.calendar
    def due(title: str, day: date) -> dict:  # a disposition's explicit deadline
        return snapshot(title=title, due_date=day.isoformat(), due_override=day.isoformat())

    edge = [
        # Deadline boundaries around Friday TODAY: due today, Monday, Tuesday, yesterday.
        due("Batas hari ini", TODAY),
        due("Batas hari Senin", cal.add_working_days(TODAY, 1)),
        due("Batas hari Selasa", cal.add_working_days(TODAY, 2)),
        due("Lewat kemarin", TODAY - timedelta(days=1)),
        # Recorded here, not synced yet: no tracking number.
        snapshot(title="Belum bernomor", provisional_number="L-D1-20261127-0001",
                 status="belum_diverifikasi", unit_codes=[], phase_started="2026-11-27",
                 received_at="2026-11-27T08:00:00+08:00", due_date="2026-12-02", version=1,
                 timeline=snapshot()["timeline"][:1]),
        # Searchable details.
        snapshot(title="Lampu jalan padam di Kayu Tangi", tracking_number=1916449,
                 due_date="2026-11-30",
                 content="Sudah seminggu lampu penerangan jalan umum padam total.",
                 reporter={"name": "Gusti Zulkarnaen", "phone": "+6281350001234", "nik": None,
                           "email": None, "address": None}),
        snapshot(title="Pelayanan puskesmas", agency_code="DINKES", unit_codes=["YANKES"],
                 category_id="kesehatan", region_code="63.03.01.2001",
                 content="Antrean panjang dan obat kosong di puskesmas kecamatan.",
                 reporter=None, anonymous=True),
    ]
    service.upsert_snapshots(edge)
    service.merge_reference(**REFERENCE)
    service.set_actor(ME)
    yield service
    service.close()


@pytest.fixture(scope="module")
def snaps(store: DeskService) -> dict[str, dict]:
    ids = store.queue_ids(QueueFilter())
    return {cid: store.complaint(cid) for cid in ids}


def _info(snap: dict, store: DeskService):
    return deadline_info(snap, TODAY, store.policy, store.calendar)


def _in_view(view: str, s: dict, store: DeskService) -> bool:
    status = s["status"]
    if view == "semua":
        return True
    if view == "perlu_verifikasi":
        return status == "belum_diverifikasi"
    if view == "untuk_unit_saya":
        return (s["agency_code"] == ME["agency"] and bool(set(s["unit_codes"]) & set(ME["units"]))
                and status not in DONE_STATUSES)
    if view == "jatuh_tempo":
        return status in CLOCK_STATUSES and _info(s, store).due_soon
    if view == "terlambat":
        return status in CLOCK_STATUSES and _info(s, store).overdue
    if view == "perlu_ditutup":  # the reporter did not answer in time: not late
        return status in CLOCK_STATUSES and _info(s, store).close_due
    return status == {"menunggu_pelapor": "menunggu_tanggapan_pelapor", "ditunda": "ditunda",
                      "selesai": "selesai", "arsip": "diarsipkan"}[view]


def _by_received(ids) -> list[str]:
    return list(ids)


def _expected(snaps: dict, pred) -> list[str]:
    """Matching ids in the default order: newest first (received time, then id)."""
    hits = [s for s in snaps.values() if pred(s)]
    hits.sort(key=lambda s: (_ts(s["received_at"]), s["id"]), reverse=True)
    return [s["id"] for s in hits]


def test_seed_is_varied_and_consistent_with_the_domain(store: DeskService, snaps: dict) -> None:
    assert store.total() == len(snaps) == 707
    statuses = {s["status"] for s in snaps.values()}
    assert statuses == {s.value for s in Status}
    assert len({s["category_id"] for s in snaps.values()}) > 10
    assert len({s["region_code"][:5] for s in snaps.values()}) == 13  # every kabupaten/kota
    for s in snaps.values():
        assert s["version"] == len(s["timeline"]) >= 1
        assert s["timeline"][-1]["to_status"] == s["status"]
    assert store.integrity_check() == "ok"


@pytest.mark.parametrize("view", VIEWS)
def test_views_match_ground_truth(store: DeskService, snaps: dict, view: str) -> None:
    expected = _expected(snaps, lambda s: _in_view(view, s, store))
    assert store.queue_ids(QueueFilter(view=view)) == expected
    if view not in ("semua",):
        assert len(expected) < len(snaps)
    if view in ("perlu_verifikasi", "jatuh_tempo", "terlambat", "perlu_ditutup",
                "untuk_unit_saya", "selesai"):
        assert expected, f"seed data should exercise {view}"


def test_deadline_boundaries_around_the_weekend(store: DeskService) -> None:
    soon = {r.title for r in store.rows(store.queue_ids(QueueFilter(view="jatuh_tempo")))}
    late = {r.title for r in store.rows(store.queue_ids(QueueFilter(view="terlambat")))}
    assert {"Batas hari ini", "Batas hari Senin"} <= soon
    assert "Batas hari Selasa" not in soon | late
    assert "Lewat kemarin" in late and "Lewat kemarin" not in soon


def test_rows_agree_with_domain_deadline_info(store: DeskService, snaps: dict) -> None:
    ids = list(snaps)
    rows = store.rows(ids)
    assert [r.id for r in rows] == ids
    for row in rows:
        s = snaps[row.id]
        info = _info(s, store) if s["status"] in (*CLOCK_STATUSES, "ditunda") else None
        assert row.status == s["status"]
        assert row.status_label == STATUS_LABELS[Status(s["status"])]
        assert row.received_at == datetime.fromisoformat(s["received_at"])
        if info is None:
            assert (row.days_left, row.overdue, row.due_soon) == (None, False, False)
        else:
            assert (row.due_date, row.days_left, row.overdue, row.due_soon, row.paused) == (
                info.due, info.days_left, info.overdue, info.due_soon, info.paused), s["id"]


def test_rows_keep_the_requested_order_and_names(store: DeskService, snaps: dict) -> None:
    ids = list(snaps)[::-7][:40] + ["no-such-id"]
    rows = store.rows(ids)
    assert [r.id for r in rows] == ids[:-1]
    puskesmas = next(s for s in snaps.values() if s["title"] == "Pelayanan puskesmas")
    (row,) = store.rows([puskesmas["id"]])
    assert row.category_name == "Kesehatan"
    assert row.unit_names == "Bidang Pelayanan Kesehatan"
    assert row.region_name.endswith("Kabupaten Banjar")
    assert store.rows([]) == []


def _flt_cases(snaps: dict) -> list[tuple[QueueFilter, object]]:
    sample = next(s for s in snaps.values() if s["category_id"] == "jalan_jembatan")
    kab = sample["region_code"][:5]
    kec = sample["region_code"][:8]
    start, end = date(2026, 9, 1), date(2026, 9, 30)

    def received_day(s):
        return datetime.fromisoformat(s["received_at"]).date()

    pu_family = {"pekerjaan_umum_penataan_ruang", "jalan_jembatan", "drainase_banjir"}
    return [
        (QueueFilter(status="ditindaklanjuti"), lambda s: s["status"] == "ditindaklanjuti"),
        (QueueFilter(category_id="pekerjaan_umum_penataan_ruang"),
         lambda s: s["category_id"] in pu_family),
        (QueueFilter(kabkota_code=kab), lambda s: s["region_code"].startswith(kab + ".")),
        (QueueFilter(kecamatan_code=kec), lambda s: s["region_code"].startswith(kec + ".")),
        (QueueFilter(unit_code="BM"), lambda s: "BM" in s["unit_codes"]),
        (QueueFilter(channel="loket"), lambda s: s["channel"] == "loket"),
        (QueueFilter(classification="aspirasi"), lambda s: s["classification"] == "aspirasi"),
        (QueueFilter(date_from=start, date_to=end), lambda s: start <= received_day(s) <= end),
        (QueueFilter(view="terlambat", kabkota_code=kab, channel="web"),
         lambda s: s["region_code"].startswith(kab + ".") and s["channel"] == "web"
         and s["status"] in CLOCK_STATUSES
         and deadline_info(s, TODAY, DeadlinePolicy(), WorkingCalendar()).overdue),
    ]


def test_filters_match_ground_truth(store: DeskService, snaps: dict) -> None:
    for flt, pred in _flt_cases(snaps):
        expected = _expected(snaps, pred)
        assert expected, flt
        assert store.queue_ids(flt) == expected, flt


def test_view_counts_match_queries_and_ground_truth(store: DeskService, snaps: dict) -> None:
    filters = [QueueFilter(), QueueFilter(search="jalan"), QueueFilter(unit_code="BM"),
               *(flt for flt, _ in _flt_cases(snaps))]
    for flt in filters:
        counts = store.view_counts(flt)
        assert set(counts) == set(VIEWS)
        base = set(store.queue_ids(QueueFilter(**{**flt.__dict__, "view": "semua"})))
        for view in VIEWS:
            ids = store.queue_ids(QueueFilter(**{**flt.__dict__, "view": view}))
            truth = [i for i in base if _in_view(view, snaps[i], store)]
            assert counts[view] == len(ids) == len(truth), (flt, view)
    assert store.view_counts(QueueFilter())["semua"] == store.total()


@pytest.mark.parametrize(("text", "titles"), [
    ("jalan rus", None),  # prefix of the last word while typing
    ("lampu padam", {"Lampu jalan padam di Kayu Tangi"}),
    ("PADAM lampu", {"Lampu jalan padam di Kayu Tangi"}),  # any order, any case
    ("penerangan", {"Lampu jalan padam di Kayu Tangi"}),  # content
    ("gusti zulkar", {"Lampu jalan padam di Kayu Tangi"}),  # reporter name
    ("081350001", {"Lampu jalan padam di Kayu Tangi"}),  # local phone form -> +62
    ("1916449", {"Lampu jalan padam di Kayu Tangi"}),  # tracking number
    ("#19164", {"Lampu jalan padam di Kayu Tangi"}),  # tracking number prefix
    ("L-D1-20261127-0001", {"Belum bernomor"}),  # provisional number
    ("obat kosong puskesmas", {"Pelayanan puskesmas"}),
    ("zzzqqq", set()),
])
def test_search(store: DeskService, snaps: dict, text: str, titles: set | None) -> None:
    found = store.queue_ids(QueueFilter(search=text))
    got = {snaps[i]["title"] for i in found}
    assert titles is None or titles <= got

    def words(s: dict) -> list[str]:  # what the index holds: numbers, title, content, name, phone
        reporter = s["reporter"] or {}
        fields = [s["tracking_number"], s["provisional_number"], s["title"], s["content"],
                  reporter.get("name"), reporter.get("phone")]
        return re.findall(r"\w+", " ".join(str(f) for f in fields if f).lower())

    def hit(token: str, ws: list[str]) -> bool:
        if token.isdigit() and token.startswith("0") and len(token) >= 4:
            return any(w.startswith((token, "62" + token[1:])) for w in ws)
        return any(w.startswith(token) if len(token) >= 3 else w == token for w in ws)

    tokens = [t for t in re.findall(r"\w+", text.lower()) if len(t) > 1]
    expected = {s["id"] for s in snaps.values() if all(hit(t, words(s)) for t in tokens)}
    assert set(found) == expected
    assert found == sorted(found, key=lambda i: (_ts(snaps[i]["received_at"]), i), reverse=True)
    if titles == set():
        assert found == []


def test_search_never_looks_at_fields_officers_may_not_see(store: DeskService) -> None:
    assert store.queue_ids(QueueFilter(search="6371045708900001")) == []  # NIK
    assert store.queue_ids(QueueFilter(search="siti@example.id")) == []  # e-mail
    assert store.queue_ids(QueueFilter(search="Sungai Miai RT")) == []  # address


def test_fts_query_building() -> None:
    assert fts_query("jalan rus") == '"jalan"* AND "rus"*'
    assert fts_query("jalan r") == '"jalan"*'  # a lone letter is still being typed
    assert fts_query("di") == '"di"'  # two letters: whole words only
    assert fts_query("0812 3456") == '("0812"* OR "62812"*) AND "3456"*'
    assert fts_query('"; DROP TABLE x; --') == '"drop"* AND "table"*'
    assert fts_query("  ,. ") is None and fts_query(None) is None


def _sort_key(sort: str, s: dict, row, store: DeskService):
    tie = (_ts(s["received_at"]), s["id"])
    if sort == "received_at":
        return tie
    if sort == "tracking_number":
        return (s["tracking_number"] if s["tracking_number"] is not None else MAX_INT, *tie)
    if sort == "title":  # SQLite NOCASE folds ASCII only
        return (s["title"].translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                                   "abcdefghijklmnopqrstuvwxyz")), *tie)
    if sort == "category":
        return (row.category_name, *tie)
    if sort == "region":
        return (row.region_name, *tie)
    if sort == "unit":
        names = {(u["agency_code"], u["code"]): u["name"] for u in store.units()}
        first = s["unit_codes"][0] if s["unit_codes"] else None
        return (names.get((s["agency_code"], first), first) or "", first is not None, *tie)
    if sort == "status":
        return (list(Status).index(Status(s["status"])), *tie)
    if sort == "due_date":
        return (s["due_date"] or "9999-12-31", *tie)
    raise AssertionError(sort)


@pytest.mark.parametrize("sort", SORT_KEYS)
@pytest.mark.parametrize("descending", [True, False])
def test_sort_keys(store: DeskService, snaps: dict, sort: str, descending: bool) -> None:
    rows = {r.id: r for r in store.rows(list(snaps))}
    expected = sorted(snaps, key=lambda i: _sort_key(sort, snaps[i], rows[i], store),
                      reverse=descending)
    if sort == "unit":  # NULL (no unit) sorts before "" in SQLite; compare the named part
        got = store.queue_ids(QueueFilter(), sort=sort, descending=descending)
        named = [i for i in got if snaps[i]["unit_codes"]]
        assert named == [i for i in expected if snaps[i]["unit_codes"]]
        return
    assert store.queue_ids(QueueFilter(), sort=sort, descending=descending) == expected
    # Sorting composes with filters.
    flt = QueueFilter(view="perlu_verifikasi")
    subset = set(store.queue_ids(flt))
    assert store.queue_ids(flt, sort=sort, descending=descending) == [
        i for i in expected if i in subset]


def test_unknown_view_or_sort_is_a_programming_error(store: DeskService) -> None:
    with pytest.raises(ValueError):
        store.queue_ids(QueueFilter(view="nope"))
    with pytest.raises(ValueError):
        store.queue_ids(QueueFilter(), sort="nope")


def test_counts_follow_new_data(tmp_path: Path) -> None:
    with DeskService(tmp_path, today=lambda: TODAY) as service:
        assert service.view_counts(QueueFilter()) == dict.fromkeys(VIEWS, 0)
        service.upsert_snapshots([snapshot(status="belum_diverifikasi", unit_codes=[]),
                                  snapshot(due_date=(TODAY - timedelta(days=3)).isoformat())])
        counts = service.view_counts(QueueFilter())
        assert counts["semua"] == 2 and counts["perlu_verifikasi"] == 1
        assert counts["terlambat"] == 1
        assert counts["untuk_unit_saya"] == 0  # nobody signed in
        service.set_actor(ME)
        assert service.view_counts(QueueFilter())["untuk_unit_saya"] == 1
