"""The front desk's recording path on a real SQLite desk: submit, attachments, drafts,
duplicate hints, receipts. Ground truth is read back from the store and the outbox.

Also home of the small helpers the other intake tests share (``make_desk``, ``filled``).
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from core import DomainError, ValidationError
from core.clock import clock
from desktop.intake import DRAFT_KEY, IntakeService
from desktop.intake import attachments as att
from desktop.intake.form import new_form
from desktop.store import DeskService

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks

LOKET = {"username": "dinkes.loket", "role": "loket", "agency": "DINKES", "units": [],
         "full_name": "Rina Marlina"}
NIK = "6371014101900001"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%test\n" + b"0" * 64


def make_desk(folder: Path, *, actor: dict | None = LOKET, desk_id: str | None = "D1",
              today: date | None = None) -> DeskService:
    store = DeskService(folder, today=(lambda: today) if today else None)
    if actor is not None:
        store.set_actor(actor)
    if desk_id is not None:
        store.set_setting("desk_id", desk_id)
    store.replace_reference(
        agencies=[{"code": "DINKES", "name": "Dinas Kesehatan"},
                  {"code": "DISHUB", "name": "Dinas Perhubungan"}],
        units=[{"agency_code": "DINKES", "code": "YANKES", "name": "Bidang Pelayanan Kesehatan"}])
    return store


def filled(**overrides) -> dict:
    form = new_form("DINKES")
    form.update(
        title="Antrean obat di Puskesmas Pekauman sangat lama",
        content="Sejak awal November antrean obat baru bergerak setelah pukul sepuluh.",
        reporter={"name": "Siti Rahmah", "nik": NIK, "phone": "0812 3456 7890",
                  "email": "siti@example.id", "address": "Jl. Kelayan A"},
        category_id="kesehatan", region_code="63.71.01.1001", location_text="depan apotek",
        incident_date=(clock().today() - timedelta(days=3)).isoformat())
    form.update(overrides)
    return form


def pdf_text(path: Path) -> str:
    proc = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True)
    return proc.stdout


need_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                    reason="needs poppler-utils (pdftotext)")


@pytest.fixture
def store(tmp_path: Path):
    service = make_desk(tmp_path / "desk")
    yield service
    service.close()


@pytest.fixture
def intake(store: DeskService) -> IntakeService:
    return IntakeService(store)


def test_submit_records_complaint_number_and_outbox(intake: IntakeService, store: DeskService):
    created = intake.submit(filled())
    assert created.provisional_number == f"L-D1-{clock().now():%Y%m%d}-0001"
    snap = store.complaint(created.complaint_id)
    assert snap["provisional_number"] == created.provisional_number
    assert snap["tracking_number"] is None
    assert snap["status"] == "belum_diverifikasi" and snap["channel"] == "loket"
    assert snap["reporter"]["phone"] == "+6281234567890"
    assert snap["agency_code"] == "DINKES" and snap["due_date"]
    ops = store.outbox()
    assert [(o["kind"], o["state"], o["complaint_id"]) for o in ops] == [
        ("create", "pending", created.complaint_id)]
    assert ops[0]["payload"]["provisional_number"] == created.provisional_number
    assert ops[0]["payload"]["id"] == created.complaint_id
    # Found by its provisional number, typed any case.
    assert intake.find(created.provisional_number.lower())["id"] == created.complaint_id


def test_submit_twice_records_once(intake: IntakeService, store: DeskService):
    form = filled()
    first = intake.submit(form)
    again = intake.submit(form)
    assert again.duplicate and again.complaint_id == first.complaint_id
    assert again.provisional_number == first.provisional_number
    assert store.total() == 1 and len(store.outbox()) == 1


def test_invalid_form_raises_every_error_and_writes_nothing(intake, store):
    form = filled(title="", reporter={"name": "Siti", "nik": "123", "phone": "12345"})
    with pytest.raises(ValidationError) as caught:
        intake.submit(form)
    assert set(caught.value.errors) == {"title", "reporter.nik", "reporter.phone"}
    assert "16 digit" in caught.value.errors["reporter.nik"]
    assert store.total() == 0 and store.outbox() == []


def test_unidentified_reporter_is_anonymous_without_identity(intake, store):
    created = intake.submit(filled(unidentified=True))
    snap = store.complaint(created.complaint_id)
    assert snap["anonymous"] is True
    assert not any((snap["reporter"] or {}).values()), "no identity is recorded at all"
    assert store.outbox()[0]["payload"]["reporter"] is None


def test_desk_never_signed_in_records_as_the_local_officer(tmp_path: Path):
    """The project's rule (desktop.workflow.actor): offline desks act as the local officer
    configured in Pengaturan (the server checks the op again when it is pushed); with none
    configured nobody acts, never Admin Pusat (issue 14 item 6)."""
    from desktop.workflow.actor import set_local_actor

    store = make_desk(tmp_path / "d", actor=None)
    try:
        intake = IntakeService(store)
        assert not intake.signed_in()
        with pytest.raises(DomainError):
            intake.submit(filled())
        assert store.outbox() == []
        set_local_actor(store, {"username": "loket.lokal", "role": "loket",
                                "agency": "DINKES", "full_name": "Loket Lokal"})
        created = intake.submit(filled())
        assert store.outbox()[0]["actor"] == intake.actor().username
        assert store.complaint(created.complaint_id)["agency_code"] == "DINKES"
        # A paper log has no agency column: importing needs an officer of an agency.
        set_local_actor(store, None)
        with pytest.raises(DomainError) as caught:
            intake.agency_actor()
        assert caught.value.code == "login_required"
    finally:
        store.close()


def test_attachments_are_staged_attached_and_queued(intake, store, tmp_path):
    (tmp_path / "foto.png").write_bytes(PNG)
    (tmp_path / "surat.pdf").write_bytes(PDF)
    staged = [intake.stage_attachment(tmp_path / n) for n in ("foto.png", "surat.pdf")]
    assert [s.mime for s in staged] == ["image/png", "application/pdf"]
    assert store.files.read_file(Path(staged[0].path)) == PNG  # sealed with the desk key
    form = filled(attachments=[vars(s) for s in staged], unit_code="YANKES")
    created = intake.submit(form)
    snap = store.complaint(created.complaint_id)
    assert [a["filename"] for a in snap["attachments"]] == ["foto.png", "surat.pdf"]
    assert all(a.get("cached_path") for a in snap["attachments"])
    kinds = [(o["kind"], o["base_version"]) for o in store.outbox()]
    assert kinds == [("create", 0), ("attach", 1), ("attach", 2), ("note", 3)]
    note = store.outbox()[-1]["payload"]
    assert "Bidang Pelayanan Kesehatan" in note["text"] and note["visibility"] == "internal"


@pytest.mark.parametrize(("name", "data", "needle"), [
    ("program.exe", b"MZ\x90\x00binary", "tidak diterima"),
    ("kosong.jpg", b"", "kosong"),
    ("palsu.jpg", b"just text pretending", "tidak diterima"),
])
def test_attachment_type_limits(intake, tmp_path, name, data, needle):
    (tmp_path / name).write_bytes(data)
    with pytest.raises(att.AttachmentProblem) as caught:
        intake.stage_attachment(tmp_path / name)
    assert needle in caught.value.message


def test_attachment_size_limits(intake, tmp_path):
    big = tmp_path / "besar.pdf"
    with big.open("wb") as fh:
        fh.write(PDF)
        fh.truncate(att.MAX_FILE_BYTES + 1)
    with pytest.raises(att.AttachmentProblem, match="terlalu besar"):
        intake.stage_attachment(big)
    many = [{"sha256": f"{i:064x}", "filename": f"{i}.png", "mime": "image/png", "size": 10}
            for i in range(att.MAX_FILES + 1)]
    with pytest.raises(ValidationError) as caught:
        intake.submit(filled(attachments=[{**m, "path": str(big)} for m in many]))
    assert "Maksimal" in caught.value.errors["attachments"]


def test_draft_kept_until_submit_removes_it(intake, store):
    form = filled(title="Draf belum selesai")
    intake.save_draft(form)
    assert intake.load_draft() == form
    intake.submit(form)
    assert store.get_draft(*DRAFT_KEY) is None


def test_duplicate_hints(intake, store):
    first = intake.submit(filled())
    # Same NIK (typed with spaces), other title.
    by_nik = intake.duplicates(filled(title="Jalan berlubang",
                                      reporter={"nik": "6371 0141 0190 0001"}))
    assert [(h.complaint_id, h.reasons) for h in by_nik] == [(first.complaint_id, ("nik",))]
    # Same phone in another spelling.
    by_phone = intake.duplicates(filled(title="Lain hal", reporter={"phone": "+62 812-3456-7890"}))
    assert [h.reasons for h in by_phone] == [("phone",)]
    # A similar title, no identity.
    similar = intake.duplicates(filled(unidentified=True,
                                       title="Antrean obat Puskesmas Pekauman lama sekali"))
    assert [h.reasons for h in similar] == [("title",)]
    assert similar[0].number == first.provisional_number
    # Unrelated: nothing.
    assert intake.duplicates(filled(unidentified=True,
                                    title="Lampu jalan padam di Kayu Tangi")) == []


def test_duplicate_hints_skip_closed_and_anonymous_identity(intake, store):
    anon = intake.submit(filled(anonymous=True, title="Pungutan liar di kantor kelurahan"))
    hints = intake.duplicates(filled(title="Sesuatu yang lain sama sekali"))
    assert hints == [], "an anonymous complaint must not be matched on identity"
    store.upsert_snapshots([{**store.complaint(anon.complaint_id), "status": "selesai"}])
    assert intake.duplicates(filled(unidentified=True,
                                    title="Pungutan liar di kantor kelurahan")) == []


@need_pdftotext
@pytest.mark.parametrize("layout", ["half", "a4", "thermal80"])
def test_receipt_pdf(intake, store, tmp_path, layout):
    created = intake.submit(filled())
    doc = intake.receipt(created.provisional_number, layout)
    assert doc.provisional and doc.number == created.provisional_number
    path = tmp_path / "r.pdf"
    path.write_bytes(doc.pdf)
    text = " ".join(pdf_text(path).split())
    for needle in (created.provisional_number, "Siti Rahmah", "TANDA TERIMA PENGADUAN",
                   "DINAS KESEHATAN", "3 hari kerja", "5 hari kerja", "Rina Marlina",
                   "Antrean obat di Puskesmas Pekauman"):
        assert needle in text, needle


@need_pdftotext
def test_receipt_of_anonymous_complaint_hides_name(intake, tmp_path):
    created = intake.submit(filled(anonymous=True))
    path = tmp_path / "r.pdf"
    path.write_bytes(intake.receipt(created.complaint_id).pdf)
    text = pdf_text(path)
    assert "Anonim" in text and "Siti" not in text


def test_receipt_of_unknown_number(intake):
    with pytest.raises(Exception) as caught:  # noqa: B017 - the letters' LetterError
        intake.receipt("L-D1-20261128-9999")
    assert caught.value.code == "not_found" and "tidak ditemukan" in caught.value.message
    assert intake.find("L-D1-20261128-9999") is None
