"""WorkflowService on a real SQLite desk store: every action lands in the snapshot, the
timeline and the outbox at once; drafts, canned replies, related complaints, notices."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest

from core import (
    DISPOSITION_INSTRUCTIONS,
    Actor,
    DomainError,
    OpKind,
    Role,
    Status,
    TransitionError,
    ValidationError,
    allowed_kinds,
)
from desktop.store.cipher import connect as connect_db
from desktop.workflow import (
    NOBODY,
    UI_ACTIONS,
    WorkflowService,
    availabilities,
    canned,
    dry_run,
    step,
)
from desktop.workflow import attachments as att
from tests.test_workflow_fixtures import (
    AGENCY,
    CAL,
    CENTRAL,
    OTHER_UNIT,
    POLICY,
    UNIT,
    open_store,
    outbox_ops,
    put,
    temporary_store,
)

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks


@pytest.fixture
def store(tmp_path):
    yield from temporary_store(tmp_path)

# (kind, status it is taken from, a valid payload, the status it leads to)
ACTION_CASES = [
    (OpKind.verify, Status.belum_diverifikasi,
     {"classification": "aspirasi", "category_id": "puskesmas_rumah_sakit",
      "confidential": True, "tags": ["antrean"]}, Status.belum_diverifikasi),
    (OpKind.dispose, Status.belum_diverifikasi,
     {"unit_codes": [UNIT, OTHER_UNIT], "sifat": "segera",
      "instructions": ["Proses lebih lanjut"], "note": "Segera cek ke lokasi."},
     Status.didisposisikan),
    (OpKind.follow_up, Status.didisposisikan,
     {"text": "Petugas telah menambah loket pendaftaran.", "visibility": "reporter"},
     Status.ditindaklanjuti),
    (OpKind.request_clarification, Status.didisposisikan,
     {"text": "Mohon sebutkan hari kejadian."}, Status.menunggu_tanggapan_pelapor),
    (OpKind.hold, Status.didisposisikan, {"reason": "Menunggu anggaran perubahan."},
     Status.ditunda),
    (OpKind.resume, Status.ditunda, {"note": "Rapat sudah selesai."}, Status.belum_diverifikasi),
    (OpKind.not_authority, Status.belum_diverifikasi,
     {"reason": "Puskesmas milik kabupaten.", "suggested_agency_code": "DISKOMINFO"},
     Status.bukan_wewenang),
    (OpKind.reroute, Status.bukan_wewenang, {"agency_code": "DISHUB", "reason": "Soal angkutan."},
     Status.belum_diverifikasi),
    (OpKind.close, Status.ditindaklanjuti, {"note": "Pelapor puas."}, Status.selesai),
    (OpKind.archive, Status.selesai, {"reason": "Tuntas."}, Status.diarsipkan),
    (OpKind.reopen, Status.selesai, {"reason": "Pelapor keberatan atas jawaban."},
     Status.didisposisikan),
    (OpKind.privacy_flags, Status.didisposisikan, {"anonymous": True}, Status.didisposisikan),
    (OpKind.note, Status.diarsipkan, {"text": "Dicek ulang oleh pimpinan."}, Status.diarsipkan),
]


def test_cases_cover_every_ui_action_but_duplicates():
    assert {c[0] for c in ACTION_CASES} == set(UI_ACTIONS) - {OpKind.mark_duplicate}


@pytest.mark.parametrize(("kind", "start", "payload", "end"), ACTION_CASES,
                         ids=[c[0].value for c in ACTION_CASES])
def test_action_writes_snapshot_timeline_and_outbox_together(store, kind, start, payload, end):
    snap = put(store, start)
    flow = WorkflowService(store)
    item = step(kind, payload)
    [result] = flow.perform(snap["id"], [item], CENTRAL)

    stored = store.complaint(snap["id"])
    assert stored["status"] == end.value
    assert stored["version"] == snap["version"] + 1
    event = stored["timeline"][-1]
    assert (event["id"], event["kind"], event["actor"]) == (item.op_id, kind.value,
                                                             CENTRAL.username)
    [op] = outbox_ops(store, snap["id"])
    assert (op["op_id"], op["kind"], op["state"]) == (item.op_id, kind.value, "pending")
    assert op["payload"] == payload
    assert op["base_version"] == snap["version"]
    assert result.event["id"] == item.op_id


def test_the_same_op_submitted_twice_is_recorded_once(store):
    snap = put(store, Status.didisposisikan)
    flow = WorkflowService(store)
    item = step(OpKind.follow_up, {"text": "Sudah ditangani petugas."})
    flow.perform(snap["id"], [item], CENTRAL)
    [again] = flow.perform(snap["id"], [item], CENTRAL)  # a double click, or a retry
    assert again.duplicate
    assert len(outbox_ops(store, snap["id"])) == 1
    assert [e["kind"] for e in store.complaint(snap["id"])["timeline"]].count("follow_up") == 1


def test_invalid_input_raises_the_domain_error_and_records_nothing(store):
    snap = put(store, Status.didisposisikan)
    flow = WorkflowService(store)
    with pytest.raises(ValidationError) as caught:
        flow.perform(snap["id"], [step(OpKind.hold, {"reason": "  "})], CENTRAL)
    assert caught.value.errors == {"reason": "Alasan penundaan wajib diisi."}
    assert outbox_ops(store) == []
    assert store.complaint(snap["id"])["version"] == snap["version"]


def test_dry_run_predicts_the_write_without_touching_the_store(store):
    snap = put(store, Status.belum_diverifikasi)
    steps = [step(OpKind.dispose, {"unit_codes": [UNIT]})]
    preview = dry_run(store.complaint(snap["id"]), steps, CENTRAL, policy=POLICY, calendar=CAL)
    assert outbox_ops(store) == []
    [result] = WorkflowService(store).perform(snap["id"], steps, CENTRAL)
    assert preview["due_date"] == result.snapshot["due_date"]
    assert preview["status"] == result.status == "didisposisikan"
    with pytest.raises(ValidationError) as caught:
        dry_run(snap, [step(OpKind.dispose, {"unit_codes": []})], CENTRAL, policy=POLICY,
                calendar=CAL)
    assert "unit_codes" in caught.value.errors


def test_follow_up_with_attachment_is_two_ops_and_survives_a_retry(store, tmp_path):
    snap = put(store, Status.didisposisikan)
    photo = tmp_path / "loket-baru.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    flow = WorkflowService(store)
    attached = flow.import_attachment(str(photo))
    assert (store.data_dir / "attachments" / attached.sha256[:2] / attached.sha256).exists()
    steps = [step(OpKind.attach, attached.payload()),
             step(OpKind.follow_up, {"text": "Foto loket tambahan terlampir."})]
    flow.perform(snap["id"], steps, CENTRAL)
    flow.perform(snap["id"], steps, CENTRAL)  # retried after a crash: nothing doubles
    ops = outbox_ops(store, snap["id"])
    assert [o["kind"] for o in ops] == ["attach", "follow_up"]
    stored = store.complaint(snap["id"])
    assert [a["sha256"] for a in stored["attachments"]] == [attached.sha256]
    assert stored["attachments"][0]["cached_path"] == attached.path


def test_attachments_are_checked(store, tmp_path, monkeypatch):
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ")
    with pytest.raises(ValidationError) as caught:
        att.import_file(store, program)
    assert "tidak didukung" in caught.value.errors["attachments"]
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"%PDF-" + b"x" * 2000)
    monkeypatch.setattr(att, "MAX_BYTES", 1000)
    with pytest.raises(ValidationError) as caught:
        att.import_file(store, big)
    assert "terlalu besar" in caught.value.errors["attachments"]


def test_draft_survives_a_restart_and_is_dropped_once_its_op_is_recorded(tmp_path):
    folder = tmp_path / "desk"
    first = open_store(folder)
    snap = put(first, Status.didisposisikan)
    item = step(OpKind.follow_up, {"text": "Setengah jadi..."})
    WorkflowService(first).save_draft(snap["id"], "follow_up",
                                      {"fields": {"text": "Setengah jadi..."},
                                       "op_ids": {"main": item.op_id}})
    first.close()  # the desk closes (or crashes) with the follow-up unfinished

    second = open_store(folder)
    flow = WorkflowService(second)
    draft = flow.load_draft(snap["id"], "follow_up")
    assert draft["fields"]["text"] == "Setengah jadi..."
    # Crash between the write and removing the draft: the op is in, the draft still there.
    second.apply_local_op(snap["id"], OpKind.follow_up, item.payload, CENTRAL, op_id=item.op_id)
    assert second.get_draft(snap["id"], "follow_up") is not None
    assert flow.load_draft(snap["id"], "follow_up") is None  # not offered again
    assert second.get_draft(snap["id"], "follow_up") is None
    second.close()


def test_perform_removes_the_draft(store):
    snap = put(store, Status.didisposisikan)
    flow = WorkflowService(store)
    item = step(OpKind.hold, {"reason": "Menunggu jadwal."})
    flow.save_draft(snap["id"], "hold", {"op_ids": {"main": item.op_id}})
    flow.perform(snap["id"], [item], CENTRAL, draft_kind="hold")
    assert store.get_draft(snap["id"], "hold") is None


def test_bulk_dispose_reports_each_failure_and_a_resubmit_does_only_the_rest(store):
    good = [put(store, Status.belum_diverifikasi) for _ in range(3)]
    done = put(store, Status.selesai)
    flow = WorkflowService(store)
    batch = str(uuid.uuid4())
    ids = [s["id"] for s in good] + [done["id"]]
    payload = {"unit_codes": [UNIT], "sifat": "biasa"}
    outcome = flow.perform_bulk(ids, OpKind.dispose, payload, CENTRAL, batch)
    assert len(outcome.done) == 3
    assert outcome.failed == ((done["id"],
                               "Pengaduan berstatus Selesai tidak dapat didisposisikan."),)
    again = flow.perform_bulk(ids, OpKind.dispose, payload, CENTRAL, batch)
    assert all(r.duplicate for r in again.done)
    assert len([o for o in outbox_ops(store) if o["kind"] == "dispose"]) == 3


def test_link_duplicate_keeps_both_histories(store):
    original = put(store, Status.didisposisikan)
    copy = put(store, Status.belum_diverifikasi)
    flow = WorkflowService(store)
    ids = (str(uuid.uuid4()), str(uuid.uuid4()))
    flow.link_duplicate(copy["id"], original, "Dilaporkan dua kali.", CENTRAL, ids)
    dup = store.complaint(copy["id"])
    orig = store.complaint(original["id"])
    assert dup["duplicate_of"] == original["id"]
    assert dup["timeline"][-1]["kind"] == "mark_duplicate"
    assert len(dup["timeline"]) == len(copy["timeline"]) + 1
    assert orig["timeline"][-1]["kind"] == "note"
    assert str(copy["tracking_number"]) in orig["timeline"][-1]["note"]
    assert len(orig["timeline"]) == len(original["timeline"]) + 1
    assert orig["status"] == original["status"]


def test_related_complaints_by_nik_phone_title_and_duplicate_link(store):
    me = put(store, Status.belum_diverifikasi, title="Jalan rusak parah di Desa Sungai Tabuk")
    same_nik = put(store, Status.selesai, title="Permohonan beasiswa kuliah",
                   reporter={"name": "Siti", "nik": "6371014501900003"})
    same_phone = put(store, Status.didisposisikan, title="Lampu jalan padam",
                     reporter={"name": "Siti A.", "phone": "+6281234567890"})
    similar = put(store, Status.didisposisikan, title="Jalan rusak parah menuju Sungai Tabuk",
                  reporter={"name": "Budi", "phone": "+6285200001111"})
    unrelated = put(store, Status.didisposisikan, title="Air PDAM keruh di Martapura",
                    reporter={"name": "Rina", "phone": "+6285300002222"})
    linked = put(store, Status.diarsipkan, title="Laporan lain", duplicate_of=None,
                 reporter={"name": "Rina", "phone": "+6285300003333"})
    store.upsert_snapshots([{**store.complaint(linked["id"]), "duplicate_of": me["id"]}])

    flow = WorkflowService(store)
    found = {r.id: r.reasons for r in flow.related(store.complaint(me["id"]), CENTRAL)}
    assert found[same_nik["id"]] == ("nik",)
    assert found[same_phone["id"]] == ("phone",)
    assert found[similar["id"]] == ("title",)
    assert found[linked["id"]] == ("duplicate",)
    assert unrelated["id"] not in found and me["id"] not in found

    # An officer who may not see an anonymous reporter gets no reporter-based links.
    officer = Actor("dinkes.yankes", Role.petugas_unit, AGENCY, (UNIT,), "Petugas")
    anonymous = {**store.complaint(me["id"]), "anonymous": True}
    reasons = {r.id: r.reasons for r in flow.related(anonymous, officer)}
    assert same_nik["id"] not in reasons and same_phone["id"] not in reasons
    assert reasons[similar["id"]] == ("title",)


def test_local_actor_default_setting_and_signed_in_officer(store):
    flow = WorkflowService(store)
    flow.set_local_actor(None)  # nobody signed in nor configured: nobody, never Admin Pusat
    actor, signed_in = flow.actor()
    assert (actor, signed_in) == (NOBODY, False) and actor.role is Role.loket
    assert not actor.agency
    flow.set_local_actor({"username": "dinkes.admin", "role": "admin_instansi",
                          "agency": AGENCY, "full_name": "Admin Dinkes"})
    assert flow.actor()[0] == Actor("dinkes.admin", Role.admin_instansi, AGENCY, (),
                                    "Admin Dinkes")
    with pytest.raises(DomainError):
        flow.set_local_actor({"username": "x", "role": "kepala_desa"})
    store.set_actor(Actor("dinkes.yankes", Role.petugas_unit, AGENCY, (UNIT,), "Petugas"))
    actor, signed_in = flow.actor()
    assert (actor.username, actor.units, signed_in) == ("dinkes.yankes", (UNIT,), True)


def test_context_redacts_for_the_actor_and_lists_the_agency_units(store):
    snap = put(store, Status.didisposisikan)
    store.set_actor(Actor("dinkes.yankes", Role.petugas_unit, AGENCY, (UNIT,), "Petugas"))
    ctx = WorkflowService(store).context(snap["id"])
    assert ctx.snapshot["reporter"]["nik"] == "6371********0003"
    assert {u["code"] for u in ctx.units} == {"YANKES", "P2P", "SDK"}
    assert ctx.instructions == list(DISPOSITION_INSTRUCTIONS)
    assert [r.id for r in ctx.replies] == [r.id for r in canned.DEFAULT_REPLIES]


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("status", list(Status))
def test_availability_is_the_domains_rule(role, status):
    actor = Actor("x", role, AGENCY, (UNIT,), "")
    snap = {"id": "c", "status": status.value, "agency_code": AGENCY, "unit_codes": [UNIT],
            "previous_status": "didisposisikan" if status is Status.ditunda else None}
    found = availabilities(snap, actor)
    assert {k for k, a in found.items() if a.enabled} == allowed_kinds(status, role) & set(
        UI_ACTIONS)
    for kind, item in found.items():
        if not item.enabled:
            with pytest.raises(TransitionError) as caught:
                from core import check_transition

                check_transition(status, kind, role, snap["previous_status"])
            assert item.message == caught.value.message


def test_availability_explains_scope():
    officer = Actor("dinkes.p2p", Role.petugas_unit, AGENCY, (OTHER_UNIT,), "")
    snap = {"id": "c", "status": "didisposisikan", "agency_code": AGENCY, "unit_codes": [UNIT]}
    item = availabilities(snap, officer)[OpKind.follow_up]
    assert not item.enabled
    assert item.message == "Pengaduan ini tidak didisposisikan ke unit Anda."
    assert not availabilities(None, officer)[OpKind.note].enabled


def test_canned_replies_fill_placeholders_and_never_name_an_anonymous_reporter(store):
    snap = put(store, Status.didisposisikan)
    flow = WorkflowService(store)
    ctx = flow.context(snap["id"])
    text = canned.render("Yth. {nama_pelapor}, laporan {nomor} ({judul}) oleh {unit}; {x}",
                         ctx.reply_values())
    assert text == (f"Yth. Siti Aminah, laporan #{snap['tracking_number']} ({snap['title']}) "
                    "oleh Bidang Pelayanan Kesehatan; {x}")
    officer = Actor("dinkes.yankes", Role.petugas_unit, AGENCY, (UNIT,), "Petugas")
    values = canned.values_for({**snap, "anonymous": True}, officer, today=store.today())
    assert values["nama_pelapor"] == canned.ANONYMOUS_SALUTATION


def test_canned_replies_are_validated_and_saved(store):
    flow = WorkflowService(store)
    bad = [canned.CannedReply("a", "", "Halo {nama}"), canned.CannedReply("b", "Ok", "{nomor}")]
    with pytest.raises(ValidationError) as caught:
        flow.save_replies(bad)
    assert caught.value.errors == {"0.title": "Judul balasan wajib diisi.",
                                   "0.body": "Penanda tidak dikenal: {nama}."}
    good = [canned.CannedReply("b", "Singkat", "Laporan {nomor} diterima.", ("follow_up",))]
    flow.save_replies(good)
    assert flow.replies() == good
    flow.save_instructions(["Cek lokasi", " ", "Laporkan hasil"])
    assert flow.instructions() == ["Cek lokasi", "Laporkan hasil"]


def test_notices_tell_each_disposition_and_due_date_once(store):
    officer = Actor("dinkes.yankes", Role.petugas_unit, AGENCY, (UNIT,), "Petugas")
    mine = put(store, Status.didisposisikan, days_ago=0)
    other = put(store, Status.didisposisikan, days_ago=0)
    store.upsert_snapshots([{**store.complaint(other["id"]), "unit_codes": [OTHER_UNIT]}])
    due_snap = store.complaint(mine["id"])
    flow = WorkflowService(store)

    first = flow.notices(officer)
    assert [r.id for r in first.disposed] == [mine["id"]]
    assert not flow.notices(officer)  # told once

    # The deadline comes within a working day: told once more, as due soon.
    soon = CAL.add_working_days(store.today(), 1)
    store.upsert_snapshots([{**due_snap, "due_date": soon.isoformat(), "version": 9}])
    second = flow.notices(officer)
    assert [r.id for r in second.due_soon] == [mine["id"]] and not second.disposed
    assert not flow.notices(officer)
    later = CAL.add_working_days(store.today(), 5)
    store.upsert_snapshots([{**due_snap, "due_date": later.isoformat(), "version": 10}])
    assert not flow.notices(officer)


def test_notices_ignore_the_officers_own_dispositions(store):
    leader = Actor("dinkes.pimpinan", Role.pimpinan, AGENCY, (UNIT,), "Kepala")
    snap = put(store, Status.belum_diverifikasi, days_ago=0)
    WorkflowService(store).perform(snap["id"], [step(OpKind.dispose, {"unit_codes": [UNIT]})],
                                   leader)
    assert not WorkflowService(store).notices(leader).disposed


def test_outbox_payload_is_plain_json(store):
    snap = put(store, Status.belum_diverifikasi)
    WorkflowService(store).perform(snap["id"], [step(OpKind.dispose, {
        "unit_codes": [UNIT], "due_date": (store.today() + timedelta(days=20)).isoformat()})],
        CENTRAL)
    with connect_db(store.db_path) as raw:
        payload = raw.execute("SELECT payload FROM outbox").fetchone()[0]
    assert json.loads(payload)["unit_codes"] == [UNIT]
