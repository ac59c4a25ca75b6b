"""Issue 17: the disposition chain's rules (core/chain.py, org.py) on real
apply_op calls: who may dispose from where to where, deadlines within the parent's,
read state, withdrawal only while unread, reports back, catatan only for recipients, and a
pelaksana seeing the complaint only while a disposition to them is active."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

import pytest

from core import (
    WITA,
    Actor,
    DeadlinePolicy,
    DomainError,
    OpKind,
    Role,
    ValidationError,
    WorkingCalendar,
    apply_op,
    in_scope,
    new_complaint,
)
from core.chain import late_entries, redact_chain, resolve
from core.org import OrgChart, Position, check_position

pytestmark = pytest.mark.dates  # fixed dates only; .ci/run runs it again on shifted clocks

CAL = WorkingCalendar(years=[2026])
POLICY = DeadlinePolicy()
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=WITA)  # Monday
DAY = T0.date()

KADIS = Actor("kadis", Role.pimpinan, "DINKES", (), "dr. Kadis")
KABID = Actor("kabid", Role.pimpinan, "DINKES", (), "Kabid Yankes")
KASI = Actor("kasi", Role.petugas_unit, "DINKES", ("YANKES",), "Kasi Rujukan")
STAF = Actor("staf", Role.petugas_unit, "DINKES", ("P2P",), "Pelaksana")
PLH = Actor("plh", Role.petugas_unit, "DINKES", ("P2P",), "Plh. Kabid")
ADMIN = Actor("adm", Role.admin_instansi, "DINKES", (), "Admin")


def chart(any_level: bool = False) -> OrgChart:
    rows = [
        {"agency": "DINKES", "code": "KADIS", "title": "Kepala Dinas", "holder": "kadis"},
        {"agency": "DINKES", "code": "SEKRETARIS", "title": "Sekretaris", "parent": "KADIS"},
        {"agency": "DINKES", "code": "KABID-YANKES", "title": "Kepala Bidang Yankes",
         "parent": "KADIS", "holder": "kabid",
         "actings": [{"username": "plh", "kind": "plh", "start": "2026-11-02",
                      "end": "2026-11-03"}]},
        {"agency": "DINKES", "code": "KASI-RUJUKAN", "title": "Kepala Seksi Rujukan",
         "parent": "KABID-YANKES", "holder": "kasi"},
        {"agency": "DINKES", "code": "PELAKSANA-1", "title": "Pelaksana Rujukan",
         "parent": "KASI-RUJUKAN", "holder": "staf"},
    ]
    return OrgChart.of("DINKES", rows, any_level=any_level)


def run(snap, kind, payload, actor, at=T0, org=None):
    kind = OpKind(kind)
    if kind in (OpKind.chain_dispose, OpKind.chain_read, OpKind.chain_withdraw,
                OpKind.chain_report):
        payload = resolve(kind, payload, snap, org or chart(), actor.username, at.date())
    return apply_op(snap, kind, payload, actor, at, POLICY, CAL).snapshot


def complaint() -> dict:
    payload = new_complaint(title="Rujukan pasien ditolak", channel="loket",
                            content="Pasien rujukan ditolak di rumah sakit daerah.",
                            classification="pengaduan", agency_code="DINKES",
                            reporter={"name": "Ani"})
    snap = apply_op(None, "create", payload, ADMIN, T0, POLICY, CAL).snapshot
    return apply_op(snap, "verify", {}, ADMIN, T0, POLICY, CAL).snapshot


def dispose(snap, actor, sender, to, days=None, parent=None, at=T0, **extra):
    ids = [str(uuid.uuid4()) for _ in to]
    payload = {"from_position": sender, "parent_id": parent, "deadline_days": days,
               "recipients": [{"id": i, "position": p} for i, p in zip(ids, to, strict=True)],
               "instructions": ["Proses lebih lanjut"], **extra}
    return run(snap, "chain_dispose", payload, actor, at), ids


def entry(snap, entry_id):
    return next(e for e in snap["chain"] if e["id"] == entry_id)


def test_only_the_holder_or_acting_holder_disposes_from_a_position():
    snap = complaint()
    with pytest.raises(DomainError) as refused:
        dispose(snap, KABID, "KADIS", ["KABID-YANKES"])
    assert refused.value.code == "forbidden"
    new, (kabid_entry,) = dispose(snap, KADIS, "KADIS", ["KABID-YANKES"], days=5)
    assert new["status"] == "didisposisikan"  # awaiting disposition: the follow-up starts
    # The Plh. of the Kabid acts for him within his date range, not after it.
    new = run(new, "chain_read", {"entry_id": kabid_entry}, PLH)
    after_range = T0 + timedelta(days=2)
    with pytest.raises(DomainError) as late:
        dispose(new, PLH, "KABID-YANKES", ["KASI-RUJUKAN"], parent=kabid_entry, at=after_range)
    assert late.value.code == "forbidden"
    disposed, _ = dispose(new, PLH, "KABID-YANKES", ["KASI-RUJUKAN"], parent=kabid_entry)
    assert entry(disposed, kabid_entry)["read_by"] == "plh"


def test_recipients_directly_below_unless_the_agency_allows_any_level():
    snap = complaint()
    with pytest.raises(ValidationError) as skipped:
        dispose(snap, KADIS, "KADIS", ["KASI-RUJUKAN"])
    assert "recipients" in skipped.value.errors
    payload = {"from_position": "KADIS", "recipients": [
        {"id": str(uuid.uuid4()), "position": "KASI-RUJUKAN"}]}
    resolved = resolve(OpKind.chain_dispose, payload, snap, chart(any_level=True), "kadis", DAY)
    assert resolved["recipients"][0]["users"] == ["kasi"]
    with pytest.raises(ValidationError) as vacant:  # no holder, no Plt./Plh.
        dispose(snap, KADIS, "KADIS", ["SEKRETARIS"])
    assert "kosong" in vacant.value.errors["recipients"]
    # A person addressed directly resolves to the position they hold.
    by_person = resolve(OpKind.chain_dispose, {"from_position": "KADIS", "recipients": [
        {"id": str(uuid.uuid4()), "user": "kabid"}]}, snap, chart(), "kadis", DAY)
    assert by_person["recipients"][0]["position"] == "KABID-YANKES"
    # A forged holder list from a desk is replaced by the chart's.
    forged = resolve(OpKind.chain_dispose, {"from_position": "KADIS", "recipients": [
        {"id": str(uuid.uuid4()), "position": "KABID-YANKES", "users": ["staf"]}]},
        snap, chart(), "kadis", DAY)
    assert forged["recipients"][0]["users"] == ["kabid", "plh"]


def test_the_whole_chain_down_and_back_up():
    snap = complaint()
    snap, (e1,) = dispose(snap, KADIS, "KADIS", ["KABID-YANKES"], days=5,
                          catatan="Tolong cek RSUD")
    assert entry(snap, e1)["state"] == "sent" and entry(snap, e1)["due_date"] == "2026-11-09"
    snap = run(snap, "chain_read", {"entry_id": e1}, KABID)
    assert entry(snap, e1)["state"] == "read" and entry(snap, e1)["read_at"]
    with pytest.raises(ValidationError) as too_long:  # beyond the Kadis's deadline
        dispose(snap, KABID, "KABID-YANKES", ["KASI-RUJUKAN"], days=6, parent=e1)
    assert "deadline_days" in too_long.value.errors
    snap, (e2,) = dispose(snap, KABID, "KABID-YANKES", ["KASI-RUJUKAN"], days=3, parent=e1)
    snap, (e3,) = dispose(snap, KASI, "KASI-RUJUKAN", ["PELAKSANA-1"], parent=e2)
    assert entry(snap, e3)["due_date"] == entry(snap, e2)["due_date"] == "2026-11-05"
    # The pelaksana (another unit) sees the complaint only while it is disposed to him.
    assert in_scope(snap, STAF)
    snap = run(snap, "chain_report", {"entry_id": e3, "text": "Sudah konfirmasi ke RSUD."},
               STAF)
    assert entry(snap, e3)["state"] == "reported" and not in_scope(snap, STAF)
    snap = run(snap, "chain_report", {"entry_id": e2, "text": "Selesai di seksi."}, KASI)
    snap = run(snap, "chain_report", {"entry_id": e1, "text": "Tuntas."}, KABID)
    assert [e["state"] for e in snap["chain"]] == ["reported"] * 3
    # Catatan: the Kadis and the Kabid read it, the Kasi does not.
    assert redact_chain(snap, "kabid")["chain"][0]["catatan"] == "Tolong cek RSUD"
    hidden = redact_chain(snap, "kasi")["chain"][0]
    assert hidden["catatan"] is None and hidden["catatan_hidden"]
    assert snap["chain"][0]["catatan"] == "Tolong cek RSUD"  # redaction copies
    # The timeline never carries the catatan.
    assert all("Tolong" not in str(ev) for ev in snap["timeline"])


def test_follow_up_to_the_reporter_closes_the_chain():
    snap = complaint()
    snap, (e1,) = dispose(snap, KADIS, "KADIS", ["KABID-YANKES"])
    snap = apply_op(snap, "follow_up", {"text": "Pasien sudah dilayani.",
                                         "visibility": "reporter"}, ADMIN, T0, POLICY,
                    CAL).snapshot
    assert entry(snap, e1)["state"] == "closed"
    with pytest.raises(DomainError):
        run(snap, "chain_report", {"entry_id": e1, "text": "Terlambat"}, KABID)


def test_withdraw_only_while_unread():
    snap = complaint()
    snap, (e1,) = dispose(snap, KADIS, "KADIS", ["KABID-YANKES"])
    with pytest.raises(DomainError) as not_sender:
        run(snap, "chain_withdraw", {"entry_id": e1}, KABID)
    assert not_sender.value.code == "forbidden"
    withdrawn = run(snap, "chain_withdraw", {"entry_id": e1}, KADIS)
    assert entry(withdrawn, e1)["state"] == "withdrawn"
    with pytest.raises(DomainError) as gone:  # the read arrives after the withdrawal
        run(withdrawn, "chain_read", {"entry_id": e1}, KABID)
    assert gone.value.code == "conflict" and "ditarik" in gone.value.message
    read = run(snap, "chain_read", {"entry_id": e1}, KABID)
    with pytest.raises(DomainError) as too_late:  # the withdrawal arrives after the read
        run(read, "chain_withdraw", {"entry_id": e1}, KADIS)
    assert too_late.value.code == "conflict" and "sudah dibaca oleh kabid" in \
        too_late.value.message


def test_a_disposition_cannot_continue_from_a_withdrawn_one():
    snap = complaint()
    snap, (e1,) = dispose(snap, KADIS, "KADIS", ["KABID-YANKES"])
    snap = run(snap, "chain_withdraw", {"entry_id": e1}, KADIS)
    with pytest.raises(DomainError) as refused:
        dispose(snap, KABID, "KABID-YANKES", ["KASI-RUJUKAN"], parent=e1)
    assert refused.value.code == "conflict"


def test_late_at_the_level_where_the_deadline_passed():
    snap = complaint()
    snap, (e1,) = dispose(snap, KADIS, "KADIS", ["KABID-YANKES"], days=5)
    snap, (e2,) = dispose(snap, KABID, "KABID-YANKES", ["KASI-RUJUKAN"], days=2, parent=e1)
    assert late_entries(snap, date(2026, 11, 4)) == []
    assert [e["id"] for e in late_entries(snap, date(2026, 11, 5))] == [e2]


def test_positions_are_checked_when_set():
    org = chart()
    with pytest.raises(ValidationError) as cycle:
        check_position(org, {"code": "KADIS", "title": "Kepala Dinas", "parent": "PELAKSANA-1"})
    assert "parent" in cycle.value.errors
    with pytest.raises(ValidationError) as second_head:
        check_position(org, {"code": "WAKIL", "title": "Wakil"})
    assert "parent" in second_head.value.errors
    made = check_position(org, {"code": "kasi-2", "title": "Kasi Lain", "parent": "KABID-YANKES",
                                "actings": [{"username": "x", "kind": "plt",
                                             "start": "2026-11-01", "end": "2026-12-01"}]})
    assert isinstance(made, Position) and made.code == "KASI-2"
    assert Position.from_json(made.to_json()) == made
    assert org.level("PELAKSANA-1") == 3
