"""Lembar Disposisi PDFs, read back with qpdf and poppler (real files, real tools)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.letters import (
    AgencyProfile,
    DispositionSheet,
    Signer,
    render_disposition,
)
from desktop.letters.paper import MM, PAPERS
from desktop.letters.samples import WITA, sample_sheet

from .test_letters_pdftools import (
    assert_fonts_embedded,
    assert_in_order,
    assert_inside_margins,
    box_ink_left_of,
    find_word,
    flat,
    info,
    need_tools,
    page_sizes,
    qpdf_clean,
    text,
    words,
    write,
)

pytestmark = need_tools

PAPER_PT = {"a4": (595.276, 841.89), "f4": (609.449, 935.433), "half": (609.449, 467.716)}
SENTENCES = [f"Kalimat nomor {i} tentang antrean obat di puskesmas." for i in range(160)]
TEN_UNITS = tuple(f"Seksi Pelayanan Nomor {i:02d}" for i in range(1, 11))


def long_sheet() -> DispositionSheet:
    s = sample_sheet()
    return replace(s, perihal="Antrean obat " + "sangat panjang " * 30 + "AKHIRJUDUL",
                   summary=" ".join(SENTENCES))


def ten_units_sheet() -> DispositionSheet:
    s = sample_sheet()
    return replace(s, disposition=replace(s.disposition, units=TEN_UNITS))


def minimal_sheet() -> DispositionSheet:
    return DispositionSheet(
        profile=AgencyProfile(code="X", header_lines=("DINAS CONTOH",)),
        source="", complaint_number="", qr_key=b"k",
        printed_at=datetime(2026, 11, 23, 10, 0, tzinfo=WITA),
    )


def long_kop_sheet() -> DispositionSheet:
    profile = AgencyProfile(
        code="BAPPEDA",
        header_lines=(
            "PEMERINTAH PROVINSI KALIMANTAN SELATAN " * 2,
            "BADAN PERENCANAAN PEMBANGUNAN, PENELITIAN DAN PENGEMBANGAN DAERAH",
            "UNIT PELAKSANA TEKNIS DAERAH " * 3,
        ),
        address="Jalan Aneka Tambang No. 1, Kawasan Perkantoran Pemerintah Provinsi, " * 4,
        phone_fax="Telepon (0511) 1234 567", web_email="bappeda@example.go.id",
    )
    return replace(sample_sheet(), profile=profile)


def absurd_sheet() -> DispositionSheet:
    """Every free-text field far too long: clipped or wrapped, never off the page."""
    s = sample_sheet()
    words_ = "kata " * 1000
    return replace(
        s, source=words_, complaint_number="9" * 100, agenda_number="1" * 100,
        reporter_name="X" * 3000, perihal="Y" * 3000,
        signer=Signer(jabatan=words_, name=words_, pangkat=words_, nip="7" * 500),
        disposition=replace(s.disposition, units=(words_,) * 3, instructions=(words_,),
                            checklist=(words_, "Z" * 2000), note="N" * 5000),
        profile=AgencyProfile(code="A" * 100, header_lines=(words_,) * 3, address=words_,
                              phone_fax=words_, web_email=words_),
    )


CASES = {
    "standard": sample_sheet,
    "long": long_sheet,
    "ten_units": ten_units_sheet,
    "anon_rahasia": lambda: sample_sheet(anonymous=True, confidential=True),
    "minimal": minimal_sheet,
    "long_kop": long_kop_sheet,
    "absurd": absurd_sheet,
}


def render(tmp_path: Path, case: str, paper: str = "a4") -> Path:
    return write(tmp_path, f"{case}-{paper}", render_disposition(CASES[case](), paper))


@pytest.mark.parametrize("paper", ["a4", "f4", "half"])
@pytest.mark.parametrize("case", list(CASES))
def test_every_case_on_every_paper_is_clean(tmp_path: Path, case: str, paper: str) -> None:
    path = render(tmp_path, case, paper)
    qpdf_clean(path)
    assert_fonts_embedded(path)
    for w, h in page_sizes(path):
        assert (w, h) == pytest.approx(PAPER_PT[paper], abs=0.01)
    p = PAPERS[paper]
    assert_inside_margins(path, (p.top_mm, p.right_mm, p.bottom_mm, p.left_mm))
    pages = len(page_sizes(path))
    last = flat(text(path, pages))
    assert f"Halaman {pages} dari {pages}" in last
    whole = flat(text(path))
    assert "NIP." in whole  # the signature block always lands (the isi may follow it)
    if "Lampiran: Isi Pengaduan" in whole:
        assert whole.index("NIP.") < whole.index("Lampiran: Isi Pengaduan")
    else:
        assert "NIP." in last


@pytest.mark.parametrize("paper", ["a4", "half"])
def test_fields_in_order(tmp_path: Path, paper: str) -> None:
    path = render(tmp_path, "standard", paper)
    assert len(page_sizes(path)) == 1  # a typical sheet fits one page, half folio included
    t = text(path)
    top = assert_in_order(t, [
        "PEMERINTAH PROVINSI KALIMANTAN SELATAN", "DINAS KESEHATAN", "Jalan Belitung Darat",
        "Telepon (0511) 3355 661", "Laman dinkes.kalselprov.go.id", "LEMBAR DISPOSISI",
    ])
    perihal = t.index("Perihal", top)
    # The two identity blocks sit side by side: check each column's order on its own.
    left_end = assert_in_order(t, [
        "Surat dari", ": LAPOR! Paman \u2013 Loket", "No. Laporan", ": 1916449",
        "Tgl. Laporan", ": 20 November 2026", "Pelapor", ": Siti Rahmah",
    ], top)
    right_end = assert_in_order(t, [
        "Diterima tanggal", ": 23 November 2026", "No. Agenda", ": 045/DISP/DINKES/XI/2026",
        "Tgl. Disposisi", ": 23 November 2026",
        "Sifat", "Kecepatan", "Sangat Segera", "Segera", "Biasa", "Keamanan", "Rahasia", "Biasa",
    ], top)
    assert max(left_end, right_end) < perihal
    routing = assert_in_order(t, [
        "Perihal", "Antrean obat di Puskesmas Pekauman mengular sampai siang",
        "Diteruskan kepada Sdr.:", "Dengan hormat harap:"], perihal)
    catatan = t.index("Catatan", routing)
    assert_in_order(t[:catatan], ["1.", "Bidang Pelayanan Kesehatan", "2.",
                                  "UPTD Puskesmas Pekauman"], routing)
    checklist = ["Tanggapan dan saran", "Proses lebih lanjut", "Koordinasikan/konfirmasikan",
                 "Untuk diketahui", "Selesaikan sesuai ketentuan"]
    if paper == "a4":  # one to a row; two to a row on the wide half folio
        assert_in_order(t[:catatan], checklist, routing)
    else:
        assert_in_order(t[:catatan], checklist[0::2], routing)
        assert_in_order(t[:catatan], checklist[1::2], routing)
    assert_in_order(t, [
        "Catatan", "Mohon ditindaklanjuti dan laporkan hasilnya kepada kami.",
        "Batas waktu", "30 November 2026 (5 hari kerja)",
        "KEPALA DINAS KESEHATAN", "dr. H. Ahmad Fauzan, M.Kes.", "Pembina Utama Muda (IV/c)",
        "NIP. 19700101 199503 1 002",
        "Dicetak 23 November 2026 10.15 WITA", "Meja D1", "Halaman 1 dari 1",
    ], routing)
    assert "RAHASIA" not in t


def test_long_perihal_flows_to_next_page_with_header(tmp_path: Path) -> None:
    path = render(tmp_path, "long")
    pages = len(page_sizes(path))
    assert pages >= 2
    for n in range(2, pages + 1):
        t = text(path, n)
        assert_in_order(t, ["PEMERINTAH PROVINSI KALIMANTAN SELATAN", "DINAS KESEHATAN",
                            "LEMBAR DISPOSISI (lanjutan)",
                            "No. Laporan 1916449 \u00b7 No. Agenda 045/DISP/DINKES/XI/2026"])
        assert f"Halaman {n} dari {pages}" in flat(t)
    assert "(lanjutan)" not in text(path, 1)
    # Nothing lost or reordered across the breaks: every sentence, in order, once the
    # page furniture (kop, title, reference line, footer) is cut away.
    bodies = []
    for n in range(1, pages + 1):
        t = flat(text(path, n))
        marker = "045/DISP/DINKES/XI/2026" if n > 1 else "LEMBAR DISPOSISI"
        bodies.append(t[t.index(marker) + len(marker):t.index("Dicetak")].strip())
    whole = " ".join(bodies)
    # The form first; the complaint's text follows the signature as its Lampiran.
    assert_in_order(whole, ["AKHIRJUDUL", "Isi pengaduan: lihat lampiran.", "Catatan",
                            "Batas waktu", "NIP. 19700101 199503 1 002",
                            "Lampiran: Isi Pengaduan", *SENTENCES])


@pytest.mark.parametrize("paper", ["a4", "half"])
def test_ten_units_numbered_in_order(tmp_path: Path, paper: str) -> None:
    path = render(tmp_path, "ten_units", paper)
    whole = text(path)
    assert_in_order(whole, [x for i, u in enumerate(TEN_UNITS, 1) for x in (f"{i}.", u)])
    for n in range(2, len(page_sizes(path)) + 1):
        if any(u in text(path, n) for u in TEN_UNITS):  # headings come along with the rows
            assert "Diteruskan kepada Sdr.:" in text(path, n)


def test_anonymous_and_rahasia(tmp_path: Path) -> None:
    path = render(tmp_path, "anon_rahasia")
    t = text(path)
    for secret in ("Siti", "Rahmah", "6371014101900001", "81234567890", "siti@example.id",
                   "Kelayan"):
        assert secret not in t, f"reporter identity leaked: {secret}"
    assert re.search(r"Pelapor\s+:\s+Anonim", t)
    assert re.search(r"Surat dari\s+:\s+LAPOR! Paman \u2013 Loket", t)
    # The RAHASIA mark sits in the header, level with the title.
    mark = find_word(path, "RAHASIA")
    title = find_word(path, "DISPOSISI")
    assert abs(mark.y0 - title.y0) < 6 and mark.x0 > title.x1
    # Sifat: Segera (chosen) and Rahasia (confidential) ticked, the others empty.
    box = 4.5 * MM
    ticked = [box_ink_left_of(path, find_word(path, "Rahasia"), box),
              box_ink_left_of(path, find_word(path, "Segera", not_after="Sangat"), box)]
    sangat = find_word(path, "Sangat")
    empty = [box_ink_left_of(path, sangat, box),
             box_ink_left_of(path, find_word(path, "Biasa"), box)]
    assert min(ticked) > 1.4 * max(empty), (ticked, empty)


def test_anonymous_rahasia_mark_on_every_page(tmp_path: Path) -> None:
    sheet = replace(long_sheet(), anonymous=True, confidential=True, reporter_name="Siti Rahmah")
    path = write(tmp_path, "anon-long", render_disposition(sheet, "half"))
    pages = len(page_sizes(path))
    assert pages >= 2
    for n in range(1, pages + 1):
        assert "RAHASIA" in text(path, n)
    assert "Siti" not in text(path)


def test_instruction_ticks_follow_the_choice(tmp_path: Path) -> None:
    path = render(tmp_path, "standard")
    box = 6 * MM
    ticked = [box_ink_left_of(path, find_word(path, w), box)
              for w in ("Proses", "Koordinasikan/konfirmasikan")]
    empty = [box_ink_left_of(path, find_word(path, w), box)
             for w in ("Tanggapan", "Untuk", "Selesaikan")]
    assert min(ticked) > 1.4 * max(empty), (ticked, empty)


def test_missing_optional_fields_print_dash(tmp_path: Path) -> None:
    path = render(tmp_path, "minimal")
    t = text(path)
    for label in ("Surat dari", "No. Laporan", "Tgl. Laporan", "Pelapor", "Diterima tanggal",
                  "No. Agenda", "Tgl. Disposisi", "Perihal", "Batas waktu"):
        assert re.search(rf"{re.escape(label)}\s+:\s+-(\s|$)", t), label
    # No note: a line to write one on, never "-"; no desk id: no "Meja" in the footer.
    assert not re.search(r"Catatan\s+:\s+-", t)
    assert "NIP. -" in t
    assert "Meja" not in t
    assert len(page_sizes(path)) == 1


def test_unknown_emblem_file_still_prints(tmp_path: Path) -> None:
    sheet = sample_sheet()
    profile = replace(sheet.profile, emblem_path=tmp_path / "tidak-ada.png")
    path = write(tmp_path, "no-emblem", render_disposition(replace(sheet, profile=profile)))
    qpdf_clean(path)
    assert "DINAS KESEHATAN" in text(path)


def test_qr_code_is_drawn(tmp_path: Path) -> None:
    from .test_letters_disposition_qr import qr_box
    from .test_letters_pdftools import ink

    path = render(tmp_path, "standard")
    area, _module = qr_box(path)
    assert 0.3 < ink(path, 1, area, dpi=144) < 0.75  # a QR is roughly half dark
    assert find_word(path, "Pindai").x0 > area[2]  # the caption beside it


def test_deterministic_output(tmp_path: Path) -> None:
    sheet = sample_sheet()
    first = render_disposition(sheet, "f4")
    assert render_disposition(sheet, "f4") == first  # archived reprints compare byte for byte
    assert render_disposition(replace(sheet, agenda_number="046/X"), "f4") != first
    path = write(tmp_path, "det", first)
    assert info(path)["CreationDate"].startswith("2026-11-23T10:15:00+08")
    live = write(tmp_path, "live", render_disposition(sheet, "f4", deterministic=False))
    qpdf_clean(live)
    assert not info(live)["CreationDate"].startswith("2026-11-23T10:15")


def test_unknown_paper_is_refused() -> None:
    with pytest.raises(ValueError, match="Ukuran kertas"):
        render_disposition(sample_sheet(), "letter")


def test_signer_and_deadline_variants(tmp_path: Path) -> None:
    s = sample_sheet()
    sheet = replace(
        s,
        signer=Signer(jabatan="Plt. KEPALA DINAS", name="Budi", nip="123"),
        disposition=replace(s.disposition, deadline=None, working_days=14,
                            instructions=("Hadiri rapat koordinasi",), free_lines=0),
        received_on=date(2026, 12, 1),
    )
    path = write(tmp_path, "variants", render_disposition(sheet))
    t = text(path)
    assert re.search(r"Batas waktu\s+:\s+14 hari kerja", t)
    assert "NIP. 123" in t and "Plt. KEPALA DINAS," in t
    # A chosen instruction missing from the checklist is added, ticked, after the list.
    assert_in_order(t, ["Selesaikan sesuai ketentuan", "Hadiri rapat koordinasi"])
    box = 6 * MM
    assert box_ink_left_of(path, find_word(path, "Hadiri"), box) > 1.4 * box_ink_left_of(
        path, find_word(path, "Tanggapan"), box)
    assert words(path)[0].words  # sanity: text extracted
