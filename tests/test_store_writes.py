"""Writes to the desk store: snapshot round trips, idempotent upserts, atomic local ops."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import pytest

from core import Actor, DomainError, OpKind, Role, TransitionError, new_complaint
from desktop.store import DeskService, QueueFilter, StoreError
from desktop.store import rows as rows_module
from desktop.store.cipher import connect as connect_db
from desktop.store.engine import DB_FILE
from tests.fixtures.store_data import NOW, REFERENCE, TODAY, snapshot, without_local_keys

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks

ADMIN = Actor("admin.dpupr", Role.admin_instansi, "DPUPR", (), "Rahmadi")
LOKET = Actor("loket.dpupr", Role.loket, "DPUPR", (), "Noor")


@pytest.fixture
def store(tmp_path: Path) -> DeskService:
    service = DeskService(tmp_path, today=lambda: TODAY)
    service.merge_reference(**REFERENCE)
    yield service
    service.close()


def _count(store: DeskService, table: str) -> int:
    con = connect_db(store.db_path)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def test_snapshot_round_trip_keeps_every_field(store: DeskService) -> None:
    snap = snapshot(tracking_number=1916449, tags=["prioritas"], due_override="2026-12-01",
                    future_field={"from": "a newer server"})
    snap["reporter"]["extra_contact"] = "wa"
    snap["timeline"][0]["signature"] = "abc"
    snap["attachments"][0]["thumbnail"] = "t.jpg"
    store.upsert_snapshots([snap])
    assert store.complaint(snap["id"]) == snap
    assert store.complaint_by_number(1916449)["id"] == snap["id"]
    assert store.complaint_by_number("#1916449")["id"] == snap["id"]
    assert store.complaint("missing") is None
    redacted = snapshot(reporter=None, anonymous=True, provisional_number="L-D1-20261127-0009")
    store.upsert_snapshots([redacted])
    assert store.complaint(redacted["id"])["reporter"] is None
    assert store.complaint_by_number("L-D1-20261127-0009")["id"] == redacted["id"]


def test_upsert_is_idempotent_and_replaces_children(store: DeskService) -> None:
    snap = snapshot()
    store.upsert_snapshots([snap])
    store.upsert_snapshots([snap])
    assert store.total() == 1
    assert _count(store, "timeline_events") == 2 and _count(store, "attachments") == 1
    assert store.integrity_check() == "ok"

    newer = dict(snap, version=3, title="Jalan amblas di depan pasar", unit_codes=["SDA"],
                 attachments=[], timeline=[*snap["timeline"], {
                     "id": "ev-3", "at": "2026-11-24T08:00:00+08:00", "actor": "x",
                     "actor_name": "X", "kind": "note", "from_status": "didisposisikan",
                     "to_status": "didisposisikan", "note": "dicek", "data": {}}])
    store.upsert_snapshots([newer])
    assert store.complaint(snap["id"]) == newer
    assert _count(store, "timeline_events") == 3 and _count(store, "attachments") == 0
    assert store.queue_ids(QueueFilter(unit_code="SDA")) == [snap["id"]]
    assert store.queue_ids(QueueFilter(unit_code="BM")) == []
    # The search index follows the new title.
    assert store.queue_ids(QueueFilter(search="amblas")) == [snap["id"]]
    assert store.queue_ids(QueueFilter(search="rusak")) == []
    assert store.local_state(snap["id"]) == {"dirty": False, "server_version": 3,
                                             "base_snapshot": None}
    assert store.integrity_check() == "ok"


def test_cached_attachment_paths_survive_snapshot_replacement(store: DeskService) -> None:
    snap = snapshot()
    store.upsert_snapshots([snap])
    sha = snap["attachments"][0]["sha256"]
    store.set_attachment_file(sha, Path("cache/ab.jpg"), 1234)
    store.upsert_snapshots([snap])
    assert store.complaint(snap["id"])["attachments"][0]["cached_path"] == str(Path("cache/ab.jpg"))
    assert without_local_keys(store.complaint(snap["id"])) == snap


def test_remove_complaints_cleans_search_and_children(store: DeskService) -> None:
    keep, gone = snapshot(title="Jalan tetap ada"), snapshot(title="Jalan akan dihapus")
    store.upsert_snapshots([keep, gone])
    assert store.remove_complaints([gone["id"], "unknown"]) == 1
    assert store.queue_ids(QueueFilter(search="jalan")) == [keep["id"]]
    assert _count(store, "timeline_events") == 2 and _count(store, "complaint_units") == 1
    assert store.integrity_check() == "ok"


def test_apply_local_op_writes_snapshot_timeline_and_outbox(store: DeskService) -> None:
    snap = snapshot(status="belum_diverifikasi", unit_codes=[], version=1,
                    timeline=snapshot()["timeline"][:1])
    store.upsert_snapshots([snap])
    op_id = str(uuid.uuid4())
    result = store.apply_local_op(snap["id"], OpKind.dispose, {"unit_codes": ["BM"]}, ADMIN,
                                  op_id=op_id, now=NOW)
    assert not result.duplicate
    assert (result.version, result.status) == (2, "didisposisikan")
    assert result.event["id"] == op_id and result.event["kind"] == "dispose"
    stored = store.complaint(snap["id"])
    assert stored == without_local_keys(result.snapshot)
    assert stored["timeline"][-1] == result.event
    (op,) = store.outbox()
    assert (op["op_id"], op["kind"], op["state"], op["base_version"]) == (
        op_id, "dispose", "pending", 1)
    assert op["payload"] == {"unit_codes": ["BM"]} and op["event_id"] == op_id
    state = store.local_state(snap["id"])
    assert state["dirty"] and state["server_version"] == 1
    assert state["base_snapshot"]["version"] == 1  # the server's state, for a rollback
    assert store.queue_ids(QueueFilter(view="perlu_verifikasi")) == []
    assert store.queue_ids(QueueFilter(unit_code="BM")) == [snap["id"]]

    # A second op keeps the first base; the same op again is not applied twice.
    store.apply_local_op(snap["id"], "note", {"text": "Sudah ditelepon"}, ADMIN, now=NOW)
    again = store.apply_local_op(snap["id"], OpKind.dispose, {"unit_codes": ["BM"]}, ADMIN,
                                 op_id=op_id, now=NOW)
    assert again.duplicate and again.version == 3 and again.event["id"] == op_id
    assert len(store.outbox()) == 2 and store.outbox_counts() == {"pending": 2}
    assert store.local_state(snap["id"])["base_snapshot"]["version"] == 1
    assert store.complaint(snap["id"])["version"] == 3


def test_create_op_records_a_new_complaint(store: DeskService) -> None:
    payload = new_complaint(title="Drainase tersumbat di Jl. Veteran",
                            content="Saluran air tersumbat sampah sejak seminggu lalu.",
                            classification="pengaduan", channel="loket", agency_code="DPUPR",
                            reporter={"name": "Ahmad Fauzi", "phone": "081234567890"},
                            provisional_number="L-D1-20261127-0002",
                            region_code="63.71.04.1007")
    result = store.apply_local_op(None, OpKind.create, payload, LOKET, now=NOW)
    snap = store.complaint(result.complaint_id)
    assert result.complaint_id == payload["id"]
    assert snap["status"] == "belum_diverifikasi" and snap["version"] == 1
    assert snap["tracking_number"] is None and snap["reporter"]["phone"] == "+6281234567890"
    assert store.local_state(snap["id"]) == {"dirty": True, "server_version": None,
                                             "base_snapshot": None}
    assert store.queue_ids(QueueFilter(search="drainase veteran")) == [snap["id"]]
    assert store.queue_ids(QueueFilter(search="L-D1-20261127-0002")) == [snap["id"]]
    assert [o["kind"] for o in store.outbox()] == ["create"]
    with pytest.raises(StoreError):
        store.apply_local_op(None, OpKind.create, payload, LOKET, now=NOW)
    assert store.total() == 1


def test_domain_refusal_writes_nothing(store: DeskService) -> None:
    snap = snapshot(status="selesai", due_date=None)
    store.upsert_snapshots([snap])
    with pytest.raises(TransitionError):
        store.apply_local_op(snap["id"], OpKind.dispose, {"unit_codes": ["BM"]}, ADMIN, now=NOW)
    other_agency = Actor("x", Role.admin_instansi, "DINKES")
    with pytest.raises(DomainError):
        store.apply_local_op(snap["id"], OpKind.note, {"text": "hai"}, other_agency, now=NOW)
    with pytest.raises(DomainError):
        store.apply_local_op("no-such-complaint", OpKind.note, {"text": "hai"}, ADMIN, now=NOW)
    assert store.complaint(snap["id"]) == snap and store.outbox() == []


@pytest.mark.parametrize("step", ["queue_op", "write_prepared", "after_outbox"])
def test_crash_inside_apply_local_op_leaves_nothing(store: DeskService, monkeypatch,
                                                    step: str) -> None:
    snap = snapshot(status="belum_diverifikasi", unit_codes=[], version=1,
                    timeline=snapshot()["timeline"][:1])
    store.upsert_snapshots([snap])

    def boom(*args, **kwargs):  # noqa: ANN002, ANN003
        raise RuntimeError("crash")

    if step == "after_outbox":  # everything written, then the process dies before COMMIT
        real = rows_module.queue_op

        def write_then_boom(*args, **kwargs):  # noqa: ANN002, ANN003
            real(*args, **kwargs)
            raise RuntimeError("crash")
        monkeypatch.setattr(rows_module, "queue_op", write_then_boom)
    else:
        monkeypatch.setattr(rows_module, step, boom)
    with pytest.raises(RuntimeError):
        store.apply_local_op(snap["id"], OpKind.dispose, {"unit_codes": ["BM"]}, ADMIN, now=NOW)
    monkeypatch.undo()
    assert store.complaint(snap["id"]) == snap
    assert store.outbox() == [] and _count(store, "timeline_events") == 1
    assert store.local_state(snap["id"])["dirty"] is False
    assert store.queue_ids(QueueFilter(view="perlu_verifikasi")) == [snap["id"]]
    assert store.integrity_check() == "ok"
    # The service is still usable: the same op succeeds afterwards.
    assert store.apply_local_op(snap["id"], OpKind.dispose, {"unit_codes": ["BM"]}, ADMIN,
                                now=NOW).version == 2


def test_ops_inside_one_caller_transaction_commit_together(store: DeskService) -> None:
    snap = snapshot()
    store.upsert_snapshots([snap])
    with pytest.raises(RuntimeError), store.transaction() as conn:
        store.apply_local_op(snap["id"], "note", {"text": "satu"}, ADMIN, now=NOW, conn=conn)
        store.apply_local_op(snap["id"], "note", {"text": "dua"}, ADMIN, now=NOW, conn=conn)
        raise RuntimeError("abort")
    assert store.outbox() == [] and store.complaint(snap["id"])["version"] == 2
    with store.transaction() as conn:
        store.apply_local_op(snap["id"], "note", {"text": "satu"}, ADMIN, now=NOW, conn=conn)
        store.apply_local_op(snap["id"], "note", {"text": "dua"}, ADMIN, now=NOW, conn=conn)
    assert len(store.outbox()) == 2 and store.load_snapshot(snap["id"])["version"] == 4


def test_settings_sync_state_views_and_drafts(store: DeskService) -> None:
    assert store.get_setting("paper", "a4") == "a4"
    store.set_setting("paper", "f4")
    store.set_setting("columns", {"title": 300, "hidden": ["unit"]})
    assert store.get_setting("paper") == "f4"
    assert store.get_setting("columns") == {"title": 300, "hidden": ["unit"]}
    store.set_setting("paper", None)
    assert store.get_setting("paper") is None
    store.set_sync_state("cursor", "c-1")
    assert store.get_sync_state("cursor") == "c-1"

    flt = QueueFilter(view="terlambat", search="jalan", date_from=TODAY)
    vid = store.save_view("Terlambat jalan", flt, "due_date", False)
    assert store.saved_views() == [{"id": vid, "name": "Terlambat jalan", "filter": flt,
                                    "sort": "due_date", "descending": False}]
    store.delete_view(vid)
    assert store.saved_views() == []
    store.save_draft("c1", "follow_up", {"text": "setengah jadi"})
    assert store.get_draft("c1", "follow_up") == {"text": "setengah jadi"}
    store.save_draft("c1", "follow_up", None)
    assert store.get_draft("c1", "follow_up") is None


def test_deadline_settings_drive_the_views(tmp_path: Path) -> None:
    with DeskService(tmp_path, today=lambda: TODAY) as store:
        store.upsert_snapshots([snapshot(due_date="2026-12-01", due_override="2026-12-01")])
        assert store.view_counts(QueueFilter())["jatuh_tempo"] == 0  # Tuesday: 2 days left
        store.set_setting("deadline_policy", {"due_soon_days": 2})
        assert store.policy.due_soon_days == 2
        assert store.view_counts(QueueFilter())["jatuh_tempo"] == 1
        store.set_setting("local_holidays", [["2026-11-30", "Libur daerah"]])
        assert not store.calendar.is_working_day(TODAY.replace(day=30))
    with DeskService(tmp_path, today=lambda: TODAY) as store:  # kept in the database
        assert store.policy.due_soon_days == 2
        assert store.calendar.holiday_name(TODAY.replace(day=30)) == "Libur daerah"


def test_one_writer_and_many_readers_in_threads(store: DeskService) -> None:
    snaps = [snapshot(title=f"Jalan rusak nomor {i}") for i in range(30)]
    store.upsert_snapshots(snaps)
    errors: list[BaseException] = []
    stop = threading.Event()

    def writer() -> None:
        try:
            for i in range(60):
                store.apply_local_op(snaps[i % 30]["id"], "note", {"text": f"catatan {i}"},
                                     ADMIN, now=NOW)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            stop.set()

    def reader() -> None:
        try:
            while not stop.is_set():
                ids = store.queue_ids(QueueFilter(search="jalan"))
                assert len(ids) == 30
                rows = store.rows(ids[:10])
                assert all(r.title.startswith("Jalan") for r in rows)
                snap = store.complaint(ids[0])
                assert snap["version"] == len(snap["timeline"])
                store.view_counts(QueueFilter())
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer)] + [threading.Thread(target=reader)
                                                   for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    assert len(store.outbox()) == 60
    assert sum(store.complaint(s["id"])["version"] for s in snaps) == 30 * 2 + 60
    assert store.integrity_check() == "ok"


def test_database_file_lives_in_the_data_dir(tmp_path: Path) -> None:
    with DeskService(tmp_path / "nested" / "dir") as store:
        assert store.db_path == tmp_path / "nested" / "dir" / DB_FILE
        assert store.db_path.exists()


def test_damaged_deadline_settings_do_not_stop_the_desk(tmp_path: Path) -> None:
    with DeskService(tmp_path) as store:
        store.set_setting("deadline_policy", {"follow_up_days": -3})
        store.set_setting("local_holidays", ["not a date"])
        assert store.policy.follow_up_days == 5
        assert store.calendar.local_holidays == {}
    with DeskService(tmp_path) as store:
        assert store.policy == store.policy.__class__()


def test_search_index_survives_raw_sql_writers(store: DeskService) -> None:
    """Other modules write with SQL too: the triggers keep the index right whatever they do."""
    snap = snapshot(title="Jembatan kayu lapuk")
    store.upsert_snapshots([snap])
    with store.transaction() as conn:
        conn.exec_driver_sql("UPDATE complaints SET title = 'Jembatan beton retak', "
                             "tracking_number = 1999999 WHERE id = ?", (snap["id"],))
        conn.exec_driver_sql("UPDATE complaint_texts SET content = 'Retakan melebar' "
                             "WHERE rid = (SELECT rid FROM complaints WHERE id = ?)", (snap["id"],))
    assert store.queue_ids(QueueFilter(search="beton retakan 1999999")) == [snap["id"]]
    assert store.queue_ids(QueueFilter(search="lapuk")) == []
    with store.transaction() as conn:
        conn.exec_driver_sql("INSERT OR REPLACE INTO complaints (id, title, status, received_at,"
                             " received_ts) SELECT id, 'Diganti', status, received_at,"
                             " received_ts FROM complaints WHERE id = ?", (snap["id"],))
    assert store.queue_ids(QueueFilter(search="beton")) == []
    assert store.integrity_check() == "ok"
