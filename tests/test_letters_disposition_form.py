"""Lembar Disposisi layout and fields (issue 15, items 4 and 5), read back from the PDF.

4. A long Catatan never leaves the signature alone on a page; its write-in lines go once the
   note fills them. "Cetak isi pengaduan" keeps the form on its page and prints the text
   after the signature as "Lampiran: Isi Pengaduan".
5. A complaint not disposed yet gets ruled space for a handwritten disposition (never the
   verification deadline as "(5 hari kerja)", never "-"); Sifat in two rows, Kecepatan and
   Keamanan; the disposition date; a deadline that counts its own working days (Sangat
   Segera has the shorter one); no "Meja -" in a footer; write-in lines on half folio too.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.letters import Receipt, render_disposition, render_receipt
from desktop.letters.paper import MM
from desktop.letters.paper import PAPERS as PAPER_SIZES
from desktop.letters.samples import WITA, sample_profile, sample_sheet
from desktop.printing import IssueOptions, archive, issue_letter, preview_letter
from desktop.store import DeskService

from .clocks import office_time
from .test_letters_pdftools import (
    assert_in_order,
    box_ink_left_of,
    flat,
    need_tools,
    page_sizes,
    text,
    words,
    write,
)
from .test_printing_archive import ADMIN, LEADER, NOW, _add_block, desk_for

pytestmark = need_tools
PAPERS = ("a4", "f4", "half")
FILLER = ("Mohon dikoordinasikan dengan kepala puskesmas, periksa jadwal apoteker, dan "
          "laporkan hasil peninjauan lapangan kepada kami paling lambat akhir pekan. ") * 40
ISI = " ".join(f"Kalimat isi nomor {i} tentang antrean obat yang panjang di loket puskesmas."
               for i in range(130))  # about 9,500 characters


def dotted_lines(path: Path, page: int) -> int:
    """Write-in lines on ``page``: each DottedLine sets the dash pattern ``[1 2]``."""
    data = PdfReader(io.BytesIO(path.read_bytes())).pages[page - 1].get_contents().get_data()
    return data.count(b"[1 2] 0 d")


def page_of(path: Path, word: str) -> int:
    for number, page in enumerate(words(path), start=1):
        if any(w.text == word for w in page.words):
            return number
    raise AssertionError(f"{word!r} not in the PDF")


def in_row(path: Path, label: str, word: str, n: int = 0):
    """The ``n``-th ``word`` right of ``label`` on its line (page 1), left to right."""
    ws = words(path)[0].words
    head = next(w for w in ws if w.text == label)
    found = sorted((w for w in ws if w.text == word and abs(w.y0 - head.y0) < 2
                    and w.x0 > head.x1), key=lambda w: w.x0)
    assert len(found) > n, (label, word, found)
    return found[n]


def note_sheet(length: int):
    s = sample_sheet()
    note = FILLER[:length - len(" AKHIRCATATAN")].rstrip() + " AKHIRCATATAN"
    return replace(s, disposition=replace(s.disposition, note=note))


@pytest.fixture(autouse=True)
def _at_now():
    with office_time(NOW):
        yield


# --- item 4: layout ------------------------------------------------------------------------

@pytest.mark.parametrize("paper", PAPERS)
def test_a_long_note_keeps_its_last_rows_with_the_signature(tmp_path: Path, paper: str) -> None:
    """Issue 15.4: a 1,191-character catatan pushed the signature block alone onto page 2
    with 30 mm free on page 1. Every length: the note's end shares the signature's page."""
    for length in [1191, *range(500, 2600, 150)]:
        path = write(tmp_path, f"note-{paper}-{length}", render_disposition(
            note_sheet(length), paper))
        sign = page_of(path, "NIP.")
        assert page_of(path, "AKHIRCATATAN") == sign, (paper, length)
        assert "Batas" in [w.text for w in words(path)[sign - 1].words]
        if length >= 900:  # the note fills the write-in lines: none are drawn
            pages = len(page_sizes(path))
            assert sum(dotted_lines(path, p) for p in range(1, pages + 1)) == 1, length
    # The issue's sheet itself fits one A4 page once its write-in lines go.
    one = write(tmp_path, "note-1191", render_disposition(note_sheet(1191), "a4"))
    assert len(page_sizes(one)) == 1


@pytest.mark.parametrize("paper", PAPERS)
def test_the_complaint_text_follows_the_signature_as_lampiran(tmp_path: Path,
                                                              paper: str) -> None:
    """Issue 15.4: "Cetak isi pengaduan" put a 9.5k-character isi inside Perihal and pushed
    Diteruskan kepada to page 3. The form stays on page 1; the isi follows as a section."""
    sheet = replace(sample_sheet(), summary=ISI)
    assert len(ISI) > 9000
    path = write(tmp_path, f"isi-{paper}", render_disposition(sheet, paper))
    first = flat(text(path, 1))
    for label in ("Perihal", "Diteruskan kepada Sdr.:", "Dengan hormat harap:", "Catatan",
                  "Batas waktu", "NIP. 19700101 199503 1 002"):
        assert label in first, (paper, label)
    assert "Kalimat isi nomor 0 " not in first  # nothing of the isi on the form's page
    assert "Isi pengaduan: lihat lampiran." in first
    pages = len(page_sizes(path))
    assert pages >= 2 and page_of(path, "Lampiran:") == 2
    rest = " ".join(flat(text(path, n)) for n in range(2, pages + 1))
    assert rest.count("Lampiran: Isi Pengaduan") == 1
    assert_in_order(rest, ["Lampiran: Isi Pengaduan", "No. Laporan 1916449",
                           *(f"Kalimat isi nomor {i} " for i in range(130))])


def test_a_short_complaint_text_stays_on_the_form_page(tmp_path: Path) -> None:
    sheet = replace(sample_sheet(), summary="Antrean obat mengular sampai siang.")
    path = write(tmp_path, "short-isi", render_disposition(sheet, "a4"))
    assert len(page_sizes(path)) == 1
    assert_in_order(flat(text(path)), ["Perihal", "Isi pengaduan: lihat lampiran.", "NIP.",
                                       "Lampiran: Isi Pengaduan",
                                       "Antrean obat mengular sampai siang."])


# --- item 5: fields ------------------------------------------------------------------------

@pytest.fixture
def desk(tmp_path: Path):
    service = desk_for(tmp_path / "desk")
    yield service
    service.close()


def _undisposed(service: DeskService) -> str:
    cid = "6f1c2b8e-0000-4000-8000-0000000000aa"
    service.apply_local_op(None, "create", {
        "id": cid, "title": "Jalan berlubang di depan puskesmas", "content": "Mohon diperbaiki.",
        "classification": "pengaduan", "channel": "loket", "agency_code": "DINKES",
        "tracking_number": 1916500, "reporter": {"name": "Siti Rahmah"},
    }, ADMIN, now=NOW)
    return cid


@pytest.mark.parametrize("paper", PAPERS)
def test_an_undisposed_complaint_leaves_room_to_write_the_disposition(
        desk: DeskService, tmp_path: Path, paper: str) -> None:
    """Issue 15.5: the verification deadline (3 days) printed as "(5 hari kerja)", and "-"
    under Diteruskan and Catatan, where the leader should write the disposition by hand."""
    cid = _undisposed(desk)
    verification_due = desk.complaint(cid)["due_date"]  # 3 working days after receipt
    path = tmp_path / f"undisposed-{paper}.pdf"
    path.write_bytes(preview_letter(desk, cid, options=IssueOptions(paper=paper), now=NOW))
    t = text(path)
    assert len(page_sizes(path)) == 1
    assert "hari kerja" not in t
    day = int(verification_due[8:])
    assert not re.search(rf"\b{day} November 2026", t.split("Diterima tanggal")[1]
                         .split("No. Agenda")[1])  # no deadline, no disposition date
    for label in ("Catatan", "Batas waktu", "Tgl. Disposisi"):
        assert not re.search(rf"{re.escape(label)}\s+:\s+-(\s|$)", t), label
    assert_in_order(flat(t), ["Diteruskan kepada Sdr.:", "1.", "2.", "3.", "Catatan"])
    # Lines to write on: 3 units, 1 free instruction, the note, the date, the deadline.
    assert dotted_lines(path, 1) >= 3 + 1 + 1 + 2
    # No Kecepatan ticked (Biasa is only the default); Keamanan Biasa is.
    box = 4.5 * MM * PAPER_SIZES[paper].scale
    speed = [box_ink_left_of(path, in_row(path, "Kecepatan", "Sangat"), box),
             box_ink_left_of(path, in_row(path, "Kecepatan", "Segera", 1), box),
             box_ink_left_of(path, in_row(path, "Kecepatan", "Biasa"), box)]
    secret_biasa = box_ink_left_of(path, in_row(path, "Keamanan", "Biasa"), box)
    assert secret_biasa > 1.4 * max(speed), (speed, secret_biasa)


def test_a_sangat_segera_disposition_prints_its_own_deadline_and_date(desk: DeskService,
                                                                      tmp_path: Path) -> None:
    """The deadline's "(n hari kerja)" counts the disposition's own working days (2 for
    Sangat Segera, the days to a date set by hand) and the disposition date is printed."""
    cid = _undisposed(desk)
    desk.apply_local_op(cid, "verify", {}, ADMIN, now=NOW)
    desk.apply_local_op(cid, "dispose", {"unit_codes": ["YANKES"], "sifat": "sangat_segera"},
                        LEADER, now=NOW)  # Monday 23 November 2026
    assert desk.complaint(cid)["due_date"] == "2026-11-25"
    _add_block(desk, 45, 46)
    record = issue_letter(desk, cid, options=IssueOptions(paper="a4"), now=NOW)
    path = tmp_path / "urgent.pdf"
    path.write_bytes(desk.files.read_file(archive.archive_path(desk, record.sha256)))
    t = text(path)
    assert re.search(r"Batas waktu\s+:\s+25 November 2026 \(2 hari kerja\)", t)
    assert re.search(r"Tgl\. Disposisi\s+:\s+23 November 2026", t)
    # By hand: Friday 4 December is 9 working days after Monday 23 November.
    other = _undisposed_second(desk)
    desk.apply_local_op(other, "dispose", {"unit_codes": ["YANKES"], "due_date": "2026-12-04"},
                        LEADER, now=NOW)
    draft = tmp_path / "by-hand.pdf"
    draft.write_bytes(preview_letter(desk, other, now=NOW))
    assert re.search(r"Batas waktu\s+:\s+4 Desember 2026 \(9 hari kerja\)", text(draft))


def _undisposed_second(service: DeskService) -> str:
    cid = "6f1c2b8e-0000-4000-8000-0000000000bb"
    service.apply_local_op(None, "create", {
        "id": cid, "title": "Lampu jalan padam", "content": "Sudah seminggu.",
        "classification": "pengaduan", "channel": "loket", "agency_code": "DINKES",
        "tracking_number": 1916501, "reporter": {"name": "Budi"},
    }, ADMIN, now=NOW)
    return cid


@pytest.mark.parametrize("confidential", [False, True])
def test_sifat_is_two_rows_kecepatan_and_keamanan(tmp_path: Path, confidential: bool) -> None:
    path = write(tmp_path, f"sifat-{confidential}", render_disposition(
        sample_sheet(confidential=confidential), "a4"))
    t = flat(text(path))
    assert_in_order(t, ["Sifat", "Kecepatan", "Sangat Segera", "Segera", "Biasa",
                        "Keamanan", "Rahasia", "Biasa", "Perihal"])
    box = 4.5 * MM
    segera = box_ink_left_of(path, in_row(path, "Kecepatan", "Segera", 1), box)  # chosen
    sangat = box_ink_left_of(path, in_row(path, "Kecepatan", "Sangat"), box)
    rahasia = box_ink_left_of(path, in_row(path, "Keamanan", "Rahasia"), box)
    biasa = box_ink_left_of(path, in_row(path, "Keamanan", "Biasa"), box)
    assert segera > 1.4 * sangat
    ticked, empty = (rahasia, biasa) if confidential else (biasa, rahasia)
    assert ticked > 1.4 * empty, (ticked, empty)


def test_a_footer_names_the_desk_or_leaves_it_out(tmp_path: Path) -> None:
    """"Meja -" said nothing: with no desk id the footer omits it (receipts too)."""
    sheet = replace(sample_sheet(), desk_id="")
    t = flat(text(write(tmp_path, "no-desk", render_disposition(sheet, "a4"))))
    assert "Dicetak 23 November 2026 10.15 WITA" in t and "Meja" not in t
    assert "Meja D1" in flat(text(write(tmp_path, "desk", render_disposition(sample_sheet()))))
    receipt = Receipt(profile=sample_profile(), number="L-D1-20261120-0007", provisional=True,
                      printed_at=datetime(2026, 11, 20, 9, 14, tzinfo=WITA))
    for layout in ("a4", "half", "thermal80"):
        rt = flat(text(write(tmp_path, f"receipt-{layout}", render_receipt(receipt, layout))))
        assert "Dicetak 20 November 2026" in rt and "Meja" not in rt, layout


def test_half_folio_has_write_in_lines_too(tmp_path: Path) -> None:
    path = write(tmp_path, "half", render_disposition(sample_sheet(), "half"))
    assert len(page_sizes(path)) == 1
    assert dotted_lines(path, 1) >= 2  # the free instruction line and one under Catatan
    empty = replace(sample_sheet(), disposition=replace(sample_sheet().disposition, note=""))
    path = write(tmp_path, "half-empty", render_disposition(empty, "half"))
    assert not re.search(r"Catatan\s+:\s+-", text(path))
    assert dotted_lines(path, 1) >= 3
