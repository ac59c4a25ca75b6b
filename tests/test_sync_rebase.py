"""A pull never wipes out the officer's pending changes; Kotak Keluar decisions rebuild the
complaint from the server's state plus what is still to be sent."""

from __future__ import annotations

import pytest

from desktop.sync.account import Account
from desktop.sync.engine import SyncEngine, SyncReport
from desktop.sync.local import SyncLocal
from desktop.sync.resolve import discard, requeue
from tests.server_fixtures import op, start_server
from tests.sync_fixtures import make_desk_fixture  # noqa: F401


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with start_server(tmp_path_factory.mktemp("rebase"), complaints=0) as handle:
        yield handle


@pytest.fixture
def desk(server, make_desk, monkeypatch):
    desk = make_desk()
    monkeypatch.setenv("XDG_CONFIG_HOME", desk.env["XDG_CONFIG_HOME"])
    desk.login(server, "dinkes.admin")
    return desk


def _pull_only(desk) -> SyncReport:
    client = Account(desk.service).client()
    try:
        report = SyncReport()
        SyncEngine(desk.service, client).pull_all(report)
        return report
    finally:
        client.close()


def _kinds(snapshot) -> list[str]:
    return [e["kind"] for e in snapshot["timeline"]]


def test_pull_reapplies_pending_ops_on_the_new_server_snapshot(server, desk) -> None:
    cid = desk.create(title="Air PDAM keruh sepekan")
    desk.sync()
    colleague = server.login("dinkes.pimpinan")
    desk.act("note", cid, text="Pelapor mengirim foto baru")
    desk.act("privacy_flags", cid, confidential=True)
    remote = colleague.push_one(op("note", cid, 1, text="Sudah diteruskan ke UPT"))
    assert remote["status"] == "applied"

    report = _pull_only(desk)
    assert report.pulled >= 1
    local = desk.service.complaint(cid)
    # The colleague's note from the server, then the officer's two pending actions on top.
    assert _kinds(local) == ["create", "note", "note", "privacy_flags"]
    assert local["timeline"][1]["note"] == "Sudah diteruskan ke UPT"
    assert local["confidential"] is True and local["version"] == 4
    assert [o["state"] for o in desk.outbox("pending")] == ["pending", "pending"]

    desk.sync(expect=5)  # the flag change was made on version 1: the server says conflict
    rejected = desk.outbox("rejected")
    assert [o["kind"] for o in rejected] == ["privacy_flags"]
    local = desk.service.complaint(cid)
    assert local["confidential"] is False  # the server's truth is shown, not the guess
    assert _kinds(local) == ["create", "note", "note"]


def test_pending_op_that_no_longer_applies_stays_pending(server, desk) -> None:
    cid = desk.create(title="Jembatan desa retak")
    desk.sync()
    leader = server.login("dinkes.pimpinan")
    desk.act("not_authority", cid, reason="Jembatan milik kabupaten")
    disposed = leader.push_one(op("dispose", cid, 1, unit_codes=["YANKES"]))
    assert disposed["status"] == "applied"
    unit = server.login("dinkes.yankes")
    done = unit.push_one(op("follow_up", cid, disposed["version"], text="Tim sudah ke lokasi"))
    assert done["status"] == "applied", done

    _pull_only(desk)
    local = desk.service.complaint(cid)
    # "bukan wewenang" cannot follow a follow-up: the server state shows, the op waits.
    assert local["status"] == "ditindaklanjuti"
    assert [o["kind"] for o in desk.outbox("pending")] == ["not_authority"]
    desk.sync(expect=5)
    assert desk.outbox("rejected")[0]["reject_reason"] == "conflict"


def test_discard_and_requeue_rebuild_the_complaint(server, desk) -> None:
    cid = desk.create(title="Sampah menumpuk di pasar")
    desk.sync()
    note = desk.act("note", cid, text="Catatan yang keliru").op_id
    hold = desk.act("hold", cid, reason="Menunggu anggaran").op_id
    assert desk.service.complaint(cid)["status"] == "ditunda"

    removed = discard(desk.service, [note], by="dinkes.admin")
    assert removed == [note]
    local = desk.service.complaint(cid)
    assert _kinds(local) == ["create", "hold"] and local["status"] == "ditunda"
    audit = SyncLocal(desk.service).audit_log()
    assert audit[-1]["action"] == "discard" and audit[-1]["op_id"] == note
    assert audit[-1]["payload"] == {"text": "Catatan yang keliru"}

    # The server moves on; the hold is rejected, then sent again unchanged ("Kirim ulang").
    server.login("pusat.admin").push_one(op("verify", cid, 1, note="Dicek pusat"))
    desk.sync(expect=5)
    assert desk.service.complaint(cid)["status"] == "belum_diverifikasi"
    assert requeue(desk.service, [hold]) == 1
    assert desk.service.complaint(cid)["status"] == "ditunda"  # shown again while pending
    desk.sync(expect=5)  # same op, same base: the server still says conflict
    assert desk.outbox("rejected")[0]["op_id"] == hold

    # Discarding a create takes its later ops with it and removes the local complaint.
    fresh = desk.create(title="Pengaduan yang batal dicatat")
    desk.act("note", fresh, text="Catatan pada pengaduan batal")
    create_op = desk.outbox("pending")[0]["op_id"]
    assert len(discard(desk.service, [create_op], by="dinkes.admin")) == 2
    assert desk.service.complaint(fresh) is None
    assert desk.outbox("pending") == []


def test_ops_after_a_rejected_op_wait_for_the_officer(server, desk) -> None:
    """A later batch must not send what was decided on top of a rejected op."""
    cid = desk.create(title="Saluran air tersumbat")
    desk.sync()
    verify = desk.act("verify", cid, note="Lengkap").op_id
    dispose = desk.act("dispose", cid, unit_codes=["YANKES"]).op_id
    note = desk.act("note", cid, text="Pelapor dihubungi").op_id
    server.login("pusat.admin").push_one(op("verify", cid, 1, note="Dicek pusat"))

    client = Account(desk.service).client()
    try:
        SyncEngine(desk.service, client, push_batch=1).sync_once()  # one op a request
    finally:
        client.close()
    by_id = {o["op_id"]: o for o in desk.outbox()}
    assert by_id[verify]["state"] == "rejected"
    assert by_id[dispose]["state"] == "pending" and by_id[dispose]["attempts"] == 0
    assert "Perlu Perhatian" in by_id[dispose]["last_error"]  # held, and says why
    assert by_id[note]["state"] == "applied"  # a note commutes: it went anyway
    remote = server.login("dinkes.admin").get(f"/complaints/{cid}").json()
    assert "dispose" not in [e["kind"] for e in remote["timeline"]]
    desk.sync(expect=5)  # still held while the rejection waits for a decision
    assert desk.outbox("pending")[0]["op_id"] == dispose

    # The officer drops the verification: the disposition goes, on the version it really
    # saw (1), so the central verification since then makes it a conflict, not an overwrite.
    discard(desk.service, [verify], by="dinkes.admin")
    assert desk.outbox("pending")[0]["base_version"] == 1
    desk.sync(expect=5)
    rejected = desk.outbox("rejected")
    assert [o["op_id"] for o in rejected] == [dispose]
    assert rejected[0]["reject_reason"] == "conflict"


def test_one_round_at_a_time_per_data_dir(server, desk) -> None:
    from desktop.sync.lock import SyncBusy, SyncLock

    desk.create(title="Pengaduan saat tugas terjadwal berjalan")
    holder = SyncLock(desk.data_dir)  # e.g. a scheduled `lapor-desk sync` mid-round
    assert holder.acquire()
    client = Account(desk.service).client()
    try:
        with pytest.raises(SyncBusy):
            SyncEngine(desk.service, client).sync_once(lock_timeout=0.2)
        assert [o["state"] for o in desk.outbox()] == ["pending"]  # untouched
        holder.release()
        assert SyncEngine(desk.service, client).sync_once().applied == 1
    finally:
        holder.release()
        client.close()
