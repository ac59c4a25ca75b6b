"""The letter archive on one desk: agenda numbers, one-transaction issue, void, reprint,
lookup, settings and the headless ``lapor-desk letter`` (real SQLite files, real PDFs)."""

from __future__ import annotations

import hashlib
import os
import stat
import uuid
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from core import WITA, Actor, Role
from core.qr_payload import make_qr_payload
from desktop import cli
from desktop.letters import verify_qr_payload
from desktop.printing import (
    AgendaFormat,
    IssueOptions,
    LetterError,
    archive,
    find_complaint,
    issue_letter,
    letters_for,
    reprint_bytes,
    void_letter,
)
from desktop.printing import agenda as ag
from desktop.printing import qr_key as qk
from desktop.printing import settings as ls
from desktop.printing.reserve import years_needed
from desktop.store import DeskService
from desktop.store import rows as rw

from .clocks import office_time
from .test_letters_pdftools import page_sizes, text
from .test_letters_pdftools import words as pdf_words

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks

NOW = datetime(2026, 11, 23, 10, 15, tzinfo=WITA)
LEADER = Actor(username="dinkes.pimpinan", role=Role.pimpinan, agency="DINKES", units=(),
               full_name="dr. H. Ahmad Fauzan")
ADMIN = Actor(username="dinkes.admin", role=Role.admin_instansi, agency="DINKES", units=(),
              full_name="Rina Marlina")


def _add_block(service: DeskService, start: int, end: int, year: int = 2026,
               agency: str = "DINKES") -> None:
    with service.transaction() as conn:
        ag.add_block(rw.raw(conn), block_id=str(uuid.uuid4()), agency=agency, year=year,
                     start=start, end=end, reserved_at=NOW.isoformat())


def _complaint(service: DeskService, *, tracking: int | None = 1916449,
               provisional: str = "L-D1-20261120-0007", anonymous: bool = False) -> str:
    cid = str(uuid.uuid4())
    service.apply_local_op(None, "create", {
        "id": cid, "title": "Antrean obat di Puskesmas Pekauman mengular sampai siang",
        "content": "Sejak awal November antrean di loket obat baru bergerak setelah pukul 10.",
        "classification": "pengaduan", "channel": "loket", "agency_code": "DINKES",
        "tracking_number": tracking, "provisional_number": provisional,
        "anonymous": anonymous, "reporter": {"name": "Siti Rahmah"},
    }, ADMIN, now=NOW)
    service.apply_local_op(cid, "verify", {}, ADMIN, now=NOW)
    service.apply_local_op(cid, "dispose", {"unit_codes": ["YANKES"], "sifat": "segera",
                                            "instructions": ["Proses lebih lanjut"],
                                            "note": "Laporkan hasilnya."}, LEADER, now=NOW)
    return cid


@pytest.fixture(autouse=True)
def _at_now():
    """Commands and defaults (the letter CLI, agenda years) on the module's NOW."""
    with office_time(NOW):
        yield


SIGNER = ls.SignerEntry(id="kadinkes", jabatan="KEPALA DINAS KESEHATAN PROVINSI KALIMANTAN "
                        "SELATAN", name="dr. H. Ahmad Fauzan, M.Kes.",
                        pangkat="Pembina Utama Muda (IV/c)", nip="197001011995031002")


def complete_kop(**changes: object) -> ls.LetterSettings:
    """Kop Surat settings an officer saved in full (issuing refuses anything less)."""
    kop = ls.LetterSettings(
        agency_code="DINKES",
        header_lines=("PEMERINTAH PROVINSI KALIMANTAN SELATAN", "DINAS KESEHATAN"),
        address="Jalan Belitung Darat No. 118, Banjarmasin 70116",
        phone_fax="Telepon (0511) 3355 661", signers=(SIGNER,), default_signer=SIGNER.id)
    return replace(kop, **changes)


def desk_for(folder: Path, *, kop: bool = True) -> DeskService:
    """A Dinkes leader's desk in ``folder`` (the ``desk`` fixture; other modules too), with
    complete Kop Surat settings unless ``kop`` is False."""
    service = DeskService(folder)
    service.merge_reference(
        agencies=[{"code": "DINKES", "name": "Dinas Kesehatan Provinsi Kalimantan Selatan"}],
        units=[{"agency_code": "DINKES", "code": "YANKES",
                "name": "Bidang Pelayanan Kesehatan"}])
    service.set_actor(LEADER)
    service.set_setting("desk_id", "D1")
    if kop:
        ls.save(service, complete_kop())
    return service


@pytest.fixture
def desk(tmp_path: Path):
    service = desk_for(tmp_path / "desk")
    yield service
    service.close()


def _letter_rows(service: DeskService) -> int:
    with service.reading() as conn:
        return rw.raw(conn).execute("SELECT count(*) FROM letters").fetchone()[0]


# --- agenda format -------------------------------------------------------------------------

def test_agenda_format_prints_and_parses_the_number():
    fmt = AgendaFormat()
    text = fmt.format(45, "DINKES", date(2026, 11, 3))
    assert text == "045/DISP/DINKES/XI/2026"
    assert fmt.parse(text) == (45, 2026)
    assert fmt.parse("045/DISP/DINKES/XI") is None
    custom = AgendaFormat("{agency}-{year}/{month}/{seq:05d}")
    assert custom.format(7, "DISHUB", date(2027, 1, 9)) == "DISHUB-2027/01/00007"
    assert custom.parse("DISHUB-2027/01/00007") == (7, 2027)
    for bad, words in (("{seq}/DISP", "{year}"), ("{nomor}/{seq}/{year}", "tidak dikenal"),
                       ("{seq/{year}", "tidak valid"), ("", "wajib")):
        with pytest.raises(ValueError, match=words):
            AgendaFormat(bad)


def test_years_needed_reaches_into_next_year_late_in_december():
    assert years_needed(date(2026, 11, 30)) == [2026]
    assert years_needed(date(2026, 12, 20)) == [2026, 2027]


# --- issuing -------------------------------------------------------------------------------

def test_issue_archives_the_exact_bytes_and_queues_two_ops(desk):
    cid = _complaint(desk)
    _add_block(desk, 45, 46)
    record = issue_letter(desk, cid, options=IssueOptions(paper="f4"), now=NOW)
    assert record.agenda_number == "045/DISP/DINKES/XI/2026"
    sealed = archive.archive_path(desk, record.sha256).read_bytes()
    assert b"%PDF-" not in sealed  # kept sealed with the desk key (desktop/store/sealed.py)
    data = desk.files.open(sealed)
    assert data.startswith(b"%PDF-") and hashlib.sha256(data).hexdigest() == record.sha256
    assert reprint_bytes(desk, record.letter_id) == data
    ops = [o for o in desk.outbox() if o["kind"] in ("letter_issued", "attach")]
    assert [o["kind"] for o in ops] == ["letter_issued", "attach"]
    issued, attach = ops[0]["payload"], ops[1]["payload"]
    assert issued["agenda_number"] == 45 and issued["agenda_year"] == 2026
    assert issued["letter_id"] == record.letter_id and issued["sha256"] == record.sha256
    assert attach["sha256"] == record.sha256 and attach["mime"] == "application/pdf"
    assert ops[1]["op_id"] == archive.file_op_id(record.letter_id)
    snap = desk.complaint(cid)
    assert snap["timeline"][-2]["data"]["agenda_number"] == "45"
    assert snap["attachments"][-1]["filename"] == "Lembar-Disposisi-045-DISP-DINKES-XI-2026.pdf"
    # The same letter id again (a double click, a retry) issues nothing new.
    again = issue_letter(desk, cid, options=IssueOptions(letter_id=record.letter_id), now=NOW)
    assert again == record and len(desk.outbox()) == len(ops) + 3


def test_one_complaint_has_one_agenda_number_on_every_paper(desk, tmp_path):
    """Issue 15.1: complaint 2000255 printed on A4, F4 and half folio got 001, 002 and 003.
    One letter, one number: another paper is the same letter (its own archived copy)."""
    cid = _complaint(desk, tracking=2000255)
    _add_block(desk, 1, 5)
    records = {paper: issue_letter(desk, cid, options=IssueOptions(paper=paper), now=NOW)
               for paper in ("a4", "f4", "half")}
    assert {r.agenda_number for r in records.values()} == {"001/DISP/DINKES/XI/2026"}
    assert {r.letter_id for r in records.values()} == {records["a4"].letter_id}
    assert _letter_rows(desk) == 1
    assert [o["kind"] for o in desk.outbox()].count("letter_issued") == 1
    assert [r.agenda_seq for r in letters_for(desk, cid)] == [1]
    sizes = {}
    for paper, record in records.items():
        assert record.paper == paper
        path = tmp_path / f"{paper}.pdf"
        path.write_bytes(archive.read_archived(desk, record))
        sizes[paper] = page_sizes(path)[0]
        assert "001/DISP/DINKES/XI/2026" in text(path)
    assert len(set(sizes.values())) == 3
    # Every copy reprints byte for byte, and asking again takes no number.
    again = issue_letter(desk, cid, options=IssueOptions(paper="half"), now=NOW)
    assert archive.read_archived(desk, again) == archive.read_archived(desk, records["half"])
    assert archive.agenda_status(desk, "DINKES", 2026)["free"] == 4
    # A new number needs the old one voided first.
    void_letter(desk, records["a4"].letter_id, "Salah unit tujuan", now=NOW)
    fresh = issue_letter(desk, cid, options=IssueOptions(paper="f4"), now=NOW)
    assert fresh.agenda_number == "002/DISP/DINKES/XI/2026"
    assert [(r.agenda_seq, r.voided) for r in letters_for(desk, cid)] == [(1, True), (2, False)]


def test_each_number_is_used_once_and_none_is_made_up(desk):
    cids = [_complaint(desk, tracking=1916449 + i, provisional=f"L-D1-20261120-000{i}")
            for i in range(4)]
    cid = cids[3]
    _add_block(desk, 1, 2)
    _add_block(desk, 10, 10)
    numbers = [issue_letter(desk, c, now=NOW).agenda_seq for c in cids[:3]]
    assert numbers == [1, 2, 10]
    with pytest.raises(LetterError) as exc:
        issue_letter(desk, cid, now=NOW)
    assert exc.value.code == "no_agenda_numbers"
    assert "sinkronkan" in exc.value.message and "Tidak ada surat" in exc.value.message
    assert _letter_rows(desk) == 3
    # A block for another year does not help this year's letters.
    _add_block(desk, 1, 5, year=2027)
    with pytest.raises(LetterError):
        issue_letter(desk, cid, now=NOW)


def test_a_failure_at_any_step_uses_no_number_and_writes_nothing(desk, monkeypatch):
    cid = _complaint(desk)
    _add_block(desk, 7, 8)
    before = len(desk.outbox())
    version = desk.complaint(cid)["version"]

    import desktop.letters.disposition as disposition

    def broken_render(*_a, **_k):
        raise RuntimeError("printer font missing")

    monkeypatch.setattr(disposition, "render_disposition", broken_render)
    with pytest.raises(RuntimeError):
        issue_letter(desk, cid, now=NOW)
    monkeypatch.undo()

    real_apply = desk.apply_local_op
    calls = []

    def crash_on_attach(complaint_id, kind, *args, **kwargs):
        calls.append(kind)
        if kind == "attach":
            raise OSError("disk full")
        return real_apply(complaint_id, kind, *args, **kwargs)

    monkeypatch.setattr(desk, "apply_local_op", crash_on_attach)
    with pytest.raises(OSError):
        issue_letter(desk, cid, now=NOW)
    monkeypatch.undo()
    assert calls == ["letter_issued", "attach"]
    assert len(desk.outbox()) == before and desk.complaint(cid)["version"] == version
    assert _letter_rows(desk) == 0
    assert issue_letter(desk, cid, now=NOW).agenda_seq == 7  # still the first number


def test_void_keeps_the_number_and_records_the_reason(desk):
    cid = _complaint(desk)
    _add_block(desk, 1, 3)
    first = issue_letter(desk, cid, now=NOW)
    with pytest.raises(LetterError, match="alasan"):
        void_letter(desk, first.letter_id, "  ")
    voided = void_letter(desk, first.letter_id, "Salah unit tujuan", now=NOW)
    assert voided.voided and voided.void_reason == "Salah unit tujuan"
    assert voided.void_sync_state == "pending"
    with pytest.raises(LetterError) as twice:
        void_letter(desk, first.letter_id, "Salah unit tujuan")
    assert twice.value.code == "already_voided"
    op = desk.outbox()[-1]
    assert op["kind"] == "letter_voided" and op["payload"] == {
        "letter_id": first.letter_id, "reason": "Salah unit tujuan", "agenda_number": 1,
        "agenda_year": 2026}
    event = desk.complaint(cid)["timeline"][-1]
    assert event["kind"] == "letter_voided" and event["note"] == "Salah unit tujuan"
    second = issue_letter(desk, cid, now=NOW)
    assert second.agenda_seq == 2  # the voided number is never given again
    # The voided letter is still reprintable (e.g. for the file), byte for byte.
    assert hashlib.sha256(reprint_bytes(desk, first.letter_id)).hexdigest() == first.sha256
    states = [(r.agenda_seq, r.voided) for r in letters_for(desk, cid)]
    assert states == [(1, True), (2, False)]


def test_a_damaged_archive_is_never_printed(desk):
    cid = _complaint(desk)
    _add_block(desk, 1, 1)
    record = issue_letter(desk, cid, now=NOW)
    path = archive.archive_path(desk, record.sha256)
    original = path.read_bytes()
    path.write_bytes(desk.files.seal(desk.files.open(original).replace(b"Lembar", b"LEMBAR", 1)))
    with pytest.raises(LetterError) as exc:
        reprint_bytes(desk, record.letter_id)
    assert exc.value.code == "archive_corrupt"
    path.write_bytes(original[:-1] + bytes([original[-1] ^ 1]))  # the sealed bytes altered
    with pytest.raises(LetterError) as exc:
        reprint_bytes(desk, record.letter_id)
    assert exc.value.code == "archive_corrupt"
    path.unlink()
    with pytest.raises(LetterError) as gone:
        reprint_bytes(desk, record.letter_id)
    assert gone.value.code == "archive_missing" and "sinkronkan" in gone.value.message


def test_an_incomplete_kop_is_refused_and_says_what_is_missing(tmp_path):
    """Issue 15.3: with no Kop Surat saved, letters went out with no address or phone, the
    jabatan "KEPALA DINKES KALSEL," and "-" for pangkat."""
    service = desk_for(tmp_path / "bare", kop=False)
    try:
        service.set_sync_state("directory_users", {"dinkes.pimpinan": {
            "username": "dinkes.pimpinan", "role": "pimpinan", "agency": "DINKES",
            "full_name": "dr. H. Ahmad Fauzan", "jabatan": "Kepala Dinkes Kalsel", "nip": ""}})
        cid = _complaint(service)
        _add_block(service, 1, 3)
        with pytest.raises(LetterError) as exc:
            issue_letter(service, cid, now=NOW)
        message = exc.value.message
        assert exc.value.code == "profile_missing", message
        for words_ in ("alamat kantor", "NIP penanda tangan", "jabatan penanda tangan",
                       "KEPALA DINKES KALSEL", "Pengaturan \u203a Kop Surat"):
            assert words_ in message, message
        assert "nama penanda tangan" not in message  # the name is there
        assert _letter_rows(service) == 0
        assert archive.agenda_status(service, "DINKES", 2026)["free"] == 3
        no_signer = complete_kop(signers=(), default_signer=None)
        with pytest.raises(LetterError, match="penanda tangan"):
            issue_letter(service, cid, now=NOW, settings=no_signer)
        # Complete, with no pangkat: the line is left out, never printed as "-".
        ls.save(service, complete_kop(signers=(replace(SIGNER, pangkat=""),)))
        record = issue_letter(service, cid, now=NOW)
        path = tmp_path / "sheet.pdf"
        path.write_bytes(archive.read_archived(service, record))
    finally:
        service.close()
    page = pdf_words(path)[0].words
    name = next(w for w in page if w.text == "Fauzan,")
    nip = next(w for w in page if w.text == "NIP." and w.y0 > name.y1)
    between = [w.text for w in page if name.y1 < w.y0 < nip.y0 and w.x0 > name.x0 - 60]
    assert between == [], between
    assert "Jalan Belitung Darat" in text(path)


def test_only_leaders_of_the_configured_agency_issue(desk):
    cid = _complaint(desk)
    _add_block(desk, 1, 5)
    clerk = Actor(username="dinkes.loket", role=Role.loket, agency="DINKES", units=(),
                  full_name="Petugas")
    with pytest.raises(LetterError) as exc:
        issue_letter(desk, cid, clerk, now=NOW)
    assert exc.value.code == "forbidden"
    other = Actor(username="dishub.pimpinan", role=Role.pimpinan, agency="DISHUB", units=(),
                  full_name="Kepala")
    with pytest.raises(LetterError) as mismatch:
        issue_letter(desk, cid, other, now=NOW)
    assert mismatch.value.code == "profile_mismatch"
    assert _letter_rows(desk) == 0


def test_the_sheet_carries_a_qr_signed_with_the_agency_key(desk):
    cid = _complaint(desk)
    _add_block(desk, 9, 9)
    key = qk.QrKey(b"k" * 32, "server:v1")
    qk.save(Path(desk.data_dir), "DINKES", key)
    record = issue_letter(desk, cid, now=NOW)
    assert record.qr_key_id == "server:v1"
    payload = make_qr_payload("DINKES", record.agenda_number, "1916449", key.key)
    assert verify_qr_payload(payload, key.key)
    folder = Path(desk.data_dir) / qk.SECRETS_DIR
    mode = stat.S_IMODE(os.stat(folder / "qr-DINKES.json").st_mode)
    assert mode == 0o600 and repr(key) == "QrKey(key_id='server:v1')"
    assert qk.from_server("c2hvcnQ=", "v1") is None  # too short to be a key


# --- lookup and settings -----------------------------------------------------------------

def test_find_complaint_by_tracking_provisional_or_id(desk):
    cid = _complaint(desk)
    for key in ("1916449", "#1916449", " l-d1-20261120-0007 ", cid):
        assert find_complaint(desk, key)["id"] == cid
    with pytest.raises(LetterError) as exc:
        find_complaint(desk, "9999999")
    assert exc.value.code == "not_found" and "tidak ditemukan" in exc.value.message


def test_settings_round_trip_validate_and_keep_the_emblem(desk, tmp_path):
    desk.set_setting(ls.SETTINGS_KEY, None)  # never saved: the defaults
    settings = ls.load(desk)
    assert settings.header_lines == ("PEMERINTAH PROVINSI KALIMANTAN SELATAN",
                                     "DINAS KESEHATAN")
    assert not settings.configured and settings.errors() == {}
    png = tmp_path / "lambang.png"
    from desktop.paths import resource

    png.write_bytes(resource("letterhead", "emblem-placeholder.png").read_bytes())
    name = ls.import_emblem(Path(desk.data_dir), png)
    signer = ls.SignerEntry.new(jabatan="KEPALA DINAS", name="dr. Ahmad", nip="197001011995031002")
    edited = ls.LetterSettings(
        agency_code="DINKES", header_lines=("PEMERINTAH PROVINSI", "DINAS KESEHATAN"),
        emblem_file=name, signers=(signer,), default_signer=signer.id, paper="half",
        agenda_format="{seq:04d}/{agency}/{year}")
    saved = ls.save(desk, edited)
    loaded = ls.load(desk)
    assert loaded == saved and loaded.configured
    assert loaded.emblem_path(Path(desk.data_dir)).read_bytes() == png.read_bytes()
    assert loaded.signer().name == "dr. Ahmad"
    bad = ls.LetterSettings(agency_code="DINKES", header_lines=(), paper="letter",
                            signers=(ls.SignerEntry.new(name="x", jabatan="y", nip="123"),))
    with pytest.raises(ls.SettingsInvalid) as exc:
        ls.save(desk, bad)
    assert set(exc.value.errors) == {"header_lines", "paper", "signers.1"}
    text = tmp_path / "not-an-image.png"
    text.write_text("hello")
    with pytest.raises(ValueError, match="PNG atau JPEG"):
        ls.import_emblem(Path(desk.data_dir), text)


# --- headless ------------------------------------------------------------------------------

def test_cli_issues_once_then_reprints_the_same_bytes(desk, tmp_path, capsys):
    cid = _complaint(desk)
    _add_block(desk, 3, 4)
    data_dir = str(desk.data_dir)
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert cli.main(["--data-dir", data_dir, "letter", "#1916449", "--out", str(first),
                     "--paper", "half"]) == 0
    assert "Diterbitkan" in capsys.readouterr().out
    ops = len(desk.outbox())
    assert cli.main(["--data-dir", data_dir, "letter", "L-D1-20261120-0007", "--out",
                     str(second), "--paper", "half"]) == 0
    assert "Cetak ulang" in capsys.readouterr().out
    assert first.read_bytes() == second.read_bytes() and len(desk.outbox()) == ops
    # Another paper is the same letter with the same number (issue 15.1), not the next one.
    third = tmp_path / "c.pdf"
    assert cli.main(["--data-dir", data_dir, "letter", cid, "--out", str(third)]) == 0
    out = capsys.readouterr().out
    assert "Cetak ulang" in out and "003/DISP/DINKES" in out and "KERTAS F4" in out.upper()
    assert third.read_bytes() != first.read_bytes() and _letter_rows(desk) == 1
    # The F4 copy is archived (one attach op, no second letter) and reprints byte for byte.
    assert [o["kind"] for o in desk.outbox()[ops:]] == ["attach"]
    fourth = tmp_path / "d.pdf"
    assert cli.main(["--data-dir", data_dir, "letter", cid, "--out", str(fourth)]) == 0
    assert "003/DISP/DINKES" in capsys.readouterr().out
    assert fourth.read_bytes() == third.read_bytes() and len(desk.outbox()) == ops + 1
    assert cli.main(["--data-dir", data_dir, "letter", "123", "--out", str(third)]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err
    desk.set_actor(None)
    assert cli.main(["--data-dir", data_dir, "letter", cid, "--out",
                     str(tmp_path / "d.pdf")]) == 4
    assert "Belum ada petugas" in capsys.readouterr().err


def test_reserve_hook_skips_desks_that_do_not_issue_letters(desk):
    from desktop.printing import ensure_agenda_numbers

    clerk = Actor(username="dinkes.loket", role=Role.loket, agency="DINKES", units=(),
                  full_name="Petugas")
    desk.set_actor(clerk)
    assert ensure_agenda_numbers(desk, client=None).skipped == "role"
    desk.set_actor(None)
    assert ensure_agenda_numbers(desk, client=None).skipped == "not_signed_in"
