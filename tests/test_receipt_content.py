"""Issue 15.8 and 15.9: what the citizen needs on the Tanda Terima, and a thermal slip that
stays within 70 mm with at least 9 pt body text. Real PDFs read back with poppler."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.letters import AgencyProfile, render_receipt
from desktop.letters.paper import MM
from desktop.letters.samples import sample_profile, sample_receipt

from .test_letters_pdftools import flat, need_tools, text, words, write

pytestmark = need_tools
LAYOUTS = ["half", "a4", "thermal80"]
LONG = "L-D25DB-20261202-0001"  # a provisional number as long as desks make them


@pytest.mark.parametrize("layout", LAYOUTS)
def test_provisional_number_sends_the_citizen_to_the_office(tmp_path: Path, layout: str) -> None:
    receipt = replace(sample_receipt(), number=LONG, officer_nip="197001011995031002")
    path = write(tmp_path, layout, render_receipt(receipt, layout))
    t = flat(text(path))
    assert "hanya dikenal kantor ini" in t and "bukan melalui SMS 1708" in t
    assert "www.lapor.go.id" in t and "LAPOR!." not in t
    assert "Pelindungan data" in t and "terenkripsi" in t
    assert "Banjarmasin, 20 November 2026" in t  # place and date line
    assert "Rina Marlina" in t and "NIP 19700101 199503 1 002" in t
    assert "RAHASIA:" not in t and "ANONIM:" not in t
    # The number under the QR code is one unbroken line, not wrapped (so is the one above).
    page = words(path)[0]
    whole = [w for w in page.words if w.text == LONG]
    assert len(whole) == 2, [w.text for w in page.words if "L-D25DB" in w.text]
    assert len(words(path)) == 1  # still one page


def test_official_number_lists_every_channel(tmp_path: Path) -> None:
    receipt = replace(sample_receipt(), number="2000123", provisional=False)
    t = flat(text(write(tmp_path, "resmi", render_receipt(receipt, "half"))))
    assert "di kantor ini" in t and "www.lapor.go.id" in t and "SMS 1708" in t
    assert "sementara" not in t


@pytest.mark.parametrize("layout", LAYOUTS)
def test_anonymous_and_confidential_are_confirmed_in_words(tmp_path: Path, layout: str) -> None:
    receipt = replace(sample_receipt(anonymous=True, confidential=True), number=LONG)
    path = write(tmp_path, f"both-{layout}", render_receipt(receipt, layout))
    t = flat(text(path))
    assert "ANONIM: identitas Anda tidak diteruskan" in t
    assert "RAHASIA: isi laporan ini tidak dipublikasikan" in t
    assert "Siti" not in t
    assert len(words(path)) == 1


def test_thermal_slip_within_70_mm_and_9_pt(tmp_path: Path) -> None:
    receipt = replace(sample_receipt(anonymous=True, confidential=True), number=LONG,
                      officer_nip="197001011995031002")
    path = write(tmp_path, "slip", render_receipt(receipt, "thermal80"))
    page = words(path)[0]
    left = min(w.x0 for w in page.words)
    right = max(w.x1 for w in page.words)
    assert right - left <= 70 * MM, (right - left) / MM
    assert left >= 5 * MM - 0.5 and right <= page.width - 5 * MM + 0.5
    # Body lines (the summary) are set at 9 pt or more (poppler's own reading of the sizes).
    xml = subprocess.run(["pdftohtml", "-xml", "-stdout", "-i", str(path)], check=True,
                         capture_output=True, text=True).stdout
    sizes = {m[0]: float(m[1]) for m in re.findall(r'fontspec id="(\d+)" size="([\d.]+)"', xml)}
    body = re.findall(r'font="(\d+)"[^>]*>[^<]*Puskesmas Pekauman baru', xml)
    assert body and min(sizes[f] for f in body) >= 9.0, (body, sizes)


def test_place_comes_from_the_kop_address() -> None:
    def place(address: str) -> str:
        return AgencyProfile(code="X", header_lines=("DINAS",), address=address).place

    assert sample_profile().place == "Banjarmasin"
    assert place("Jl. A. Yani Km 36, Kec. Banjarbaru Utara, Kota Banjarbaru 70714") == \
        "Banjarbaru"
    assert place("Jl. Pramuka No. 4, Kabupaten Tanah Laut, Kalimantan Selatan") == "Tanah Laut"
    assert place("Jalan Pahlawan No. 1") == ""
